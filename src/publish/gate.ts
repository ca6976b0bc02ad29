import * as core from '@actions/core';
import { plainText } from '../report/escape.js';
import { findingNumbers } from '../report/headline.js';
import type { Report } from '../report/types.js';
import type { FailOn } from '../vocabulary.js';

/**
 * One annotation per finding that reaches fail-on, so the checks tab says what failed: an error,
 * or under dry-run a warning (the step will not fail, and the checks should not say it did).
 */
export function annotateFindings(
  report: Report,
  failOn: FailOn,
  options: { dryRun?: boolean } = {},
): number {
  if (failOn === 'never') return 0;
  let n = 0;
  for (const o of report.outcomes) {
    for (const f of o.result?.findings ?? []) {
      if (f.severity === 'fail' || (failOn === 'warn' && f.severity === 'warn')) {
        const key = f.key === 'edge' ? 'call edge' : f.key;
        const numbers = findingNumbers(f).replace(/^\S+ /, '');
        const message = plainText(`${key} ${f.value}: ${f.metric} ${numbers}, rule ${f.rule}`);
        if (options.dryRun) core.warning(message, { title: `trace-differ (dry-run): ${o.query.name} would fail` });
        else core.error(message, { title: `trace-differ: ${o.query.name} regressed` });
        n++;
      }
    }
  }
  return n;
}
