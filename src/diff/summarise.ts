import type { Stats } from './types.js';
import type { Groups } from './group.js';
import { meanOf, percentileSorted } from './stats/index.js';

/** Value `i`'s statistics, read from its run of latencies in place (no view of it is made). */
export function summarise(groups: Groups, i: number, windowMinutes: number): Stats {
  const latencies = groups.latencies;
  const from = groups.offsets[i]!;
  const n = groups.offsets[i + 1]! - from;
  const errors = groups.errors[i]!;
  return {
    occurrence: n,
    traces: groups.traceCount[i]!,
    errors,
    errorRate: n ? errors / n : 0,
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
