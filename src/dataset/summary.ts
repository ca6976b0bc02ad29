import { percentileSorted } from '../diff/stats/percentiles.js';
import type { Dataset, HistoryEntry } from './types.js';

/** The summary numbers of a whole dataset, as the history index keeps them. */
export function summariseDataset(dataset: Dataset, key: string, verdict?: string): HistoryEntry {
  const durations = Float64Array.from(dataset.spans, (s) => s.durationUs).sort();
  const errors = dataset.spans.reduce((n, s) => n + (s.error ? 1 : 0), 0);
  const n = dataset.spans.length;
  const { windowStartUs, windowEndUs, github } = dataset.provenance;
  const minutes = windowStartUs !== undefined && windowEndUs !== undefined ? (windowEndUs - windowStartUs) / 60e6 : 0;
  return {
    key,
    queryId: dataset.provenance.queryId,
    collectedAt: dataset.provenance.collectedAt,
    ...(dataset.provenance.snapshotId ? { snapshotId: dataset.provenance.snapshotId } : {}),
    spans: n,
    traces: new Set(dataset.spans.map((s) => s.traceId)).size,
    complete: dataset.coverage.complete,
    ...(verdict ? { verdict } : {}),
    ...(github?.ref ? { ref: github.ref } : {}),
    ...(github?.runId ? { runId: github.runId } : {}),
    ...(minutes > 0 ? { ratePerMin: n / minutes } : {}),
    errorRate: n ? errors / n : 0,
    latencyP50Us: Math.round(percentileSorted(durations, 0.5)),
    latencyP95Us: Math.round(percentileSorted(durations, 0.95)),
    latencyP99Us: Math.round(percentileSorted(durations, 0.99)),
  };
}
