import { DEFAULT_SETTINGS, parseConfig } from '../../src/config/index.js';
import type { DiffSettings } from '../../src/config/types.js';
import { tableOf } from '../../src/dataset/table.js';
import type { Dataset, Span } from '../../src/dataset/types.js';
import { generateTraffic, type Scenario } from '../../src/simulator/traffic.js';

export const START_US = 1_700_000_000_000_000;

/** A complete dataset of spans, as the Lightstep source would hand it to the engine (a collection, not a file). */
export function datasetOf(
  spans: Span[],
  options: { complete?: boolean; snapshotId?: string; windowMinutes?: number } = {},
): Dataset {
  const traces = new Set(spans.map((s) => s.traceId)).size;
  const window =
    options.windowMinutes === undefined
      ? {}
      : { windowStartUs: START_US, windowEndUs: START_US + options.windowMinutes * 60_000_000 };
  return {
    provenance: {
      source: 'lightstep',
      queryId: 'q',
      query: 'test',
      collectedAt: '2026-11-24T00:00:00Z',
      snapshotId: options.snapshotId,
      ...window,
    },
    coverage: {
      complete: options.complete ?? true,
      exemplars: spans.length,
      tracesWanted: traces,
      tracesFetched: options.complete === false ? Math.floor(traces * 0.8) : traces,
      tracesFailed: options.complete === false ? traces - Math.floor(traces * 0.8) : 0,
      failures: [],
    },
    table: tableOf(spans),
  };
}

export function traffic(seed: number, traces: number, scenario?: Scenario): Dataset {
  return datasetOf(generateTraffic({ seed, traces, startUs: 1_700_000_000_000_000, windowMinutes: 10, scenario }));
}

export const QUERY = { id: 'q', name: 'Checkout', query: 'service IN ("android")' };

export const SETTINGS: DiffSettings = {
  ...DEFAULT_SETTINGS,
  groupBy: [['service'], ['operation'], ['customer'], ['service', 'operation']],
};

let spanCount = 0;

/** A span with sensible defaults, for small hand-made datasets: a trace of its own unless told otherwise. */
export function span(overrides: Partial<Span> & { durationUs: number }): Span {
  const spanId = (++spanCount).toString(16).padStart(16, '0');
  return {
    spanId,
    traceId: `t-${spanId}`,
    service: 'svc',
    operation: 'op',
    startUs: START_US,
    error: false,
    tags: {},
    ...overrides,
  };
}

/** Settings as a user writes them: the YAML of `.github/trace-differ.yml`, through the real config loader. */
export function settingsFrom(defaults: string, groupBy = '[operation]'): DiffSettings {
  const yaml = [
    'version: 1',
    'source:',
    '  lightstep: { organization: acme, project: production }',
    'defaults:',
    `  group-by: ${groupBy}`,
    ...defaults
      .trim()
      .split('\n')
      .map((line) => `  ${line}`),
    'queries:',
    '  - id: q',
    '    query: service IN ("svc")',
  ].join('\n');
  const { groupBy: keys, minSamples, significance, thresholds } = parseConfig(yaml, 'trace-differ.yml').queries[0]!;
  return { groupBy: keys, minSamples, significance, thresholds };
}

/** `n` spans of one operation; `latency(i)` in µs, `error(i)` whether span i failed. */
export function spansOf(
  operation: string,
  n: number,
  latency: (i: number) => number,
  error: (i: number) => boolean = () => false,
  extra: Partial<Span> = {},
): Span[] {
  return Array.from({ length: n }, (_, i) =>
    span({ operation, durationUs: Math.round(latency(i)), error: error(i), traceId: `${operation}-${i}`, ...extra }),
  );
}
