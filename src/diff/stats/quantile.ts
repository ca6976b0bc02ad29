import { errorRateTest } from './proportions.js';

/** How many of a sorted sample are strictly above t (binary search). */
function countAbove(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/** The k-th smallest (1-based) of the union of two sorted samples, by bisection on the value. */
function kthOfUnion(a: Float64Array, b: Float64Array, k: number): number {
  let lo = Math.min(a[0] ?? Infinity, b[0] ?? Infinity);
  let hi = Math.max(a[a.length - 1] ?? -Infinity, b[b.length - 1] ?? -Infinity);
  const atMost = (t: number) => a.length - countAbove(a, t) + b.length - countAbove(b, t);
  // A NaN or infinite end has nothing to bisect towards (and the 200 steps below bound it anyway).
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return atMost(lo) >= k ? lo : hi;
  // Invariant: atMost(hi) >= k; the answer is the smallest sample value with atMost >= k.
  for (let step = 0; step < 200 && lo < hi; step++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (atMost(mid) >= k) hi = mid;
    else lo = mid;
  }
  return atMost(lo) >= k ? lo : hi;
}

/**
 * Whether the q-quantile of latency differs between two SORTED samples: the generalised median test
 * (Mood's median test at quantile q). Under no difference, the spans above the pooled q-quantile are
 * spread over the two sides like errors over two equal populations, so the 2×2 table of "above / not
 * above" per side is tested as the error rate is (Fisher's exact test for small counts, else the
 * two-proportion z-test). The rank-sum test sees a shift of the whole distribution; this one sees a
 * change confined to the tail, which moves p95 or p99 and barely moves the ranks.
 */
export function quantileTest(a: Float64Array, b: Float64Array, q: number): number {
  const n = a.length + b.length;
  if (a.length === 0 || b.length === 0) return 1;
  const threshold = kthOfUnion(a, b, Math.max(1, Math.ceil(q * n)));
  return errorRateTest(countAbove(a, threshold), a.length, countAbove(b, threshold), b.length);
}
