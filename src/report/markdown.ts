import type {
  ChangedValue,
  DiffResult,
  Finding,
  GroupDiff,
  SideSummary,
  Stats,
  UndecidedValue,
} from '../diff/types.js';
import { code, md, mermaidLabel, safeUrl } from './escape.js';
import { count, duration, percent, pValue, signedPercent, sparkline } from './format.js';
import { EMOJI, findingNumbers, headline, metricValue, range } from './headline.js';
import type { QueryOutcome, Report } from './types.js';

/**
 * How much a rendering shows. A report too large for its target is rendered again with less,
 * the least severe rows going first; each level says what it left out.
 */
type Detail = 3 | 2 | 1 | 0;
const CUTS: Record<Detail, string> = {
  3: '',
  2: 'the rows of values without findings and the undecided values were left out',
  1: 'the per-key tables, call edges, improvements and traffic changes were left out',
  0: 'only the failing and warning findings are listed, at most 20 per query',
};

export interface MarkdownOptions {
  /** At most this many characters (UTF-16 code units): a comment or issue body holds 65,536. */
  maxChars?: number;
  /** At most this many bytes of UTF-8: a job summary holds 1 MiB. */
  maxBytes?: number;
  /** Where the full report is, said when the rendering had to be cut (an artifact, a run link). */
  fullReportHint?: string;
}

const SEVERITY_MARK: Record<Finding['severity'], string> = { fail: '❌ fail', warn: '⚠️ warn', notice: 'ℹ️ notice' };
const RANK: Record<Finding['severity'], number> = { notice: 1, warn: 2, fail: 3 };
const DEFAULT_SIGNIFICANCE = 0.01;

/** ▲ a significant rise, ▼ a significant fall (the severity column says whether it is bad); nothing for what may be noise. */
function arrow(before: number, after: number, q: number | undefined, significance: number, shift?: number): string {
  if (before === after || q === undefined || q > significance) return '';
  const up = after > before;
  // One latency test speaks for avg and p95 alike: a column moving against the estimated shift is not marked.
  if (shift !== undefined && shift !== 0 && up !== shift > 0) return '';
  return up ? ' ▲' : ' ▼';
}

function pp(before: number, after: number): string {
  const d = (after - before) * 100;
  // Two decimals below 0.1pp, so a visible 0.5% → 0.6% never reads +0.0pp.
  return `${d > 0 ? '+' : ''}${d.toFixed(Math.abs(d) < 0.1 ? 2 : 1)}pp`;
}

function minutes(m: number): string {
  return m >= 120 ? `${Number((m / 60).toFixed(1))} h` : `${Math.round(m)} min`;
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
  return [
    `| | snapshot | ${collected ? 'collected' : 'time'} | spans / traces | coverage |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function keyLabel(key: string): string {
  return key === 'edge' ? 'call edge' : code(key, 80);
}

/** Findings of one keyed value together, in the order of the value's most impactful finding. */
function byValue(findings: readonly Finding[]): Finding[][] {
  const rows = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = `${f.key}\u0000${f.value}`;
    rows.set(id, [...(rows.get(id) ?? []), f]);
  }
  return [...rows.values()];
}

function findingsTable(findings: readonly Finding[], limit = Infinity): string {
  const groups = byValue(findings);
  const rows = groups.slice(0, limit).map((fs) => {
    const worst = fs.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
    const cells = [
      SEVERITY_MARK[worst.severity],
      keyLabel(worst.key),
      code(worst.value),
      fs.map(findingNumbers).join('<br>'),
      // One q when they agree (the usual <0.0001), else one per change.
      [...new Set(fs.map((f) => pValue(f.pValue) || '—'))].length === 1
        ? pValue(worst.pValue) || '—'
        : fs.map((f) => pValue(f.pValue) || '—').join('<br>'),
      fs.map((f) => code(f.rule, 80)).join('<br>'),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const more = groups.length > limit ? `\n\n…and ${groups.length - limit} more (see the full report).` : '';
  return (
    ['| severity | key | value | change | q | rule |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') +
    more
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
 * More traffic is not better service, so it is context, not an improvement.
 */
function trafficList(changes: readonly Finding[], limit: number): string {
  const lines = changes.slice(0, limit).map((f) => {
    const rose = (f.current ?? 0) > (f.baseline ?? 0);
    return `- ${keyLabel(f.key)} ${code(f.value)}: ${rose ? 'up' : 'down'} ${f.change.replace(/^[+-]/, '')} (${range(metricValue(f.metric, f.baseline), metricValue(f.metric, f.current))})`;
  });
  if (changes.length > limit) lines.push(`- …and ${changes.length - limit} more`);
  return lines.join('\n');
}

function beforeAfter(before: string, after: string, change: string): string {
  return before === after ? before : `${range(before, after)} (${change})`;
}

function valueRow(v: ChangedValue, severity: string, significance: number): string {
  const b = v.baseline;
  const c = v.current;
  const q = v.qValue ?? {};
  const shift = v.latencyShiftUs?.estimate;
  return [
    code(v.value),
    beforeAfter(count(b.occurrence), count(c.occurrence), signedPercent(b.occurrence, c.occurrence)) +
      arrow(b.ratePerMin, c.ratePerMin, q.rate, significance),
    beforeAfter(percent(b.errorRate), percent(c.errorRate), pp(b.errorRate, c.errorRate)) +
      arrow(b.errorRate, c.errorRate, q.errorRate, significance),
    beforeAfter(duration(b.latencyUs.avg), duration(c.latencyUs.avg), signedPercent(b.latencyUs.avg, c.latencyUs.avg)) +
      arrow(b.latencyUs.avg, c.latencyUs.avg, q.latency, significance, shift),
    beforeAfter(duration(b.latencyUs.p95), duration(c.latencyUs.p95), signedPercent(b.latencyUs.p95, c.latencyUs.p95)) +
      arrow(b.latencyUs.p95, c.latencyUs.p95, q.latency, significance, shift),
    severity,
  ].join(' | ');
}

const VALUE_HEADER = '| value | spans | error % | avg | p95 | |\n| --- | --- | --- | --- | --- | --- |';

function statsLine(s: Stats | undefined): string {
  if (!s) return '';
  return `${count(s.occurrence)} spans, ${percent(s.errorRate)} errors, p95 ${duration(s.latencyUs.p95)}`;
}

function undecidedList(items: readonly UndecidedValue[]): string {
  return items
    .map((u) => {
      const why =
        u.reason === 'partial-coverage' ? 'the other side is a partial snapshot' : 'too little traffic to tell';
      const where = u.side === 'baseline-only' ? 'only in the baseline' : 'only in the current';
      return `- ${code(u.value)}: ${where} (${statsLine(u.baseline ?? u.current)}); ${why}`;
    })
    .join('\n');
}

function groupSection(g: GroupDiff, findings: readonly Finding[], detail: Detail, significance: number): string {
  const out: string[] = [];
  const flagged = new Map<string, Finding['severity']>();
  for (const f of findings) {
    if (f.key !== g.key) continue;
    const was = flagged.get(f.value);
    if (!was || RANK[f.severity] > RANK[was]) flagged.set(f.value, f.severity);
  }
  const hot = g.changed.filter((v) => flagged.has(v.value));
  const quiet = g.changed.filter((v) => !flagged.has(v.value));
  const few = (v: ChangedValue) => (v.enoughData === false ? 'few spans' : '');
  out.push(`#### ${code(g.key, 80)}`);
  if (hot.length)
    out.push(
      `${VALUE_HEADER}\n${hot.map((v) => `| ${valueRow(v, SEVERITY_MARK[flagged.get(v.value)!], significance)} |`).join('\n')}`,
    );
  if (quiet.length && detail >= 3) {
    out.push(
      `<details><summary>${quiet.length} value${quiet.length === 1 ? '' : 's'} without findings</summary>\n\n${VALUE_HEADER}\n${quiet
        .map((v) => `| ${valueRow(v, few(v), significance)} |`)
        .join('\n')}\n\n</details>`,
    );
  } else if (quiet.length) {
    out.push(`${quiet.length} value${quiet.length === 1 ? '' : 's'} without findings (not shown).`);
  }
  const severityOf = (value: string) => {
    const s = flagged.get(value);
    return s ? ` (${SEVERITY_MARK[s]})` : '';
  };
  if (g.new.length)
    out.push(
      `**New** (not in the baseline):\n${g.new.map((v) => `- ${code(v.value)}: ${statsLine(v.current)}${severityOf(v.value)}`).join('\n')}`,
    );
  if (g.missing.length)
    out.push(
      `**Missing** (gone since the baseline):\n${g.missing.map((v) => `- ${code(v.value)}: had ${statsLine(v.baseline)}${severityOf(v.value)}`).join('\n')}`,
    );
  if (g.undecided.length && detail >= 3)
    out.push(
      `<details><summary>${g.undecided.length} seen on one side only, undecided</summary>\n\n${undecidedList(g.undecided)}\n\n</details>`,
    );
  return out.join('\n\n');
}

/** New and missing call edges, and edges with findings labelled with their change, as a Mermaid graph. */
function edgesSection(r: DiffResult): string {
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
  const LIMIT = 30;
  for (const v of e.new.slice(0, LIMIT)) edge(v.value, '==>|new|');
  for (const v of e.missing.slice(0, LIMIT)) edge(v.value, '-.->|missing|');
  for (const [value, f] of [...edgeFindings].slice(0, LIMIT))
    edge(value, `-->|"${mermaidLabel(`${f.metric.replace('latency.', '')} ${f.change}`, 40)}"|`);
  lines.push('```');
  const left = Math.max(0, e.new.length - LIMIT) + Math.max(0, e.missing.length - LIMIT);
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

function isTraffic(f: Finding): boolean {
  return f.metric === 'rate' || f.metric === 'occurrence';
}

function querySection(o: QueryOutcome, detail: Detail): string {
  const out: string[] = [];
  // A diff of two files without a config has no query text: its name says what was compared.
  const queryText = o.query.query.trim() ? ` · ${code(o.query.query, 160)}` : '';
  out.push(`### ${o.result ? EMOJI[o.result.verdict] : '⚠️'} ${md(o.query.name)}${queryText}`);
  if (o.error) {
    // An error is a message and, on its own indented line, the fix: kept on one line here.
    out.push(`This query could not be diffed: ${md(o.error.replace(/\s*\n\s*/g, ' — '), 500)}`);
    return out.join('\n\n');
  }
  const r = o.result!;
  const significance = o.significance ?? DEFAULT_SIGNIFICANCE;
  for (const w of o.warnings) out.push(`> ⚠️ ${md(w, 400)}`);
  out.push(comparedTable(r));
  if (r.reason) out.push(md(r.reason, 300));
  const t = trend(o);
  if (t) out.push(t);
  const shown = detail === 0 ? r.findings.filter((f) => f.severity !== 'notice') : r.findings;
  if (shown.length) out.push(`#### Findings\n\n${findingsTable(shown, detail === 0 ? 20 : Infinity)}`);
  else if (r.findings.length) out.push(`${r.findings.length} notices (see the full report).`);
  else if (r.baseline) out.push('No findings: no change crossed a threshold with statistical significance.');
  // Results written before the diff listed traffic apart carry it among the improvements.
  const better = r.improvements.filter((f) => !isTraffic(f));
  const traffic = [...(r.traffic ?? []), ...r.improvements.filter(isTraffic)];
  if (better.length && detail >= 2) out.push(`#### Improvements\n\n${improvementsTable(better, 10)}`);
  if (traffic.length && detail >= 2)
    out.push(
      `#### Traffic\n\nSignificant shifts in the direction no rule judges, for context:\n\n${trafficList(traffic, 10)}`,
    );
  if (detail >= 2) {
    for (const g of r.groups) out.push(groupSection(g, r.findings, detail, significance));
    const edges = edgesSection(r);
    if (edges) out.push(edges);
  }
  return out.join('\n\n');
}

function legend(report: Report): string {
  const significance = report.outcomes.find((o) => o.significance !== undefined)?.significance;
  const level = significance ?? DEFAULT_SIGNIFICANCE;
  return [
    '<sub>',
    'A **finding** is a change that is statistically significant (q: the p-value adjusted for the number of tests, Benjamini-Hochberg),',
    'crosses its threshold in the bad direction, and has at least min-samples spans on both sides.',
    `▲ ▼ mark a significant rise or fall (q ≤ ${level}); a value without a finding did not cross its threshold.`,
    '**Undecided**: a value seen on one side only,',
    'but too rarely (or against a partial snapshot) to call it new or missing. Latencies are per span.',
    '</sub>',
  ].join('\n');
}

function render(report: Report, detail: Detail, hint?: string): string {
  const parts = [`## ${headline(report)}`];
  if (detail < 3) {
    const where = hint ?? report.fullReportHint;
    parts.push(
      `> ✂️ This report was shortened to fit GitHub's size limit: ${CUTS[detail]}.${where ? ` The full report is in ${md(where, 300)}.` : ''}`,
    );
  }
  for (const o of report.outcomes) parts.push(querySection(o, detail));
  parts.push(legend(report));
  return `${parts.join('\n\n')}\n`;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The markdown report: the verdict first, then per query what was compared, the findings ranked
 * by impact, per key the table of values, new / missing / undecided values and call edges.
 * When `maxChars` or `maxBytes` is given and the report is larger, the least severe rows are cut
 * first, and the report says what was cut and where the full one is.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const fits = (text: string) =>
    text.length <= (options.maxChars ?? Infinity) &&
    (options.maxBytes === undefined || utf8Length(text) <= options.maxBytes);
  let text = '';
  for (const detail of [3, 2, 1, 0] as Detail[]) {
    text = render(report, detail, options.fullReportHint);
    if (fits(text)) return text;
  }
  // Still too large (hundreds of queries): whole lines from the top, then a closing note.
  const lines = text.split('\n');
  const note = `\n\n> ✂️ …cut here to fit GitHub's size limit; ${report.fullReportHint || options.fullReportHint ? `the full report is in ${md(options.fullReportHint ?? report.fullReportHint!, 300)}` : 'see the full report'}.\n`;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(lines.slice(0, mid).join('\n') + note)) lo = mid;
    else hi = mid - 1;
  }
  return lines.slice(0, lo).join('\n') + note;
}
