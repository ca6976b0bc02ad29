/**
 * The words every stage shares: verdicts and their order, severities and theirs, the metrics a
 * rule can name and the test that speaks for each, and the action's `fail-on` / `publish` values.
 * It sits below every stage and imports nothing, so config, diff, report, publish and the modes
 * all read the one definition (they used to keep four copies, which disagreed on `inconclusive`).
 */

export type Severity = 'ignore' | 'notice' | 'warn' | 'fail';
/** Severities ordered from least to most severe; `verdict` adds `pass` below and `inconclusive` after it. */
export const SEVERITY_ORDER: readonly Severity[] = ['ignore', 'notice', 'warn', 'fail'];

/** Higher is more severe: `ignore` 0 … `fail` 3. */
export function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

export type Verdict = 'pass' | 'notice' | 'warn' | 'fail' | 'inconclusive';

/**
 * Verdicts from best to worst. `inconclusive` ranks above `pass` (a run that could not compare, or a
 * query that could not be diffed, must not read as green) and below every finding (a regression
 * found in one query is the news, whatever another query could not tell). `fail-on` and `alert-on`
 * are `warn` or `fail`, so an inconclusive run never reaches them: it neither fails a gate nor
 * opens an alert.
 */
export const VERDICT_ORDER: readonly Verdict[] = ['pass', 'inconclusive', 'notice', 'warn', 'fail'];

/** Higher is worse: `pass` 0, `inconclusive` 1, `notice` 2, `warn` 3, `fail` 4. */
export function verdictRank(v: Verdict): number {
  return VERDICT_ORDER.indexOf(v);
}

/** The worst of some verdicts; `pass` when there are none. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'pass';
  for (const v of verdicts) if (verdictRank(v) > verdictRank(worst)) worst = v;
  return worst;
}

/** `fail-on` and `alert-on`: the verdict from which the step fails (or an alert opens); `never` turns it off. */
export type FailOn = 'fail' | 'warn' | 'never';
export const FAIL_ON: readonly FailOn[] = ['fail', 'warn', 'never'];

/** Whether a verdict reaches a `fail-on` / `alert-on` level (`never` is never reached). */
export function reaches(verdict: Verdict, level: FailOn): boolean {
  return level !== 'never' && verdictRank(verdict) >= verdictRank(level);
}

/** Where the action publishes a report. */
export type PublishTarget = 'summary' | 'comment' | 'issue';
export const PUBLISH_TARGETS: readonly PublishTarget[] = ['summary', 'comment', 'issue'];

export type Metric =
  'occurrence' | 'rate' | 'error-rate' | 'latency.avg' | 'latency.p50' | 'latency.p90' | 'latency.p95' | 'latency.p99';

export const METRICS: readonly Metric[] = [
  'occurrence',
  'rate',
  'error-rate',
  'latency.avg',
  'latency.p50',
  'latency.p90',
  'latency.p95',
  'latency.p99',
];

/** The quantile tests, one per percentile metric. */
export type Quantile = 'latencyP50' | 'latencyP90' | 'latencyP95' | 'latencyP99';

/** The tests of a changed value, by their key in its `pValue` / `qValue`. */
export type TestName = 'latency' | 'errorRate' | 'rate' | Quantile;

/** The percentile metrics and the quantile test each gets when a rule names it. */
export const QUANTILE_OF: Readonly<Partial<Record<Metric, Quantile>>> = {
  'latency.p50': 'latencyP50',
  'latency.p90': 'latencyP90',
  'latency.p95': 'latencyP95',
  'latency.p99': 'latencyP99',
};

/**
 * The tests that speak for a metric. A percentile speaks through either of two: the rank-sum test
 * (`latency`) sees a shift of the whole distribution, its quantile test a change at that percentile
 * only (a slower tail). Counts speak through the rate test, which compares spans per minute.
 */
export const TESTS_OF: Readonly<Record<Metric, readonly TestName[]>> = {
  occurrence: ['rate'],
  rate: ['rate'],
  'error-rate': ['errorRate'],
  'latency.avg': ['latency'],
  'latency.p50': ['latency', 'latencyP50'],
  'latency.p90': ['latency', 'latencyP90'],
  'latency.p95': ['latency', 'latencyP95'],
  'latency.p99': ['latency', 'latencyP99'],
};

/** The q-value that speaks for a metric: the smallest of its tests' (undefined when none ran). */
export function qOfMetric(
  q: Readonly<Partial<Record<TestName, number>>> | undefined,
  metric: Metric,
): number | undefined {
  let best: number | undefined;
  for (const t of TESTS_OF[metric]) {
    const v = q?.[t];
    if (v !== undefined && (best === undefined || v < best)) best = v;
  }
  return best;
}

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';
