import * as core from '@actions/core';
import { plainText } from '../report/escape.js';
import { findingNumbers, keyValue, PLAIN } from '../report/headline.js';
import { byImportance, ranked } from '../report/order.js';
import type { Report } from '../report/types.js';
import { reaches, type FailOn } from '../vocabulary.js';

/**
 * GitHub shows at most 10 error (and 10 warning) annotations per step. The step's own failure
 * message is one of them, so findings get 9: the 8 most important and a line that counts the rest,
 * or all 9 when there are no more.
 */
export const ANNOTATIONS_PER_STEP = 10;
const FOR_FINDINGS = ANNOTATIONS_PER_STEP - 1;
/** An annotation is read in a sidebar: a long value (a 10 kB tag) is cut, and so is the whole message. */
const VALUE_CHARS = 100;
const MESSAGE_CHARS = 300;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Annotations for the findings that reach fail-on, so the checks tab says what failed: errors, or
 * under dry-run warnings (the step will not fail, and the checks should not say it did). The most
 * important first (the most severe query, then its findings by severity and impact), at most 9,
 * the last counting what was left out. Returns how many were written.
 */
export function annotateFindings(report: Report, failOn: FailOn, options: { dryRun?: boolean } = {}): number {
  if (failOn === 'never') return 0;
  const due = byImportance(report.outcomes).flatMap((o) =>
    ranked(o.result?.findings ?? [])
      .filter((f) => reaches(f.severity, failOn))
      .map((f) => ({ o, f })),
  );
  const shown = due.length > FOR_FINDINGS ? due.slice(0, FOR_FINDINGS - 1) : due;
  const annotate = (message: string, title: string) => {
    if (options.dryRun) core.warning(message, { title: `trace-differ (dry-run): ${title}` });
    else core.error(message, { title: `trace-differ: ${title}` });
  };
  for (const { o, f } of shown) {
    const numbers = findingNumbers(f).replace(/^\S+ /, '');
    const name = keyValue(f.key, cut(f.value, VALUE_CHARS), PLAIN);
    const message = plainText(`${name}: ${f.metric} ${numbers}, rule ${f.rule}`);
    const query = plainText(cut(o.query.name, 80));
    annotate(cut(message, MESSAGE_CHARS), options.dryRun ? `${query} would fail` : `${query} regressed`);
  }
  const rest = due.length - shown.length;
  if (rest > 0) {
    const queries = new Set(due.slice(shown.length).map(({ o }) => o.query.id)).size;
    annotate(
      `${rest} more findings reach fail-on: ${failOn} in ${queries} ${queries === 1 ? 'query' : 'queries'}; the job summary and the report artifact list them all`,
      `${rest} more findings`,
    );
  }
  return shown.length + (rest > 0 ? 1 : 0);
}
