import { binomialTwoSided } from './binomial.js';

export { binomialTwoSided };

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
