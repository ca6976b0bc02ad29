import { binomialCdfAt, binomialPmfAt } from './distributions.js';

/**
 * Two-sided exact binomial test of k successes in n trials with probability p, as R's binom.test:
 * the p-value is the mass of every outcome at most as likely as the observed one. The pmf is
 * unimodal, so the far tail's edge is found by bisection and both tails come from the CDF:
 * O(log n) at any n, exact where a normal approximation would not be.
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  // Counts are whole and finite, p a probability: anything else has no test (and could not bisect).
  if (n === 0 || !Number.isSafeInteger(n) || !Number.isSafeInteger(k) || !(p >= 0 && p <= 1)) return 1;
  const mean = n * p;
  // R's relErr: outcomes within a hair of the observed probability count as "as extreme".
  const observed = binomialPmfAt(k, n, p) * (1 + 1e-7);
  if (Math.abs(k - mean) < 1e-9) return 1;
  if (k < mean) {
    // The upper tail: the first j above the mean whose pmf is at most the observed one.
    let lo = Math.ceil(mean);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (binomialPmfAt(mid, n, p) <= observed) hi = mid;
      else lo = mid + 1;
    }
    const upper = lo > n ? 0 : 1 - binomialCdfAt(lo - 1, n, p);
    return Math.min(1, binomialCdfAt(k, n, p) + upper);
  }
  // The lower tail: the last j below the mean whose pmf is at most the observed one.
  let lo = -1;
  let hi = Math.floor(mean);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (binomialPmfAt(mid, n, p) <= observed) lo = mid;
    else hi = mid - 1;
  }
  const lower = lo < 0 ? 0 : binomialCdfAt(lo, n, p);
  return Math.min(1, lower + (1 - binomialCdfAt(k - 1, n, p)));
}

/**
 * Whether two Poisson rates differ, given counts over exposures (minutes), as R's
 * poisson.test(c(countA, countB), c(minutesA, minutesB)): conditional on the total, countA is
 * Binomial(total, tA / (tA + tB)) when the rates are equal; exact at every size.
 */
export function poissonRateTest(countA: number, minutesA: number, countB: number, minutesB: number): number {
  const n = countA + countB;
  if (n === 0 || !(minutesA > 0) || !(minutesB > 0) || !Number.isFinite(minutesA + minutesB)) return 1;
  return binomialTwoSided(countA, n, minutesA / (minutesA + minutesB));
}
