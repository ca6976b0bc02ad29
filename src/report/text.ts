import type { Finding } from '../diff/types.js';
import { rowId, type Call, type RowCalls } from './calls.js';
import { plainText } from './escape.js';
import { count, pValue, percent } from './format.js';
import { findingNumbers, headline, howSure, keyValue, PLAIN } from './headline.js';
import { metricLabel, outcomeCalls, perMinute, unprovenText } from './markdown.js';
import { hasNone, noneNote } from './none.js';
import { byImportance, ranked } from './order.js';
import type { Report } from './types.js';

// Control characters from span text would move the cursor or clear the terminal.
const plain = plainText;

function name(f: { key: string; value: string }): string {
  return plain(keyValue(f.key, f.value, PLAIN));
}

/** One line per key whose `(none)` the lines show, saying what it means. */
function noneNotes(shown: readonly { key: string; value: string }[]): string[] {
  const keys = new Set(shown.filter((v) => hasNone(v.key, v.value)).map((v) => v.key));
  return [...keys].map((key) => `  note: ${noneNote(key, plain).join('')}`);
}

function sample(n: Call['n']): string {
  return n ? `, n = ${count(n.baseline)} → ${count(n.current)} ${n.unit}` : '';
}

/** `q <0.0001, n = 569 → 562 spans`: the statistics behind a line, as the markdown's q and n columns. */
function statistics(fs: readonly Finding[], row: RowCalls | undefined): string {
  const qs = [...new Set(fs.map((f) => pValue(f.pValue)).filter(Boolean))];
  const q = qs.length ? `q ${qs.join('/')}` : '';
  const n = row?.calls.find((c) => c.n)?.n;
  return q || n ? `  (${q}${q ? sample(n) : sample(n).slice(2)})` : '';
}

/**
 * Plain text for a terminal, with the markdown's content: the headline, and per query (most severe
 * first) what was compared, the findings with their q and n, the changes past a threshold that made
 * no finding, improvements and traffic.
 */
export function renderText(report: Report): string {
  const lines = [plain(headline(report, PLAIN)), ''];
  for (const o of byImportance(report.outcomes)) {
    const query = o.query.query.trim() ? `: ${plain(o.query.query)}` : '';
    const id = o.query.id !== o.query.name ? ` (${plain(o.query.id)})` : '';
    lines.push(`${plain(o.query.name)}${id}${query}`);
    if (o.error) {
      lines.push(`  could not be diffed: ${plain(o.error)}`, '');
      continue;
    }
    const r = o.result!;
    for (const w of o.warnings) lines.push(`  warning: ${plain(w)}`);
    const b = r.baseline;
    const window = (m: number | undefined) => (m ? `, ${Math.round(m)} min window` : '');
    const pooled = b?.pooled && b.pooled > 1 ? `, ${b.pooled} pooled` : '';
    lines.push(
      `  baseline: ${b ? `${count(b.spans)} spans, ${count(b.traces)} traces, coverage ${percent(b.coverage, 0)}${window(b.windowMinutes)}${pooled}` : 'none yet'}`,
    );
    lines.push(
      `  current:  ${count(r.current.spans)} spans, ${count(r.current.traces)} traces, coverage ${percent(r.current.coverage, 0)}${window(r.current.windowMinutes)}`,
    );
    if (perMinute(r)) lines.push('  (the windows differ: counts are compared per minute)');
    lines.push(`  verdict:  ${r.verdict}${r.reason ? ` (${plain(r.reason)})` : ''}`);
    const calls = outcomeCalls(o);
    const shown: { key: string; value: string }[] = [];
    // One line per value, its changes together, in the order of its most severe, most impactful finding.
    const byValue = new Map<string, Finding[]>();
    for (const f of ranked(r.findings)) {
      const id = rowId(f.key, f.value);
      byValue.set(id, [...(byValue.get(id) ?? []), f]);
    }
    for (const [id, fs] of byValue) {
      const f = fs[0]!;
      shown.push(f);
      lines.push(
        `  ${f.severity.padEnd(7)} ${name(f)}: ${fs.map((x) => findingNumbers(x) + howSure(x)).join('; ')}${statistics(fs, calls.get(id))}  [${fs.map((x) => x.rule).join('; ')}]`,
      );
    }
    for (const row of calls.values())
      for (const c of row.calls)
        if (c.kind === 'unproven') {
          shown.push(row);
          lines.push(`  unproven ${name(row)}: ${unprovenText(c, metricLabel)}  [${c.rule}]`);
        }
    const listed = (kind: Call['kind']) =>
      [...calls.values()].flatMap((row) => row.calls.filter((c) => c.kind === kind).map((c) => c.finding!));
    const better = listed('improvement').slice(0, 5);
    const traffic = listed('traffic').slice(0, 5);
    for (const f of better)
      lines.push(`  better  ${name(f)}: ${findingNumbers(f)}${statistics([f], calls.get(rowId(f.key, f.value)))}`);
    for (const f of traffic)
      lines.push(`  traffic ${name(f)}: ${findingNumbers(f)}${statistics([f], calls.get(rowId(f.key, f.value)))}`);
    lines.push(...noneNotes([...shown, ...better, ...traffic]), '');
  }
  return `${lines.join('\n')}`;
}
