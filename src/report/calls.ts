import type { MetricRule } from '../config/types.js';
import { crosses, describeChange, metricValue } from '../diff/findings.js';
import type { ChangedValue, DiffResult, Finding } from '../diff/types.js';
import { qOfMetric, severityRank, type Metric } from '../vocabulary.js';

/**
 * What the statistics say about one metric of one value, as the report shows it. One function
 * (`callsOf`) decides every call, so the ▲ ▼ marks of a row, its last cell, the Findings table
 * and the Traffic list cannot disagree:
 *
 * - `finding`: a rule's finding (bad direction), with its severity; a `notice` whose rule reads
 *   "not yet established" is significant with its estimate past a level but its interval not yet;
 * - `improvement` / `traffic`: a significant change past the mirrored threshold in the good
 *   direction (latency and errors), or of traffic in the direction no rule judges;
 * - `unproven`: the change is past a rule's threshold in the bad direction but made no finding,
 *   because the test did not reach the significance level, or a side had too few traces, or (in
 *   results written before such changes became notices) a confidence interval short of the level.
 */
export interface Call {
  kind: 'finding' | 'improvement' | 'traffic' | 'unproven';
  metric: Metric | 'new' | 'missing';
  /** The finding, improvement or traffic entry of the diff result; absent for `unproven`. */
  finding?: Finding;
  /** `unproven`: why: the q-value was above the level, a side had too few spans, or neither (the interval). */
  why?: 'not-significant' | 'too-few' | 'interval';
  /** `unproven`: the change as the rule reads it (`+27%`) and the rule's text. */
  change?: string;
  rule?: string;
  /** The q-value of the tests that speak for the metric. */
  q?: number;
  /** Traces (when the result counts them per value) or spans on each side. */
  n?: { baseline: number; current: number; unit: 'traces' | 'spans' };
  /** Whether the metric rose; undefined when it did not move. */
  up?: boolean;
  /** `unproven` for want of evidence: the confidence interval of the relative change, when the diff gives one. */
  interval?: { low: number | null; high: number | null; confidence: number };
}

/** Intervals per metric, as trace-level statistics add them to a changed value (absent in older results). */
type WithIntervals = ChangedValue & {
  intervals?: Partial<
    Record<Metric, { relativeLow: number | null; relativeHigh: number | null; confidence: number } | undefined>
  >;
};

export interface RowCalls {
  key: string;
  value: string;
  calls: Call[];
}

/** `key\0value`: the identity of a row. */
export function rowId(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Per-value trace counts, when the diff gives them (trace-level statistics); spans otherwise. */
export function sampleSize(v: Pick<ChangedValue, 'baseline' | 'current'>): NonNullable<Call['n']> {
  const b = v.baseline.traces;
  const c = v.current.traces;
  if (b !== undefined && c !== undefined) return { baseline: b, current: c, unit: 'traces' };
  return { baseline: v.baseline.occurrence, current: v.current.occurrence, unit: 'spans' };
}

function isTraffic(f: Finding): boolean {
  return f.metric === 'rate' || f.metric === 'occurrence';
}

/** The relative or absolute change a rule level measures. */
function measured(kind: 'relative' | 'absolute', base: number, cur: number): number {
  if (kind === 'absolute') return cur - base;
  return base === 0 ? (cur === 0 ? 0 : Infinity * Math.sign(cur - base)) : (cur - base) / base;
}

/**
 * The calls of every row of a result. `rules` are the query's threshold rules (carried by the
 * outcome; a result read back from an older report has none, and then only the diff's own
 * findings, improvements and traffic are called). `significance` is the query's level.
 */
export function callsOf(
  result: DiffResult,
  rules: readonly MetricRule[] | undefined,
  significance: number,
): Map<string, RowCalls> {
  const rows = new Map<string, RowCalls>();
  const row = (key: string, value: string) => {
    const id = rowId(key, value);
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { key, value, calls: [] }));
    return r;
  };
  // Only the values named by a finding, an improvement or a traffic shift are looked up (a few), so
  // the values of a result (a million spans give ~150k call edges) are walked without a key made for each.
  const named = new Map<string, Set<string>>();
  for (const f of [...result.findings, ...result.improvements, ...(result.traffic ?? [])]) {
    let values = named.get(f.key);
    if (!values) named.set(f.key, (values = new Set()));
    values.add(f.value);
  }
  const changed = new Map<string, ChangedValue>();
  // New and missing values have one side: n is that side's, 0 on the other.
  const oneSided = new Map<string, NonNullable<Call['n']>>();
  const sides = [...result.groups, { ...result.edges, key: 'edge' }];
  for (const g of sides) {
    const values = named.get(g.key);
    if (!values) continue;
    for (const v of g.changed) if (values.has(v.value)) changed.set(rowId(g.key, v.value), v);
    for (const v of g.new) {
      if (!values.has(v.value)) continue;
      const t = v.current.traces;
      oneSided.set(rowId(g.key, v.value), {
        baseline: 0,
        current: t ?? v.current.occurrence,
        unit: t === undefined ? 'spans' : 'traces',
      });
    }
    for (const v of g.missing) {
      if (!values.has(v.value)) continue;
      const t = v.baseline.traces;
      oneSided.set(rowId(g.key, v.value), {
        baseline: t ?? v.baseline.occurrence,
        current: 0,
        unit: t === undefined ? 'spans' : 'traces',
      });
    }
  }

  const listed = (f: Finding, kind: Call['kind']) => {
    const v = changed.get(rowId(f.key, f.value));
    const metric = f.metric;
    const q = v && metric !== 'new' && metric !== 'missing' ? qOfMetric(v.qValue, metric) : undefined;
    row(f.key, f.value).calls.push({
      kind,
      metric,
      finding: f,
      q: q ?? f.pValue ?? undefined,
      n: v ? sampleSize(v) : oneSided.get(rowId(f.key, f.value)),
      up: f.current === f.baseline ? undefined : (f.current ?? 0) > (f.baseline ?? 0),
    });
  };
  for (const f of result.findings) listed(f, 'finding');
  // Results written before the diff listed traffic apart carry it among the improvements.
  for (const f of result.improvements) listed(f, isTraffic(f) ? 'traffic' : 'improvement');
  for (const f of result.traffic ?? []) listed(f, 'traffic');

  // Call edges are judged only where a callee has several callers, and have no value table: only groups here.
  for (const g of result.groups) for (const v of g.changed) unproven(g.key, v);
  function unproven(key: string, v: ChangedValue): void {
    // The findings of the value (the calls added below are not findings).
    const made = rows.get(rowId(key, v.value))?.calls;
    for (const rule of rules ?? []) {
      if (made?.some((c) => c.metric === rule.metric && c.kind === 'finding')) continue;
      const base = metricValue(v.baseline, rule.metric);
      const cur = metricValue(v.current, rule.metric);
      const mildest = rule.levels[rule.levels.length - 1];
      if (!mildest || !crosses(measured(mildest.change.kind, base, cur), mildest.change.amount)) continue;
      const q = qOfMetric(v.qValue, rule.metric);
      const why: Call['why'] =
        v.enoughData === false ? 'too-few' : q === undefined || q > significance ? 'not-significant' : 'interval';
      row(key, v.value).calls.push({
        kind: 'unproven',
        metric: rule.metric,
        why,
        change: describeChange(rule.metric, base, cur, mildest.change.kind),
        rule: rule.text,
        q,
        n: sampleSize(v),
        up: cur > base,
        interval: intervalOf(v, rule.metric),
      });
    }
  }
  return rows;
}

function intervalOf(v: WithIntervals, metric: Metric): Call['interval'] {
  const i = v.intervals?.[metric];
  return i ? { low: i.relativeLow, high: i.relativeHigh, confidence: i.confidence } : undefined;
}

/** The most severe finding of a row's calls, if any. */
export function worstFinding(calls: readonly Call[]): Finding | undefined {
  let worst: Finding | undefined;
  for (const c of calls)
    if (c.kind === 'finding' && (!worst || severityRank(c.finding!.severity) > severityRank(worst.severity)))
      worst = c.finding;
  return worst;
}

/** The column of the value tables a metric is shown in (rate and occurrence share the count column). */
export type Column = 'count' | 'error-rate' | 'latency.avg' | 'latency.p95';

export function columnOf(metric: Call['metric']): Column | undefined {
  if (metric === 'rate' || metric === 'occurrence') return 'count';
  if (metric === 'error-rate' || metric === 'latency.avg' || metric === 'latency.p95') return metric;
  return undefined;
}

/** ▲ or ▼ on a column: the direction of the finding, improvement or traffic shift made on its metric. */
export function marker(calls: readonly Call[], column: Column): string {
  const c = calls.find((x) => x.kind !== 'unproven' && columnOf(x.metric) === column && x.up !== undefined);
  return c ? (c.up ? ' ▲' : ' ▼') : '';
}
