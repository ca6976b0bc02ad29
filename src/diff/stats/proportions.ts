import { hypergeometricPmfAt, twoSidedNormal } from './distributions.js';

/**
 * Two-sided Fisher's exact test of a 2×2 table (errors / total on each side), as R's fisher.test:
 * the p-value sums the probabilities of every table at most as likely as the one observed.
 */
export function fisherExact(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  const total = totalA + totalB;
  const errors = errorsA + errorsB;
  const lo = Math.max(0, errors - totalB);
  const hi = Math.min(errors, totalA);
  const observed = hypergeometricPmfAt(errorsA, total, errors, totalA);
  let p = 0;
  for (let k = lo; k <= hi; k++) {
    const pk = hypergeometricPmfAt(k, total, errors, totalA);
    // The relative tolerance matches R's (1 + 1e-7), so ties in probability count as "as extreme".
    if (pk <= observed * (1 + 1e-7)) p += pk;
  }
  return Math.min(1, p);
}

/** Two-proportion z-test with the pooled variance (R's prop.test without continuity correction). */
export function twoProportionZ(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  const pooled = (errorsA + errorsB) / (totalA + totalB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
  if (se === 0) return 1;
  return twoSidedNormal((errorsB / totalB - errorsA / totalA) / se);
}

/**
 * Whether two error rates differ: Fisher's exact test when any expected cell is small
 * (the usual rule of five), the z-test otherwise (Fisher's sum is O(n) per test).
 */
export function errorRateTest(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  if (totalA === 0 || totalB === 0) return 1;
  const errors = errorsA + errorsB;
  const total = totalA + totalB;
  const minExpected = (Math.min(totalA, totalB) * Math.min(errors, total - errors)) / total;
  return minExpected < 5
    ? fisherExact(errorsA, totalA, errorsB, totalB)
    : twoProportionZ(errorsA, totalA, errorsB, totalB);
}
