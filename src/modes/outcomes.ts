import type { QueryOutcome } from '../report/types.js';
import { worstVerdict as worstOf, type Verdict } from '../vocabulary.js';

/** The verdict of a whole run: the worst over its queries, a query that could not be diffed counting as `inconclusive`. */
export function worstVerdict(outcomes: readonly QueryOutcome[]): Verdict {
  return worstOf(outcomes.map((o): Verdict => (o.result ? o.result.verdict : 'inconclusive')));
}

export function countFindings(outcomes: readonly QueryOutcome[]): number {
  return outcomes.reduce((n, o) => n + (o.result?.findings.length ?? 0), 0);
}
