import { findingNumbers, headline } from './headline.js';
import type { Report } from './types.js';
import { count, percent } from './format.js';

/** Plain text for a terminal: the headline, and per query what was compared and the findings. */
export function renderText(report: Report): string {
  // The headline is written for markdown; its entities are decoded for the terminal.
  const plain = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c)))
      .replace(/&amp;/g, '&')
      .replace(/\u2060/g, '');
  const lines = [plain(headline(report)), ''];
  for (const o of report.outcomes) {
    lines.push(`${o.query.name} (${o.query.id}): ${o.query.query}`);
    if (o.error) {
      lines.push(`  could not be diffed: ${o.error}`, '');
      continue;
    }
    const r = o.result!;
    for (const w of o.warnings) lines.push(`  warning: ${w}`);
    const b = r.baseline;
    lines.push(
      `  baseline: ${b ? `${count(b.spans)} spans, ${count(b.traces)} traces, coverage ${percent(b.coverage, 0)}` : 'none yet'}`,
    );
    lines.push(
      `  current:  ${count(r.current.spans)} spans, ${count(r.current.traces)} traces, coverage ${percent(r.current.coverage, 0)}`,
    );
    lines.push(`  verdict:  ${r.verdict}${r.reason ? ` (${r.reason})` : ''}`);
    for (const f of r.findings)
      lines.push(
        `  ${f.severity.padEnd(6)} ${f.key === 'edge' ? 'call edge' : f.key} ${f.value}: ${findingNumbers(f)}  [${f.rule}]`,
      );
    for (const f of r.improvements.slice(0, 5)) lines.push(`  better ${f.key} ${f.value}: ${findingNumbers(f)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
