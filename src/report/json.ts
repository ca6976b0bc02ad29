import type { Report } from './types.js';

export const REPORT_SCHEMA = 'trace-differ/report@1';

/**
 * The JSON report: the verdict and, per query, the DiffResult of DESIGN.md (or its error).
 * `merge` reads it back, so it is the Report itself with a schema tag.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify({ schema: REPORT_SCHEMA, ...report }, null, 2)}\n`;
}
