import { afterEach, describe, expect, it } from 'vitest';
import type { QueryConfig } from '../../../src/config/types.js';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS } from '../../../src/config/index.js';
import { SourceError } from '../../../src/errors.js';
import { recordingLogger } from '../../../src/log.js';
import {
  createLightstepSource,
  parseCompleteTime,
  type LightstepOptions,
} from '../../../src/sources/lightstep/index.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/index.js';

/** Everything here goes over real HTTP to the simulator on loopback; only the waits are scaled down. */
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const query = (text = 'service IN ("android")'): QueryConfig => ({
  ...DEFAULT_SETTINGS,
  id: 'android',
  name: 'Android',
  query: text,
  source: { kind: 'lightstep', organization: 'demo-org', project: 'demo-project' },
  baseline: DEFAULT_BASELINE,
});

async function setup(simOptions: SimulatorOptions = {}, clientOptions: Partial<LightstepOptions> = {}) {
  sim = await startSimulator({ seed: 3, tracesPerSnapshot: 300, ...simOptions });
  const logger = recordingLogger();
  const source = createLightstepSource({
    apiKey: sim.apiKey,
    organization: sim.organization,
    project: sim.project,
    apiUrl: sim.url,
    wait: { marginMs: 0, pollDelayMs: 20, polls: 5 },
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    // The documented 100/s would make each test take 3 s; the limiter itself is exercised in bench/fetch.ts.
    requestsPerSecond: 10_000,
    ...clientOptions,
  });
  return { sim, source, logger };
}

describe('collecting a snapshot over HTTP', () => {
  it('fetches each trace exactly once, and the dataset equals the ground truth', async () => {
    // Every span of the sandbox's traffic is an exemplar of this query: ~1,000 exemplars over 300 traces.
    const { sim, source, logger } = await setup({}, {});
    const dataset = await source.collect(
      query('service IN ("android", "iOS", "web", "api-server", "inventory", "payments")'),
      { logger },
    );
    expect(dataset.coverage.exemplars).toBeGreaterThan(1000);
    expect(dataset.coverage).toMatchObject({ complete: true, tracesWanted: 300, tracesFetched: 300, tracesFailed: 0 });
    const perTrace = [...sim.stats().storedTraceRequests.values()];
    expect(perTrace).toHaveLength(300);
    expect(perTrace.every((n) => n === 1)).toBe(true);
    const truth = sim.groundTruth(dataset.provenance.snapshotId!);
    const byId = (a: { spanId: string }, b: { spanId: string }) => a.spanId.localeCompare(b.spanId);
    expect([...dataset.spans].sort(byId)).toEqual([...truth].sort(byId));
    expect(dataset.provenance).toMatchObject({
      source: 'lightstep',
      queryId: 'android',
      origin: new URL(sim.url).host,
    });
    expect(dataset.provenance.uiLink).toMatch(/snapshot_id=/);
  });

  it('does not fetch a trace again for exemplars without trace ids once its spans are held', async () => {
    const { sim, source, logger } = await setup({ exemplarTraceGuid: false }, { concurrency: 1 });
    const dataset = await source.collect(query('service IN ("android", "api-server")'), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect([...sim.stats().storedTraceRequests.values()].every((n) => n === 1)).toBe(true);
  });

  it('survives 20 % transient stored-trace failures and a 429 burst, ending with full coverage', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ transientTraceFailures: 0.2, rateLimitBurst: 3 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage).toMatchObject({ complete: true, tracesFailed: 0 });
    expect(sim.stats().rateLimited).toBe(3);
    expect(dataset.spans).toHaveLength(sim.groundTruth(dataset.provenance.snapshotId!).length);
  });

  it('honours Retry-After on a 429', async () => {
    const waits: number[] = [];
    const { sim, source, logger } = await setup({}, { sleep: async (ms) => void waits.push(ms) });
    sim.setFaults({ rateLimitBurst: 1, retryAfterSeconds: 7 });
    await source.collect(query(), { logger });
    expect(waits).toContain(7000);
  });

  it('states the coverage and marks the dataset partial when traces fail for good', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ permanentTraceFailures: 0.1 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(false);
    expect(dataset.coverage.tracesFailed).toBeGreaterThan(0);
    expect(dataset.coverage.tracesFetched + dataset.coverage.tracesFailed).toBe(dataset.coverage.tracesWanted);
    expect(dataset.coverage.failures[0]!.reason).toMatch(/answered 500: Internal Server Error/);
    expect(logger.lines.map((l) => l.message).join('\n')).toMatch(/failed: the dataset is partial/);
  });

  it('survives truncated bodies and slow responses', async () => {
    const { sim, source, logger } = await setup();
    sim.setFaults({ truncateNext: 5, slowMs: 20 });
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
  });

  it('waits for a snapshot that is not complete yet, saying so', async () => {
    const sleeps: number[] = [];
    const { source, logger } = await setup(
      { completeAfterMs: 300 },
      {
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)).then(() => void sleeps.push(ms)),
        wait: { marginMs: 0, polls: 10, pollDelayMs: 100 },
      },
    );
    const dataset = await source.collect(query(), { logger });
    expect(dataset.coverage.complete).toBe(true);
    expect(logger.lines.map((l) => l.message).join('\n')).toMatch(/collecting until .*; waiting \d+ s/);
  });

  it('gives one clear line naming the fix for a bad key, without the key', async () => {
    const { sim } = await setup({ apiKey: 'the-right-key' });
    const source = createLightstepSource({
      apiKey: 'sk-secret-wrong-key',
      organization: sim.organization,
      project: sim.project,
      apiUrl: sim.url,
    });
    const logger = recordingLogger();
    const error = await source.collect(query(), { logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    const text = (error as SourceError).describe();
    expect(text).toBe(
      `Lightstep refused the API key (401) for organization 'demo-org', project 'demo-project' at ${new URL(sim.url).host}\n  fix: check the lightstep-api-key secret (a key of this organization with read access), and the organization and project names`,
    );
    expect(JSON.stringify(logger.lines)).not.toContain('sk-secret-wrong-key');
    expect(sim.stats().requests['create-snapshot']).toBe(1);
  });
});

describe('parsing complete-time', () => {
  it('accepts RFC 3339 and epoch seconds or milliseconds', () => {
    expect(parseCompleteTime('2026-01-01T00:00:30Z')).toBe(Date.UTC(2026, 0, 1, 0, 0, 30));
    expect(parseCompleteTime(1767225630)).toBe(1767225630000);
    expect(parseCompleteTime('1767225630000')).toBe(1767225630000);
    expect(parseCompleteTime(undefined)).toBeUndefined();
  });
});
