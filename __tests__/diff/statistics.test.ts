import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  errorRateTest,
  fisherExact,
  hodgesLehmann,
  mannWhitney,
  percentileSorted,
  poissonRateTest,
  twoProportionZ,
} from '../../src/diff/stats/index.js';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('Mann-Whitney U', () => {
  it("matches R's ?wilcox.test example (exact, no ties)", () => {
    // R: x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46); y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
    // wilcox.test(x, y, alternative = "g") gives W = 35, p-value = 0.1272; two-sided is twice that.
    const x = sorted([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]);
    const y = sorted([1.15, 0.88, 0.9, 0.74, 1.21]);
    const result = mannWhitney(y, x);
    expect(result.u).toBe(35);
    expect(result.exact).toBe(true);
    expect(result.pValue).toBeCloseTo(0.2544, 3);
  });

  it('uses the tie-corrected normal approximation when there are ties', () => {
    // By hand: ranks of a = {1,2,2,3}, b = {2,3,3,4} give R_b = 23, U_b = 13, E[U] = 8,
    // Var = 16/12 * (9 - 48/56) = 10.857; z = (13 - 8 - 0.5) / 3.295 = 1.3657; p = 2 * (1 - Φ(z)) = 0.1720
    // (the same as R's wilcox.test(a, b, exact = FALSE, correct = TRUE)).
    const result = mannWhitney(sorted([1, 2, 2, 3]), sorted([2, 3, 3, 4]));
    expect(result.u).toBe(13);
    expect(result.exact).toBe(false);
    expect(result.pValue).toBeCloseTo(0.172, 3);
  });

  it('finds nothing between all-equal samples, and nothing against an empty one', () => {
    expect(mannWhitney(sorted([5, 5, 5, 5]), sorted([5, 5, 5])).pValue).toBe(1);
    expect(mannWhitney(sorted([]), sorted([1, 2])).pValue).toBe(1);
  });

  it('is certain of a complete separation in large samples', () => {
    const a = sorted(Array.from({ length: 500 }, (_, i) => i));
    const b = sorted(Array.from({ length: 500 }, (_, i) => 1000 + i));
    expect(mannWhitney(a, b).pValue).toBeLessThan(1e-100);
  });
});

describe('Hodges-Lehmann shift', () => {
  it('is the median of the pairwise differences', () => {
    // Differences of {4,5,6} - {1,2,3}: 1,2,2,3,3,3,4,4,5 — median 3.
    const shift = hodgesLehmann(sorted([1, 2, 3]), sorted([4, 5, 6]))!;
    expect(shift.estimate).toBe(3);
    expect(shift.low).toBeLessThanOrEqual(3);
    expect(shift.high).toBeGreaterThanOrEqual(3);
  });

  it('brackets a known shift in large samples, thinned', () => {
    const a = sorted(Array.from({ length: 5000 }, (_, i) => (i % 100) * 10));
    const b = sorted(Array.from({ length: 5000 }, (_, i) => (i % 100) * 10 + 250));
    const shift = hodgesLehmann(a, b)!;
    expect(shift.estimate).toBeCloseTo(250, -1);
    expect(shift.low).toBeLessThanOrEqual(250);
    expect(shift.high).toBeGreaterThanOrEqual(250);
  });
});

describe('error-rate tests', () => {
  it("Fisher's exact test matches R's tea-tasting example", () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) gives p-value = 0.4857
    expect(fisherExact(3, 4, 1, 4)).toBeCloseTo(0.4857, 4);
  });

  it('a two-proportion z-test for large counts', () => {
    // By hand: 50/1000 vs 80/1000, pooled 0.065, se = 0.011024, z = 2.7213, p = 0.0065.
    expect(twoProportionZ(50, 1000, 80, 1000)).toBeCloseTo(0.0065, 3);
  });

  it('picks Fisher when expected counts are small and the z-test otherwise', () => {
    expect(errorRateTest(0, 20, 3, 20)).toBeCloseTo(fisherExact(0, 20, 3, 20), 12);
    expect(errorRateTest(50, 1000, 80, 1000)).toBeCloseTo(twoProportionZ(50, 1000, 80, 1000), 12);
    expect(errorRateTest(0, 0, 1, 1)).toBe(1);
  });
});

describe('Poisson rate comparison', () => {
  it("matches R's poisson.test two-sample example", () => {
    // R: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) gives p-value = 0.07967
    expect(poissonRateTest(21, 1083 + 1050 + 878, 11, 800)).toBeCloseTo(0.07967, 4);
  });

  it('sees no difference in equal rates and a sure one in a tenfold rise', () => {
    expect(poissonRateTest(100, 10, 100, 10)).toBeCloseTo(1, 6);
    expect(poissonRateTest(1000, 10, 10000, 10)).toBeLessThan(1e-50);
  });
});

describe('Benjamini-Hochberg', () => {
  it('adjusts as R p.adjust(p, "BH") does', () => {
    // q_(i) = min over j ≥ i of p_(j) * m / j, computed by hand for these eight p-values.
    const q = benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]);
    const expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0845714, 0.205];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it('keeps the order of the input', () => {
    expect(benjaminiHochberg([0.05, 0.01])).toEqual([0.05, 0.02]);
  });
});

describe('percentiles', () => {
  it('interpolate between order statistics (type 7, as R quantile())', () => {
    // R: quantile(1:10, c(0.5, 0.9, 0.95, 0.99)) gives 5.5, 9.1, 9.55, 9.91
    const xs = sorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([0.5, 0.9, 0.95, 0.99].map((p) => percentileSorted(xs, p))).toEqual(
      [5.5, 9.1, 9.55, 9.91].map((v) => expect.closeTo(v, 10)),
    );
    expect(percentileSorted(sorted([]), 0.5)).toBe(0);
    expect(percentileSorted(sorted([7]), 0.99)).toBe(7);
  });
});
