/**
 * Distribution functions come from stdlib (well-tested numerics); this file only adapts their
 * untyped default exports to the few signatures the tests of this folder need.
 */
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

/** P(Z ≤ z) for a standard normal Z. */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormal(z: number): number {
  return Math.min(1, 2 * phi(-Math.abs(z)));
}

const inverses = new Map<number, number>();

/** Two-sided p-value of a Student t statistic with `df` degrees of freedom (the normal's beyond 1e6). */
export function twoSidedStudent(t: number, df: number): number {
  if (!(df < 1e6)) return twoSidedNormal(t);
  return Math.min(1, 2 * tCdf(-Math.abs(t), Math.max(1, df)));
}

/** Inverse of phi by bisection, remembered: a diff asks for the same few confidence levels over and over. */
export function phiInverse(p: number): number {
  const known = inverses.get(p);
  if (known !== undefined) return known;
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < p) lo = mid;
    else hi = mid;
  }
  const z = (lo + hi) / 2;
  if (inverses.size < 1000) inverses.set(p, z);
  return z;
}

export function binomialPmfAt(k: number, n: number, p: number): number {
  return binomialPmf(k, n, p);
}

/** P(X = k) for X hypergeometric: `draws` from a population of `total` holding `successes`. */
export function hypergeometricPmfAt(k: number, total: number, successes: number, draws: number): number {
  return hypergeometricPmf(k, total, successes, draws);
}
