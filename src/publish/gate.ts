import * as core from '@actions/core';
import type { Report } from '../report/types.js';

/** One error annotation per finding that reaches fail-on, so the checks tab says what failed. */
export function annotateFindings(report: Report, failOn: 'fail' | 'warn' | 'never'): void {
  if (failOn === 'never') return;
  for (const o of report.outcomes) {
    for (const f of o.result?.findings ?? []) {
      if (f.severity === 'fail' || (failOn === 'warn' && f.severity === 'warn')) {
        core.error(`${f.key} ${f.value}: ${f.metric} ${f.change} (rule ${f.rule})`, {
          title: `trace-differ: ${o.query.name} regressed`,
        });
      }
    }
  }
}
