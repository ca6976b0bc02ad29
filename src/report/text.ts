import type { Finding } from '../diff/types.js';
import { plainText } from './escape.js';
import { findingNumbers, headline, PLAIN } from './headline.js';
import type { Report } from './types.js';
import { count, percent } from './format.js';

// Control characters from span text would move the cursor or clear the terminal.
const plain = plainText;

function key(f: Finding): string {
  return f.key === 'edge' ? 'call edge' : f.key;
}

/** Plain text for a terminal: the headline, and per query what was compared and the findings. */
export function renderText(report: Report): string {
  const lines = [plain(headline(report, PLAIN)), ''];
  for (const o of report.outcomes) {
    lines.push(`${o.query.name} (${o.query.id}): ${o.query.query}`);
    if (o.error) {
      lines.push(`  could not be diffed: ${plain(o.error)}`, '');
      continue;
    }
    const r = o.result!;
    for (const w of o.warnings) lines.push(`  warning: ${plain(w)}`);
    const b = r.baseline;
    lines.push(
      `  baseline: ${b ? `${count(b.spans)} spans, ${count(b.traces)} traces, coverage ${percent(b.coverage, 0)}` : 'none yet'}`,
    );
    lines.push(
      `  current:  ${count(r.current.spans)} spans, ${count(r.current.traces)} traces, coverage ${percent(r.current.coverage, 0)}`,
    );
    lines.push(`  verdict:  ${r.verdict}${r.reason ? ` (${plain(r.reason)})` : ''}`);
    // One line per value, its changes together, in the order of its most impactful finding.
    const byValue = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const id = `${f.key}\u0000${f.value}`;
      byValue.set(id, [...(byValue.get(id) ?? []), f]);
    }
    for (const fs of byValue.values()) {
      const f = fs[0]!;
      const worst = fs.some((x) => x.severity === 'fail')
        ? 'fail'
        : fs.some((x) => x.severity === 'warn')
          ? 'warn'
          : f.severity;
      lines.push(
        `  ${worst.padEnd(6)} ${key(f)} ${plain(f.value)}: ${fs.map(findingNumbers).join(', ')}  [${fs.map((x) => x.rule).join('; ')}]`,
      );
    }
    // Results written before the diff listed traffic apart carry it among the improvements.
    const oldTraffic = r.improvements.filter((f) => f.metric === 'rate' || f.metric === 'occurrence');
    const traffic = [...(r.traffic ?? []), ...oldTraffic];
    const better = r.improvements.filter((f) => !oldTraffic.includes(f));
    for (const f of better.slice(0, 5)) lines.push(`  better ${key(f)} ${plain(f.value)}: ${findingNumbers(f)}`);
    for (const f of traffic.slice(0, 5)) lines.push(`  traffic ${key(f)} ${plain(f.value)}: ${findingNumbers(f)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
