import { Clusters } from './clusters.js';
import { phiInverse } from './distributions.js';
import { percentileSorted } from './percentiles.js';
import { errorRateTest } from './proportions.js';

/** How many of a sorted sample are at most t (binary search). */
export function countAtMost(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k-th smallest (1-based) of the union of two sorted samples, selected by index: a binary search
 * for how many of the k come from `a` (the classic two-array selection), O(log min(n1, n2)) and exact
 * whatever the values (no bisection on the value, which could stop short on extreme ranges).
 */
export function kthOfUnion(a: Float64Array, b: Float64Array, k: number): number {
  const n1 = a.length;
  const n2 = b.length;
  if (k < 1 || k > n1 + n2) throw new RangeError(`k = ${k} outside 1..${n1 + n2}`);
  // Find i (taken from a), k - i from b, with a[i-1] <= b[k-i] and b[k-i-1] <= a[i].
  let lo = Math.max(0, k - n2);
  let hi = Math.min(k, n1);
  while (lo < hi) {
    const i = (lo + hi) >>> 1;
    // b[k-i-1] > a[i]: too few from a.
    if (k - i - 1 >= 0 && i < n1 && b[k - i - 1]! > a[i]!) lo = i + 1;
    else hi = i;
  }
  const i = lo;
  const fromA = i > 0 ? a[i - 1]! : -Infinity;
  const fromB = k - i > 0 ? b[k - i - 1]! : -Infinity;
  return Math.max(fromA, fromB);
}

/**
 * Whether the q-quantile of latency differs between two SORTED samples: the generalised median test
 * (Mood's median test at quantile q). Under no difference, the spans above the pooled q-quantile are
 * spread over the two sides like errors over two equal populations, so the 2×2 table of "above / not
 * above" per side is tested as the error rate is (the mid-p exact test). With the spans' traces
 * (`ca`, `cb`), the table is first divided by its design effect: the cluster-robust variance of the
 * two shares above (Rao & Scott's first-order correction, the pooled share as the centre) over their
 * variance as if every span were its own trace. A slow trace puts many spans above the threshold at
 * once; without this its spans would count as independent evidence.
 */
export function quantileTest(a: Float64Array, b: Float64Array, q: number, ca?: Clusters, cb?: Clusters): number {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return 1;
  const threshold = kthOfUnion(a, b, Math.max(1, Math.ceil(q * (n1 + n2))));
  const belowA = countAtMost(a, threshold);
  const belowB = countAtMost(b, threshold);
  let designEffect = 1;
  if (ca && cb && (ca.count < n1 || cb.count < n2)) {
    if (ca.count < 2 || cb.count < 2) return 1;
    const pooled = (n1 - belowA + n2 - belowB) / (n1 + n2);
    const above = () => 1;
    const va = ca.ratioVariance(ca.totals(above, belowA), pooled)!;
    const vb = cb.ratioVariance(cb.totals(above, belowB), pooled)!;
    const iid = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
    designEffect = iid > 0 ? Math.max(1, (va + vb) / iid) : 1;
  }
  return errorRateTest(n1 - belowA, n1, n2 - belowB, n2, designEffect);
}

/** A confidence interval of one side's q-quantile; a bound is null where the data cannot bound it. */
export interface QuantileInterval {
  estimate: number;
  low: number | null;
  high: number | null;
}

/**
 * Woodruff's interval of a quantile (Woodruff 1952; Francisco & Fuller 1991 for clustered samples):
 * the interval of the share F(x̂_q) of spans at most the estimate, q ± z·se, mapped back through the
 * sample's quantile function. se is the cluster-robust standard error of that share (spans of a trace
 * totalled per trace), never below the binomial one. O(n), no resampling. Where q ± z·se leaves
 * [0, 1] the sample says nothing on that side (a p99 of 60 spans has no upper bound): null.
 */
export function quantileInterval(
  sorted: Float64Array,
  q: number,
  confidence: number,
  clusters?: Clusters,
): QuantileInterval {
  const n = sorted.length;
  const estimate = percentileSorted(sorted, q);
  if (n < 2) return { estimate, low: null, high: null };
  const below = countAtMost(sorted, estimate);
  const share = below / n;
  let variance = (q * (1 - q)) / n;
  if (clusters && clusters.count < n) {
    const v =
      clusters.count < 2
        ? undefined
        : clusters.ratioVariance(
            clusters.totals(() => 1, 0, below),
            share,
          );
    if (v === undefined) return { estimate, low: null, high: null };
    variance = Math.max(variance, v);
  }
  const z = phiInverse(1 - (1 - confidence) / 2);
  const half = z * Math.sqrt(variance);
  // Mapped back through the sample's quantile function F̂⁻¹(p) = the ⌈n·p⌉-th smallest.
  const lowP = q - half;
  const highP = q + half;
  return {
    estimate,
    low: lowP * n < 1 ? null : sorted[Math.ceil(lowP * n) - 1]!,
    high: highP > 1 ? null : sorted[Math.min(n - 1, Math.ceil(highP * n) - 1)]!,
  };
}
