import type { Report } from './types.js';

export const REPORT_SCHEMA = 'trace-differ/report@1';

/** Below this many characters the JSON is indented for a person to read; above, it is for tools. */
const INDENT_BELOW = 1 << 20;

/**
 * The JSON report: the verdict and, per query, the DiffResult of DESIGN.md (or its error).
 * `merge` reads it back, so it is the Report itself with a schema tag. Indented while it is small
 * enough to read; a large one (a million spans over high-cardinality keys give ~175k values) is
 * written on one line, which is a third of the size (129 MB instead of 349 MB for that case).
 */
export function renderJson(report: Report): string {
  const tagged = { schema: REPORT_SCHEMA, ...report };
  const compact = JSON.stringify(tagged);
  return `${compact.length < INDENT_BELOW ? JSON.stringify(tagged, null, 2) : compact}\n`;
}
