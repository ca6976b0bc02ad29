import type {
  ChangedValue,
  DiffResult,
  Finding,
  GroupDiff,
  SideSummary,
  Stats,
  UndecidedValue,
} from '../diff/types.js';
import { SEVERITY_ORDER } from '../vocabulary.js';
import { callsOf, marker, rowId, worstFinding, type Call, type RowCalls } from './calls.js';
import { code, md, mermaidLabel, safeUrl } from './escape.js';
import { count, duration, percent, pValue, signedPercent, sparkline } from './format.js';
import { EMOJI, findingNumbers, headline, howSure, keyValue, MARKDOWN, metricValue, range } from './headline.js';
import { hasNone, noneNote } from './none.js';
import { byImportance, ranked } from './order.js';
import type { QueryOutcome, Report } from './types.js';

/**
 * How much a rendering shows. The report is built in order of importance — the verdict, each
 * query's findings (fail, warn, then notices), what was compared, the values behind the findings,
 * context (improvements, traffic, trend, call edges), and last the values without findings — so a
 * rendering too large for its target drops the least important part first. `tier` says how far
 * down that list it goes; `rows` caps every table and list.
 */
interface Budget {
  tier: 0 | 1 | 2 | 3 | 4;
  rows: number;
}
/** What a query's section says when its tier left something out (tier 0 keeps the verdict and the failing and warning findings). */
const CUT: Record<Budget['tier'], string> = {
  4: '',
  3: 'the values without findings and the undecided values were left out',
  2: 'the improvements, traffic, trends, call edges and values without findings were left out',
  1: 'only the findings and what was compared are shown',
  0: 'only the failing and warning findings are shown',
};
/**
 * The renderings tried, richest first; each shows a part of the one before, so the first that fits
 * is found by bisection (a few renderings, not one per budget, for a report of 5,000 values).
 */
const BUDGETS: Budget[] = [
  { tier: 4, rows: Infinity },
  { tier: 3, rows: Infinity },
  { tier: 2, rows: Infinity },
  { tier: 2, rows: 200 },
  { tier: 1, rows: 200 },
  { tier: 1, rows: 50 },
  { tier: 0, rows: 50 },
  { tier: 0, rows: 20 },
  { tier: 0, rows: 5 },
  { tier: 0, rows: 1 },
];

/** Where the whole report can be read when a rendering was cut (built by the action from the run). */
export interface ReportLinks {
  /** The run's page, which shows the job summary. */
  summary?: string;
  /** The report artifact of the run (report.md, report.json and the datasets). */
  artifact?: string;
}

export interface MarkdownOptions {
  /** At most this many characters (UTF-16 code units): a comment or issue body holds 65,536. */
  maxChars?: number;
  /** At most this many bytes of UTF-8: a job summary holds 1 MiB. */
  maxBytes?: number;
  /** Where the full report is, said when the rendering had to be cut (an artifact, a run link). */
  fullReportHint?: string;
  /** Links to the full report, said when the rendering had to be cut. */
  links?: ReportLinks;
}

const SEVERITY_MARK: Record<Finding['severity'], string> = { fail: '❌ fail', warn: '⚠️ warn', notice: 'ℹ️ notice' };
const MOST_SEVERE_FIRST = SEVERITY_ORDER.filter((s): s is Finding['severity'] => s !== 'ignore').reverse();
const DEFAULT_SIGNIFICANCE = 0.01;

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function pp(before: number, after: number): string {
  const d = (after - before) * 100;
  // Two decimals below 0.1pp, so a visible 0.5% → 0.6% never reads +0.0pp.
  return `${d > 0 ? '+' : ''}${d.toFixed(Math.abs(d) < 0.1 ? 2 : 1)}pp`;
}

function minutes(m: number): string {
  return m >= 120 ? `${Number((m / 60).toFixed(1))} h` : `${Math.round(m)} min`;
}

/** Counts are compared per minute when the two sides cover windows of different length (a pooled baseline). */
export function perMinute(r: DiffResult): boolean {
  const b = r.baseline?.windowMinutes;
  const c = r.current.windowMinutes;
  return b !== undefined && c !== undefined && Math.abs(b - c) > 0.01 * Math.max(b, c);
}

function side(s: SideSummary | null, label: string, mixed = false): string[] {
  if (!s) return [label, '(none yet)', '', '', ''];
  const link = s.uiLink ? safeUrl(s.uiLink) : undefined;
  const id = s.snapshotId ? code(s.snapshotId, 80) : '';
  const snapshot = s.snapshotId ? (link ? `[${id}](${link})` : id) : '—';
  const coverage = `${percent(s.coverage, 0)}${s.complete ? '' : ' ⚠️ partial'}`;
  const pooled = s.pooled ? ` (${s.pooled} pooled)` : '';
  const window = s.windowMinutes ? `, ${minutes(s.windowMinutes)} window` : '';
  const time = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  // A file's spans have their own time; when it was read says nothing about them.
  const when =
    s.spansFrom && s.spansTo
      ? `spans ${time(s.spansFrom)} – ${time(s.spansTo)}`
      : `${mixed ? 'collected ' : ''}${time(s.collectedAt)}`;
  return [label + pooled, snapshot, `${when}${window}`, `${count(s.spans)} / ${count(s.traces)}`, coverage];
}

function comparedTable(r: DiffResult): string {
  const collected = !r.current.spansFrom && !r.baseline?.spansFrom;
  const rows = [side(r.baseline, 'baseline', !collected), side(r.current, 'current', !collected)];
  const table = [
    `| | snapshot | ${collected ? 'collected' : 'time'} | spans / traces | coverage |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  if (!perMinute(r)) return table;
  const b = r.baseline!;
  const pooled = b.pooled && b.pooled > 1 ? ` (${b.pooled} collections pooled)` : '';
  return `${table}\n\nThe windows differ — the baseline covers ${minutes(b.windowMinutes!)}${pooled}, the current ${minutes(r.current.windowMinutes!)} — so span counts below are compared **per minute**.`;
}

function keyLabel(key: string): string {
  return key === 'edge' ? 'call edge' : code(key, 80);
}

/** `n = 227 → 212 traces`: the sample behind a test. */
function sample(n: Call['n']): string {
  if (!n) return '';
  return `${count(n.baseline)} → ${count(n.current)} ${n.unit}`;
}

/** What a change past a threshold that made no finding is: not significant, too few spans, or short of its level. */
export function unprovenText(c: Call, metricLabel: (m: Call['metric']) => string, qText = pValue): string {
  const what = `${metricLabel(c.metric)} ${c.change}`;
  const stats = [
    c.q !== undefined ? `q = ${qText(c.q)}` : undefined,
    c.interval ? intervalText(c.interval) : undefined,
    c.n ? `n = ${sample(c.n)}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const why =
    c.why === 'too-few'
      ? `too few ${c.n?.unit ?? 'spans'} to test`
      : c.why === 'not-significant'
        ? 'not significant'
        : 'significant, but the evidence does not reach the threshold';
  return `${what}: ${why}${stats ? ` (${stats})` : ''}`;
}

/** `95% interval +3% … +40%`: how sure, for a relative change; `?` where the data do not bound it. */
function intervalText(i: NonNullable<Call['interval']>): string {
  const bound = (x: number | null) => (x === null ? '?' : `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`);
  return `${Math.round(i.confidence * 100)}% interval ${bound(i.low)} … ${bound(i.high)}`;
}

export function metricLabel(m: Call['metric']): string {
  return m.replace('latency.', '');
}

/** Findings of one keyed value together, in the order of the value's most impactful finding. */
function byValue(findings: readonly Finding[]): Finding[][] {
  const rows = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = rowId(f.key, f.value);
    rows.set(id, [...(rows.get(id) ?? []), f]);
  }
  return [...rows.values()];
}

function findingsTable(findings: readonly Finding[], calls: Map<string, RowCalls>, limit: number): string {
  const groups = byValue(findings);
  const rows = groups.slice(0, limit).map((fs) => {
    const worst = fs[0]!;
    const n = calls.get(rowId(worst.key, worst.value))?.calls.find((c) => c.n)?.n;
    const cells = [
      SEVERITY_MARK[worst.severity],
      keyLabel(worst.key),
      code(worst.value),
      fs.map((f) => findingNumbers(f) + howSure(f)).join('<br>'),
      // One q when they agree (the usual <0.0001), else one per change.
      [...new Set(fs.map((f) => pValue(f.pValue) || '—'))].length === 1
        ? pValue(worst.pValue) || '—'
        : fs.map((f) => pValue(f.pValue) || '—').join('<br>'),
      n ? sample(n) : '—',
      fs.map((f) => code(f.rule, 80)).join('<br>'),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const more = groups.length > limit ? `\n\n…and ${groups.length - limit} more (see the full report).` : '';
  return (
    ['| severity | key | value | change | q | n | rule |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join(
      '\n',
    ) + more
  );
}

/** A significant change in the direction a rule calls good: latency or errors down. */
function improvementsTable(improvements: readonly Finding[], limit: number): string {
  const rows = improvements
    .slice(0, limit)
    .map((f) => `| ${keyLabel(f.key)} | ${code(f.value)} | ${findingNumbers(f)} | ${pValue(f.pValue)} |`);
  const more = improvements.length > limit ? `\n\n…and ${improvements.length - limit} more.` : '';
  return ['| key | value | change | q |', '| --- | --- | --- | --- |', ...rows].join('\n') + more;
}

/**
 * Traffic that moved a lot, in the direction no rule judges (the rate rule watches for drops).
 * More traffic is not better service, so it is context, not an improvement. The list is the
 * `traffic` calls, the same that put ▲ ▼ on the count column.
 */
function trafficList(calls: Map<string, RowCalls>, limit: number): string {
  const changes = [...calls.values()].flatMap((r) =>
    r.calls.filter((c) => c.kind === 'traffic').map((c) => c.finding!),
  );
  if (changes.length === 0) return '';
  const lines = changes.slice(0, limit).map((f) => {
    const rose = (f.current ?? 0) > (f.baseline ?? 0);
    return `- ${keyValue(f.key, f.value, MARKDOWN)}: ${rose ? 'up' : 'down'} ${f.change.replace(/^[+-]/, '')} (${range(metricValue(f.metric, f.baseline), metricValue(f.metric, f.current))})`;
  });
  if (changes.length > limit) lines.push(`- …and ${changes.length - limit} more`);
  return `#### Traffic\n\nSignificant shifts in the direction no rule judges, for context:\n\n${lines.join('\n')}`;
}

function beforeAfter(before: string, after: string, change: string): string {
  return before === after ? before : `${range(before, after)} (${change})`;
}

function rate(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(1);
}

/** The last cell of a value row: the finding and its metrics, and every change past a threshold that made none. */
function statusCell(calls: readonly Call[], v: ChangedValue): string {
  if (calls.length === 0) return v.enoughData === false ? 'few spans' : '';
  const parts: string[] = [];
  const worst = worstFinding(calls);
  // Each severity with its metrics, most severe first: a fail on p95 beside a notice on avg (its interval
  // not yet past the level) must not read as a fail of both.
  if (worst)
    for (const severity of MOST_SEVERE_FIRST) {
      const metrics = [
        ...new Set(
          calls
            .filter((c) => c.kind === 'finding' && c.finding!.severity === severity)
            .map((c) => metricLabel(c.metric)),
        ),
      ];
      if (metrics.length) parts.push(`${SEVERITY_MARK[severity]} (${metrics.join(', ')})`);
    }
  for (const c of calls) if (c.kind === 'unproven') parts.push(md(unprovenText(c, metricLabel)));
  if (!worst) {
    const better = calls.filter((c) => c.kind === 'improvement').map((c) => metricLabel(c.metric));
    const traffic = calls.filter((c) => c.kind === 'traffic').map((c) => metricLabel(c.metric));
    if (better.length) parts.push(`improved (${[...new Set(better)].join(', ')})`);
    if (traffic.length) parts.push(`traffic (${[...new Set(traffic)].join(', ')})`);
  }
  if (parts.length === 0 && v.enoughData === false) parts.push('few spans');
  return parts.join('<br>');
}

function valueRow(v: ChangedValue, calls: readonly Call[], perMin: boolean): string {
  const b = v.baseline;
  const c = v.current;
  const counts = perMin
    ? beforeAfter(rate(b.ratePerMin), rate(c.ratePerMin), signedPercent(b.ratePerMin, c.ratePerMin))
    : beforeAfter(count(b.occurrence), count(c.occurrence), signedPercent(b.occurrence, c.occurrence));
  return [
    code(v.value),
    counts + marker(calls, 'count'),
    beforeAfter(percent(b.errorRate), percent(c.errorRate), pp(b.errorRate, c.errorRate)) + marker(calls, 'error-rate'),
    beforeAfter(duration(b.latencyUs.avg), duration(c.latencyUs.avg), signedPercent(b.latencyUs.avg, c.latencyUs.avg)) +
      marker(calls, 'latency.avg'),
    beforeAfter(duration(b.latencyUs.p95), duration(c.latencyUs.p95), signedPercent(b.latencyUs.p95, c.latencyUs.p95)) +
      marker(calls, 'latency.p95'),
    statusCell(calls, v),
  ].join(' | ');
}

function valueHeader(perMin: boolean): string {
  return `| value | ${perMin ? 'spans/min' : 'spans'} | error % | avg | p95 | statistics |\n| --- | --- | --- | --- | --- | --- |`;
}

function statsLine(s: Stats | undefined): string {
  if (!s) return '';
  return `${count(s.occurrence)} spans, ${percent(s.errorRate)} errors, p95 ${duration(s.latencyUs.p95)}`;
}

function undecidedList(items: readonly UndecidedValue[], limit: number): string {
  const lines = items.slice(0, limit).map((u) => {
    const why = u.reason === 'partial-coverage' ? 'the other side is a partial snapshot' : 'too little traffic to tell';
    const where = u.side === 'baseline-only' ? 'only in the baseline' : 'only in the current';
    return `- ${code(u.value, 200, 'inline')}: ${where} (${statsLine(u.baseline ?? u.current)}); ${why}`;
  });
  if (items.length > limit) lines.push(`- …and ${items.length - limit} more`);
  return lines.join('\n');
}

function limited<T>(items: readonly T[], limit: number, line: (item: T) => string): string {
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) lines.push(`- …and ${items.length - limit} more`);
  return lines.join('\n');
}

/** Rank of a row: its worst finding's severity and impact, then rows with a change that made no finding. */
function rowOrder(calls: readonly Call[]): number[] {
  const f = worstFinding(calls);
  if (f)
    return [3, ['notice', 'warn', 'fail'].indexOf(f.severity), Math.max(...calls.map((c) => c.finding?.impact ?? 0))];
  return [calls.some((c) => c.kind === 'unproven') ? 1 : 0, 0, 0];
}

function compareRows(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/** A changed value with its calls, and (for a row with a finding or a change past a threshold) its rank. */
interface Row {
  v: ChangedValue;
  calls: readonly Call[];
  order?: number[];
}

/** A group's rows, hot (a finding or a change past a threshold, in order of importance) and quiet. */
function groupRows(g: GroupDiff, calls: Map<string, RowCalls>): { hot: Row[]; quiet: Row[] } {
  const hot: Row[] = [];
  const quiet: Row[] = [];
  for (const v of g.changed) {
    const of = calls.get(rowId(g.key, v.value))?.calls ?? [];
    if (of.some((c) => c.kind === 'finding' || c.kind === 'unproven')) hot.push({ v, calls: of, order: rowOrder(of) });
    else quiet.push({ v, calls: of });
  }
  hot.sort((a, b) => compareRows(a.order!, b.order!));
  return { hot, quiet };
}

function groupSection(g: GroupDiff, o: QueryOutcome, budget: Budget, perMin: boolean): string {
  const out: string[] = [];
  const calls = outcomeCalls(o);
  const of = (value: string) => calls.get(rowId(g.key, value))?.calls ?? [];
  // A cut report renders a group at several budgets, and the action renders the report for its file before
  // the job summary: the rows, their order and their text are made once per outcome.
  let made = ROWS.get(o);
  if (!made) ROWS.set(o, (made = { groups: new Map(), texts: new Map() }));
  let rows = made.groups.get(g);
  if (!rows) made.groups.set(g, (rows = groupRows(g, calls)));
  const texts = made.texts;
  const line = (r: Row) => {
    let text = texts.get(r.v);
    if (text === undefined) texts.set(r.v, (text = `| ${valueRow(r.v, r.calls, perMin)} |`));
    return text;
  };
  const { hot, quiet } = rows;
  const header = valueHeader(perMin);
  out.push(`#### ${code(g.key, 80, 'inline')}`);
  if (hot.length) {
    const rows = hot.slice(0, budget.rows).map(line);
    const more = hot.length > budget.rows ? `\n\n…and ${hot.length - budget.rows} more values past a threshold.` : '';
    out.push(`${header}\n${rows.join('\n')}${more}`);
  }
  if (quiet.length && budget.tier >= 4) {
    const rows = quiet.slice(0, budget.rows).map(line);
    const more = quiet.length > budget.rows ? `\n\n…and ${quiet.length - budget.rows} more.` : '';
    out.push(
      `<details><summary>${plural(quiet.length, 'value')} with no change past a threshold</summary>\n\n${header}\n${rows.join('\n')}${more}\n\n</details>`,
    );
  } else if (quiet.length) {
    out.push(`${plural(quiet.length, 'value')} with no change past a threshold (not shown).`);
  }
  const severityOf = (value: string) => {
    const f = worstFinding(of(value));
    return f ? ` (${SEVERITY_MARK[f.severity]})` : '';
  };
  const inline = (v: { value: string }) => code(v.value, 200, 'inline');
  if (g.new.length)
    out.push(
      `**New** (not in the baseline):\n${limited(g.new, budget.rows, (v) => `- ${inline(v)}: ${statsLine(v.current)}${severityOf(v.value)}`)}`,
    );
  if (g.missing.length)
    out.push(
      `**Missing** (gone since the baseline):\n${limited(g.missing, budget.rows, (v) => `- ${inline(v)}: had ${statsLine(v.baseline)}${severityOf(v.value)}`)}`,
    );
  if (g.undecided.length && budget.tier >= 4)
    out.push(
      `<details><summary>${plural(g.undecided.length, 'value')} seen on one side only, undecided</summary>\n\n${undecidedList(g.undecided, budget.rows)}\n\n</details>`,
    );
  const showsNone = (values: readonly { value: string }[]) =>
    values.slice(0, budget.rows).some((v) => hasNone(g.key, v.value));
  const all = budget.tier >= 4;
  if (
    showsNone(hot.map((r) => r.v)) ||
    (all && showsNone(quiet.map((r) => r.v))) ||
    showsNone(g.new) ||
    showsNone(g.missing) ||
    (all && showsNone(g.undecided))
  )
    out.push(noneNote(g.key, (text) => code(text, 80, 'inline')).join(''));
  return out.join('\n\n');
}

/** New and missing call edges, and edges with findings labelled with their change, as a Mermaid graph. */
function edgesSection(r: DiffResult, limit: number): string {
  const e = r.edges;
  const edgeFindings = new Map<string, Finding>();
  for (const f of r.findings)
    if (f.key === 'edge' && f.metric !== 'new' && f.metric !== 'missing' && !edgeFindings.has(f.value))
      edgeFindings.set(f.value, f);
  if (e.new.length === 0 && e.missing.length === 0 && edgeFindings.size === 0) return '';
  const ids = new Map<string, string>();
  const id = (node: string) => {
    if (!ids.has(node)) ids.set(node, `n${ids.size}`);
    return ids.get(node)!;
  };
  const lines: string[] = ['```mermaid', 'graph LR'];
  const edge = (value: string, style: string) => {
    // `caller -> callee`: a name that holds ' -> ' itself leaves no telling where the caller ends, and a
    // guess would draw an edge nobody made. Such an edge is drawn as one node, labelled with all of it.
    const parts = value.split(' -> ');
    if (parts.length !== 2) {
      lines.push(`  ${id(value)}["${mermaidLabel(value, 120)}"]`);
      return;
    }
    const [from, to] = parts as [string, string];
    lines.push(`  ${id(from)}["${mermaidLabel(from)}"] ${style} ${id(to)}["${mermaidLabel(to)}"]`);
  };
  const LIMIT = Math.min(30, limit);
  for (const v of e.new.slice(0, LIMIT)) edge(v.value, '==>|new|');
  for (const v of e.missing.slice(0, LIMIT)) edge(v.value, '-.->|missing|');
  for (const [value, f] of [...edgeFindings].slice(0, LIMIT))
    edge(value, `-->|"${mermaidLabel(`${f.metric.replace('latency.', '')} ${f.change}`, 40)}"|`);
  lines.push('```');
  const left =
    Math.max(0, e.new.length - LIMIT) + Math.max(0, e.missing.length - LIMIT) + Math.max(0, edgeFindings.size - LIMIT);
  const more = left ? `\n\n…and ${left} more edges (see the full report).` : '';
  return `#### Call edges\n\n${lines.join('\n')}${more}`;
}

function trend(outcome: QueryOutcome): string {
  const h = (outcome.history ?? []).slice(0, 12).reverse();
  if (h.length < 2) return '';
  const p95 = h.map((e) => e.latencyP95Us).filter((v): v is number => v !== undefined);
  const errors = h.map((e) => e.errorRate).filter((v): v is number => v !== undefined);
  const parts: string[] = [];
  if (p95.length >= 2) parts.push(`p95 ${sparkline(p95)} ${range(duration(p95[0]), duration(p95.at(-1)))}`);
  if (errors.length >= 2) parts.push(`errors ${range(percent(errors[0]!), percent(errors.at(-1)!))}`);
  parts.push(`verdicts ${h.map((e) => (e.verdict ? (EMOJI[e.verdict as keyof typeof EMOJI] ?? '·') : '·')).join('')}`);
  return `**Trend** over the last ${h.length} collections, oldest first: ${parts.join(' · ')}`;
}

/** The calls of a query's result: one decision for the findings, the row marks, the last cells and the Traffic list. */
export function outcomeCalls(o: QueryOutcome): Map<string, RowCalls> {
  // A cut report is rendered several times over: the calls are made once per outcome.
  let calls = CALLS.get(o);
  if (!calls) CALLS.set(o, (calls = callsOf(o.result!, o.rules, o.significance ?? DEFAULT_SIGNIFICANCE)));
  return calls;
}
const CALLS = new WeakMap<QueryOutcome, Map<string, RowCalls>>();
// The rows of an outcome's groups and their text, made from its calls: once per outcome, as they are.
const ROWS = new WeakMap<
  QueryOutcome,
  { groups: Map<GroupDiff, { hot: Row[]; quiet: Row[] }>; texts: Map<ChangedValue, string> }
>();

function querySection(o: QueryOutcome, budget: Budget): string {
  const out: string[] = [];
  // A diff of two files without a config has no query text: its name says what was compared.
  const queryText = o.query.query.trim() ? ` · ${code(o.query.query, 160, 'inline')}` : '';
  out.push(`### ${o.result ? EMOJI[o.result.verdict] : '⚠️'} ${md(o.query.name)}${queryText}`);
  if (o.error) {
    // An error is a message and, on its own indented line, the fix: kept on one line here.
    out.push(`This query could not be diffed: ${md(o.error.replace(/\s*\n\s*/g, ' — '), 500)}`);
    return out.join('\n\n');
  }
  const r = o.result!;
  const calls = outcomeCalls(o);
  const cut = leftOut(budget);
  if (cut) out.push(`*✂️ Shortened: ${cut}.*`);
  if (budget.tier >= 1) {
    for (const w of o.warnings) out.push(`> ⚠️ ${md(w, 400)}`);
    out.push(comparedTable(r));
  }
  if (r.reason) out.push(md(r.reason, 300));
  if (budget.tier >= 3) {
    const t = trend(o);
    if (t) out.push(t);
  }
  const findings = ranked(r.findings);
  const shown = budget.tier === 0 ? findings.filter((f) => f.severity !== 'notice') : findings;
  if (shown.length) out.push(`#### Findings\n\n${findingsTable(shown, calls, budget.rows)}`);
  if (shown.length < findings.length)
    out.push(`${plural(findings.length - shown.length, 'notice')} (see the full report).`);
  else if (findings.length === 0 && r.baseline)
    out.push('No findings: no change crossed a threshold with statistical significance.');
  if (budget.tier >= 3) {
    const better = r.improvements.filter((f) => f.metric !== 'rate' && f.metric !== 'occurrence');
    if (better.length) out.push(`#### Improvements\n\n${improvementsTable(better, Math.min(10, budget.rows))}`);
    const traffic = trafficList(calls, Math.min(10, budget.rows));
    if (traffic) out.push(traffic);
  }
  if (budget.tier >= 2) {
    const perMin = perMinute(r);
    for (const g of r.groups) out.push(groupSection(g, o, budget, perMin));
  }
  if (budget.tier >= 3) {
    const edges = edgesSection(r, budget.rows);
    if (edges) out.push(edges);
  }
  return out.join('\n\n');
}

function legend(report: Report): string {
  const significance = report.outcomes.find((o) => o.significance !== undefined)?.significance;
  const level = significance ?? DEFAULT_SIGNIFICANCE;
  // Inside an HTML block GitHub renders no markdown: emphasis is written as tags.
  return [
    '<sub>',
    `A <strong>finding</strong> is a change past its threshold in the bad direction that is statistically significant (q ≤ ${level};`,
    'q is the p-value adjusted for the number of tests, Benjamini-Hochberg) with at least min-samples on both sides.',
    'It warns or fails only when its confidence interval lies past the threshold too; while only its estimate does, it',
    'is a notice, “not yet established”. A change past its threshold that made no finding says why: “not significant”',
    '(its q, and n: the traces, or spans, on each side), or “too few traces”. ▲ ▼ mark the metric of a finding, an',
    'improvement or a traffic shift, in the direction it moved; the folded values crossed no threshold in the bad',
    'direction. <strong>Undecided</strong>: a value seen on one',
    'side only, but too rarely (or against a partial snapshot) to call it new or missing. Latencies are per span.',
    '</sub>',
  ].join('\n');
}

/** What a budget leaves out of a query, or '' when nothing. */
function leftOut(budget: Budget): string {
  const what = [CUT[budget.tier]];
  if (budget.rows < Infinity) what.push(`tables show their first ${plural(budget.rows, 'row')}`);
  return what.filter(Boolean).join('; ');
}

/** The note at the top of a cut report: how it was cut, and where the whole report is. */
function cutNote(links: ReportLinks | undefined, hint: string | undefined): string {
  return (
    "> ✂️ This report was shortened to fit GitHub's size limit: the least important parts went first, and the most " +
    `severe queries kept the most (each says what it left out).${where(links, hint)}`
  );
}

function where(links: ReportLinks | undefined, hint: string | undefined): string {
  const to = [
    links?.summary && safeUrl(links.summary) ? `[the job summary](${safeUrl(links.summary)})` : undefined,
    links?.artifact && safeUrl(links.artifact) ? `[the report artifact](${safeUrl(links.artifact)})` : undefined,
  ].filter(Boolean);
  if (to.length) return ` The full report is in ${to.join(' and ')}.`;
  return hint ? ` The full report is in ${md(hint, 300)}.` : '';
}

interface Part {
  text: string;
  chars: number;
  bytes: number;
}

function part(text: string): Part {
  return { text, chars: text.length, bytes: Buffer.byteLength(text, 'utf8') };
}

/**
 * The markdown report: the verdict first, then per query (most severe first) what was compared,
 * the findings ranked by severity and impact, per key the table of values, new / missing /
 * undecided values and call edges. When `maxChars` or `maxBytes` is given and the report is
 * larger, each query gets the richest budget that still fits, the most important query first (a
 * less important one is cut further so that a failing one keeps its tables); the report says
 * what was cut and links to the whole.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? Infinity;
  const maxBytes = options.maxBytes ?? Infinity;
  const outcomes = byImportance(report.outcomes);
  const head = `## ${headline(report)}`;
  const tail = legend(report);
  const whole = outcomes.map((o) => querySection(o, BUDGETS[0]!));
  const full = `${[head, ...whole, tail].join('\n\n')}\n`;
  if (full.length <= maxChars && (maxBytes === Infinity || Buffer.byteLength(full, 'utf8') <= maxBytes)) return full;

  // Sections are rendered once per budget they are tried at; a query's size only shrinks down the chain.
  const fixed = part(
    `${[head, cutNote(options.links, options.fullReportHint ?? report.fullReportHint), tail].join('\n\n')}\n`,
  );
  const cache = outcomes.map(() => new Map<number, Part>());
  const section = (i: number, b: number): Part => {
    let p = cache[i]!.get(b);
    if (!p) cache[i]!.set(b, (p = part(b === 0 ? whole[i]! : querySection(outcomes[i]!, BUDGETS[b]!))));
    return p;
  };
  const last = BUDGETS.length - 1;
  const budgets = outcomes.map(() => last);
  const fits = () => {
    let chars = fixed.chars;
    let bytes = fixed.bytes;
    budgets.forEach((b, i) => {
      const p = section(i, b);
      chars += p.chars + 2; // the blank line before it
      bytes += p.bytes + 2;
    });
    return chars <= maxChars && bytes <= maxBytes;
  };
  const assemble = () => {
    const [first, note, legendText] = [
      head,
      cutNote(options.links, options.fullReportHint ?? report.fullReportHint),
      tail,
    ];
    return `${[first, note, ...budgets.map((b, i) => section(i, b).text), legendText].join('\n\n')}\n`;
  };
  if (fits()) {
    for (let i = 0; i < outcomes.length; i++) {
      // The richest budget of this query that fits with the queries after it at their poorest.
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        budgets[i] = mid;
        if (fits()) hi = mid;
        else lo = mid + 1;
      }
      budgets[i] = hi;
    }
    return assemble();
  }
  // Still too large (hundreds of queries, most severe first): whole lines from the top, then a closing note.
  const lines = assemble().split('\n');
  const note = `\n\n> ✂️ …cut here to fit GitHub's size limit.${where(options.links, options.fullReportHint ?? report.fullReportHint) || ' See the full report.'}\n`;
  const fitsText = (text: string) =>
    text.length <= maxChars && (maxBytes === Infinity || Buffer.byteLength(text, 'utf8') <= maxBytes);
  let keep = 0;
  let top = lines.length;
  while (keep < top) {
    const mid = Math.ceil((keep + top) / 2);
    if (fitsText(lines.slice(0, mid).join('\n') + note)) keep = mid;
    else top = mid - 1;
  }
  return lines.slice(0, keep).join('\n') + note;
}
