import { groupKeyName, type DiffSettings } from '../config/types.js';
import { QUANTILE_OF, type Metric, type Quantile } from '../vocabulary.js';
import { spanWindow as scanWindow } from '../dataset/assemble.js';
import { concatTables, type SpanTable } from '../dataset/table.js';
import { coverageRatio, type Dataset } from '../dataset/types.js';
import { Comparison, decidePresence, type PresenceTest, type Side } from './compare.js';
import { Grouping, ValueNames, type Groups } from './group.js';
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

type SpanWindow = (table: SpanTable) => ReturnType<typeof scanWindow>;

/** The time range of a table's spans, one pass over its rows made once per table in a diff (the rate and the side's range both read it). */
function windowsOnce(): SpanWindow {
  const windows = new Map<SpanTable, ReturnType<typeof scanWindow>>();
  return (table) => {
    if (!windows.has(table)) windows.set(table, scanWindow(table));
    return windows.get(table);
  };
}

/** Minutes the dataset's spans cover: the source's window when it gave one, else the spans' extent (at least 1). */
function windowMinutes(d: Dataset, spanWindow: SpanWindow): number {
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
  spanWindow: SpanWindow,
): { spansFrom: string; spansTo: string } | undefined {
  if (table.size === 0 || !datasets.every((d) => FILE_SOURCES.has(d.provenance.source))) return undefined;
  const window = spanWindow(table);
  if (!window || !Number.isFinite(window.windowStartUs) || !Number.isFinite(window.windowEndUs)) return undefined;
  const iso = (us: number) => new Date(Math.floor(us / 1000)).toISOString();
  return { spansFrom: iso(window.windowStartUs), spansTo: iso(window.windowEndUs) };
}

function summary(datasets: readonly Dataset[], table: SpanTable, minutes: number, spanWindow: SpanWindow): SideSummary {
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
    ...spansRange(datasets, table, spanWindow),
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
  const spanWindow = windowsOnce();
  const currentMinutes = windowMinutes(current, spanWindow);
  const currentSummary = summary([current], current.table, currentMinutes, spanWindow);
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
  const baselineMinutes = input.baseline.reduce((m, d) => m + windowMinutes(d, spanWindow), 0);
  const baselineSummary = summary(input.baseline, baselineTable, baselineMinutes, spanWindow);
  if (current.table.size === 0 || baselineTable.size === 0) {
    return {
      ...base,
      baseline: baselineSummary,
      verdict: 'inconclusive',
      reason: `The ${current.table.size === 0 ? 'current' : 'baseline'} dataset has no spans: there is nothing to compare.`,
      groups: [],
    };
  }

  const b: Side = {
    spans: baselineTable.size,
    traces: baselineSummary.traces > 0 ? baselineSummary.traces : baselineTable.size,
    minutes: baselineMinutes,
    complete: baselineSummary.complete,
  };
  const c: Side = {
    spans: current.table.size,
    traces: currentSummary.traces > 0 ? currentSummary.traces : current.table.size,
    minutes: currentMinutes,
    complete: currentSummary.complete,
  };
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
    comparison.compare(groupKeyName(key), before.groups(key), after.groups(key)),
  );
  const beforeEdges = before.edgeGroups();
  const afterEdges = after.edgeGroups();
  const edgeGroup = comparison.compare('edge', beforeEdges, afterEdges);

  // A family of tests per question (see adjustPValues), each hypothesis once. Only tested values have
  // p-values (most values of a big diff do not): the others are not walked again.
  const tested: ChangedValue[] = [];
  for (const group of [...groups, edgeGroup])
    for (const value of group.changed) if (value.enoughData) tested.push(value);
  const presenceQ = adjustPValues(tested, comparison.presence, comparison);
  comparison.presence.forEach((test, i) => decidePresence(test, presenceQ[i], settings.significance));
  const intervalOf = (value: ChangedValue, metric: Metric) => comparison.interval(value, metric);

  const findings: Finding[] = [];
  const improvements: Finding[] = [];
  const shifted = new Set<ChangedValue>();
  for (const group of groups) {
    for (const value of group.changed) {
      // An untested value has no finding (judgeChanged): not asked.
      if (!value.enoughData) continue;
      const judged = judgeChanged(group.key, value, settings.thresholds.metrics, settings.significance, intervalOf);
      findings.push(...judged.findings);
      improvements.push(...judged.improvements);
      if ([...judged.findings, ...judged.improvements].some((f) => f.metric.startsWith('latency.'))) shifted.add(value);
    }
    findings.push(...judgeNewAndMissing(group, settings.thresholds, false));
  }
  // A call edge that changed in count or latency is judged by the same rules, at most at the edges' severity:
  // its callee's own key already carries the full severity, the edge says which caller's calls changed.
  // An edge that is its callee's only one says nothing the callee's own values do not: it is skipped.
  // Only tested edges can have findings. A tested edge X (on both sides) shares its callee C when the
  // edges into C of both sides are more than X: then one side has another, so a side has two or more.
  // Counted per side by the callee's text number (no set of edge names per callee); a tested edge is on both sides.
  const testedEdges = edgeGroup.changed.filter((v) => v.enoughData);
  const calleeOf = (edges: Groups, value: string) => edges.callee![edges.indexOf(names.of(value))]!;
  const into = testedEdges.length > 0 ? [edgesInto(beforeEdges, names.size), edgesInto(afterEdges, names.size)] : [];
  const sharedCallee = (value: string) => {
    const callee = calleeOf(beforeEdges, value);
    // Names that read alike can give an edge another callee on the current side: then it is not one of C's there.
    return into[0]![callee]! > 1 || into[1]![callee]! > (calleeOf(afterEdges, value) === callee ? 1 : 0);
  };
  for (const value of testedEdges.filter((v) => sharedCallee(v.value))) {
    const judged = judgeChanged(
      'edge',
      value,
      settings.thresholds.metrics,
      settings.significance,
      intervalOf,
      settings.thresholds.edges,
    );
    findings.push(...judged.findings);
    improvements.push(...judged.improvements);
    if ([...judged.findings, ...judged.improvements].some((f) => f.metric.startsWith('latency.'))) shifted.add(value);
  }
  findings.push(...judgeNewAndMissing(edgeGroup, settings.thresholds, true));
  // The Hodges-Lehmann shift costs O(spans · log range) per value: made for the values a reader will
  // look at (a latency finding or improvement) when their rank-sum test is significant too.
  for (const value of shifted)
    if ((value.qValue?.latency ?? 1) <= settings.significance) comparison.estimateShift(value);
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

/** How many call edges lead into each callee, by the callee's text number (below `texts`). */
function edgesInto(edges: Groups, texts: number): Int32Array {
  const into = new Int32Array(texts);
  const callee = edges.callee!;
  for (let i = 0; i < callee.length; i++) into[callee[i]!]!++;
  return into;
}

/**
 * Benjamini-Hochberg within families that match the questions a reader asks: "did latency shift?"
 * (rank-sum), "did p95 move?" (each percentile's quantile test), "did errors rise?", "did traffic
 * move?" (rate) and "is a value gone or new?" (presence). One family for everything let a burst of
 * traffic, which rejects nearly every rate test, loosen the bar for latency and errors. Within a
 * family, values holding the same spans under several keys (a service with one operation, an edge
 * that is its callee's only caller) are one hypothesis: tested once, counted once, q-value shared.
 * Change tests are written back as q-values; the presence q-values are returned in their order.
 */
function adjustPValues(
  values: ChangedValue[],
  presence: readonly PresenceTest[],
  comparison: Comparison,
): (number | undefined)[] {
  const families = new Map<string, { p: number[]; index: Map<string, number> }>();
  const slot = (family: string, hypothesis: string, p: number): [string, number] => {
    let f = families.get(family);
    if (!f) families.set(family, (f = { p: [], index: new Map() }));
    let at = f.index.get(hypothesis);
    if (at === undefined) {
      at = f.p.length;
      f.index.set(hypothesis, at);
      f.p.push(p);
    }
    return [family, at];
  };
  const changeSlots: { value: ChangedValue; test: TestName; at: [string, number] }[] = [];
  values.forEach((value, i) => {
    const hypothesis = comparison.hypothesisOf(value);
    const print = hypothesis === undefined ? `#${i}` : `h${hypothesis}`;
    for (const [test, p] of Object.entries(value.pValue) as [TestName, number | undefined][]) {
      if (p !== undefined) changeSlots.push({ value, test, at: slot(test, print, p) });
    }
  });
  const presenceSlots = presence.map((t, i) =>
    t.pValue === undefined ? undefined : slot('presence', t.fingerprint ?? `#${i}`, t.pValue),
  );
  const q = new Map([...families].map(([name, f]) => [name, benjaminiHochberg(f.p)]));
  const qAt = ([family, at]: [string, number]) => q.get(family)![at]!;
  for (const { value, test, at } of changeSlots) {
    value.qValue ??= {};
    value.qValue[test] = qAt(at);
  }
  return presenceSlots.map((at) => (at === undefined ? undefined : qAt(at)));
}
