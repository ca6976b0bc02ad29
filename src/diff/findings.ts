import type { MetricRule, Thresholds } from '../config/types.js';
import { qOfMetric, severityRank, worstVerdict, type Metric, type Severity } from '../vocabulary.js';
import type { ChangedValue, Finding, GroupDiff, Stats, Verdict } from './types.js';

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

/** The q-value (BH-adjusted) of the tests that speak for a metric (vocabulary: TESTS_OF). */
function qFor(value: ChangedValue, metric: Metric): number | undefined {
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
 * Turns one changed value into findings (bad direction) and improvements (good direction).
 * A finding needs all four: enough data on both sides, a significant q-value, a change past
 * the rule's threshold, and the bad direction.
 */
export function judgeChanged(
  key: string,
  value: ChangedValue,
  rules: readonly MetricRule[],
  significance: number,
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
    });
    const hit = rule.levels.find((level) => crosses(measure(level.change.kind), level.change.amount));
    if (hit) {
      const capped = severityRank(hit.severity) > severityRank(cap);
      findings.push(finding(capped ? (cap as Finding['severity']) : hit.severity, hit.change.kind, capped));
      continue;
    }
    // The mildest level, mirrored: a change that large in the good direction is an improvement.
    const mildest = rule.levels[rule.levels.length - 1];
    if (mildest && crosses(measure(mildest.change.kind), -mildest.change.amount))
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
