import { QUANTILE_OF, type Metric, type Quantile } from '../vocabulary.js';
import type { Bucket, Groups, ValueNames } from './group.js';
import {
  clusteredMannWhitney,
  errorRateChangeInterval,
  errorRateTest,
  hodgesLehmann,
  meanChangeInterval,
  percentileChangeInterval,
  poissonRateTest,
  quantileTest,
  rateChangeInterval,
  worstCaseDesignEffect,
} from './stats/index.js';
import { latencyHistogram } from './histogram.js';
import { summarise } from './summarise.js';
import type { ChangedValue, ChangeInterval, GroupDiff, Stats, UndecidedValue } from './types.js';

/** What the comparison needs to know of each side as a whole. */
export interface Side {
  spans: number;
  /** Traces of the side (the unit a value's presence is counted in). */
  traces: number;
  minutes: number;
  complete: boolean;
}

export interface CompareOptions {
  /** Traces a value needs on each side to be tested. */
  minSamples: number;
  significance: number;
  /** The latency percentiles that have a threshold rule: each gets a quantile test. */
  quantiles: readonly Quantile[];
}

export type { Quantile } from '../vocabulary.js';

export const LEVEL: Record<Quantile, number> = { latencyP50: 0.5, latencyP90: 0.9, latencyP95: 0.95, latencyP99: 0.99 };

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
  /** The value's spans (see fingerprint): the same spans under several keys are one hypothesis. */
  fingerprint?: string;
}

/** What a tested value keeps for the estimates made after the false-discovery control. */
interface Sample {
  baseline: Bucket;
  current: Bucket;
  /** Design effect of the rank-sum test, for the Hodges-Lehmann interval. */
  designEffect: number;
  /** The hypothesis: values holding the same spans on both sides share it (and their tests). */
  hypothesis: number;
  /** The fingerprint of both sides' spans, made when another value's counts match (see changed()). */
  print?: string;
}

/**
 * A fingerprint of a value's spans on one side: count, errors, traces and a sum of per-span hashes of
 * (trace, latency), which does not depend on the order of the spans. Two values of different keys
 * with the same fingerprint on both sides hold the same spans (`web` and `web / /api/get-catalog`
 * when the service has one operation) and are one hypothesis, not two.
 */
function fingerprint(bucket: Bucket): string {
  let h1 = 0;
  let h2 = 0;
  const { sorted, traces } = bucket;
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]! | 0;
    const t = traces[i]!;
    h1 = (h1 + Math.imul(Math.imul(t ^ 0x9e3779b9, 0x85ebca6b) ^ x, 0xc2b2ae35)) | 0;
    h2 = (h2 + Math.imul(Math.imul(x ^ 0x27d4eb2f, 0x165667b1) ^ t, 0x9e3779b1)) | 0;
  }
  return `${sorted.length}:${bucket.errors}:${bucket.traceCount}:${bucket.sumSquares}:${h1}:${h2}`;
}

/**
 * Comparisons of every key (and the call edges) of one diff. Values on both sides are tested
 * at once; values on one side only are held as presence tests until diff() has controlled the
 * false-discovery rate, and only then called new, missing or undecided (decidePresence). Intervals
 * are made afterwards, only for values whose point estimate crosses a threshold (interval()).
 */
export class Comparison {
  private readonly samples = new Map<ChangedValue, Sample>();
  /**
   * The values tested, by their counts on both sides (spans, errors, traces, Σ m²): only values whose
   * counts match can hold the same spans, so only those are fingerprinted (an O(spans) hash).
   */
  private readonly tested = new Map<string, ChangedValue[]>();
  readonly presence: PresenceTest[] = [];
  /** Two-sided confidence of the change intervals: a bound is then a one-sided bound at `significance`. */
  readonly confidence: number;

  constructor(
    private readonly b: Side,
    private readonly c: Side,
    private readonly options: CompareOptions,
  ) {
    // A significance of 0.25 or more would ask for an interval below 50 %: held there.
    this.confidence = Math.max(0.5, 1 - 2 * options.significance);
  }

  /**
   * Pairs the values of both sides by text number (the sides share their ValueNames) and tests those
   * on both sides; the others are held as presence tests. A Bucket is made only for a value tested.
   */
  compare(key: string, baseline: Groups, current: Groups): GroupDiff {
    const { b, c } = this;
    if (baseline.names !== current.names) throw new Error('compare: the sides do not share their value names');
    const names = baseline.names;
    const out: GroupDiff = { key, new: [], missing: [], changed: [], undecided: [] };
    const paired = new Uint8Array(current.size);
    const texts = new Int32Array(Math.min(baseline.size, current.size));
    const counts = new Float64Array(texts.length);
    // This group's presence tests, from `first` on, with their text numbers and counts.
    const first = this.presence.length;
    const alone: number[] = [];
    for (let i = 0; i < baseline.size; i++) {
      const text = baseline.text[i]!;
      const base = summarise(baseline, i, b.minutes);
      const j = current.indexOf(text);
      if (j >= 0) {
        paired[j] = 1;
        const cur = summarise(current, j, c.minutes);
        texts[out.changed.length] = text;
        counts[out.changed.length] = cur.occurrence;
        out.changed.push(this.changed(names.text(text), base, cur, baseline, i, current, j));
      } else {
        alone.push(text);
        this.presence.push(this.presenceTest(out, names.text(text), 'baseline-only', base, baseline, i, c.complete));
      }
    }
    for (let j = 0; j < current.size; j++) {
      if (paired[j]) continue;
      const stats = summarise(current, j, c.minutes);
      alone.push(current.text[j]!);
      this.presence.push(this.presenceTest(out, current.name(j), 'current-only', stats, current, j, b.complete));
    }
    byCountThenRank(out.changed, texts.subarray(0, out.changed.length), counts, names);
    // The presence tests in their lists' order too: decidePresence then files each list (new, missing, undecided) in order.
    const tests = this.presence.slice(first);
    byCountThenRank(
      tests,
      Int32Array.from(alone),
      Float64Array.from(tests, (t) => t.stats.occurrence),
      names,
    );
    for (let k = 0; k < tests.length; k++) this.presence[first + k] = tests[k]!;
    return out;
  }

  /**
   * If the value's share of traces were the same on both sides, then given the k traces that hold it,
   * each would fall on the side that lacks it with probability t_other / (t_this + t_other) (t: the
   * sides' trace counts), and none would with probability (t_this / (t_this + t_other))^k: the exact
   * conditional test of two Poisson counts of traces (as R's poisson.test), one-sided. Counting traces,
   * not spans, keeps a value with many spans in a few traces from looking like much evidence. Below
   * min-samples traces, or when the side that lacks the value is partial, it is not tested.
   */
  private presenceTest(
    group: GroupDiff,
    value: string,
    side: PresenceTest['side'],
    stats: Stats,
    groups: Groups,
    i: number,
    otherComplete: boolean,
  ): PresenceTest {
    if (!otherComplete) return { group, value, side, stats, untested: 'partial-coverage' };
    const traceCount = groups.traceCount[i]!;
    if (traceCount < this.options.minSamples) return { group, value, side, stats, untested: 'too-little-traffic' };
    const [here, there] = side === 'baseline-only' ? [this.b.traces, this.c.traces] : [this.c.traces, this.b.traces];
    const pValue = Math.pow(here / (here + there), traceCount);
    return { group, value, side, stats, pValue, fingerprint: `${side}|${fingerprint(groups.bucket(i))}` };
  }

  private changed(
    value: string,
    bs: Stats,
    cs: Stats,
    baseline: Groups,
    i: number,
    current: Groups,
    j: number,
  ): ChangedValue {
    const { b, c, options } = this;
    const enoughData = baseline.traceCount[i]! >= options.minSamples && current.traceCount[j]! >= options.minSamples;
    const bl = bs.latencyUs;
    const cl = cs.latencyUs;
    const result: ChangedValue = {
      value,
      baseline: bs,
      current: cs,
      delta: {
        occurrence: cs.occurrence - bs.occurrence,
        errorRate: cs.errorRate - bs.errorRate,
        ratePerMin: cs.ratePerMin - bs.ratePerMin,
        latencyAvgUs: cl.avg - bl.avg,
        latencyP50Us: cl.p50 - bl.p50,
        latencyP90Us: cl.p90 - bl.p90,
        latencyP95Us: cl.p95 - bl.p95,
        latencyP99Us: cl.p99 - bl.p99,
      },
      pValue: {},
      enoughData,
    };
    // Below min-samples nothing is tested: a finding there would be noise, and an untested
    // p-value must not dilute the false-discovery control of the tests that matter.
    if (!enoughData) return result;
    const bb = baseline.bucket(i);
    const cb = current.bucket(j);
    // A picture only where it can mean something: a tested value (every finding of a changed value is
    // one). Most values of a big diff are untested, and their histograms were most of the result.
    result.latencyHistogram = { baseline: latencyHistogram(bb.sorted), current: latencyHistogram(cb.sorted) };
    const counts = (x: Bucket) => `${x.sorted.length}:${x.errors}:${x.traceCount}:${x.sumSquares}`;
    const signature = `${counts(bb)}|${counts(cb)}`;
    const candidates = this.tested.get(signature);
    let print: string | undefined;
    if (candidates) {
      print = `${fingerprint(bb)}|${fingerprint(cb)}`;
      for (const other of candidates) {
        const sample = this.samples.get(other)!;
        sample.print ??= `${fingerprint(sample.baseline)}|${fingerprint(sample.current)}`;
        if (sample.print !== print) continue;
        // The same spans under another key: the same test, run once (diff() counts it once in its family).
        result.pValue = { ...other.pValue };
        this.samples.set(result, { ...sample });
        return result;
      }
    }
    const ca = bb.clusters;
    const cc = cb.clusters;
    const latency = clusteredMannWhitney(bb.sorted, cb.sorted, ca, cc);
    result.pValue = {
      latency: latency.pValue,
      errorRate: errorRateTest(bs.errors, bs.occurrence, cs.errors, cs.occurrence, errorDesignEffect(bb, cb)),
      rate: rateTest(bb, b.minutes, cb, c.minutes),
    };
    for (const q of options.quantiles) result.pValue[q] = quantileTest(bb.sorted, cb.sorted, LEVEL[q], ca, cc);
    this.samples.set(result, {
      baseline: bb,
      current: cb,
      designEffect: latency.designEffect ?? 1,
      hypothesis: this.samples.size,
      ...(print ? { print } : {}),
    });
    if (candidates) candidates.push(result);
    else this.tested.set(signature, [result]);
    return result;
  }

  /** The hypothesis a tested value's tests belong to: values holding the same spans share one. */
  hypothesisOf(value: ChangedValue): number | undefined {
    return this.samples.get(value)?.hypothesis;
  }

  /** Hodges-Lehmann shift and interval of a tested value; diff() asks only where the latency change is significant. */
  estimateShift(value: ChangedValue): void {
    const s = this.samples.get(value);
    const shift = s && hodgesLehmann(s.baseline.sorted, s.current.sorted, 0.95, s.designEffect);
    if (shift) {
      value.latencyShiftUs = {
        estimate: Math.round(shift.estimate),
        low: Math.round(shift.low),
        high: Math.round(shift.high),
        confidence: shift.confidence,
      };
    }
  }

  /**
   * The confidence interval of a tested value's change in a metric, made once and kept on the value
   * (`intervals`). Each is linear in the value's spans; diff() asks only for values whose point
   * estimate crosses a threshold, since an interval contains its estimate.
   */
  interval(value: ChangedValue, metric: Metric): ChangeInterval | undefined {
    const known = value.intervals?.[metric];
    if (known) return known;
    const s = this.samples.get(value);
    if (!s) return undefined;
    const { baseline: bb, current: cb } = s;
    const conf = this.confidence;
    let made: ChangeInterval;
    const quantile = QUANTILE_OF[metric];
    if (quantile) {
      made = percentileChangeInterval(bb.sorted, cb.sorted, LEVEL[quantile], conf, bb.clusters, cb.clusters);
    } else if (metric === 'latency.avg') {
      made = meanChangeInterval(bb.sorted, cb.sorted, conf, bb.clusters, cb.clusters);
    } else if (metric === 'error-rate') {
      const e = errorRateChangeInterval(
        bb.errors,
        bb.sorted.length,
        cb.errors,
        cb.sorted.length,
        conf,
        errorDesignEffect(bb, cb),
      );
      // A relative error-rate rule reads the difference against the baseline's rate.
      const base = bb.sorted.length ? bb.errors / bb.sorted.length : 0;
      made = {
        ...e,
        relativeLow: base > 0 && e.low !== null ? e.low / base : null,
        relativeHigh: base > 0 && e.high !== null ? e.high / base : null,
      };
    } else {
      const [minutesB, minutesC] = metric === 'rate' ? [this.b.minutes, this.c.minutes] : [1, 1];
      made = rateChangeInterval(bb.sorted.length, minutesB, cb.sorted.length, minutesC, conf, dispersion(bb, cb));
    }
    made = roundInterval(made);
    (value.intervals ??= {})[metric] = made;
    return made;
  }
}

/** Intervals in the JSON: six significant digits are more than any bound's precision. */
function roundInterval(i: ChangeInterval): ChangeInterval {
  const r = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));
  return {
    low: r(i.low),
    high: r(i.high),
    relativeLow: r(i.relativeLow),
    relativeHigh: r(i.relativeHigh),
    confidence: i.confidence,
  };
}

/** The pooled dispersion φ = Σ m² / Σ m of a value's span counts (1 when each trace holds one of its spans). */
function dispersion(baseline: Bucket, current: Bucket): number {
  return worstCaseDesignEffect(
    baseline.sumSquares + current.sumSquares,
    baseline.sorted.length + current.sorted.length,
  );
}

/**
 * The design effect of a value's error count. A failed request fails many of its spans, so errors
 * cluster by trace; the buckets count errors, not errors per trace, so the worst case is taken: the
 * spans of a trace all fail or all succeed (φ). Exact for whole-trace failures, conservative for
 * errors independent per span, and 1 when each trace holds one span of the value.
 */
function errorDesignEffect(baseline: Bucket, current: Bucket): number {
  return dispersion(baseline, current);
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
  const phi = dispersion(baseline, current);
  return poissonRateTest(
    Math.round(baseline.sorted.length / phi),
    baselineMinutes,
    Math.round(current.sorted.length / phi),
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

/**
 * `list` with most spans first, then by name (code units), in place, given each item's text number and
 * count (names are unique in a list). The names' order comes from ValueNames.order, whose integer
 * passes replace comparing texts (a hundred thousand call edges with long shared prefixes), the counts'
 * from one numeric sort of (count, name rank) packed in a double.
 */
function byCountThenRank<T>(list: T[], texts: Int32Array, counts: Float64Array, names: ValueNames): void {
  const n = list.length;
  if (n < 2) return;
  const byName = names.order(texts);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, counts[i]!);
  // Exact: below 2^53 while spans × values are (a billion spans and a million values would be 2^50).
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) keys[r] = (max - counts[byName[r]!]!) * n + r;
  keys.sort();
  const copy = list.slice();
  for (let k = 0; k < n; k++) list[k] = copy[byName[keys[k]! % n]!]!;
}
