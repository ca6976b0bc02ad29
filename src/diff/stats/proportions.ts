import { hypergeometricPmfAt, phiInverse, twoSidedNormal } from './distributions.js';

/**
 * The probabilities of the tables of a 2×2 test with fixed margins (errors / total on each side):
 * P(errors on side A = k), k hypergeometric. Walks out from the mode by the ratio of neighbouring
 * terms (no factorials) and stops once the terms no longer change the sums: O(spread), not O(range).
 * Returns the mass of the tables less likely than the observed one and the mass of those as likely.
 */
function hypergeometricTails(errorsA: number, totalA: number, errorsB: number, totalB: number) {
  const total = totalA + totalB;
  const errors = errorsA + errorsB;
  const lo = Math.max(0, errors - totalB);
  const hi = Math.min(errors, totalA);
  const pmf = (k: number) => hypergeometricPmfAt(k, total, errors, totalA);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((totalA + 1) * (errors + 1)) / (total + 2))));
  const observed = pmf(errorsA);
  // R's and SciPy's relative tolerance: tables this close in probability count as "as extreme".
  const edge = observed * (1 + 1e-7);
  const floor = observed * (1 - 1e-7);
  let less = 0;
  let same = 0;
  const add = (p: number) => {
    if (p < floor) less += p;
    else if (p <= edge) same += p;
  };
  const atMode = pmf(mode);
  add(atMode);
  // Upwards: P(k+1) / P(k) = (errors - k)(totalA - k) / ((k + 1)(totalB - errors + k + 1)).
  let term = atMode;
  for (let k = mode; k < hi; k++) {
    term *= ((errors - k) * (totalA - k)) / ((k + 1) * (totalB - errors + k + 1));
    add(term);
    if (term === 0 || (term < edge && term < (less + same) * 1e-17)) break;
  }
  term = atMode;
  for (let k = mode; k > lo; k--) {
    term *= (k * (totalB - errors + k)) / ((errors - k + 1) * (totalA - k + 1));
    add(term);
    if (term === 0 || (term < edge && term < (less + same) * 1e-17)) break;
  }
  return { less, same };
}

/**
 * Two-sided Fisher's exact test of a 2×2 table (errors / total on each side), as R's fisher.test and
 * SciPy's fisher_exact: the p-value sums the probabilities of every table at most as likely as the one observed.
 */
export function fisherExact(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  if (totalA === 0 || totalB === 0) return 1;
  const { less, same } = hypergeometricTails(errorsA, totalA, errorsB, totalB);
  return Math.min(1, less + same);
}

/**
 * Fisher's test with the mid-p correction (Lancaster): the tables as likely as the observed one count
 * half. Fisher's own test is conservative (its size is below α, often far below, because the
 * conditional distribution is discrete); the mid-p value has a size close to α, and unlike the
 * z-test it stays valid for rare events and very unequal sides.
 */
export function fisherMidP(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  if (totalA === 0 || totalB === 0) return 1;
  const { less, same } = hypergeometricTails(errorsA, totalA, errorsB, totalB);
  return Math.min(1, less + same / 2);
}

/** Two-proportion z-test with the pooled variance (R's prop.test without continuity correction). */
export function twoProportionZ(errorsA: number, totalA: number, errorsB: number, totalB: number): number {
  const pooled = (errorsA + errorsB) / (totalA + totalB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
  if (se === 0) return 1;
  return twoSidedNormal((errorsB / totalB - errorsA / totalA) / se);
}

/**
 * Whether two error rates differ. `designEffect` (≥ 1) is how much more the error count varies than
 * independent spans would let it: the counts are divided by it (Kish's effective sample size, the
 * first-order Rao-Scott correction) and the effective table is tested by the mid-p exact test. The
 * z-test is no longer used: with unequal sides (600 vs 3,000 spans at 2 %) its size at α = 1e-4 is
 * twice α, and the exact walk costs O(spread) anyway.
 */
export function errorRateTest(
  errorsA: number,
  totalA: number,
  errorsB: number,
  totalB: number,
  designEffect = 1,
): number {
  // Counts that are not whole and finite have no test (and nothing to walk).
  if (![errorsA, totalA, errorsB, totalB].every(Number.isSafeInteger) || totalA === 0 || totalB === 0) return 1;
  const d = Number.isFinite(designEffect) ? Math.max(1, designEffect) : Infinity;
  const nA = Math.max(1, Math.round(totalA / d));
  const nB = Math.max(1, Math.round(totalB / d));
  const eA = Math.min(nA, Math.round(errorsA / d));
  const eB = Math.min(nB, Math.round(errorsB / d));
  if (eA + eB === 0 || eA + eB === nA + nB) return 1;
  return fisherMidP(eA, nA, eB, nB);
}

/** Wilson's score interval of a proportion (x of n, x and n may be effective, non-integer counts). */
export function wilson(x: number, n: number, z: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Interval of the difference of two proportions (current − baseline), Newcombe's hybrid score
 * method (Newcombe 1998, method 10): the Wilson intervals of the two sides combined. Unlike the Wald
 * interval it keeps its coverage at 0 or a handful of errors. Counts divided by the design effect.
 */
export function proportionDifferenceInterval(
  errorsA: number,
  totalA: number,
  errorsB: number,
  totalB: number,
  confidence: number,
  designEffect = 1,
): [number, number] {
  const d = Math.max(1, designEffect);
  const z = phiInverse(1 - (1 - confidence) / 2);
  const pA = totalA ? errorsA / totalA : 0;
  const pB = totalB ? errorsB / totalB : 0;
  const [lA, uA] = wilson(errorsA / d, totalA / d, z);
  const [lB, uB] = wilson(errorsB / d, totalB / d, z);
  const delta = pB - pA;
  return [delta - Math.hypot(pB - lB, uA - pA), delta + Math.hypot(uB - pB, pA - lA)];
}
