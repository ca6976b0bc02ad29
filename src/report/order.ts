import type { Finding } from '../diff/types.js';
import { severityRank, verdictRank } from '../vocabulary.js';
import type { QueryOutcome } from './types.js';

/**
 * How much a query's outcome matters to a reader: a failing query first, then one that could not be
 * diffed (it fails the step too), then warn, notice, inconclusive, pass.
 */
function weight(o: QueryOutcome): number {
  if (o.error) return verdictRank('warn') + 0.5;
  return verdictRank(o.result!.verdict);
}

function topImpact(o: QueryOutcome): number {
  return o.result?.findings.reduce((m, f) => Math.max(m, f.impact ?? 0), 0) ?? 0;
}

/** The outcomes in order of importance: severity, then the impact of the top finding, then name (stable). */
export function byImportance(outcomes: readonly QueryOutcome[]): QueryOutcome[] {
  return [...outcomes].sort(
    (a, b) =>
      weight(b) - weight(a) ||
      topImpact(b) - topImpact(a) ||
      (a.query.name < b.query.name ? -1 : a.query.name > b.query.name ? 1 : 0),
  );
}

/** Findings most severe first, then by impact (the diff ranks them so; results read back may not be). */
export function ranked(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || (b.impact ?? 0) - (a.impact ?? 0),
  );
}
