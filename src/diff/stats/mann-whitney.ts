import { phiInverse, twoSidedNormal } from './distributions.js';

export interface MannWhitney {
  /** U of the second sample (current): large when it tends to be larger. */
  u: number;
  pValue: number;
  /** Whether the p-value is from the exact null distribution (small samples without ties). */
  exact: boolean;
}

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
    while (i < n1 && a[i] === v) {
      i++;
      inA++;
    }
    while (j < n2 && b[j] === v) {
      j++;
      inB++;
    }
    const t = inA + inB;
    const midRank = rank + (t - 1) / 2;
    rankSumB += inB * midRank;
    rank += t;
    if (t > 1) tieTerm += t * t * t - t;
  }
  const u = rankSumB - (n2 * (n2 + 1)) / 2;
  if (tieTerm === 0 && n1 < 50 && n2 < 50) return { u, pValue: exactPValue(u, n1, n2), exact: true };
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, pValue: 1, exact: false };
  const diff = u - mean;
  const z = (diff - 0.5 * Math.sign(diff)) / Math.sqrt(variance);
  return { u, pValue: twoSidedNormal(z), exact: false };
}

/** Two-sided exact p-value of U, from the count of rank arrangements (dynamic programming). */
function exactPValue(u: number, n1: number, n2: number): number {
  const max = n1 * n2;
  // counts[m][k]: arrangements of m first-sample and (current j) second-sample items giving U = k.
  let prev: Float64Array[] = Array.from({ length: n1 + 1 }, (_, m) => {
    const row = new Float64Array(max + 1);
    if (m >= 0) row[0] = 1;
    return row;
  });
  for (let jj = 1; jj <= n2; jj++) {
    const next: Float64Array[] = [];
    for (let m = 0; m <= n1; m++) {
      const row = new Float64Array(max + 1);
      for (let k = 0; k <= max; k++) {
        // The largest item is from sample 2 (adds m to U, over the m sample-1 items below it) or from sample 1.
        let c = k - m >= 0 ? prev[m]![k - m]! : 0;
        if (m > 0) c += next[m - 1]![k]!;
        row[k] = c;
      }
      next.push(row);
    }
    prev = next;
  }
  const dist = prev[n1]!;
  let total = 0;
  for (let k = 0; k <= max; k++) total += dist[k]!;
  let lower = 0;
  let upper = 0;
  for (let k = 0; k <= max; k++) {
    if (k <= u) lower += dist[k]!;
    if (k >= u) upper += dist[k]!;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/** Evenly spaced order statistics of a sorted sample: keeps its shape while bounding the work. */
function thin(sorted: Float64Array, limit: number): Float64Array {
  if (sorted.length <= limit) return sorted;
  const out = new Float64Array(limit);
  for (let k = 0; k < limit; k++) out[k] = sorted[Math.floor(((k + 0.5) * sorted.length) / limit)]!;
  return out;
}

export interface Shift {
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

/**
 * Hodges-Lehmann estimate of the shift (b - a): the median of all pairwise differences, with the
 * distribution-free confidence interval from the order statistics of those differences (as
 * wilcox.test(conf.int = TRUE) with the normal approximation). Samples larger than `limit` are
 * thinned to `limit` evenly spaced order statistics, so the work stays bounded (limit² differences).
 */
export function hodgesLehmann(a: Float64Array, b: Float64Array, confidence = 0.95, limit = 200): Shift | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const x = thin(a, limit);
  const y = thin(b, limit);
  const n1 = x.length;
  const n2 = y.length;
  const diffs = new Float64Array(n1 * n2);
  let k = 0;
  for (let j = 0; j < n2; j++) for (let i = 0; i < n1; i++) diffs[k++] = y[j]! - x[i]!;
  diffs.sort();
  const m = diffs.length;
  const median = m % 2 ? diffs[(m - 1) / 2]! : (diffs[m / 2 - 1]! + diffs[m / 2]!) / 2;
  const z = phiInverse(1 - (1 - confidence) / 2);
  const c = Math.floor((n1 * n2) / 2 - z * Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12));
  const lowIndex = Math.max(0, Math.min(m - 1, c));
  const highIndex = Math.max(0, Math.min(m - 1, m - 1 - c));
  return { estimate: median, low: diffs[lowIndex]!, high: diffs[highIndex]!, confidence };
}
