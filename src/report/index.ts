/** report: pure renderers of a run's outcome — markdown for GitHub, text for terminals, JSON for tools. */
export { renderMarkdown, type MarkdownOptions, type ReportLinks } from './markdown.js';
export { byImportance } from './order.js';
export { renderText } from './text.js';
export { renderJson, REPORT_SCHEMA } from './json.js';
export { headline, keyValue, EMOJI, PLAIN, MARKDOWN, type Escaper } from './headline.js';
export { code, md, mermaidLabel } from './escape.js';
export type * from './types.js';
