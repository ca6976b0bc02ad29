/**
 * Untrusted text (tag values, operation and service names, query names) made inert for GitHub
 * markdown. Every character markdown or HTML gives meaning to becomes a numeric entity, which
 * renders as itself but starts no syntax: no table cell split, no link or image, no emphasis,
 * no code span, no HTML tag, no early </details>. GitHub also turns text into links after
 * rendering (@mentions, #123 references, bare URLs), so a word joiner (U+2060, invisible) is put
 * where those patterns would start.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '~': '&#126;',
  '!': '&#33;',
  '#': '&#35;',
  ':': '&#58;',
  '@': '&#64;',
  $: '&#36;',
};
const JOINER = '\u2060';
// Control characters are exactly what must go: a newline would end a table row.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Escapes untrusted text for a markdown table cell or paragraph. */
export function md(text: string, maxLength = 200): string {
  let s = text.replace(CONTROL, ' ');
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  // Break what GitHub links after rendering: @user / @org/team, #123 and org/repo#123, URLs, www.
  s = s
    .replace(/@/g, `@${JOINER}`)
    .replace(/#/g, `#${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`);
  return s.replace(/[&<>"'|\\`*_[\]()~!#:@$]/g, (c) => ENTITIES[c]!);
}

/** Escapes untrusted text for a Mermaid node label inside `["…"]`: entity codes, no quotes, no newlines. */
export function mermaidLabel(text: string, maxLength = 80): string {
  let s = text.replace(CONTROL, ' ');
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  // Mermaid's own entity syntax is #name; or #code; — it reads those, so nothing here can end the label.
  return s.replace(/[^A-Za-z0-9 .,/_:+=-]/g, (c) => `#${c.codePointAt(0)};`);
}

/** A link target from a source (a UI link): http(s) only, with the characters that could end it encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return encodeURI(url).replace(
    /[()<>[\]"'` ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
