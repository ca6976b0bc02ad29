import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../src/log.js';
import { createLightstepSource } from '../../../src/sources/lightstep/index.js';
import { query } from './setup.js';

const CLI = fileURLToPath(new URL('../../../src/cli.ts', import.meta.url));

describe('trace-differ simulate', () => {
  it('serves the API from its own process, takes faults over HTTP, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'simulate', '--port', '0', '--seed', '7'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          // The banner is complete once it has named the stats endpoint.
          if (found && stderr.includes('/_simulator/stats')) resolve(found[1]!);
        });
        child.once('exit', () => reject(new Error(`simulate exited early:\n${stderr}`)));
      });
      expect(stderr).toMatch(/organization: demo-org {3}project: demo-project/);
      expect(stderr).toContain(`PUT ${url}/_simulator/faults`);

      const put = await request(`${url}/_simulator/faults`, {
        method: 'PUT',
        body: JSON.stringify({ transientTraceFailures: 0.3 }),
      });
      expect(put.statusCode).toBe(200);
      await put.body.dump();
      const source = createLightstepSource({
        apiKey: 'any-key',
        organization: 'demo-org',
        project: 'demo-project',
        apiUrl: url,
        retry: { baseDelayMs: 5, maxDelayMs: 20 },
      });
      const dataset = await source.collect(query('service IN ("web")'), { logger: recordingLogger() });
      expect(dataset.coverage.complete).toBe(true);
      const stats = (await request(`${url}/_simulator/stats`).then((r) => r.body.json())) as {
        requests: Record<string, number>;
        limitExceeded: number;
      };
      expect(stats.requests['stored-traces']).toBeGreaterThan(dataset.coverage.tracesFetched);
      expect(stats.limitExceeded).toBe(0);
    } finally {
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    }
  });
});
