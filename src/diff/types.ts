/**
 * The diff result: the JSON contract of DESIGN.md ("The diff result", `--format json`).
 * Fields beyond DESIGN.md are additive and marked "(addition)"; the README lists them.
 */
import type { Metric, Severity, Verdict } from '../vocabulary.js';

export type { Verdict } from '../vocabulary.js';

export const DIFF_SCHEMA = 'trace-differ/diff@1';

export interface LatencyStats {
  avg: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** Per value, per side. Latencies are integer microseconds. */
export interface Stats {
  occurrence: number;
  /**
   * (addition) distinct traces holding the value's spans: the unit of the statistics (`min-samples`
   * counts these) and of the sample sizes the report states. Absent in results written before it was added.
   */
  traces?: number;
  errors: number;
  /** 0..1 */
  errorRate: number;
  /** Spans per minute of the dataset's window. */
  ratePerMin: number;
  latencyUs: LatencyStats;
}

export interface SideSummary {
  snapshotId?: string;
  collectedAt: string;
  spans: number;
  traces: number;
  /** Fraction of wanted traces fetched, 0..1. */
  coverage: number;
  /** (addition) false when the source could not fetch everything: no value is called missing on its strength. */
  complete: boolean;
  /** (addition) */
  uiLink?: string;
  /** (addition) the window the rate is computed over, in minutes. */
  windowMinutes?: number;
  /**
   * (addition) set for a side read from files (OTLP, span JSON), not collected from a backend: the time
   * range of its spans (ISO-8601), shown instead of `collectedAt`, which is only when the file was read.
   */
  spansFrom?: string;
  spansTo?: string;
  /** (addition) how many datasets were pooled (baseline `median-of:N`). */
  pooled?: number;
}

export interface NewValue {
  value: string;
  current: Stats;
  /** (addition) probability of seeing none of this value in the baseline if its share of spans were the same. */
  pValue?: number;
  /** (addition) that p-value adjusted (Benjamini-Hochberg) with every other test of the diff. */
  qValue?: number;
}

export interface MissingValue {
  value: string;
  baseline: Stats;
  /** (addition) probability of seeing none of this value in the current dataset if its share of spans were the same. */
  pValue?: number;
  /** (addition) that p-value adjusted (Benjamini-Hochberg) with every other test of the diff. */
  qValue?: number;
}

/** (addition) A value seen on one side only, but too rarely (or with partial coverage) to call it new or missing. */
export interface UndecidedValue {
  value: string;
  side: 'baseline-only' | 'current-only';
  reason: 'too-little-traffic' | 'partial-coverage';
  baseline?: Stats;
  current?: Stats;
  /** As in NewValue / MissingValue, when the value was tested (not below min-samples, not partial). */
  pValue?: number;
  qValue?: number;
}

export interface ChangeDelta {
  occurrence: number;
  errorRate: number;
  /** (addition) */
  ratePerMin?: number;
  latencyAvgUs: number;
  /** (addition) */
  latencyP50Us?: number;
  /** (addition) */
  latencyP90Us?: number;
  latencyP95Us: number;
  /** (addition) */
  latencyP99Us?: number;
}

export interface TestValues {
  latency?: number;
  errorRate?: number;
  rate?: number;
  latencyP50?: number;
  latencyP90?: number;
  latencyP95?: number;
  latencyP99?: number;
}

/** The tests a changed value can have, by their key in `pValue` / `qValue`. */
export type TestName = keyof TestValues;

/**
 * (addition) A confidence interval of a change, current against baseline, at `confidence` (two-sided):
 * `low`/`high` bound the difference (current − baseline) in the metric's unit (µs, a 0..1 error rate,
 * spans per minute, spans), `relativeLow`/`relativeHigh` the relative change (current / baseline − 1,
 * 0.1 = +10 %). null: the data do not bound that side (too few traces; a p99 of a handful of spans).
 * A finding's level is the most severe one its bound nearest to no change still clears.
 */
export interface ChangeInterval {
  low: number | null;
  high: number | null;
  relativeLow: number | null;
  relativeHigh: number | null;
  confidence: number;
}

/**
 * (addition) Latency counts in fixed log-spaced bins (10 per decade from 1 µs): `counts[j]` is the
 * number of spans in bin `from + j`, which holds [10^((from+j)/10), 10^((from+j+1)/10)) µs.
 */
export interface LatencyHistogram {
  from: number;
  counts: number[];
}

export interface ChangedValue {
  value: string;
  baseline: Stats;
  current: Stats;
  delta: ChangeDelta;
  /**
   * Raw p-values of each test; `undefined` when a side had too few traces to test. `latency` is the
   * rank-sum test; (addition) `latencyP50` … `latencyP99` the quantile tests, run for the percentiles
   * that have a threshold rule. All account for the spans of one trace not being independent.
   */
  pValue: TestValues;
  /**
   * (addition) Benjamini-Hochberg adjusted p-values (q-values), adjusted within each test's family
   * (latency, each percentile, error rate, rate, presence), the same spans under several keys counted once.
   */
  qValue?: TestValues;
  /**
   * (addition) Hodges-Lehmann estimate of the latency shift (current - baseline) with its confidence interval,
   * µs (widened by the design effect of spans in traces); made for values with a latency finding or
   * improvement whose rank-sum test is significant.
   */
  latencyShiftUs?: { estimate: number; low: number; high: number; confidence: number };
  /** (addition) true when both sides have at least `min-samples` traces holding the value. */
  enoughData?: boolean;
  /**
   * (addition) confidence intervals of the change, per metric, made for the metrics whose point estimate
   * crossed a threshold level (in either direction) with a significant test.
   */
  intervals?: Partial<Record<Metric, ChangeInterval>>;
  /**
   * (addition) both sides' latencies in shared log-spaced bins, for the HTML report's distributions; made
   * only for tested values (`enoughData`): below min-samples a picture would be read as evidence.
   */
  latencyHistogram?: { baseline: LatencyHistogram; current: LatencyHistogram };
}

export interface GroupDiff {
  /** The key; a combined key is written `service+operation`. */
  key: string;
  new: NewValue[];
  missing: MissingValue[];
  /** Every value present on both sides, whether or not it crossed a threshold. */
  changed: ChangedValue[];
  /** (addition) */
  undecided: UndecidedValue[];
}

/** Call edges `caller-service:operation -> callee-service:operation`; stats are the callee spans on that edge. */
export interface EdgeDiff {
  new: NewValue[];
  missing: MissingValue[];
  changed: ChangedValue[];
  /** (addition) */
  undecided: UndecidedValue[];
}

export interface Finding {
  severity: Exclude<Severity, 'ignore'>;
  /** The group key, or `edge` for a call-edge finding. */
  key: string;
  value: string;
  metric: Metric | 'new' | 'missing';
  baseline: number | null;
  current: number | null;
  /** Readable change: `+34%`, `+2.1pp`, `+41ms`. */
  change: string;
  pValue: number | null;
  /** The rule that fired, as it reads in the config. */
  rule: string;
  /** (addition) spans affected × size of change; findings are sorted by severity, then this. */
  impact?: number;
  /**
   * (addition) how sure: the confidence interval of the change that reached the finding's level (as in
   * ChangedValue.intervals). Absent for new and missing values.
   */
  interval?: ChangeInterval;
}

export interface QueryRef {
  id: string;
  name: string;
  query: string;
}

export interface DiffResult {
  schema: typeof DIFF_SCHEMA;
  query: QueryRef;
  /** null when there is no baseline yet (the verdict is then `inconclusive`). */
  baseline: SideSummary | null;
  current: SideSummary;
  verdict: Verdict;
  /** (addition) one sentence on why the verdict is what it is (e.g. why inconclusive). */
  reason?: string;
  groups: GroupDiff[];
  edges: EdgeDiff;
  /** Only what crossed a threshold, most severe first, then by impact. */
  findings: Finding[];
  /** (addition) significant changes in the good direction of latency or errors, same shape as findings. */
  improvements: Finding[];
  /**
   * (addition) significant shifts of traffic (`rate`, `occurrence`) in the direction no rule judges:
   * context for a reader (a launch, a load test), neither a regression nor an improvement.
   */
  traffic: Finding[];
}
