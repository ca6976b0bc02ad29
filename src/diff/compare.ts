import type { Bucket } from './group.js';
import { latencyHistogram } from './histogram.js';
import { hodgesLehmann, errorRateTest, mannWhitney, poissonRateTest, quantileTest } from './stats/index.js';
import { summarise, type Summary } from './summarise.js';
import type { ChangedValue, GroupDiff, Stats, UndecidedValue } from './types.js';

/** What the comparison needs to know of each side as a whole. */
export interface Side {
  spans: number;
  minutes: number;
  complete: boolean;
}

export interface CompareOptions {
  minSamples: number;
  significance: number;
  /** The latency percentiles that have a threshold rule: each gets a quantile test. */
  quantiles: readonly Quantile[];
}

export type { Quantile } from '../vocabulary.js';
import type { Quantile } from '../vocabulary.js';

const LEVEL: Record<Quantile, number> = { latencyP50: 0.5, latencyP90: 0.9, latencyP95: 0.95, latencyP99: 0.99 };

/** A value seen on one side only, tested for whether its absence on the other side could be luck. */
export interface PresenceTest {
  group: GroupDiff;
  value: string;
  side: 'baseline-only' | 'current-only';
  stats: Stats;
  /** One-sided p-value of seeing none of it on the other side; undefined when not tested. */
  pValue?: number;
  /** Why it was not tested. */
  untested?: 'partial-coverage' | 'too-little-traffic';
}

/**
 * Comparisons of every key (and the call edges) of one diff. Values on both sides are tested
 * at once; values on one side only are held as presence tests until diff() has controlled the
 * false-discovery rate across every test of the diff, and only then called new, missing or
 * undecided (decidePresence).
 */
export class Comparison {
  /** The sorted latencies behind each tested value, until the shift estimates are made. */
  private readonly samples = new Map<ChangedValue, { baseline: Float64Array; current: Float64Array }>();
  readonly presence: PresenceTest[] = [];

  constructor(
    private readonly b: Side,
    private readonly c: Side,
    private readonly options: CompareOptions,
  ) {}

  compare(key: string, baseline: Map<string, Bucket>, current: Map<string, Bucket>): GroupDiff {
    const { b, c } = this;
    const out: GroupDiff = { key, new: [], missing: [], changed: [], undecided: [] };
    for (const [value, bucket] of baseline) {
      const base = summarise(bucket, b.minutes);
      const cur = current.get(value);
      if (cur) out.changed.push(this.changed(value, base, summarise(cur, c.minutes), bucket, cur));
      else this.presence.push(this.presenceTest(out, value, 'baseline-only', base.stats, bucket, c.complete));
    }
    for (const [value, bucket] of current) {
      if (baseline.has(value)) continue;
      const cur = summarise(bucket, c.minutes);
      this.presence.push(this.presenceTest(out, value, 'current-only', cur.stats, bucket, b.complete));
    }
    out.changed.sort((x, y) => y.current.occurrence - x.current.occurrence || x.value.localeCompare(y.value));
    return out;
  }

  /**
   * If the value's share of all spans were the same on both sides, then given its k spans in all,
   * the count on the side that lacks it would be Binomial(k, n_other / (n_this + n_other)), and
   * zero with probability (n_this / (n_this + n_other))^k: the exact conditional test of two
   * Poisson counts (as R's poisson.test), one-sided. As in rateTest, k counts arrivals of traces,
   * not spans: k = spans / (Σ m² / Σ m). Below min-samples, or when the side that lacks the value
   * is partial, it is not tested.
   */
  private presenceTest(
    group: GroupDiff,
    value: string,
    side: PresenceTest['side'],
    stats: Stats,
    bucket: Bucket,
    otherComplete: boolean,
  ): PresenceTest {
    if (!otherComplete) return { group, value, side, stats, untested: 'partial-coverage' };
    if (stats.occurrence < this.options.minSamples)
      return { group, value, side, stats, untested: 'too-little-traffic' };
    const [here, there] = side === 'baseline-only' ? [this.b.spans, this.c.spans] : [this.c.spans, this.b.spans];
    const arrivals = stats.occurrence / Math.max(1, bucket.sumSquares / stats.occurrence);
    return { group, value, side, stats, pValue: Math.pow(here / (here + there), arrivals) };
  }

  private changed(value: string, base: Summary, cur: Summary, bb: Bucket, cb: Bucket): ChangedValue {
    const { b, c, options } = this;
    const bs = base.stats;
    const cs = cur.stats;
    const enoughData = bs.occurrence >= options.minSamples && cs.occurrence >= options.minSamples;
    const result: ChangedValue = {
      value,
      baseline: bs,
      current: cs,
      delta: {
        occurrence: cs.occurrence - bs.occurrence,
        errorRate: cs.errorRate - bs.errorRate,
        ratePerMin: cs.ratePerMin - bs.ratePerMin,
        latencyAvgUs: cs.latencyUs.avg - bs.latencyUs.avg,
        latencyP50Us: cs.latencyUs.p50 - bs.latencyUs.p50,
        latencyP90Us: cs.latencyUs.p90 - bs.latencyUs.p90,
        latencyP95Us: cs.latencyUs.p95 - bs.latencyUs.p95,
        latencyP99Us: cs.latencyUs.p99 - bs.latencyUs.p99,
      },
      pValue: {},
      enoughData,
      latencyHistogram: { baseline: latencyHistogram(base.sorted), current: latencyHistogram(cur.sorted) },
    };
    // Below min-samples nothing is tested: a finding there would be noise, and an untested
    // p-value must not dilute the false-discovery control of the tests that matter.
    if (!enoughData) return result;
    result.pValue = {
      latency: mannWhitney(base.sorted, cur.sorted).pValue,
      errorRate: errorRateTest(bs.errors, bs.occurrence, cs.errors, cs.occurrence),
      rate: rateTest(bb, b.minutes, cb, c.minutes),
    };
    for (const q of options.quantiles) result.pValue[q] = quantileTest(base.sorted, cur.sorted, LEVEL[q]);
    this.samples.set(result, { baseline: base.sorted, current: cur.sorted });
    return result;
  }

  /** Hodges-Lehmann shift and interval of a tested value; diff() asks only where the latency change is significant. */
  estimateShift(value: ChangedValue): void {
    const s = this.samples.get(value);
    const shift = s && hodgesLehmann(s.baseline, s.current);
    if (shift) {
      value.latencyShiftUs = {
        estimate: Math.round(shift.estimate),
        low: Math.round(shift.low),
        high: Math.round(shift.high),
        confidence: shift.confidence,
      };
    }
  }
}

/**
 * Whether a value's span rate changed. Spans of one trace arrive together, so a span count is a
 * compound Poisson count: its variance is Σ m² (m = the value's spans per trace), not Σ m. Dividing
 * both counts by the pooled dispersion φ = Σ m² / Σ m (1 when every trace has one span of the value)
 * gives the counts of independent arrivals they are worth, and the exact Poisson comparison of those
 * (quasi-Poisson). Without it a rare customer whose traces hold many spans shows "significant" drops
 * in noise.
 */
export function rateTest(baseline: Bucket, baselineMinutes: number, current: Bucket, currentMinutes: number): number {
  const spans = baseline.sorted.length + current.sorted.length;
  const dispersion = Math.max(1, (baseline.sumSquares + current.sumSquares) / spans);
  return poissonRateTest(
    Math.round(baseline.sorted.length / dispersion),
    baselineMinutes,
    Math.round(current.sorted.length / dispersion),
    currentMinutes,
  );
}

/** Files each one-sided value, once its q-value is known, as new, missing or undecided. */
export function decidePresence(test: PresenceTest, qValue: number | undefined, significance: number): void {
  const { group, value, side, stats } = test;
  if (qValue !== undefined && qValue <= significance) {
    if (side === 'baseline-only') group.missing.push({ value, baseline: stats, pValue: test.pValue, qValue });
    else group.new.push({ value, current: stats, pValue: test.pValue, qValue });
    return;
  }
  const undecided: UndecidedValue = {
    value,
    side,
    reason: test.untested ?? 'too-little-traffic',
    ...(side === 'baseline-only' ? { baseline: stats } : { current: stats }),
    ...(test.pValue !== undefined ? { pValue: test.pValue, qValue } : {}),
  };
  group.undecided.push(undecided);
}

/** The order of a group's one-sided lists: most spans first, then by name. */
export function sortPresence(group: GroupDiff): void {
  const count = (x: { baseline?: Stats; current?: Stats }) => x.current?.occurrence ?? x.baseline?.occurrence ?? 0;
  const by = <T extends { value: string; baseline?: Stats; current?: Stats }>(list: T[]) =>
    list.sort((x, y) => count(y) - count(x) || x.value.localeCompare(y.value));
  by(group.new);
  by(group.missing);
  by(group.undecided);
}
