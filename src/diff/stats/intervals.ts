import type { ChangeInterval } from '../types.js';
import type { Clusters } from './clusters.js';
import { phiInverse } from './distributions.js';
import { proportionDifferenceInterval, wilson } from './proportions.js';
import { quantileInterval } from './quantile.js';

/** One side's estimate with its interval; null bounds are unbounded. */
interface Estimate {
  estimate: number;
  low: number | null;
  high: number | null;
}

/**
 * MOVER (Zou & Donner 2008; Newcombe's method for proportions is its special case): the interval of a
 * difference b − a from the intervals of a and b, each side's uncertainty taken from the side of its
 * own interval that matters. Works for asymmetric intervals (a quantile's) without a shared variance.
 */
function mover(a: Estimate, b: Estimate): [number | null, number | null] {
  const d = b.estimate - a.estimate;
  const low = b.low === null || a.high === null ? null : d - Math.hypot(b.estimate - b.low, a.high - a.estimate);
  const high = b.high === null || a.low === null ? null : d + Math.hypot(b.high - b.estimate, a.estimate - a.low);
  return [low, high];
}

const log = (e: Estimate): Estimate | undefined =>
  e.estimate > 0
    ? {
        estimate: Math.log(e.estimate),
        low: e.low !== null && e.low > 0 ? Math.log(e.low) : null,
        high: e.high === null ? null : Math.log(e.high),
      }
    : undefined;

function interval(a: Estimate, b: Estimate, confidence: number): ChangeInterval {
  const [low, high] = mover(a, b);
  const la = log(a);
  const lb = log(b);
  // The ratio on the log scale: its interval is asymmetric, as a ratio's is.
  const [logLow, logHigh] = la && lb ? mover(la, lb) : [null, null];
  return {
    low,
    high,
    relativeLow: logLow === null ? (la && lb ? -1 : null) : Math.expm1(logLow),
    relativeHigh: logHigh === null ? null : Math.expm1(logHigh),
    confidence,
  };
}

/** Interval of the change of a latency percentile: Woodruff's interval on each side, combined by MOVER. */
export function percentileChangeInterval(
  a: Float64Array,
  b: Float64Array,
  q: number,
  confidence: number,
  ca?: Clusters,
  cb?: Clusters,
): ChangeInterval {
  return interval(quantileInterval(a, q, confidence, ca), quantileInterval(b, q, confidence, cb), confidence);
}

/** One side's mean latency with the normal interval of its cluster-robust standard error. */
function meanEstimate(sorted: Float64Array, z: number, clusters?: Clusters): Estimate {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = n ? sum / n : 0;
  let variance: number | undefined;
  if (clusters)
    variance = clusters.ratioVariance(
      clusters.totals((i) => sorted[i]!),
      mean,
    );
  else if (n > 1) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
    variance = ss / (n - 1) / n;
  }
  if (variance === undefined) return { estimate: mean, low: null, high: null };
  const half = z * Math.sqrt(variance);
  return { estimate: mean, low: mean - half, high: mean + half };
}

/** Interval of the change of the mean latency: each side's mean with its cluster-robust error, by MOVER. */
export function meanChangeInterval(
  a: Float64Array,
  b: Float64Array,
  confidence: number,
  ca?: Clusters,
  cb?: Clusters,
): ChangeInterval {
  const z = phiInverse(1 - (1 - confidence) / 2);
  return interval(meanEstimate(a, z, ca), meanEstimate(b, z, cb), confidence);
}

/**
 * Interval of the change of an error rate (a difference; `relative*` are null, a rate's rule is in
 * percentage points): Newcombe's hybrid score interval, counts divided by the design effect.
 */
export function errorRateChangeInterval(
  errorsA: number,
  totalA: number,
  errorsB: number,
  totalB: number,
  confidence: number,
  designEffect = 1,
): ChangeInterval {
  const [low, high] = proportionDifferenceInterval(errorsA, totalA, errorsB, totalB, confidence, designEffect);
  return { low, high, relativeLow: null, relativeHigh: null, confidence };
}

/**
 * Interval of the change of a rate (events per minute) from two counts over two windows: given their
 * total, the current count is binomial with share π = r·tB / (tA + r·tB) for rate ratio r, so
 * Wilson's interval of π gives r's. The counts are divided by their dispersion first (quasi-Poisson,
 * as rateTest). `low`/`high` are per minute.
 */
export function rateChangeInterval(
  countA: number,
  minutesA: number,
  countB: number,
  minutesB: number,
  confidence: number,
  dispersion = 1,
): ChangeInterval {
  const d = Math.max(1, dispersion);
  const z = phiInverse(1 - (1 - confidence) / 2);
  const [pl, ph] = wilson(countB / d, (countA + countB) / d, z);
  const ratio = (p: number) => (p >= 1 ? null : (p / (1 - p)) * (minutesA / minutesB));
  const rl = ratio(pl) ?? null;
  const rh = ratio(ph);
  const rateA = countA / minutesA;
  return {
    low: rl === null ? null : rateA * (rl - 1),
    high: rh === null ? null : rateA * (rh - 1),
    relativeLow: rl === null ? null : rl - 1,
    relativeHigh: rh === null ? null : rh - 1,
    confidence,
  };
}
