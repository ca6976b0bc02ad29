import type { Stats } from './types.js';
import type { Bucket } from './group.js';
import { meanOf, percentileSorted } from './stats/index.js';

/** A bucket's statistics, with its sorted durations kept for the rank tests. */
export interface Summary {
  stats: Stats;
  sorted: Float64Array;
}

export function summarise(bucket: Bucket, windowMinutes: number): Summary {
  const sorted = bucket.sorted;
  const n = sorted.length;
  return {
    sorted,
    stats: {
      occurrence: n,
      traces: bucket.traceCount,
      errors: bucket.errors,
      errorRate: n ? bucket.errors / n : 0,
      ratePerMin: n / windowMinutes,
      latencyUs: {
        avg: Math.round(meanOf(sorted)),
        p50: Math.round(percentileSorted(sorted, 0.5)),
        p90: Math.round(percentileSorted(sorted, 0.9)),
        p95: Math.round(percentileSorted(sorted, 0.95)),
        p99: Math.round(percentileSorted(sorted, 0.99)),
        max: n ? sorted[n - 1]! : 0,
      },
    },
  };
}
