import type { Stats } from './types.js';
import type { Bucket } from './group.js';
import { meanOf, percentileSorted } from './stats/index.js';

/** A bucket's statistics, read from its run of latencies in place (no view of it is made). */
export function summarise(bucket: Bucket, windowMinutes: number): Stats {
  const { latencies, from, size: n } = bucket;
  return {
    occurrence: n,
    traces: bucket.traceCount,
    errors: bucket.errors,
    errorRate: n ? bucket.errors / n : 0,
    ratePerMin: n / windowMinutes,
    latencyUs: {
      avg: Math.round(meanOf(latencies, from, n)),
      p50: Math.round(percentileSorted(latencies, 0.5, from, n)),
      p90: Math.round(percentileSorted(latencies, 0.9, from, n)),
      p95: Math.round(percentileSorted(latencies, 0.95, from, n)),
      p99: Math.round(percentileSorted(latencies, 0.99, from, n)),
      max: n ? latencies[from + n - 1]! : 0,
    },
  };
}
