import type { MetricRule, Thresholds } from '../config/types.js';
import { qOfMetric, severityRank, worstVerdict, type Metric, type Severity } from '../vocabulary.js';
import type { ChangedValue, ChangeInterval, Finding, GroupDiff, Stats, Verdict } from './types.js';

export function metricValue(stats: Stats, metric: Metric): number {
  switch (metric) {
    case 'occurrence':
      return stats.occurrence;
    case 'rate':
      return stats.ratePerMin;
    case 'error-rate':
      return stats.errorRate;
    case 'latency.avg':
      return stats.latencyUs.avg;
    case 'latency.p50':
      return stats.latencyUs.p50;
    case 'latency.p90':
      return stats.latencyUs.p90;
    case 'latency.p95':
      return stats.latencyUs.p95;
    case 'latency.p99':
      return stats.latencyUs.p99;
  }
}

/**
 * The q-value (BH-adjusted within its family) that says the metric's change is more than noise
 * (vocabulary: TESTS_OF). A percentile speaks through either test: the rank-sum test sees a shift of
 * the whole distribution, the quantile test a change at that percentile only (a slower tail). Which
 * level the change reaches is then decided by percentile evidence alone: the interval of that
 * percentile's change (judgeChanged), so a body shift cannot lift a p99 read from a handful of spans
 * past its level.
 */
export function qFor(value: ChangedValue, metric: Metric): number | undefined {
  return qOfMetric(value.qValue, metric);
}

/** `+34%`, `+2.1pp`, `+41ms`: how a change reads in a report, in the form of the rule that judged it. */
export function describeChange(
  metric: Metric,
  baseline: number,
  current: number,
  kind: 'relative' | 'absolute' = 'relative',
): string {
  const sign = (x: number) => (x >= 0 ? '+' : '');
  if (kind === 'absolute' && metric.startsWith('latency.')) {
    const ms = (current - baseline) / 1000;
    return `${sign(ms)}${Math.abs(ms) < 10 ? ms.toFixed(1) : ms.toFixed(0)}ms`;
  }
  if (kind === 'absolute' && metric === 'rate')
    return `${sign(current - baseline)}${(current - baseline).toFixed(1)}/min`;
  if (kind === 'absolute' && metric === 'occurrence') return `${sign(current - baseline)}${current - baseline}`;
  if (metric === 'error-rate') {
    const pp = (current - baseline) * 100;
    return `${pp >= 0 ? '+' : ''}${pp.toFixed(Math.abs(pp) < 10 ? 1 : 0)}pp`;
  }
  if (baseline === 0) return current === 0 ? '0%' : 'from 0';
  const pct = ((current - baseline) / baseline) * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
}

/** Whether a measured change crosses a threshold amount; the amount's sign is the bad direction. */
export function crosses(measured: number, amount: number): boolean {
  return amount >= 0 ? measured >= amount : measured <= amount;
}

/**
 * Whether an interval of a change lies wholly past a threshold amount: its bound nearest to no change
 * crosses it (the lower bound for an increase, the upper for a decrease). An unbounded side never does.
 */
function clears(interval: ChangeInterval, kind: 'relative' | 'absolute', amount: number): boolean {
  const [low, high] =
    kind === 'relative' ? [interval.relativeLow, interval.relativeHigh] : [interval.low, interval.high];
  const bound = amount >= 0 ? low : high;
  return bound !== null && crosses(bound, amount);
}

/** `98% interval +3% … +48%` (or `+0.4pp … +3.1pp`, `+2.0ms … +41ms`): the interval in the level's terms. */
export function intervalText(interval: ChangeInterval, metric: Metric, kind: 'relative' | 'absolute'): string {
  const [low, high] =
    kind === 'relative' ? [interval.relativeLow, interval.relativeHigh] : [interval.low, interval.high];
  const bound = (x: number | null) => {
    if (x === null) return '?';
    if (kind === 'absolute') return describeChange(metric, 0, x, 'absolute');
    return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;
  };
  return `${Math.round(interval.confidence * 100)}% interval ${bound(low)} … ${bound(high)}`;
}

/**
 * The interval of a value's change in a metric, made on demand (diff() passes Comparison.interval):
 * only for values and metrics where a level is in reach.
 */
export type IntervalOf = (value: ChangedValue, metric: Metric) => ChangeInterval | undefined;

/**
 * Turns one changed value into findings (bad direction) and improvements (good direction). A finding
 * needs enough traces on both sides, a significant q-value of the metric's own test, and a confidence
 * interval of the change that lies wholly past the level's threshold in the bad direction (as
 * Kayenta's judge asks its interval to clear the allowed band): a level is reached only when the
 * evidence supports that level, not when a point estimate happens to land past it. The interval is
 * two-sided at 1 − 2 · significance, so its bound is a one-sided bound at `significance`.
 */
export function judgeChanged(
  key: string,
  value: ChangedValue,
  rules: readonly MetricRule[],
  significance: number,
  intervalOf: IntervalOf,
  cap: Severity = 'fail',
): { findings: Finding[]; improvements: Finding[] } {
  const findings: Finding[] = [];
  const improvements: Finding[] = [];
  if (!value.enoughData || cap === 'ignore') return { findings, improvements };
  for (const rule of rules) {
    const q = qFor(value, rule.metric);
    if (q === undefined || q > significance) continue;
    const base = metricValue(value.baseline, rule.metric);
    const cur = metricValue(value.current, rule.metric);
    const delta = cur - base;
    const relative = base === 0 ? (cur === 0 ? 0 : Infinity * Math.sign(delta)) : delta / base;
    const measure = (kind: 'relative' | 'absolute') => (kind === 'relative' ? relative : delta);
    const mildest = rule.levels[rule.levels.length - 1];
    // An interval contains its estimate: where the estimate crosses no level either way, neither can the interval.
    const inReach =
      rule.levels.some((level) => crosses(measure(level.change.kind), level.change.amount)) ||
      (mildest !== undefined && crosses(measure(mildest.change.kind), -mildest.change.amount));
    if (!inReach) continue;
    const interval = intervalOf(value, rule.metric);
    if (!interval) continue;
    const spans = Math.max(value.baseline.occurrence, value.current.occurrence);
    const size = rule.metric === 'error-rate' ? Math.abs(delta) * 100 : Math.min(Math.abs(relative), 100);
    const finding = (severity: Finding['severity'], kind: 'relative' | 'absolute', capped = false): Finding => ({
      severity,
      key,
      value: value.value,
      metric: rule.metric,
      baseline: base,
      current: cur,
      change: describeChange(rule.metric, base, cur, kind),
      pValue: q,
      rule: capped ? `${rule.text}, capped by edges: ${severity}` : rule.text,
      impact: spans * size,
      interval,
    });
    const hit = rule.levels.find((level) => clears(interval, level.change.kind, level.change.amount));
    if (hit) {
      const capped = severityRank(hit.severity) > severityRank(cap);
      findings.push(finding(capped ? (cap as Finding['severity']) : hit.severity, hit.change.kind, capped));
      continue;
    }
    // Significant, its point estimate past a level, its interval not (yet) past it: shown as a notice, so
    // a real change seen in too few traces is not lost, but it never warns or fails a check on luck.
    const reached = rule.levels.find((level) => crosses(measure(level.change.kind), level.change.amount));
    if (reached) {
      findings.push({
        ...finding('notice', reached.change.kind),
        rule: `${rule.metric} ${reached.change.text} (${intervalText(interval, rule.metric, reached.change.kind)}, not yet established)`,
      });
      continue;
    }
    // The mildest level, mirrored: a change that surely large in the good direction is an improvement.
    if (mildest && clears(interval, mildest.change.kind, -mildest.change.amount))
      improvements.push(finding('notice', mildest.change.kind));
  }
  return { findings, improvements };
}

/** New and missing values (or call edges) become findings at the severity the config gives them. */
export function judgeNewAndMissing(group: GroupDiff, thresholds: Thresholds, isEdge: boolean): Finding[] {
  const out: Finding[] = [];
  const newSeverity: Severity = isEdge ? thresholds.edges : thresholds.new;
  const missingSeverity: Severity = isEdge ? thresholds.edges : thresholds.missing;
  const key = isEdge ? 'edge' : group.key;
  if (newSeverity !== 'ignore') {
    for (const v of group.new) {
      out.push({
        severity: newSeverity,
        key,
        value: v.value,
        metric: 'new',
        baseline: null,
        current: v.current.occurrence,
        change: 'new',
        pValue: v.qValue ?? null,
        rule: `${isEdge ? 'edges' : 'new'}: ${newSeverity}`,
        impact: v.current.occurrence,
      });
    }
  }
  if (missingSeverity !== 'ignore') {
    for (const v of group.missing) {
      out.push({
        severity: missingSeverity,
        key,
        value: v.value,
        metric: 'missing',
        baseline: v.baseline.occurrence,
        current: 0,
        change: 'missing',
        pValue: v.qValue ?? null,
        rule: `${isEdge ? 'edges' : 'missing'}: ${missingSeverity}`,
        impact: v.baseline.occurrence,
      });
    }
  }
  return out;
}

/** Most severe first, then by impact, so the first line of a report is the thing to look at. */
export function rankFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || (b.impact ?? 0) - (a.impact ?? 0),
  );
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  return worstVerdict(findings.map((f) => f.severity));
}
