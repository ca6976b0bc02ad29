import type { Bucket } from './group.js';
import { hodgesLehmann, errorRateTest, mannWhitney, poissonRateTest } from './stats/index.js';
import { summarise, type Summary } from './summarise.js';
import type { ChangedValue, GroupDiff, MissingValue, NewValue, UndecidedValue } from './types.js';

/** What the comparison needs to know of each side as a whole. */
export interface Side {
  spans: number;
  minutes: number;
  complete: boolean;
}

export interface CompareOptions {
  minSamples: number;
  significance: number;
}

/**
 * Compares the values of one key (or the call edges) between baseline and current.
 * New and missing are decided with the chance of seeing none of a value by luck:
 * if a value made up a share s of one side, the other side's n spans all miss it with
 * probability (1 - s)^n. Only when that is below the significance, and the side that lacks
 * the value is complete, is the value called new or missing; otherwise it is undecided.
 */
export function compareBuckets(
  key: string,
  baseline: Map<string, Bucket>,
  current: Map<string, Bucket>,
  b: Side,
  c: Side,
  options: CompareOptions,
): GroupDiff {
  const out: GroupDiff = { key, new: [], missing: [], changed: [], undecided: [] };
  for (const [value, bucket] of baseline) {
    const base = summarise(bucket, b.minutes);
    const cur = current.get(value);
    if (cur) {
      out.changed.push(changed(value, base, summarise(cur, c.minutes), b, c, options));
      continue;
    }
    const pZero = Math.pow(1 - bucket.durations.length / b.spans, c.spans);
    if (!c.complete) {
      out.undecided.push({ value, side: 'baseline-only', reason: 'partial-coverage', baseline: base.stats });
    } else if (pZero < options.significance) {
      out.missing.push({ value, baseline: base.stats, pValue: pZero } satisfies MissingValue);
    } else {
      out.undecided.push({
        value,
        side: 'baseline-only',
        reason: 'too-little-traffic',
        baseline: base.stats,
      } satisfies UndecidedValue);
    }
  }
  for (const [value, bucket] of current) {
    if (baseline.has(value)) continue;
    const cur = summarise(bucket, c.minutes);
    const pZero = Math.pow(1 - bucket.durations.length / c.spans, b.spans);
    if (!b.complete) {
      out.undecided.push({ value, side: 'current-only', reason: 'partial-coverage', current: cur.stats });
    } else if (pZero < options.significance) {
      out.new.push({ value, current: cur.stats } satisfies NewValue);
    } else {
      out.undecided.push({ value, side: 'current-only', reason: 'too-little-traffic', current: cur.stats });
    }
  }
  const byCount = (x: { baseline?: { occurrence: number }; current?: { occurrence: number } }) =>
    -(x.current?.occurrence ?? x.baseline?.occurrence ?? 0);
  out.changed.sort((x, y) => -x.current.occurrence + y.current.occurrence || x.value.localeCompare(y.value));
  out.new.sort((x, y) => byCount(x) - byCount(y) || x.value.localeCompare(y.value));
  out.missing.sort((x, y) => byCount(x) - byCount(y) || x.value.localeCompare(y.value));
  out.undecided.sort((x, y) => byCount(x) - byCount(y) || x.value.localeCompare(y.value));
  return out;
}

/** The sorted latencies behind each tested value, until the shift estimates are made. */
const samples = new WeakMap<ChangedValue, { baseline: Float64Array; current: Float64Array }>();

/**
 * Hodges-Lehmann shift and interval for a value; O(limit²), so diff() asks only for the values
 * whose latency change is significant after false-discovery control.
 */
export function estimateShift(value: ChangedValue): void {
  const s = samples.get(value);
  if (!s) return;
  const shift = hodgesLehmann(s.baseline, s.current);
  if (shift) {
    value.latencyShiftUs = {
      estimate: Math.round(shift.estimate),
      low: Math.round(shift.low),
      high: Math.round(shift.high),
      confidence: shift.confidence,
    };
  }
}

function changed(value: string, base: Summary, cur: Summary, b: Side, c: Side, options: CompareOptions): ChangedValue {
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
  };
  // Below min-samples nothing is tested: a finding there would be noise, and an untested
  // p-value must not dilute the false-discovery control of the tests that matter.
  if (!enoughData) return result;
  result.pValue = {
    latency: mannWhitney(base.sorted, cur.sorted).pValue,
    errorRate: errorRateTest(bs.errors, bs.occurrence, cs.errors, cs.occurrence),
    rate: poissonRateTest(bs.occurrence, b.minutes, cs.occurrence, c.minutes),
  };
  // Kept for the shift estimate, which diff() computes only where the latency change is significant.
  samples.set(result, { baseline: base.sorted, current: cur.sorted });
  return result;
}
