import { groupKeyName, type DiffSettings } from '../config/types.js';
import { QUANTILE_OF, type Metric, type Quantile } from '../vocabulary.js';
import { spanWindow } from '../dataset/assemble.js';
import { concatTables, type SpanTable } from '../dataset/table.js';
import { coverageRatio, type Dataset } from '../dataset/types.js';
import { Comparison, decidePresence, sortPresence, type PresenceTest, type Side } from './compare.js';
import { Grouping, ValueNames } from './group.js';
import { judgeChanged, judgeNewAndMissing, rankFindings, verdictOf } from './findings.js';
import { benjaminiHochberg } from './stats/index.js';
import {
  DIFF_SCHEMA,
  type ChangedValue,
  type DiffResult,
  type EdgeDiff,
  type Finding,
  type GroupDiff,
  type QueryRef,
  type SideSummary,
  type TestName,
} from './types.js';

/** The percentile metrics and the quantile test each gets when a rule names it. */
const QUANTILES = Object.entries(QUANTILE_OF) as [Metric, Quantile][];

export interface DiffInput {
  /** The baseline datasets: none (first run), one, or several pooled (`median-of:N`). */
  baseline: readonly Dataset[];
  current: Dataset;
  query: QueryRef;
  settings: DiffSettings;
}

/** Minutes the dataset's spans cover: the source's window when it gave one, else the spans' extent (at least 1). */
function windowMinutes(d: Dataset): number {
  const p = d.provenance;
  const window =
    p.windowStartUs !== undefined && p.windowEndUs !== undefined
      ? { windowStartUs: p.windowStartUs, windowEndUs: p.windowEndUs }
      : spanWindow(d.table);
  const minutes = window ? (window.windowEndUs - window.windowStartUs) / 60e6 : 0;
  return Number.isFinite(minutes) && minutes > 1 ? minutes : 1;
}

/** Sources whose datasets are read from files: their time is the spans' own, not a collection's. */
const FILE_SOURCES = new Set(['otlp', 'file']);

/** The time range of the spans of file datasets (undefined for collections or no spans). */
function spansRange(
  datasets: readonly Dataset[],
  table: SpanTable,
): { spansFrom: string; spansTo: string } | undefined {
  if (table.size === 0 || !datasets.every((d) => FILE_SOURCES.has(d.provenance.source))) return undefined;
  const window = spanWindow(table);
  if (!window || !Number.isFinite(window.windowStartUs) || !Number.isFinite(window.windowEndUs)) return undefined;
  const iso = (us: number) => new Date(Math.floor(us / 1000)).toISOString();
  return { spansFrom: iso(window.windowStartUs), spansTo: iso(window.windowEndUs) };
}

function summary(datasets: readonly Dataset[], table: SpanTable, minutes: number): SideSummary {
  const newest = datasets[datasets.length - 1]!;
  const wanted = datasets.reduce((n, d) => n + d.coverage.tracesWanted, 0);
  const fetched = datasets.reduce((n, d) => n + d.coverage.tracesFetched, 0);
  return {
    snapshotId: newest.provenance.snapshotId,
    collectedAt: newest.provenance.collectedAt,
    spans: table.size,
    // The sources count the traces they fetched; counting a million trace ids again costs a second.
    traces: datasets.reduce((n, d) => n + d.coverage.tracesFetched, 0),
    coverage: datasets.length === 1 ? coverageRatio(newest.coverage) : wanted === 0 ? 1 : fetched / wanted,
    complete: datasets.every((d) => d.coverage.complete),
    uiLink: newest.provenance.uiLink,
    windowMinutes: Math.round(minutes * 100) / 100,
    ...spansRange(datasets, table),
    ...(datasets.length > 1 ? { pooled: datasets.length } : {}),
  };
}

/**
 * The diff engine: group both sides by every key, compare every value, test every change,
 * control the false-discovery rate across all tests, and judge against the thresholds.
 * Pure: plain data in, the DiffResult of DESIGN.md out.
 */
export function diff(input: DiffInput): DiffResult {
  const { current, settings } = input;
  const currentMinutes = windowMinutes(current);
  const currentSummary = summary([current], current.table, currentMinutes);
  const emptyEdges: EdgeDiff = { new: [], missing: [], changed: [], undecided: [] };
  const base: Pick<DiffResult, 'schema' | 'query' | 'current' | 'edges' | 'findings' | 'improvements' | 'traffic'> = {
    schema: DIFF_SCHEMA,
    query: input.query,
    current: currentSummary,
    edges: emptyEdges,
    findings: [],
    improvements: [],
    traffic: [],
  };

  if (input.baseline.length === 0) {
    return {
      ...base,
      baseline: null,
      verdict: 'inconclusive',
      reason: 'There is no baseline yet: this dataset is stored and becomes the baseline of the next run.',
      groups: [],
    };
  }
  // Pooled baselines: spans concatenated, windows summed, so rates stay per minute of observation.
  const baselineTable = concatTables(input.baseline.map((d) => d.table));
  const baselineMinutes = input.baseline.reduce((m, d) => m + windowMinutes(d), 0);
  const baselineSummary = summary(input.baseline, baselineTable, baselineMinutes);
  if (current.table.size === 0 || baselineTable.size === 0) {
    return {
      ...base,
      baseline: baselineSummary,
      verdict: 'inconclusive',
      reason: `The ${current.table.size === 0 ? 'current' : 'baseline'} dataset has no spans: there is nothing to compare.`,
      groups: [],
    };
  }

  const b: Side = { spans: baselineTable.size, minutes: baselineMinutes, complete: baselineSummary.complete };
  const c: Side = { spans: current.table.size, minutes: currentMinutes, complete: currentSummary.complete };
  const quantiles = QUANTILES.filter(([metric]) => settings.thresholds.metrics.some((r) => r.metric === metric)).map(
    ([, test]) => test,
  );
  const comparison = new Comparison(b, c, {
    minSamples: settings.minSamples,
    significance: settings.significance,
    quantiles,
  });
  // One set of value names for both sides: a value's lookups across the sides compare one string with itself.
  const names = new ValueNames();
  const before = new Grouping(baselineTable, names);
  const after = new Grouping(current.table, names);
  const groups: GroupDiff[] = settings.groupBy.map((key) =>
    comparison.compare(groupKeyName(key), before.byKey(key), after.byKey(key)),
  );
  const beforeEdges = before.edges();
  const afterEdges = after.edges();
  const edgeGroup = comparison.compare('edge', beforeEdges, afterEdges);

  // One family of tests for the whole diff: every change test and every new/missing test.
  const tested = [...groups.flatMap((g) => g.changed), ...edgeGroup.changed];
  const presenceQ = adjustPValues(tested, comparison.presence);
  comparison.presence.forEach((test, i) => decidePresence(test, presenceQ[i], settings.significance));
  for (const group of [...groups, edgeGroup]) sortPresence(group);
  for (const value of tested)
    if ((value.qValue?.latency ?? 1) <= settings.significance) comparison.estimateShift(value);

  const findings: Finding[] = [];
  const improvements: Finding[] = [];
  for (const group of groups) {
    for (const value of group.changed) {
      const judged = judgeChanged(group.key, value, settings.thresholds.metrics, settings.significance);
      findings.push(...judged.findings);
      improvements.push(...judged.improvements);
    }
    findings.push(...judgeNewAndMissing(group, settings.thresholds, false));
  }
  // A call edge that changed in count or latency is judged by the same rules, at most at the edges' severity:
  // its callee's own key already carries the full severity, the edge says which caller's calls changed.
  // An edge that is its callee's only one says nothing the callee's own values do not: it is skipped.
  const callers = new Map<string, Set<string>>();
  // The two maps one after the other, not spread into one array (150k edges a side in the bench).
  for (const edges of [beforeEdges, afterEdges]) {
    for (const [value, bucket] of edges) {
      if (bucket.callee === undefined) continue;
      let set = callers.get(bucket.callee);
      if (!set) callers.set(bucket.callee, (set = new Set()));
      set.add(value);
    }
  }
  const sharedCallee = (value: string) => {
    const callee = (beforeEdges.get(value) ?? afterEdges.get(value))?.callee;
    return callee !== undefined && (callers.get(callee)?.size ?? 0) > 1;
  };
  for (const value of edgeGroup.changed.filter((v) => sharedCallee(v.value))) {
    const judged = judgeChanged(
      'edge',
      value,
      settings.thresholds.metrics,
      settings.significance,
      settings.thresholds.edges,
    );
    findings.push(...judged.findings);
    improvements.push(...judged.improvements);
  }
  findings.push(...judgeNewAndMissing(edgeGroup, settings.thresholds, true));
  rankFindings(findings);
  rankFindings(improvements);
  // More or less traffic is not better or worse by itself: it is listed apart, as context.
  const isTraffic = (f: Finding) => f.metric === 'rate' || f.metric === 'occurrence';

  const { key: _edgeKey, ...edges } = edgeGroup;
  return {
    ...base,
    baseline: baselineSummary,
    verdict: verdictOf(findings),
    groups,
    edges,
    findings,
    improvements: improvements.filter((f) => !isTraffic(f)),
    traffic: improvements.filter(isTraffic),
  };
}

/**
 * Benjamini-Hochberg across every test of the diff: change tests are written back as q-values,
 * the q-values of the presence tests are returned in their order (undefined where untested).
 */
function adjustPValues(values: ChangedValue[], presence: readonly PresenceTest[]): (number | undefined)[] {
  const slots: { value: ChangedValue; test: TestName; p: number }[] = [];
  for (const value of values) {
    for (const [test, p] of Object.entries(value.pValue) as [TestName, number | undefined][]) {
      if (p !== undefined) slots.push({ value, test, p });
    }
  }
  const presenceP = presence.filter((t) => t.pValue !== undefined).map((t) => t.pValue!);
  const q = benjaminiHochberg([...slots.map((s) => s.p), ...presenceP]);
  slots.forEach((slot, i) => {
    slot.value.qValue ??= {};
    slot.value.qValue[slot.test] = q[i]!;
  });
  let next = slots.length;
  return presence.map((t) => (t.pValue === undefined ? undefined : q[next++]));
}
