import { normaliseTraceId } from '../../../src/dataset/table.js';
import { afterEach } from 'vitest';
import type { QueryConfig } from '../../../src/config/types.js';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS } from '../../../src/config/index.js';
import type { Span } from '../../../src/dataset/types.js';
import { recordingLogger } from '../../../src/log.js';
import { createLightstepSource, type LightstepOptions } from '../../../src/sources/lightstep/index.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../src/simulator/index.js';

/**
 * Shared set-up of the Lightstep tests: a simulator on loopback and a source pointed at it.
 * Everything goes over real HTTP; only waits are scaled down, and both sides are given the same
 * (raised) stored-trace limit so that the simulator, which enforces it, stays the judge.
 */
let sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

export const ALL_SERVICES = 'service IN ("android", "iOS", "web", "api-server", "inventory", "payments")';

export const query = (text = 'service IN ("android")'): QueryConfig => ({
  ...DEFAULT_SETTINGS,
  id: 'android',
  name: 'Android',
  query: text,
  source: { kind: 'lightstep', organization: 'demo-org', project: 'demo-project' },
  baseline: DEFAULT_BASELINE,
});

/** A sleep that records what it was asked and waits at most `capMs`, so that a 1 s Retry-After costs a test 5 ms. */
export function recordingSleep(capMs = 5) {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return new Promise<void>((r) => setTimeout(r, Math.min(ms, capMs)));
    },
  };
}

export async function setup(simOptions: SimulatorOptions = {}, clientOptions: Partial<LightstepOptions> = {}) {
  const limit = simOptions.storedTraceLimitPerSecond ?? 2000;
  const sim = await startSimulator({
    seed: 3,
    tracesPerSnapshot: 300,
    storedTraceLimitPerSecond: limit,
    ...simOptions,
  });
  sims.push(sim);
  const logger = recordingLogger();
  const options: LightstepOptions = {
    apiKey: sim.apiKey,
    organization: sim.organization,
    project: sim.project,
    apiUrl: sim.url,
    wait: { marginMs: 0, pollDelayMs: 20, polls: 5 },
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    requestsPerSecond: limit,
    ...clientOptions,
  };
  return { sim, source: createLightstepSource(options), options, logger };
}

export const byId = (a: Span, b: Span) => a.spanId.localeCompare(b.spanId);
/** Spans in one order, trace ids as the span table writes them (a 64-bit id widened to 128 bits). */
export const sorted = (spans: readonly Span[]) =>
  spans.map((s) => ({ ...s, traceId: normaliseTraceId(s.traceId) })).sort(byId);
export const logText = (logger: { lines: { level: string; message: string }[] }) =>
  logger.lines.map((l) => `${l.level}: ${l.message}`).join('\n');
