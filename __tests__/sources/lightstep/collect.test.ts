import { spansOfTable } from '../../../src/dataset/table.js';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { recordingLogger } from '../../../src/log.js';
import {
  collectSnapshot,
  createLightstepSource,
  listSnapshots,
  parseCompleteTime,
} from '../../../src/sources/lightstep/index.js';
import { ALL_SERVICES, logText, query, recordingSleep, setup, sorted } from './setup.js';

describe('collecting a snapshot over HTTP', () => {
  it('fetches each trace exactly once, and the dataset equals the ground truth', async () => {
    // Every span of the sandbox's traffic is an exemplar of this query: over 1,000 exemplars on 300 traces.
    const { sim, source, logger } = await setup();
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage.exemplars).toBeGreaterThan(1000);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesWanted: 300, tracesFetched: 300, tracesFailed: 0 });
    const perTrace = [...sim.stats().storedTraceRequests.values()];
    expect(perTrace).toHaveLength(300);
    expect(perTrace.every((n) => n === 1)).toBe(true);
    expect(sim.stats().requests['stored-traces']).toBe(300);
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
    expect(dataset.provenance).toMatchObject({
      source: 'lightstep',
      queryId: 'android',
      query: ALL_SERVICES,
      origin: new URL(sim.url).host,
    });
    expect(dataset.provenance.uiLink).toMatch(/snapshot_id=/);
    expect(Date.parse(dataset.provenance.createdAt!)).toBeLessThanOrEqual(Date.parse(dataset.provenance.completeAt!));
  });

  it('keeps the reporter as service and host, the parent from parent_span_guid, and tags as strings', async () => {
    const { sim, source, logger } = await setup({ tracesPerSnapshot: 20 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    const child = spansOfTable(dataset.table).find((s) => s.service === 'inventory')!;
    const parent = spansOfTable(dataset.table).find((s) => s.spanId === child.parentSpanId)!;
    expect(parent).toBeDefined();
    expect(parent.traceId).toBe(child.traceId);
    expect(child.host).toMatch(/^inventory-\d$/);
    expect(child.tags).not.toHaveProperty('parent_span_guid');
    for (const s of spansOfTable(dataset.table)) for (const v of Object.values(s.tags)) expect(typeof v).toBe('string');
    expect(spansOfTable(dataset.table).filter((s) => !s.parentSpanId)).toHaveLength(20);
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
  });

  it('fetches each trace once for exemplars that do not name their trace, one fetch at a time', async () => {
    const { sim, source, logger } = await setup({ exemplarTraceGuid: false }, { concurrency: 1 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFetched: 300 });
    expect([...sim.stats().storedTraceRequests.values()].every((n) => n === 1)).toBe(true);
    expect(sim.stats().requests['stored-traces']).toBe(300);
  });

  it('fetches each trace once with fetches in parallel when exemplars do not name their trace', async () => {
    // They are fetched one operation at a time: spans of one operation are in different traces
    // (in this traffic always; in real traffic almost always), so fetches in flight do not meet.
    const { sim, source, logger } = await setup({ exemplarTraceGuid: false }, { concurrency: 8 });
    sim.setFaults({ slowMs: 2 });
    const dataset = await source.collect(query(ALL_SERVICES), { logger });
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFetched: 300, tracesFailed: 0 });
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
    expect([...sim.stats().storedTraceRequests.values()].every((n) => n === 1)).toBe(true);
    expect(sim.stats().requests['stored-traces']).toBe(300);
    expect(sim.stats().maxInFlight).toBe(8);
  });

  it('gives an empty, complete dataset and a warning for a query that matches nothing', async () => {
    const { sim, source, logger } = await setup();
    const dataset = await source.collect(query('service IN ("nobody")'), { logger });
    expect(spansOfTable(dataset.table)).toEqual([]);
    expect(dataset.coverage).toMatchObject({ complete: true, exemplars: 0, tracesWanted: 0 });
    expect(logText(logger)).toContain(
      `warn: snapshot ${dataset.provenance.snapshotId} of "service IN (\\"nobody\\")" found no spans`,
    );
    expect(sim.stats().requests['stored-traces']).toBeUndefined();
  });

  it('survives 20 % transient stored-trace failures and a 429 burst, ending with full coverage and the ground truth', async () => {
    const { sleep, waits } = recordingSleep();
    const { sim, source, logger } = await setup({}, { sleep });
    sim.setFaults({ transientTraceFailures: 0.2, rateLimitBurst: 3 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFailed: 0 });
    expect(dataset.coverage.tracesFetched).toBe(dataset.coverage.tracesWanted);
    expect(sim.stats().rateLimited).toBe(3);
    // The burst's 429s said X-RateLimit-Reset: 1, and that is what was waited.
    expect(waits.filter((ms) => ms === 1000)).toHaveLength(3);
    const retried = [...sim.stats().storedTraceRequests.values()].filter((n) => n === 2).length;
    expect(retried).toBeGreaterThan(dataset.coverage.tracesWanted * 0.1);
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
  });

  it('counts a failed trace once, not once per exemplar, when exemplars do not name their trace', async () => {
    // Each trace that always answers 500 has several exemplars, each fetched (and failing) on its own.
    for (const [seed, share] of [
      [3, 0.1],
      [5, 0.3],
    ] as const) {
      const { sim, source, logger } = await setup({ seed, exemplarTraceGuid: false });
      sim.setFaults({ permanentTraceFailures: share });
      const dataset = await source.collect(query(ALL_SERVICES), { logger });
      const { coverage } = dataset;
      const truth = new Set(sim.groundTruth(dataset.provenance.snapshotId!).map((s) => s.traceId));
      const fetched = new Set(spansOfTable(dataset.table).map((s) => s.traceId));
      const reallyFailed = truth.size - fetched.size;
      // Counted per exemplar it was over three times the truth; now within 10 % of it.
      expect(Math.abs(coverage.tracesFailed - reallyFailed)).toBeLessThanOrEqual(Math.ceil(reallyFailed * 0.1));
      expect(coverage).toMatchObject({ complete: false, tracesFetched: fetched.size });
      expect(coverage.tracesWanted).toBe(coverage.tracesFetched + coverage.tracesFailed);
      expect(logText(logger)).toMatch(
        /\d+ exemplars that do not name their trace could not be fetched; .* about \d+ traces/,
      );
    }
  });

  it('states the coverage and marks the dataset partial when traces fail for good', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ permanentTraceFailures: 0.1 });
    const dataset = await source.collect(query(), { logger });
    const { coverage } = dataset;
    expect(coverage.complete).toBe(false);
    expect(coverage.tracesFailed).toBeGreaterThan(0);
    expect(coverage.tracesFetched + coverage.tracesFailed).toBe(coverage.tracesWanted);
    expect(coverage.failures).toHaveLength(Math.min(50, coverage.tracesFailed));
    expect(coverage.failures[0]!.reason).toBe('GET /stored-traces answered 500: Internal Server Error');
    const text = logText(logger);
    expect(text).toMatch(/failed: the dataset is partial/);
    expect(text).toContain(
      `warn: snapshot ${dataset.provenance.snapshotId}: coverage ${coverage.tracesFetched} of ${coverage.tracesWanted} traces`,
    );
    // What was fetched is still exactly the ground truth of those traces.
    const truth = sim.groundTruth(dataset.provenance.snapshotId!);
    const got = new Set(spansOfTable(dataset.table).map((s) => s.traceId));
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(truth).filter((s) => got.has(s.traceId)));
    expect(got.size).toBe(coverage.tracesFetched);
  });

  it('survives truncated bodies, connection resets and slow responses', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ truncateNext: 5, resetNext: 5, slowMs: 20 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
    expect(logText(logger)).toMatch(/debug: retrying GET \/stored-traces in \d+ ms \(attempt 2 of 5\)/);
  });

  it('retries a request that times out', async () => {
    const { sim, source, logger } = await setup({}, { timeoutMs: 200 });
    sim.setFaults({ stall: { next: 3, ms: 1500 } });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(logText(logger).match(/retrying GET \/stored-traces .*UND_ERR_HEADERS_TIMEOUT/g)).toHaveLength(3);
  });
});

describe('waiting for a snapshot to complete', () => {
  it.each(['rfc3339', 'epoch-seconds', 'epoch-ms'] as const)(
    'reads complete-time written as %s and waits until it has passed, saying so',
    async (completeTimeFormat) => {
      const { sim, source, logger } = await setup(
        { completeAfterMs: 600, completeTimeFormat },
        { wait: { marginMs: 50, polls: 5, pollDelayMs: 20, progressEveryMs: 150 } },
      );
      const dataset = await source.collect(query(), { logger });
      expect(dataset.coverage.complete).toBe(true);
      // Waited long enough: the first read found the exemplars.
      expect(sim.stats().requests['get-snapshot']).toBe(1);
      const text = logText(logger);
      // Epoch seconds round complete-time up to the next second: up to 2 s.
      expect(text).toMatch(/collecting until \d{4}-\d\d-\d\dT[\d:.]+Z; waiting [12] s/);
      expect(text).toMatch(/still collecting, [12] s to go/);
      const completeAt = Date.parse(dataset.provenance.completeAt!);
      expect(completeAt - Date.parse(dataset.provenance.createdAt!)).toBeGreaterThanOrEqual(500);
    },
  );

  it('polls with a growing delay while a complete snapshot still lists no exemplars', async () => {
    const { sleep, waits } = recordingSleep();
    const { sim, source, logger } = await setup({}, { sleep, wait: { marginMs: 0, polls: 5, pollDelayMs: 100 } });
    sim.setFaults({ notCompleteReads: 3 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(sim.stats().requests['get-snapshot']).toBe(4);
    expect(waits.slice(0, 3)).toEqual([100, 200, 400]);
    expect(logText(logger)).toContain('not complete yet (read 3 of 5); next read in 1 s');
  });

  it('gives up after the configured number of reads, with a line that says what to do', async () => {
    const { sim, source, logger } = await setup({}, { wait: { marginMs: 0, polls: 3, pollDelayMs: 10 } });
    sim.setFaults({ notCompleteReads: 100 });
    const error = await source.collect(query(), { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(/listed no exemplars after 3 reads/);
    expect((error as SourceError).fix).toMatch(/raise the wait/);
    expect(sim.stats().requests['get-snapshot']).toBe(3);
  });
});

describe('creating a snapshot', () => {
  it('retries the create after a 429, and creates one snapshot', async () => {
    const { sleep } = recordingSleep();
    const { sim, source, logger } = await setup({}, { sleep });
    sim.setFaults({ rateLimitBurst: 2 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(sim.stats().requests['create-snapshot']).toBe(3);
    expect(sim.stats().snapshotsCreated).toBe(1);
  });

  it('does not repeat a create answered with a 500, which may have created one', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ createFailures: 1 });
    const error = await source.collect(query(), { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).describe()).toBe(
      'Lightstep did not confirm the snapshot of "service IN (\\"android\\")": POST /snapshots answered 500: Internal Server Error\n' +
        '  fix: this is usually passing trouble at Lightstep or on the network; the next run will try again',
    );
    expect(sim.stats().requests['create-snapshot']).toBe(1);
    expect(sim.stats().snapshotsCreated).toBe(1);
  });

  it('names the organization or project Lightstep does not know', async () => {
    const { options } = await setup();
    const error = await createLightstepSource({ ...options, project: 'no-such-project' })
      .collect(query(), { logger: recordingLogger() })
      .catch((e: unknown) => e);
    expect((error as SourceError).describe()).toBe(
      `Lightstep does not know organization 'demo-org' with project 'no-such-project' at ${new URL(options.apiUrl!).host} (POST /snapshots answered 404: Unknown organization or project)\n` +
        '  fix: check source.lightstep.organization and project in the config',
    );
  });

  it('names the query when Lightstep rejects it', async () => {
    const { sim, source, logger } = await setup();
    const error = await source.collect(query('  '), { logger }).catch((e: unknown) => e);
    expect((error as SourceError).describe()).toMatch(
      /^Lightstep rejected the query " {2}": .*400.*\n {2}fix: check the query syntax/,
    );
    expect(sim.stats().requests['create-snapshot']).toBe(1);
  });
});

describe('picking up existing snapshots', () => {
  it('lists the snapshots, finds the newest of a query, and collects it without creating one', async () => {
    const { sim, source, options, logger } = await setup({ tracesPerSnapshot: 50 });
    const first = await source.collect(query(), { logger });
    await source.collect(query('service IN ("iOS")'), { logger });
    const second = await source.collect(query(), { logger });
    const listed = await listSnapshots(options);
    expect(listed.map((s) => s.id)).toEqual([
      first.provenance.snapshotId,
      expect.any(String),
      second.provenance.snapshotId,
    ]);
    expect(listed[1]!.query).toBe('service IN ("iOS")');
    // What a re-run picks up (see reuse-snapshots.test.ts): the newest listed snapshot of the same query text.
    const found = listed.filter((s) => s.query === 'service IN ("android")').at(-1);
    expect(found?.id).toBe(second.provenance.snapshotId);
    expect(listed.some((s) => s.query === 'service IN ("web")')).toBe(false);

    const created = sim.stats().snapshotsCreated;
    const picked = await collectSnapshot(found!.id, { ...options, query: query() });
    expect(sim.stats().snapshotsCreated).toBe(created);
    expect(sorted(spansOfTable(picked.table))).toEqual(sorted(spansOfTable(second.table)));
    expect(picked.coverage.complete).toBe(true);
  });

  it('names an unknown snapshot id and what to check', async () => {
    const { options } = await setup();
    const error = await collectSnapshot('Nope123456', { ...options, query: query() }).catch((e: unknown) => e);
    expect((error as SourceError).describe()).toMatch(
      /^Lightstep has no snapshot 'Nope123456' at 127\.0\.0\.1:\d+ \(GET \/snapshots\/Nope123456 answered 404: No snapshot with id Nope123456\)\n {2}fix: check the snapshot id/,
    );
  });
});

describe('a bad API key', () => {
  it.each([401, 403] as const)('gives one clear line naming the fix on a %i, without the key', async (status) => {
    const { sim } = await setup({ apiKey: 'the-right-key', badKeyStatus: status });
    sim.setFaults({ echoKeyInErrors: true });
    const source = createLightstepSource({
      apiKey: 'sk-secret-wrong-key',
      organization: sim.organization,
      project: sim.project,
      apiUrl: sim.url,
    });
    const logger = recordingLogger();
    const error = await source.collect(query(), { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).describe()).toBe(
      `Lightstep refused the API key (${status}) for organization 'demo-org', project 'demo-project' at ${new URL(sim.url).host}\n  fix: check the lightstep-api-key secret (a key of this organization with read access), and the organization and project names`,
    );
    expect(JSON.stringify(logger.lines)).not.toContain('sk-secret-wrong-key');
    expect(sim.stats().requests['create-snapshot']).toBe(1);
  });

  it('refuses an API URL that is not one, naming the EU host as an example', async () => {
    const { options } = await setup();
    const error = await createLightstepSource({ ...options, apiUrl: 'api.eu.lightstep.com' })
      .collect(query(), { logger: recordingLogger() })
      .catch((e: unknown) => e);
    expect((error as SourceError).describe()).toBe(
      'the Lightstep API URL "api.eu.lightstep.com" is not an https URL\n' +
        '  fix: set it to the API host alone, e.g. https://api.lightstep.com (EU: https://api.eu.lightstep.com)',
    );
  });

  it('refuses a key with a line break in it before sending anything', async () => {
    const { sim, options } = await setup();
    const error = await createLightstepSource({ ...options, apiKey: 'abc\ndef' })
      .collect(query(), { logger: recordingLogger() })
      .catch((e: unknown) => e);
    expect((error as SourceError).describe()).toMatch(
      /API key is empty or contains spaces or control characters\n {2}fix: /,
    );
    expect(sim.stats().requests['create-snapshot']).toBeUndefined();
  });
});

describe('parsing complete-time', () => {
  it('accepts RFC 3339 and epoch seconds or milliseconds, and ignores anything else', () => {
    expect(parseCompleteTime('2026-01-01T00:00:30Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 30));
    expect(parseCompleteTime('2026-01-01T01:00:30+01:00')).toBe(Date.UTC(2026, 0, 1, 0, 0, 30));
    expect(parseCompleteTime(1767225630)).toBe(1767225630000);
    expect(parseCompleteTime('1767225630')).toBe(1767225630000);
    expect(parseCompleteTime('1767225630000')).toBe(1767225630000);
    expect(parseCompleteTime(undefined)).toBeUndefined();
    expect(parseCompleteTime({ seconds: 1 })).toBeUndefined();
    expect(parseCompleteTime('soon')).toBeUndefined();
  });
});
