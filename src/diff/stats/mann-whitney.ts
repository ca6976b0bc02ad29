import type { Clusters } from './clusters.js';
import { phiInverse, twoSidedNormal, twoSidedStudent } from './distributions.js';

export interface MannWhitney {
  /** U of the second sample (current): large when it tends to be larger. */
  u: number;
  pValue: number;
  /** Whether the p-value is from the exact null distribution (small samples without ties). */
  exact: boolean;
  /** (clustered test) by how much the spans' traces inflate the variance of U; 1 for independent spans. */
  designEffect?: number;
}

/** Below this size on both sides the exact distribution of U is used (as R's wilcox.test). */
const EXACT_BELOW = 50;

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of two SORTED samples, two-sided, as R's wilcox.test:
 * exact distribution when both samples are under 50 and there are no ties, otherwise the normal
 * approximation with tie and continuity corrections. Ranks come from merging the two sorted
 * arrays, O(n1 + n2): the samples are already sorted for the percentiles.
 */
export function mannWhitney(a: Float64Array, b: Float64Array): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: 0, pValue: 1, exact: false };
  let i = 0;
  let j = 0;
  let rank = 1;
  let rankSumB = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    let inA = 0;
    let inB = 0;
    // `same`, not ===: NaN !== NaN, and a NaN that no loop consumed once kept this one turning forever.
    // Each round now takes at least the value it chose (NaN sorts last, as ties of one another).
    while (i < n1 && same(a[i]!, v)) {
      i++;
      inA++;
    }
    while (j < n2 && same(b[j]!, v)) {
      j++;
      inB++;
    }
    const t = inA + inB;
    const midRank = rank + (t - 1) / 2;
    rankSumB += inB * midRank;
    rank += t;
    if (t > 1) tieTerm += t * t * t - t;
  }
  return uTest(rankSumB - (n2 * (n2 + 1)) / 2, tieTerm, n1, n2);
}

/** The p-value of U (current side) given the ties' Σ (t³ - t), as mannWhitney gives it. */
function uTest(u: number, tieTerm: number, n1: number, n2: number): MannWhitney {
  if (tieTerm === 0 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
    const cdf = uCdf(n1, n2);
    // Symmetric null distribution: the upper tail at u is the lower tail at n1·n2 - u.
    const lower = cdf[Math.floor(Math.min(u, n1 * n2 - u))]!;
    return { u, pValue: Math.min(1, 2 * lower), exact: true };
  }
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, pValue: 1, exact: false };
  const diff = u - mean;
  const z = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
  return { u, pValue: twoSidedNormal(z), exact: false };
}

/**
 * The rank-sum test when spans come in traces (clustered Wilcoxon, after Rosner, Glynn & Lee 2003):
 * whole traces sit on one side, so U is a sum over traces, and its variance is that of per-trace
 * totals, not of spans. Each span's placement (the share of the other side below it, ties half) is
 * totalled per trace; the cluster-robust variance of the mean placements (Obuchowski 1997, the
 * clustered DeLong variance of the AUC) over their variance as if every span were its own trace is
 * the design effect, and U's null variance is multiplied by it (at least 1: clustering never makes
 * the test bolder). That variance is estimated from the traces, a few dozen to a few hundred of them,
 * so the statistic is referred to Student's t with Satterthwaite's degrees of freedom for the two
 * sides' per-trace variances, not to the normal: at p ≈ 1e-4 the difference is a factor of two.
 * With one span per trace the design effect is exactly 1 and this is mannWhitney.
 */
export function clusteredMannWhitney(a: Float64Array, b: Float64Array, ca: Clusters, cb: Clusters): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0 || (ca.count === n1 && cb.count === n2)) return { ...mannWhitney(a, b), designEffect: 1 };
  // Fewer than two traces on a side: nothing can be said about the variation between traces.
  if (ca.count < 2 || cb.count < 2) return { u: 0, pValue: 1, exact: false, designEffect: Infinity };
  const totalA = new Float64Array(ca.count);
  const slotA = ca.slot;
  const slotB = cb.slot;
  const totalB = new Float64Array(cb.count);
  let sumA = 0;
  let sumA2 = 0;
  let sumB = 0;
  let sumB2 = 0;
  let tieTerm = 0;
  let u = 0;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    const i0 = i;
    const j0 = j;
    while (i < n1 && same(a[i]!, v)) i++;
    while (j < n2 && same(b[j]!, v)) j++;
    const t = i - i0 + j - j0;
    if (t > 1) tieTerm += t * t * t - t;
    // U of the current side: for each of its spans, the baseline spans below it (ties half), as mannWhitney's.
    u += (j - j0) * (i0 + 0.5 * (i - i0));
    const pa = (j0 + 0.5 * (j - j0)) / n2;
    const pb = (i0 + 0.5 * (i - i0)) / n1;
    for (let k = i0; k < i; k++) totalA[slotA[k]!]! += pa;
    for (let k = j0; k < j; k++) totalB[slotB[k]!]! += pb;
    sumA += (i - i0) * pa;
    sumA2 += (i - i0) * pa * pa;
    sumB += (j - j0) * pb;
    sumB2 += (j - j0) * pb * pb;
  }
  const theta = u / (n1 * n2);
  const iid =
    (n1 > 1 ? Math.max(0, sumA2 - (sumA * sumA) / n1) / (n1 - 1) / n1 : 0) +
    (n2 > 1 ? Math.max(0, sumB2 - (sumB * sumB) / n2) / (n2 - 1) / n2 : 0);
  const va = ca.ratioVariance(totalA, 1 - theta)!;
  const vb = cb.ratioVariance(totalB, theta)!;
  const clustered = va + vb;
  const designEffect = iid > 0 ? Math.max(1, clustered / iid) : 1;
  const df =
    clustered > 0 ? (clustered * clustered) / ((va * va) / (ca.count - 1) + (vb * vb) / (cb.count - 1)) : Infinity;
  // U and the ties are mannWhitney's to the bit (half-integers, exact in doubles): its pass is not run again.
  if (designEffect === 1) return { ...uTest(u, tieTerm, n1, n2), designEffect };
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))) * designEffect;
  if (variance <= 0) return { u, pValue: 1, exact: false, designEffect };
  const diff = u - (n1 * n2) / 2;
  const stat = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
  return { u, pValue: twoSidedStudent(stat, df), exact: false, designEffect };
}

/** Equality in which NaN equals NaN: each NaN latency is a tie of the others, never a value no loop can pass. */
function same(x: number, v: number): boolean {
  return x === v || (Number.isNaN(x) && Number.isNaN(v));
}

/** Exact null CDFs of U, by sample sizes: a diff tests many values of the same sizes. */
const cdfCache = new Map<number, Float64Array>();

/**
 * P(U ≤ k) under the null for k = 0..n1·n2, exact. The counts of U are the coefficients of the
 * Gaussian binomial [n1+n2 choose n2]_q = Π_{i=1..n2} (1 - q^(n1+i)) / (1 - q^i); each factor is a
 * stride-i prefix sum (the division) and a shifted subtraction (the multiplication), O(n2 · n1·n2)
 * instead of the O((n1·n2)²) of the textbook recurrence. Counts are scaled to probabilities at the
 * end; the lower half, the only half read (by symmetry), has no cancellation worth the name.
 */
export function uCdf(n1: number, n2: number): Float64Array {
  const small = Math.min(n1, n2);
  const large = Math.max(n1, n2);
  const cacheKey = small * 1_000_000 + large;
  const cached = cdfCache.get(cacheKey);
  if (cached) return cached;
  const max = small * large;
  const c = new Float64Array(max + 1);
  c[0] = 1;
  for (let i = 1; i <= small; i++) {
    for (let k = i; k <= max; k++) c[k]! += c[k - i]!;
    const step = large + i;
    for (let k = max; k >= step; k--) c[k]! -= c[k - step]!;
  }
  // The distribution is symmetric: mirror the accurate lower half onto the upper one.
  for (let k = 0; k < max - k; k++) c[max - k] = c[k]!;
  let total = 0;
  for (let k = 0; k <= max; k++) total += c[k]!;
  let acc = 0;
  for (let k = 0; k <= max; k++) {
    acc += c[k]!;
    c[k] = acc / total;
  }
  cdfCache.set(cacheKey, c);
  return c;
}

export interface Shift {
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

/**
 * The k-th smallest (1-based) of the n1·n2 differences y[j] - x[i] of two sorted samples, without
 * building them: bisection on the value, counting the differences at most d with two pointers,
 * O(n1 + n2) per step. Integer data (latencies in µs) bisects over integers and ends exactly;
 * other data bisects the doubles until no double lies between the bounds.
 */
export function kthDifference(x: Float64Array, y: Float64Array, k: number): number {
  const n1 = x.length;
  const n2 = y.length;
  const countAtMost = (d: number): number => {
    let count = 0;
    let i = 0;
    for (let j = 0; j < n2; j++) {
      while (i < n1 && y[j]! - x[i]! > d) i++;
      count += n1 - i;
    }
    return count;
  };
  // Invariant: countAtMost(lo) < k <= countAtMost(hi).
  let lo = y[0]! - x[n1 - 1]! - 1;
  let hi = y[n2 - 1]! - x[0]!;
  // Bounds that are not finite (a NaN or an infinite latency) have no value to bisect towards.
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return hi;
  const integral = isIntegral(x) && isIntegral(y);
  for (let step = 0; step < 2100; step++) {
    const mid = integral ? Math.floor((lo + hi) / 2) : lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (countAtMost(mid) >= k) hi = mid;
    else lo = mid;
  }
  return hi;
}

function isIntegral(xs: Float64Array): boolean {
  for (let i = 0; i < xs.length; i++) if (!Number.isInteger(xs[i]!)) return false;
  return true;
}

/**
 * Hodges-Lehmann estimate of the shift (b - a) of two SORTED samples: the median of all n1·n2
 * pairwise differences, with the distribution-free confidence interval from their order
 * statistics, as R's wilcox.test(conf.int = TRUE): the critical rank from the exact distribution
 * of U below 50 a side, otherwise the large-sample rule of Hollander & Wolfe (Nonparametric
 * Statistical Methods, sec. 4.3), continuity-corrected, with U's variance times `designEffect` when
 * the spans come in traces. Exact at any size: the differences are
 * selected, never materialised.
 */
export function hodgesLehmann(
  a: Float64Array,
  b: Float64Array,
  confidence = 0.95,
  designEffect = 1,
): Shift | undefined {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return undefined;
  const m = n1 * n2;
  const alpha = 1 - confidence;
  let c: number;
  if (designEffect <= 1 && n1 < EXACT_BELOW && n2 < EXACT_BELOW) {
    // R: qu <- qwilcox(alpha/2, n1, n2); if (qu == 0) qu <- 1; interval (d[qu], d[m + 1 - qu]).
    const cdf = uCdf(n1, n2);
    c = 0;
    while (c < cdf.length && cdf[c]! < alpha / 2) c++;
    c = Math.max(1, c);
  } else {
    const z = phiInverse(1 - alpha / 2);
    // Spans in traces: the variance of U is the clustered one (clusteredMannWhitney's design effect).
    const sd = Math.sqrt(((m * (n1 + n2 + 1)) / 12) * Math.max(1, designEffect));
    c = Math.max(1, Math.floor(m / 2 - 0.5 - z * sd) + 1);
  }
  const at = (k: number) => kthDifference(a, b, k);
  const estimate = m % 2 ? at((m + 1) / 2) : (at(m / 2) + at(m / 2 + 1)) / 2;
  return { estimate, low: at(c), high: at(m + 1 - c), confidence };
}
