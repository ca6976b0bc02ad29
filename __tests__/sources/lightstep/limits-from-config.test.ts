import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { recordingLogger } from '../../../src/log.js';
import { startSimulator } from '../../../src/simulator/index.js';
import { sourceFor } from '../../../src/sources/index.js';

/**
 * The client-side limits are configuration, not constants: `source.lightstep.requests-per-second` and
 * `snapshot-requests-per-hour` reach the client that `sourceFor` builds for a query, over real HTTP.
 */
describe('Lightstep limits set in the config', () => {
  const configFor = (url: string, extra: string) =>
    parseConfig(
      [
        'version: 1',
        'source:',
        '  lightstep:',
        '    organization: demo-org',
        '    project: demo-project',
        `    api-url: ${url}`,
        extra,
        'queries:',
        '  - id: android',
        '    query: service IN ("android")',
      ].join('\n'),
      'trace-differ.yml',
    );

  it('reads both keys into the query source', () => {
    const config = configFor('http://127.0.0.1:1', '    requests-per-second: 20\n    snapshot-requests-per-hour: 30');
    expect(config.queries[0]!.source).toMatchObject({ requestsPerSecond: 20, snapshotRequestsPerHour: 30 });
  });

  it('a snapshot budget of 2 an hour lets one collection through and stops the next with a clear line', async () => {
    const sim = await startSimulator({ seed: 5, tracesPerSnapshot: 20, storedTraceLimitPerSecond: 1000 });
    try {
      // Each collection makes two snapshot requests (create, then read with exemplars).
      const config = configFor(sim.url, '    requests-per-second: 1000\n    snapshot-requests-per-hour: 2');
      const query = config.queries[0]!;
      const settings = { lightstep: { apiKey: sim.apiKey }, timeScale: 0.001 };
      const logger = recordingLogger();
      const first = await sourceFor(query, settings).collect(query, { logger });
      expect(first.coverage.complete).toBe(true);
      await expect(sourceFor(query, settings).collect(query, { logger })).rejects.toThrow(
        /used the 2 snapshot requests an hour allowed for organization 'demo-org'/,
      );
      expect(sim.stats().snapshotsCreated).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
