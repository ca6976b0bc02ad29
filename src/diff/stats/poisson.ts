import { binomialCdfAt, binomialPmfAt, twoSidedNormal } from './distributions.js';

/**
 * Whether two Poisson rates differ, given counts over exposures (minutes): conditional on the total,
 * countB is Binomial(total, tB / (tA + tB)) when the rates are equal. Exact (as R's poisson.test,
 * two-sided by the likelihood ordering) for small totals, normal approximation for large ones.
 */
export function poissonRateTest(countA: number, minutesA: number, countB: number, minutesB: number): number {
  const n = countA + countB;
  if (n === 0 || minutesA <= 0 || minutesB <= 0) return 1;
  const p = minutesB / (minutesA + minutesB);
  if (n > 1000) {
    const z = (countB - n * p) / Math.sqrt(n * p * (1 - p));
    return twoSidedNormal(z);
  }
  const observed = binomialPmfAt(countB, n, p);
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const pk = binomialPmfAt(k, n, p);
    if (pk <= observed * (1 + 1e-7)) total += pk;
  }
  return Math.min(1, total);
}

/** P(X ≤ k) for X ~ Binomial(n, p); exported for the missing-value test. */
export { binomialCdfAt };
