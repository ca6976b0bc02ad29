import type { DiffResult, Finding, Verdict } from '../diff/types.js';
import { md } from './escape.js';
import { count, duration, percent } from './format.js';
import type { QueryOutcome, Report } from './types.js';

export const EMOJI: Record<Verdict, string> = {
  pass: '✅',
  notice: 'ℹ️',
  warn: '⚠️',
  fail: '❌',
  inconclusive: '❔',
};

/** A finding's numbers in its own unit: `p95 +34% (120 → 161 ms)`. */
export function findingNumbers(f: Finding): string {
  if (f.metric === 'new') return `new (${count(f.current ?? 0)} spans)`;
  if (f.metric === 'missing') return `missing (${count(f.baseline ?? 0)} spans before)`;
  const unit = (v: number | null) =>
    f.metric === 'error-rate'
      ? percent(v ?? 0)
      : f.metric === 'rate'
        ? `${(v ?? 0).toFixed(1)}/min`
        : f.metric === 'occurrence'
          ? count(v ?? 0)
          : duration(v);
  const label = f.metric.replace('latency.', '');
  return `${label} ${f.change} (${unit(f.baseline)} → ${unit(f.current)})`;
}

function regressions(result: DiffResult): Finding[] {
  return result.findings.filter((f) => f.severity === 'warn' || f.severity === 'fail');
}

function querySentence(outcome: QueryOutcome): string {
  const name = md(outcome.query.name);
  if (outcome.error) return `could not diff ${name}`;
  const r = outcome.result!;
  if (r.verdict === 'inconclusive') return `${name} is inconclusive: ${r.reason ?? 'nothing to compare'}`;
  const bad = regressions(r);
  if (bad.length > 0) {
    const top = bad[0]!;
    return `${bad.length} regression${bad.length === 1 ? '' : 's'} in ${name}: ${md(top.value)} ${findingNumbers(top)}${bad.length > 1 ? '…' : ''}`;
  }
  if (r.findings.length > 0)
    return `nothing to act on in ${name}, ${r.findings.length} notice${r.findings.length === 1 ? '' : 's'}`;
  return `no regressions in ${name}: ${count(r.current.spans)} spans compared with ${count(r.baseline?.spans ?? 0)}`;
}

/** The first line of every report: the verdict and the one thing to look at. */
export function headline(report: Report): string {
  const outcomes = report.outcomes;
  const emoji = EMOJI[report.verdict];
  if (outcomes.length === 1) {
    const s = querySentence(outcomes[0]!);
    return `${emoji} ${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  }
  const failed = outcomes.filter((o) => o.error).length;
  const regressed = outcomes.filter((o) => o.result && regressions(o.result).length > 0);
  const parts: string[] = [];
  if (regressed.length)
    parts.push(`${regressed.length} of ${outcomes.length} queries regressed: ${querySentence(regressed[0]!)}`);
  else parts.push(`no regressions in ${outcomes.length - failed} of ${outcomes.length} queries`);
  if (failed) parts.push(`${failed} could not be diffed`);
  const s = parts.join('; ');
  return `${emoji} ${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}
