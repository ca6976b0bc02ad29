/**
 * Distribution functions come from stdlib (well-tested numerics); this file only adapts their
 * untyped default exports to the few signatures the tests of this folder need.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** P(Z ≤ z) for a standard normal Z. */
export function phi(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormal(z: number): number {
  return Math.min(1, 2 * phi(-Math.abs(z)));
}

/** Inverse of phi by bisection: only called a few times per diff (confidence bounds), so simplicity wins. */
export function phiInverse(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function binomialCdfAt(k: number, n: number, p: number): number {
  return binomialCdf(k, n, p);
}

export function binomialPmfAt(k: number, n: number, p: number): number {
  return binomialPmf(k, n, p);
}

/** P(X = k) for X hypergeometric: `draws` from a population of `total` holding `successes`. */
export function hypergeometricPmfAt(k: number, total: number, successes: number, draws: number): number {
  return hypergeometricPmf(k, total, successes, draws);
}
