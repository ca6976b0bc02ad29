import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  binomialLower,
  binomialTwoSided,
  binomialUpper,
  Clusters,
  clusteredMannWhitney,
  errorRateTest,
  fisherExact,
  fisherMidP,
  hodgesLehmann,
  kthOfUnion,
  mannWhitney,
  percentileSorted,
  poissonRateTest,
  proportionDifferenceInterval,
  quantileInterval,
  quantileTest,
  twoProportionZ,
  wilson,
} from '../../src/diff/stats/index.js';
import { binomialPmf } from '../../src/diff/stats/binomial.js';
import { kthDifference } from '../../src/diff/stats/mann-whitney.js';

/**
 * Every statistic against values computed independently of this code. Sources:
 * - R's documentation examples (?wilcox.test, ?fisher.test, ?poisson.test, ?quantile), quoted with their printed output;
 * - SciPy 1.17.1 (scipy.stats.mannwhitneyu, fisher_exact, chi2_contingency, binomtest, false_discovery_control)
 *   and NumPy percentile, run by __tests__/diff/reference/statistics.py, whose output is quoted here;
 * - for the Hodges-Lehmann interval, the same script's brute-force re-run of R's wilcox.test(conf.int = TRUE):
 *   every pairwise difference sorted, the critical rank from the U distribution enumerated over every
 *   arrangement of ranks (itertools.combinations), independent of the generating function used here.
 */
const sorted = (xs: number[]) => Float64Array.from(xs).sort();
/** The deterministic samples the reference script builds: ((i * mult) % mod) + offset. */
const sample = (n: number, mult: number, mod: number, offset = 0) =>
  sorted(Array.from({ length: n }, (_, i) => ((i * mult) % mod) + offset));

// R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69): x and y.
const X = sorted([0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]);
const Y = sorted([1.15, 0.88, 0.9, 0.74, 1.21]);

describe('Mann-Whitney U', () => {
  it("matches R's ?wilcox.test example (exact, no ties)", () => {
    // R: wilcox.test(x, y, alternative = "g") prints W = 35, p-value = 0.1272; two-sided is twice that.
    // SciPy: mannwhitneyu(x, y, method="exact") → U = 35, p = 0.2544122544122544.
    const result = mannWhitney(Y, X);
    expect(result.u).toBe(35);
    expect(result.exact).toBe(true);
    expect(result.pValue).toBeCloseTo(0.2544122544122544, 12);
  });

  it('is exact for tiny samples', () => {
    // SciPy mannwhitneyu(b, a, method="exact"): [1] vs [2] → U 1, p 1.0; [1,2] vs [3,4] → U 4, p 1/3;
    // [1,2,3] vs [4,5,6] → U 9, p 0.1; [1,3,5] vs [2,4,6,8] → U 9, p 0.4.
    const cases: [number[], number[], number, number][] = [
      [[1], [2], 1, 1],
      [[1, 2], [3, 4], 4, 1 / 3],
      [[1, 2, 3], [4, 5, 6], 9, 0.1],
      [[1, 3, 5], [2, 4, 6, 8], 9, 0.4],
    ];
    for (const [a, b, u, p] of cases) {
      const result = mannWhitney(sorted(a), sorted(b));
      expect(result).toEqual({ u, pValue: expect.closeTo(p, 12), exact: true });
    }
  });

  it('uses the tie-corrected normal approximation when there are ties', () => {
    // SciPy mannwhitneyu([2,3,3,4], [1,2,2,3], method="asymptotic", use_continuity=True) → U 13, p 0.1720337089218229
    // (by hand: E[U] = 8, Var = 16/12 · (9 - 48/56) = 10.857, z = (13 - 8 - 0.5) / 3.295).
    const result = mannWhitney(sorted([1, 2, 2, 3]), sorted([2, 3, 3, 4]));
    expect(result.u).toBe(13);
    expect(result.exact).toBe(false);
    expect(result.pValue).toBeCloseTo(0.1720337089218229, 12);
  });

  it('matches SciPy on larger samples, with many ties and without', () => {
    // SciPy, asymptotic with continuity: 60 vs 70 tied values → U 2463, p 0.08940093481816355;
    // 80 vs 90 distinct values → U 4434, p 0.009264197647056051.
    const tied = mannWhitney(sample(60, 7, 13), sample(70, 5, 11, 2));
    expect(tied.u).toBe(2463);
    expect(tied.pValue).toBeCloseTo(0.08940093481816355, 12);
    const a = sorted(Array.from({ length: 80 }, (_, i) => i * 3 + 0.5));
    const b = sorted(Array.from({ length: 90 }, (_, i) => i * 3.2 + 10.25));
    const distinct = mannWhitney(a, b);
    expect(distinct.u).toBe(4434);
    expect(distinct.pValue).toBeCloseTo(0.009264197647056051, 12);
  });

  it('finds nothing between all-equal samples, and nothing against an empty one', () => {
    // All ties: the variance of U is 0 and there is no evidence of a shift (R prints p-value = NA; we say 1).
    expect(mannWhitney(sorted([5, 5, 5, 5]), sorted([5, 5, 5])).pValue).toBe(1);
    expect(mannWhitney(sorted([]), sorted([1, 2])).pValue).toBe(1);
  });

  it('is certain of a complete separation in large samples', () => {
    const a = sorted(Array.from({ length: 500 }, (_, i) => i));
    const b = sorted(Array.from({ length: 500 }, (_, i) => 1000 + i));
    expect(mannWhitney(a, b).pValue).toBeLessThan(1e-100);
  });
});

describe('Hodges-Lehmann shift and its confidence interval', () => {
  it("matches R's wilcox.test(x, y, conf.int = TRUE) on the ?wilcox.test example", () => {
    // Reference script (R's algorithm, brute force): estimate 0.305, 95 % interval (-0.15, 0.76).
    const shift = hodgesLehmann(Y, X)!;
    expect(shift.estimate).toBeCloseTo(0.305, 12);
    expect(shift.low).toBeCloseTo(-0.15, 12);
    expect(shift.high).toBeCloseTo(0.76, 12);
    expect(shift.confidence).toBe(0.95);
  });

  it('matches the exact interval on small samples', () => {
    // Reference script: {1,2,3} → {4,5,6}: (3, 1, 5); 8 vs 9 values: (5, -1, 11); 12 vs 12: (8, 1, 16).
    expect(hodgesLehmann(sorted([1, 2, 3]), sorted([4, 5, 6]))).toMatchObject({ estimate: 3, low: 1, high: 5 });
    expect(hodgesLehmann(sample(8, 3, 17, 100), sample(9, 5, 19, 104))).toMatchObject({
      estimate: 5,
      low: -1,
      high: 11,
    });
    expect(hodgesLehmann(sample(12, 7, 23), sample(12, 11, 29, 6))).toMatchObject({ estimate: 8, low: 1, high: 16 });
  });

  it("matches the large-sample interval (Hollander & Wolfe's rule) on 300 vs 400 values", () => {
    // Reference script, every pairwise difference sorted: estimate 190, interval (146, 235).
    const shift = hodgesLehmann(sample(300, 37, 1009, 5000), sample(400, 53, 997, 5200))!;
    expect(shift).toMatchObject({ estimate: 190, low: 146, high: 235 });
  });

  it('selects order statistics of the pairwise differences without building them', () => {
    const a = sample(37, 13, 101);
    const b = sample(41, 17, 89, 20);
    const all = new Float64Array(37 * 41);
    let k = 0;
    for (const y of b) for (const x of a) all[k++] = y - x;
    all.sort();
    for (const rank of [1, 2, 500, 758, 759, 1200, all.length]) expect(kthDifference(a, b, rank)).toBe(all[rank - 1]);
    // Non-integer data bisects the doubles.
    const xs = sorted([0.1, 0.35, 0.7]);
    const ys = sorted([0.2, 1.05]);
    expect(kthDifference(xs, ys, 1)).toBe(0.2 - 0.7);
    expect(kthDifference(xs, ys, 6)).toBe(1.05 - 0.1);
  });

  it('is undefined for an empty sample and zero for identical all-equal ones', () => {
    expect(hodgesLehmann(sorted([]), sorted([1]))).toBeUndefined();
    expect(hodgesLehmann(sorted([7, 7, 7]), sorted([7, 7]))).toMatchObject({ estimate: 0, low: 0, high: 0 });
  });
});

describe('error-rate tests', () => {
  it("Fisher's exact test matches R's tea-tasting example and SciPy", () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) prints p-value = 0.4857 (?fisher.test, TeaTasting).
    expect(fisherExact(3, 4, 1, 4)).toBeCloseTo(0.48571428571428565, 12);
    // SciPy fisher_exact: [[2, 98], [9, 91]] → 0.058220717580287525; [[0, 20], [3, 17]] → 0.2307692307692308.
    expect(fisherExact(2, 100, 9, 100)).toBeCloseTo(0.058220717580287525, 12);
    expect(fisherExact(0, 20, 3, 20)).toBeCloseTo(0.2307692307692308, 12);
  });

  it("the two-proportion z-test matches prop.test(correct = FALSE) (SciPy's chi2_contingency, correction=False)", () => {
    expect(twoProportionZ(50, 1000, 80, 1000)).toBeCloseTo(0.00650659748363784, 12);
    expect(twoProportionZ(30, 500, 45, 520)).toBeCloseTo(0.1045115709985004, 12);
  });

  it('Fisher with the mid-p correction matches a brute-force sum over every table (SciPy hypergeom.pmf)', () => {
    // Reference script: the tables less likely than the observed one, plus half of those as likely.
    expect(fisherMidP(3, 4, 1, 4)).toBeCloseTo(0.2571428571428571, 12);
    expect(fisherMidP(2, 100, 9, 100)).toBeCloseTo(0.03393941676190293, 12);
    expect(fisherMidP(0, 20, 3, 20)).toBeCloseTo(0.11538461538461539, 12);
    expect(fisherMidP(12, 600, 100, 3000)).toBeCloseTo(0.0820994135683919, 12);
    expect(fisherMidP(50, 1000, 80, 1000)).toBeCloseTo(0.00653375401661479, 12);
    // And Fisher's own sum, walked from the mode, as SciPy's fisher_exact: 600 vs 3,000 → 0.09393450098087966.
    expect(fisherExact(12, 600, 100, 3000)).toBeCloseTo(0.09393450098087966, 12);
  });

  it('keeps its size at 600 vs 3,000 spans with 2 % errors, where the z-test doubles it', () => {
    // The probability of p ≤ 1e-4 when both sides have 2 % errors, summed over every outcome (the
    // reference script enumerates the same): z-test 2.0039e-4, twice α; mid-p 9.1796e-5, within α.
    const alpha = 1e-4;
    let sizeZ = 0;
    let sizeMidP = 0;
    for (let a = 0; a < 45; a++) {
      for (let b = 0; b < 140; b++) {
        const w = binomialPmf(a, 600, 0.02) * binomialPmf(b, 3000, 0.02);
        if (w < 1e-16) continue;
        if (twoProportionZ(a, 600, b, 3000) <= alpha) sizeZ += w;
        if (errorRateTest(a, 600, b, 3000) <= alpha) sizeMidP += w;
      }
    }
    expect(sizeZ).toBeCloseTo(0.00020039084330154394, 8);
    expect(sizeMidP).toBeCloseTo(9.179600637352313e-5, 9);
    expect(sizeMidP).toBeLessThanOrEqual(alpha);
  });

  it('divides the table by the design effect of errors clustered in traces', () => {
    // 40/1000 vs 70/1000 spans with deff 2.5 is worth 16/400 vs 28/400: mid-p 0.06484361327455994 (reference script).
    expect(errorRateTest(40, 1000, 70, 1000, 2.5)).toBeCloseTo(0.06484361327455994, 12);
    expect(errorRateTest(40, 1000, 70, 1000)).toBe(fisherMidP(40, 1000, 70, 1000));
    expect(errorRateTest(40, 1000, 70, 1000)).toBeLessThan(0.01);
    expect(errorRateTest(0, 0, 1, 1)).toBe(1);
    expect(errorRateTest(0, 50, 0, 60)).toBe(1);
  });
});

describe('Poisson rate comparison', () => {
  it("matches R's ?poisson.test two-sample example", () => {
    // R: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) prints p-value = 0.07967.
    // SciPy binomtest(21, 32, 3011 / 3811) → 0.0796686330333295.
    expect(poissonRateTest(21, 1083 + 1050 + 878, 11, 800)).toBeCloseTo(0.0796686330333295, 12);
  });

  it('is exact at every size (SciPy binomtest, the conditional test R uses)', () => {
    // 30 vs 55 in 10 min each → 0.008836205876094518; 600 vs 700 → 0.0060157938610449395;
    // 5000 in 12 min vs 4700 in 11 min → 0.21879687991618998; 0 vs 3 → 0.25.
    expect(poissonRateTest(30, 10, 55, 10)).toBeCloseTo(0.008836205876094518, 12);
    expect(poissonRateTest(600, 10, 700, 10)).toBeCloseTo(0.0060157938610449395, 12);
    expect(poissonRateTest(5000, 12, 4700, 11)).toBeCloseTo(0.21879687991618998, 10);
    expect(poissonRateTest(0, 10, 3, 10)).toBeCloseTo(0.25, 12);
  });

  it('sees no difference in equal rates or no data, and a sure one in a tenfold rise', () => {
    expect(poissonRateTest(100, 10, 100, 10)).toBe(1);
    expect(poissonRateTest(0, 10, 0, 10)).toBe(1);
    expect(poissonRateTest(1000, 10, 10000, 10)).toBeLessThan(1e-50);
  });
});

describe('quantile test (generalised median test)', () => {
  it("splits at SciPy's median_test threshold (ties below) and tests the table by mid-p", () => {
    // SciPy median_test(a, b, ties="below") puts 23 / 60 vs 31 / 70 above the pooled median; the reference
    // script's mid-p of that table: 0.5364544247407987.
    expect(quantileTest(sample(60, 7, 13), sample(70, 5, 11, 2), 0.5)).toBeCloseTo(0.5364544247407987, 12);
  });

  it('sees a slower tail that the rank-sum test misses', () => {
    // Reference script: 0..1990 step 10, then the slowest 10 % +500: 0 / 200 vs 20 / 200 above the pooled
    // p95, mid-p 5.7868683338233e-07.
    const base = Array.from({ length: 200 }, (_, i) => i * 10);
    const tail = base.map((x) => (x >= 1800 ? x + 500 : x));
    expect(quantileTest(sorted(base), sorted(tail), 0.95) / 5.7868683338233e-7).toBeCloseTo(1, 10);
    expect(mannWhitney(sorted(base), sorted(tail)).pValue).toBeGreaterThan(0.2);
    // 2,000 a side: 0 vs 200 above → 3.3031096254803407e-63.
    const big = Array.from({ length: 2000 }, (_, i) => i * 10);
    const bigTail = big.map((x) => (x >= 18_000 ? x + 5000 : x));
    expect(quantileTest(sorted(big), sorted(bigTail), 0.95) / 3.3031096254803407e-63).toBeCloseTo(1, 8);
  });

  it('selects the pooled threshold by index from the two sorted samples, exact at any range', () => {
    const a = sorted([-1e308, 1, 5, 9, 1e308]);
    const b = sorted([2, 5, 5, 7]);
    const union = [...a, ...b].sort((x, y) => x - y);
    for (let k = 1; k <= union.length; k++) expect(kthOfUnion(a, b, k)).toBe(union[k - 1]);
    expect(kthOfUnion(sorted([]), b, 2)).toBe(5);
    expect(() => kthOfUnion(a, b, 0)).toThrow(RangeError);
    // Latencies a bisection on the value would not separate: neighbouring doubles.
    const x = sorted([1, 1 + 2 ** -52]);
    expect(kthOfUnion(x, sorted([1 + 2 ** -51]), 2)).toBe(1 + 2 ** -52);
  });

  it('counts a slow trace once, not once per span above the threshold', () => {
    // 40 traces a side of 10 spans; in the current side two whole traces are slow. Per span, its 20 slow
    // spans are 20 pieces of evidence (p ≈ 0.001); per trace they are 2 traces, which noise makes often.
    const spans = (slow: number) =>
      Array.from({ length: 400 }, (_, i) => (Math.floor(i / 10) < slow ? 5000 + i : 100 + ((i * 37) % 400)));
    const traces = Int32Array.from({ length: 400 }, (_, i) => Math.floor(i / 10));
    const order = (xs: number[]) => xs.map((x, i) => [x, traces[i]!] as const).sort((p, q) => p[0] - q[0]);
    const base = order(spans(0));
    const cur = order(spans(2));
    const [a, b] = [sorted(base.map((p) => p[0])), sorted(cur.map((p) => p[0]))];
    const ca = new Clusters(Int32Array.from(base, (p) => p[1]));
    const cb = new Clusters(Int32Array.from(cur, (p) => p[1]));
    expect(quantileTest(a, b, 0.95)).toBeLessThan(0.002);
    expect(quantileTest(a, b, 0.95, ca, cb)).toBeGreaterThan(0.1);
  });

  it('finds nothing in equal or empty samples', () => {
    expect(quantileTest(sorted([5, 5, 5]), sorted([5, 5]), 0.95)).toBe(1);
    expect(quantileTest(sorted([]), sorted([1, 2]), 0.95)).toBe(1);
  });
});

describe('binomial tails', () => {
  it('sums a far tail as a tail, never as 1 − the rest (SciPy binomtest and binom.sf)', () => {
    // SciPy: binomtest(31, 100, 0.01) → 3.3888894005634246e-37 (1 − CDF gives 0); binom.sf(30, 100, 0.01) the same.
    expect(binomialTwoSided(31, 100, 0.01) / 3.3888894005634246e-37).toBeCloseTo(1, 10);
    expect(binomialUpper(31, 100, 0.01) / 3.3888894005634246e-37).toBeCloseTo(1, 10);
    // binom.cdf(2, 1000, 0.05) → 7.60587380254187e-20.
    expect(binomialLower(2, 1000, 0.05) / 7.60587380254187e-20).toBeCloseTo(1, 10);
  });

  it('is exactly 0.01 for one success in one trial at p = 0.01, so "≤ 0.01" decides the right way', () => {
    // SciPy binomtest(1, 1, 0.01) → 0.01; 1 − CDF gave 0.010000000000000009.
    expect(binomialTwoSided(1, 1, 0.01)).toBe(0.01);
    expect(binomialTwoSided(1, 1, 0.01) <= 0.01).toBe(true);
    expect(binomialUpper(0, 10, 0.3)).toBe(1);
    expect(binomialLower(10, 10, 0.3)).toBe(1);
  });
});

describe('spans in traces', () => {
  /** `traces` traces of `per` spans, trace t at level 100·(t mod 4), + `shift`; sorted, with each span's trace. */
  function clustered(traces: number, per: number, shift: number) {
    const spans = Array.from({ length: traces * per }, (_, i) => {
      const t = Math.floor(i / per);
      return [100 * (t % 4) + 7 * (i % per) + shift, t] as const;
    }).sort((p, q) => p[0] - q[0]);
    return { sorted: sorted(spans.map((p) => p[0])), clusters: new Clusters(Int32Array.from(spans, (p) => p[1])) };
  }

  it('the clustered rank-sum test matches a brute-force re-computation (reference script)', () => {
    // 8 traces of 5 spans a side, a trace's spans sharing its level: U 1000, design effect 5.571428571428571,
    // p 0.42955876650681574 (Student's t, Satterthwaite's df); the classic test, counting 40 independent
    // spans, says 0.0548.
    const a = clustered(8, 5, 0);
    const b = clustered(8, 5, 30);
    const result = clusteredMannWhitney(a.sorted, b.sorted, a.clusters, b.clusters);
    expect(result.u).toBe(1000);
    expect(result.designEffect).toBeCloseTo(5.571428571428571, 12);
    expect(result.pValue).toBeCloseTo(0.42955876650681574, 12);
    expect(mannWhitney(a.sorted, b.sorted).pValue).toBeCloseTo(0.0548402430870628, 6);
  });

  it('is the classic test when every span is its own trace', () => {
    const a = sorted([1, 2, 3, 4, 5.5]);
    const b = sorted([2.5, 6, 7, 8, 9, 10]);
    const result = clusteredMannWhitney(a, b, Clusters.independent(5), Clusters.independent(6));
    expect(result).toEqual({ ...mannWhitney(a, b), designEffect: 1 });
    // Not a side of one trace: no variation between traces can be seen, so nothing is claimed.
    const one = new Clusters(new Int32Array(5));
    expect(clusteredMannWhitney(a, b, one, Clusters.independent(6)).pValue).toBe(1);
  });

  it("Woodruff's quantile interval matches the reference script's re-computation", () => {
    // 200 spans in 40 traces of 5: p90 959.8 in (923, 1011) at 95 %; p50 559 in (474, 645) at 98 %.
    const spans = Array.from(
      { length: 200 },
      (_, i) => [((i * 37) % 101) * 10 + Math.floor(i / 5) * 3, i / 5] as const,
    );
    spans.sort((p, q) => p[0] - q[0]);
    const xs = sorted(spans.map((p) => p[0]));
    const clusters = new Clusters(Int32Array.from(spans, (p) => Math.floor(p[1])));
    expect(quantileInterval(xs, 0.9, 0.95, clusters)).toEqual({
      estimate: expect.closeTo(959.8, 9),
      low: 923,
      high: 1011,
    });
    expect(quantileInterval(xs, 0.5, 0.98, clusters)).toEqual({ estimate: 559, low: 474, high: 645 });
  });

  it('leaves a bound open where the sample cannot give one (a p99 of 20 spans)', () => {
    const xs = sorted(Array.from({ length: 20 }, (_, i) => i));
    expect(quantileInterval(xs, 0.99, 0.98)).toMatchObject({ high: null });
    expect(quantileInterval(xs, 0.01, 0.98)).toMatchObject({ low: null });
  });
});

describe('intervals of proportions', () => {
  it("Wilson's interval is SciPy's binomtest(...).proportion_ci(method='wilson')", () => {
    const [low, high] = wilson(3, 40, 1.959963984540054);
    expect(low).toBeCloseTo(0.025836025774588198, 9);
    expect(high).toBeCloseTo(0.19864233524310543, 9);
  });

  it("Newcombe's hybrid score interval reproduces Newcombe's (1998) own examples", () => {
    // Method 10 of Newcombe (1998), Table II: 56/70 − 48/80 → (0.0524, 0.3339); 9/10 − 3/10 → (0.1705, 0.8090);
    // 5/56 − 0/29 → (−0.0381, 0.1926); 0/10 − 0/20 → (−0.1611, 0.2775). Written (baseline, current) = (second, first).
    const cases: [number, number, number, number, number, number][] = [
      [48, 80, 56, 70, 0.05243147240236484, 0.3338726540369059],
      [3, 10, 9, 10, 0.17052272393450296, 0.8090179735354881],
      [0, 29, 5, 56, -0.03813714790353688, 0.1925600138551116],
      [0, 20, 0, 10, -0.16112515805281935, 0.27753279986288926],
    ];
    for (const [ea, na, eb, nb, low, high] of cases) {
      const [l, h] = proportionDifferenceInterval(ea, na, eb, nb, 0.95);
      expect(l).toBeCloseTo(low, 8);
      expect(h).toBeCloseTo(high, 8);
    }
  });

  it('widens by the design effect: 5 spans a trace that fail together are worth one trace', () => {
    const [l1, h1] = proportionDifferenceInterval(10, 500, 25, 500, 0.95);
    const [l5, h5] = proportionDifferenceInterval(10, 500, 25, 500, 0.95, 5);
    const [lt, ht] = proportionDifferenceInterval(2, 100, 5, 100, 0.95);
    expect(l5).toBeCloseTo(lt, 12);
    expect(h5).toBeCloseTo(ht, 12);
    expect(h5 - l5).toBeGreaterThan(2 * (h1 - l1));
  });
});

describe('Benjamini-Hochberg', () => {
  it('adjusts as R p.adjust(p, "BH") and SciPy false_discovery_control(p, method="bh") do', () => {
    // SciPy: [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.08457142857142856, 0.205].
    const q = benjaminiHochberg([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]);
    const expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.08457142857142856, 0.205];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('keeps the order of an unsorted input with ties', () => {
    // SciPy: [0.04, 0.01, 0.04, 0.9, 0.0001, 0.03] → [0.048, 0.03, 0.048, 0.9, 0.0006, 0.048].
    const q = benjaminiHochberg([0.04, 0.01, 0.04, 0.9, 0.0001, 0.03]);
    [0.048, 0.03, 0.048, 0.9, 0.0006, 0.048].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('percentiles', () => {
  it('interpolate between order statistics (type 7, as R quantile() and NumPy percentile())', () => {
    // R: quantile(1:10, c(0.5, 0.9, 0.95, 0.99)) prints 5.50 9.10 9.55 9.91.
    const xs = sorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([0.5, 0.9, 0.95, 0.99].map((p) => percentileSorted(xs, p))).toEqual(
      [5.5, 9.1, 9.55, 9.91].map((v) => expect.closeTo(v, 10)),
    );
    // NumPy percentile([3,1,4,1,5,9,2,6,5,3,5], [50,90,95,99]) → 4, 6, 7.5, 8.7 (ties included).
    const ys = sorted([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]);
    expect([0.5, 0.9, 0.95, 0.99].map((p) => percentileSorted(ys, p))).toEqual(
      [4, 6, 7.5, 8.7].map((v) => expect.closeTo(v, 10)),
    );
    // NumPy percentile([10, 20], ...) → 15, 19, 19.5, 19.9.
    expect([0.5, 0.9, 0.95, 0.99].map((p) => percentileSorted(sorted([20, 10]), p))).toEqual(
      [15, 19, 19.5, 19.9].map((v) => expect.closeTo(v, 10)),
    );
  });

  it('of an empty group are 0, of one span its latency, of all-equal spans that value', () => {
    expect(percentileSorted(sorted([]), 0.5)).toBe(0);
    expect(percentileSorted(sorted([7]), 0.99)).toBe(7);
    expect(percentileSorted(sorted([4, 4, 4, 4]), 0.95)).toBe(4);
  });
});
