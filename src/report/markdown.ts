import type {
  ChangedValue,
  DiffResult,
  Finding,
  GroupDiff,
  SideSummary,
  Stats,
  UndecidedValue,
} from '../diff/types.js';
import { md, mermaidLabel, safeUrl } from './escape.js';
import { count, duration, percent, pValue, signedPercent, sparkline } from './format.js';
import { EMOJI, findingNumbers, headline } from './headline.js';
import type { QueryOutcome, Report } from './types.js';

/** How much a rendering shows; a report too large for its target is rendered again with less. */
export type Detail = 3 | 2 | 1 | 0;
const CUTS: Record<Detail, string> = {
  3: '',
  2: 'the rows of values without findings were left out',
  1: 'the per-key tables, call edges and undecided values were left out',
  0: 'only the most severe findings are listed',
};

export interface MarkdownOptions {
  /** GitHub's limits: 65,536 characters for a comment, 1 MiB for a job summary. */
  maxChars?: number;
  fullReportHint?: string;
}

const SEVERITY_MARK: Record<Finding['severity'], string> = { fail: '❌ fail', warn: '⚠️ warn', notice: 'ℹ️ notice' };

/** ▲ a significant rise (worse), ▽ a significant fall (better); nothing for what may be noise. */
function arrow(before: number, after: number, q: number | undefined): string {
  if (before === after || q === undefined || q > 0.05) return '';
  return after > before ? ' ▲' : ' ▽';
}

function pp(before: number, after: number): string {
  const d = (after - before) * 100;
  return `${d > 0 ? '+' : ''}${d.toFixed(1)}pp`;
}

function side(s: SideSummary | null, label: string): string[] {
  if (!s) return [label, '(none yet)', '', '', ''];
  const link = s.uiLink ? safeUrl(s.uiLink) : undefined;
  const snapshot = s.snapshotId ? (link ? `[${md(s.snapshotId)}](${link})` : md(s.snapshotId)) : '—';
  const coverage = `${percent(s.coverage, 0)}${s.complete ? '' : ' ⚠️ partial'}`;
  const pooled = s.pooled ? ` (${s.pooled} pooled)` : '';
  return [
    label + pooled,
    snapshot,
    s.collectedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    `${count(s.spans)} / ${count(s.traces)}`,
    coverage,
  ];
}

function comparedTable(r: DiffResult): string {
  const rows = [side(r.baseline, 'baseline'), side(r.current, 'current')];
  return [
    '| | snapshot | collected | spans / traces | coverage |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function findingsTable(findings: readonly Finding[], limit = Infinity): string {
  const rows = findings.slice(0, limit).map((f) => {
    const key = f.key === 'edge' ? 'call edge' : md(f.key);
    return `| ${SEVERITY_MARK[f.severity]} | ${key} | ${md(f.value)} | ${findingNumbers(f)} | ${pValue(f.pValue)} | ${md(f.rule, 80)} |`;
  });
  const more = findings.length > limit ? `\n\n…and ${findings.length - limit} more (see the JSON report).` : '';
  return (
    ['| severity | key | value | change | q | rule |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') +
    more
  );
}

function beforeAfter(before: string, after: string, change: string): string {
  return before === after ? before : `${before} → ${after} (${change})`;
}

function valueRow(v: ChangedValue, severity: string): string {
  const b = v.baseline;
  const c = v.current;
  return [
    md(v.value),
    beforeAfter(count(b.occurrence), count(c.occurrence), signedPercent(b.occurrence, c.occurrence)),
    beforeAfter(percent(b.errorRate), percent(c.errorRate), pp(b.errorRate, c.errorRate)) +
      arrow(b.errorRate, c.errorRate, v.qValue?.errorRate),
    beforeAfter(duration(b.latencyUs.avg), duration(c.latencyUs.avg), signedPercent(b.latencyUs.avg, c.latencyUs.avg)) +
      arrow(b.latencyUs.avg, c.latencyUs.avg, v.qValue?.latency),
    beforeAfter(duration(b.latencyUs.p95), duration(c.latencyUs.p95), signedPercent(b.latencyUs.p95, c.latencyUs.p95)) +
      arrow(b.latencyUs.p95, c.latencyUs.p95, v.qValue?.latency),
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
      return `- ${md(u.value)}: ${where} (${statsLine(u.baseline ?? u.current)}); ${why}`;
    })
    .join('\n');
}

function groupSection(g: GroupDiff, findings: readonly Finding[], detail: Detail): string {
  const out: string[] = [];
  const flagged = new Map<string, Finding['severity']>();
  for (const f of findings) if (f.key === g.key && !flagged.has(f.value)) flagged.set(f.value, f.severity);
  const hot = g.changed.filter((v) => flagged.has(v.value));
  const quiet = g.changed.filter((v) => !flagged.has(v.value));
  out.push(`#### ${md(g.key)}`);
  if (hot.length)
    out.push(
      `${VALUE_HEADER}\n${hot.map((v) => `| ${valueRow(v, SEVERITY_MARK[flagged.get(v.value)!])} |`).join('\n')}`,
    );
  if (quiet.length && detail >= 3) {
    out.push(
      `<details><summary>${quiet.length} value${quiet.length === 1 ? '' : 's'} without findings</summary>\n\n${VALUE_HEADER}\n${quiet
        .map((v) => `| ${valueRow(v, v.enoughData ? '' : 'few spans')} |`)
        .join('\n')}\n\n</details>`,
    );
  } else if (quiet.length) {
    out.push(`${quiet.length} value${quiet.length === 1 ? '' : 's'} without findings (not shown).`);
  }
  if (g.new.length)
    out.push(
      `**New** (not in the baseline):\n${g.new.map((v) => `- ${md(v.value)}: ${statsLine(v.current)}`).join('\n')}`,
    );
  if (g.missing.length)
    out.push(
      `**Missing** (gone since the baseline):\n${g.missing.map((v) => `- ${md(v.value)}: had ${statsLine(v.baseline)}`).join('\n')}`,
    );
  if (g.undecided.length && detail >= 2)
    out.push(
      `<details><summary>${g.undecided.length} seen on one side only, undecided</summary>\n\n${undecidedList(g.undecided)}\n\n</details>`,
    );
  return out.join('\n\n');
}

function edgesSection(r: DiffResult): string {
  const e = r.edges;
  if (e.new.length === 0 && e.missing.length === 0) return '';
  const ids = new Map<string, string>();
  const id = (node: string) => {
    if (!ids.has(node)) ids.set(node, `n${ids.size}`);
    return ids.get(node)!;
  };
  const lines: string[] = ['```mermaid', 'graph LR'];
  const edge = (value: string, style: string) => {
    const [from, to] = value.split(' -> ') as [string, string];
    lines.push(`  ${id(from)}["${mermaidLabel(from)}"] ${style} ${id(to)}["${mermaidLabel(to)}"]`);
  };
  for (const v of e.new.slice(0, 30)) edge(v.value, '==>|new|');
  for (const v of e.missing.slice(0, 30)) edge(v.value, '-.->|missing|');
  lines.push('```');
  return `#### Call edges\n\n${lines.join('\n')}`;
}

function trend(outcome: QueryOutcome): string {
  const h = (outcome.history ?? []).slice(0, 12).reverse();
  const p95 = h.map((e) => e.latencyP95Us).filter((v): v is number => v !== undefined);
  if (p95.length < 2) return '';
  const verdicts = h.map((e) => (e.verdict ? (EMOJI[e.verdict as keyof typeof EMOJI] ?? '·') : '·')).join('');
  return `Trend over the last ${h.length} collections (oldest first): p95 ${sparkline(p95)} ${duration(p95[0])} → ${duration(p95[p95.length - 1])} · verdicts ${verdicts}`;
}

function querySection(o: QueryOutcome, detail: Detail): string {
  const out: string[] = [];
  const title = `### ${o.result ? EMOJI[o.result.verdict] : '⚠️'} ${md(o.query.name)} · ${md(o.query.query, 120)}`;
  out.push(title);
  if (o.error) {
    out.push(`This query could not be diffed: ${md(o.error, 500)}`);
    return out.join('\n\n');
  }
  const r = o.result!;
  for (const w of o.warnings) out.push(`> ⚠️ ${md(w, 400)}`);
  out.push(comparedTable(r));
  if (r.reason) out.push(md(r.reason, 300));
  const t = trend(o);
  if (t) out.push(t);
  if (r.findings.length) out.push(`#### Findings\n\n${findingsTable(r.findings, detail === 0 ? 10 : Infinity)}`);
  else if (r.baseline) out.push('No findings: no change crossed a threshold with statistical significance.');
  if (r.improvements.length && detail >= 1) out.push(`#### Improvements\n\n${findingsTable(r.improvements, 10)}`);
  if (detail >= 2) {
    for (const g of r.groups) out.push(groupSection(g, r.findings, detail));
    const edges = edgesSection(r);
    if (edges) out.push(edges);
  }
  return out.join('\n\n');
}

const LEGEND = [
  '<sub>',
  'A **finding** is a change that is statistically significant (q: the p-value adjusted for the number of tests, Benjamini-Hochberg),',
  'crosses its threshold in the bad direction, and has at least min-samples spans on both sides.',
  '▲ marks a significant rise (worse) and ▽ a significant fall (better) of error rate or latency (q ≤ 0.05).',
  '**Undecided**: a value seen on one side only,',
  'but too rarely (or against a partial snapshot) to call it new or missing. Latencies are per span.',
  '</sub>',
].join('\n');

function render(report: Report, detail: Detail, hint?: string): string {
  const parts = [`## ${headline(report)}`];
  if (detail < 3) {
    const where = hint ?? report.fullReportHint;
    parts.push(
      `> This report was shortened to fit: ${CUTS[detail]}.${where ? ` The full report is in ${md(where, 300)}.` : ''}`,
    );
  }
  for (const o of report.outcomes) parts.push(querySection(o, detail));
  parts.push(LEGEND);
  return `${parts.join('\n\n')}\n`;
}

/**
 * The markdown report: the verdict first, then per query what was compared, the findings ranked
 * by impact, per key the table of values, new / missing / undecided values and call edges.
 * When `maxChars` is given and the report is larger, the least severe rows are cut first.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? Infinity;
  for (const detail of [3, 2, 1, 0] as Detail[]) {
    const text = render(report, detail, options.fullReportHint);
    if (text.length <= max) return text;
  }
  const text = render(report, 0, options.fullReportHint);
  return `${text.slice(0, max - 200)}\n\n…(cut at ${max} characters; see the full report)\n`;
}
