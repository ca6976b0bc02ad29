import { intervalText } from '../diff/findings.js';
import type { DiffResult, Finding, Verdict } from '../diff/types.js';
import { byImportance, ranked } from './order.js';
import { code, md } from './escape.js';
import { count, duration, percent } from './format.js';
import type { QueryOutcome, Report } from './types.js';
import { NONE } from '../vocabulary.js';

export const EMOJI: Record<Verdict, string> = {
  pass: '✅',
  notice: 'ℹ️',
  warn: '⚠️',
  fail: '❌',
  inconclusive: '❔',
};

/** How text enters a rendering: values from spans, and prose. Markdown escapes both; a terminal takes them as they are. */
export interface Escaper {
  value(text: string): string;
  prose(text: string): string;
}
export const MARKDOWN: Escaper = { value: (s) => code(s, 120, 'inline'), prose: (s) => md(s) };
export const PLAIN: Escaper = { value: (s) => s, prose: (s) => s };

/** `120 → 161 ms`: the unit once when both sides share it. */
export function range(before: string, after: string): string {
  // Every cell of a value table has one or two: endsWith, not a regular expression.
  const unit = UNITS.find((u) => before.endsWith(u));
  if (unit && after.endsWith(unit)) return `${before.slice(0, -unit.length)} → ${after}`;
  return `${before} → ${after}`;
}
const UNITS = [' µs', ' ms', ' s', '/min'];

/** A metric value in its own unit. */
export function metricValue(metric: Finding['metric'], v: number | null): string {
  if (metric === 'error-rate') return percent(v ?? 0);
  if (metric === 'rate') return `${trimRate(v ?? 0)}/min`;
  if (metric === 'occurrence' || metric === 'new' || metric === 'missing') return count(v ?? 0);
  return duration(v);
}

function trimRate(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(1);
}

/** A finding's numbers in its own unit: `p95 +34% (120 → 161 ms)`. */
export function findingNumbers(f: Finding): string {
  if (f.metric === 'new') return `new (${count(f.current ?? 0)} spans)`;
  if (f.metric === 'missing') return `missing (${count(f.baseline ?? 0)} spans before)`;
  const label = f.metric.replace('latency.', '');
  return `${label} ${f.change} (${range(metricValue(f.metric, f.baseline), metricValue(f.metric, f.current))})`;
}

/**
 * `, 98% interval +20% … +55%`: how sure of a finding's change, beside it. Not for a notice whose rule
 * already gives it (a change not yet established), nor for results written before intervals.
 */
export function howSure(f: Finding): string {
  const i = f.interval;
  if (!i || f.metric === 'new' || f.metric === 'missing' || f.rule.includes('not yet established')) return '';
  // In the unit the change is written in, which is its rule's: `+34%` relative, `+4.4pp` or `+41ms` absolute.
  return `, ${intervalText(i, f.metric, f.change.endsWith('%') ? 'relative' : 'absolute')}`;
}

function regressions(result: DiffResult): Finding[] {
  return ranked(result.findings.filter((f) => f.severity === 'warn' || f.severity === 'fail'));
}

/** `key = value` (or `call a -> b` for a call edge): a value never appears without the key it is a value of. */
export function keyValue(key: string, value: string, esc: Escaper): string {
  return key === 'edge' ? `call ${esc.value(value)}` : `${esc.value(key)} = ${esc.value(value)}`;
}

/** How many keyed values regressed: a value slower at p95, p99 and avg is one regression, not three. */
function regressedValues(findings: readonly Finding[]): number {
  return new Set(findings.map((f) => `${f.key}\u0000${f.value}`)).size;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The most severe finding, a named value before the `(none)` bucket among equally severe ones. */
function topFinding(bad: readonly Finding[], esc: Escaper): string {
  const worst = bad.filter((f) => f.severity === bad[0]!.severity);
  // The `(none)` value (spans without the tag) lumps everything else together: a named value says more.
  const top = worst.find((f) => f.value !== NONE) ?? worst[0]!;
  return `${keyValue(top.key, top.value, esc)} ${findingNumbers(top)}`;
}

function querySentence(outcome: QueryOutcome, esc: Escaper): string {
  const name = esc.prose(outcome.query.name);
  if (outcome.error) return `could not diff ${name}`;
  const r = outcome.result!;
  if (r.verdict === 'inconclusive') return `${name} is inconclusive: ${esc.prose(r.reason ?? 'nothing to compare')}`;
  const bad = regressions(r);
  if (bad.length > 0) {
    const n = regressedValues(bad);
    return `${plural(n, 'regression')} in ${name}: ${topFinding(bad, esc)}${n > 1 ? '…' : ''}`;
  }
  if (r.findings.length > 0) return `nothing to act on in ${name}, ${plural(r.findings.length, 'notice')}`;
  return `no regressions in ${name}: ${count(r.current.spans)} spans compared with ${count(r.baseline?.spans ?? 0)}`;
}

function capitalised(emoji: string, s: string): string {
  return `${emoji} ${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/**
 * The first line of every report: the verdict and the one thing to look at, in one sentence.
 * `esc` decides how names and values are written (escaped markdown, or plain text for a terminal).
 */
export function headline(report: Report, esc: Escaper = MARKDOWN): string {
  const outcomes = byImportance(report.outcomes);
  const emoji = EMOJI[report.verdict];
  if (outcomes.length === 1) return capitalised(emoji, querySentence(outcomes[0]!, esc));
  const failed = outcomes.filter((o) => o.error).length;
  const regressed = outcomes.filter((o) => o.result && regressions(o.result).length > 0);
  const inconclusive = outcomes.filter((o) => o.result?.verdict === 'inconclusive');
  const compared = outcomes.length - failed - inconclusive.length;
  const parts: string[] = [];
  if (regressed.length) {
    const each = regressed.slice(0, 3).map((o) => {
      const bad = regressions(o.result!);
      const more = regressedValues(bad) - 1;
      return `${esc.prose(o.query.name)}: ${topFinding(bad, esc)}${more > 0 ? ` and ${more} more` : ''}`;
    });
    if (regressed.length > 3) each.push('…');
    parts.push(`${regressed.length} of ${outcomes.length} queries regressed — ${each.join('; ')}`);
  } else if (compared > 0) {
    parts.push(`no regressions in ${compared} of ${outcomes.length} queries`);
  }
  if (inconclusive.length) {
    // An inconclusive query is not a passing one: say so, with the first reason (usually "no baseline yet").
    const reason = inconclusive[0]!.result!.reason;
    const why = reason ? `: ${esc.prose(reason.charAt(0).toLowerCase() + reason.slice(1))}` : '';
    parts.push(
      compared > 0 || regressed.length
        ? `${inconclusive.length} inconclusive`
        : `${inconclusive.length} of ${outcomes.length} queries inconclusive${why}`,
    );
  }
  if (failed) parts.push(`${failed} could not be diffed`);
  return capitalised(emoji, parts.join('; '));
}
