import type { Verdict } from '../diff/types.js';
import type { QueryOutcome } from '../report/types.js';

const RANK: Record<Verdict, number> = { pass: 0, inconclusive: 1, notice: 2, warn: 3, fail: 4 };

/**
 * The verdict of a whole run: the worst over its queries. `inconclusive` ranks above `pass`
 * (a run that could not compare must not read as green) but below any finding.
 */
export function worstVerdict(outcomes: readonly QueryOutcome[]): Verdict {
  let worst: Verdict = 'pass';
  for (const o of outcomes) {
    const v: Verdict = o.result ? o.result.verdict : 'inconclusive';
    if (RANK[v] > RANK[worst]) worst = v;
  }
  return worst;
}

export function countFindings(outcomes: readonly QueryOutcome[]): number {
  return outcomes.reduce((n, o) => n + (o.result?.findings.length ?? 0), 0);
}

/** Whether a verdict reaches a threshold such as `fail-on` / `alert-on` (`never` is never reached). */
export function reaches(verdict: Verdict, level: 'fail' | 'warn' | 'never'): boolean {
  if (level === 'never') return false;
  return RANK[verdict] >= RANK[level];
}
