import { DEFAULT_SETTINGS } from '../../src/config/index.js';
import type { DiffSettings } from '../../src/config/types.js';
import type { Dataset, Span } from '../../src/dataset/types.js';
import { generateTraffic, type Scenario } from '../../src/simulator/traffic.js';

/** A complete dataset of spans, as a source would hand it to the engine. */
export function datasetOf(spans: Span[], options: { complete?: boolean; snapshotId?: string } = {}): Dataset {
  const traces = new Set(spans.map((s) => s.traceId)).size;
  return {
    provenance: {
      source: 'file',
      queryId: 'q',
      query: 'test',
      collectedAt: '2026-11-24T00:00:00Z',
      snapshotId: options.snapshotId,
    },
    coverage: {
      complete: options.complete ?? true,
      exemplars: spans.length,
      tracesWanted: traces,
      tracesFetched: options.complete === false ? Math.floor(traces * 0.8) : traces,
      tracesFailed: options.complete === false ? traces - Math.floor(traces * 0.8) : 0,
      failures: [],
    },
    spans,
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

/** A span with sensible defaults, for small hand-made datasets. */
export function span(overrides: Partial<Span> & { durationUs: number }): Span {
  return {
    spanId: Math.random().toString(16).slice(2, 18),
    traceId: 't',
    service: 'svc',
    operation: 'op',
    startUs: 1_700_000_000_000_000,
    error: false,
    tags: {},
    ...overrides,
  };
}
