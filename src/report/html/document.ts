/**
 * One self-contained HTML page: the charting library, the page's script and its data inline, and a
 * Content-Security-Policy that lets only those exact scripts and styles run (by their SHA-256).
 * Nothing on the page may reach the network: `default-src 'none'`, `connect-src 'none'`, no
 * `unsafe-inline`, no `unsafe-eval`.
 */
import { createHash } from 'node:crypto';

/** Untrusted text as HTML text or a quoted attribute value. */
export function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * Data as the body of a `<script type="application/json">` block. JSON.parse reads `\u003c` as `<`,
 * and no `</script`, `<!--` or line separator can appear in the block to end or confuse it.
 */
export function jsonBlock(data: unknown): string {
  // One pass: the data of a large result is ~100 MB of JSON.
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]!);
}
const JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PageParts {
  title: string;
  /** Trusted markup (already escaped) placed before the page script runs. */
  body: string;
  data: unknown;
  /** Inline scripts, run in order (the library first). */
  scripts: readonly string[];
  styles: readonly string[];
}

/** The Content-Security-Policy of a page holding exactly these scripts and styles. */
export function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    `style-src ${styles.map(sha256).join(' ')}`,
    // uPlot draws on canvas; data: images only (none are used today, but a canvas export would need it).
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function page(parts: PageParts): string {
  // A `</script` inside a script would end it early; the bundles are checked, not trusted blindly.
  for (const s of parts.scripts) if (/<\/script/i.test(s)) throw new Error('an inline script holds </script');
  for (const s of parts.styles) if (/<\/style/i.test(s)) throw new Error('an inline style holds </style');
  const csp = contentSecurityPolicy(parts.scripts, parts.styles);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${html(parts.title)}</title>`,
    ...parts.styles.map((s) => `<style>${s}</style>`),
    '</head>',
    '<body>',
    parts.body,
    `<script type="application/json" id="data">${jsonBlock(parts.data)}</script>`,
    ...parts.scripts.map((s) => `<script>${s}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
