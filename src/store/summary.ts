import { traceCount } from '../dataset/table.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';

/** Type-7 percentile of sorted values (as the diff reports them), kept here so the store needs nothing of diff/. */
function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The summary numbers of a whole dataset, as the history index keeps them: read from the table's columns. */
export function summariseDataset(dataset: Dataset, key: string, verdict?: string): HistoryEntry {
  const t = dataset.table;
  const durations = t.duration.slice().sort();
  let errors = 0;
  for (let i = 0; i < t.size; i++) errors += t.error[i]!;
  const n = t.size;
  const { windowStartUs, windowEndUs, github } = dataset.provenance;
  const minutes = windowStartUs !== undefined && windowEndUs !== undefined ? (windowEndUs - windowStartUs) / 60e6 : 0;
  return {
    key,
    queryId: dataset.provenance.queryId,
    collectedAt: dataset.provenance.collectedAt,
    ...(dataset.provenance.snapshotId ? { snapshotId: dataset.provenance.snapshotId } : {}),
    spans: n,
    traces: traceCount(t),
    complete: dataset.coverage.complete,
    ...(verdict ? { verdict } : {}),
    ...(github?.ref ? { ref: github.ref } : {}),
    ...(github?.runId ? { runId: github.runId } : {}),
    ...(minutes > 0 ? { ratePerMin: n / minutes } : {}),
    errorRate: n ? errors / n : 0,
    latencyP50Us: Math.round(percentile(durations, 0.5)),
    latencyP95Us: Math.round(percentile(durations, 0.95)),
    latencyP99Us: Math.round(percentile(durations, 0.99)),
  };
}
