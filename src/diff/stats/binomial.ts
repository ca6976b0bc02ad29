import { binomialPmfAt } from './distributions.js';

/**
 * P(X = k) for X ~ Binomial(n, p). Small n multiplies exactly-representable factors (the binomial
 * coefficient is an exact integer below n = 50), so P(X = n) is p^n to the last bit and a p-value
 * made of it cannot land a rounding error past a significance level; larger n uses stdlib's pmf.
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  if (k === n) return Math.pow(p, n);
  if (k === 0) return Math.pow(1 - p, n);
  if (n < 50) {
    let c = 1;
    const r = Math.min(k, n - k);
    for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
    return Math.round(c) * Math.pow(p, k) * Math.pow(1 - p, n - k);
  }
  return binomialPmfAt(k, n, p);
}

/**
 * Σ P(X = j) for j from `from` going away from the mode in steps of `step` (+1 up, -1 down), by the
 * ratio of neighbouring terms; stops once a term no longer changes the sum. Summing the tail itself,
 * never 1 − (the rest), keeps tails far below 1e-16 (SciPy's sf, not 1 − cdf).
 */
function tailSum(from: number, n: number, p: number, step: 1 | -1): number {
  if (from < 0 || from > n) return 0;
  let term = binomialPmf(from, n, p);
  let sum = 0;
  const odds = p / (1 - p);
  for (let j = from; j >= 0 && j <= n; j += step) {
    sum += term;
    if (term === 0 || term < sum * 1e-17) break;
    // P(j+1) / P(j) = (n - j) / (j + 1) · p / q, and its inverse downwards.
    term *= step === 1 ? ((n - j) / (j + 1)) * odds : j / (n - j + 1) / odds;
  }
  return sum;
}

/** P(X ≥ k): summed directly when k is above the mean (a small tail), else 1 − P(X < k) (no cancellation then). */
export function binomialUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return k >= n * p ? Math.min(1, tailSum(k, n, p, 1)) : Math.max(0, 1 - tailSum(k - 1, n, p, -1));
}

/** P(X ≤ k), the mirror of binomialUpper. */
export function binomialLower(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return k <= n * p ? Math.min(1, tailSum(k, n, p, -1)) : Math.max(0, 1 - tailSum(k + 1, n, p, 1));
}

/**
 * Two-sided exact binomial test of k successes in n trials with probability p, as R's binom.test and
 * SciPy's binomtest: the p-value is the mass of every outcome at most as likely as the observed one.
 * The pmf is unimodal, so the far tail's edge is found by bisection; each tail is summed as a tail.
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  // Counts are whole and finite, p a probability: anything else has no test (and could not bisect).
  if (n === 0 || !Number.isSafeInteger(n) || !Number.isSafeInteger(k) || !(p >= 0 && p <= 1)) return 1;
  const mean = n * p;
  if (Math.abs(k - mean) < 1e-9) return 1;
  // R's relErr: outcomes within a hair of the observed probability count as "as extreme".
  const observed = binomialPmf(k, n, p) * (1 + 1e-7);
  if (k < mean) {
    // The upper tail: the first j above the mean whose pmf is at most the observed one.
    let lo = Math.ceil(mean);
    let hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (binomialPmf(mid, n, p) <= observed) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, binomialLower(k, n, p) + (lo > n ? 0 : binomialUpper(lo, n, p)));
  }
  // The lower tail: the last j below the mean whose pmf is at most the observed one.
  let lo = -1;
  let hi = Math.floor(mean);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (binomialPmf(mid, n, p) <= observed) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, (lo < 0 ? 0 : binomialLower(lo, n, p)) + binomialUpper(k, n, p));
}
