import { CONTROL, INVISIBLE, visibleCodePoint, visibleText } from '../text.js';

/**
 * Untrusted text (tag values, operation and service names) made inert for GitHub markdown, in
 * two forms that both read well as plain text in a terminal:
 *
 * - `code()` for identifiers: an inline code span. Nothing inside a code span is markdown, HTML,
 *   a link, an autolink, an @mention, a #reference or an emoji, and the value copies exactly.
 * - `md()` for prose: backslash escapes for the characters markdown gives meaning to (CommonMark
 *   allows one before any ASCII punctuation). GitHub turns text into links after rendering
 *   (@mentions, #123 references, bare URLs, :emoji:), which no escape prevents, so a word joiner
 *   (U+2060, invisible) is put where those patterns would start.
 *
 * In both, control characters become spaces (a newline would end a table row), characters that
 * show as nothing are spelt out (`<U+200B>`, see text.ts), and long text is cut. In prose a `|` is
 * written `\|` (a backslash escape anywhere); in code only inside a table cell, where GFM reads it as
 * a literal pipe even inside code.
 */
const JOINER = '\u2060';

/** Text for a terminal: control characters (cursor moves, bidirectional overrides) become spaces, invisible ones `<U+…>`. */
export function plainText(text: string): string {
  return visibleText(text);
}

// Cut before the invisible characters are spelt out, so that a cut never splits one `<U+…>`.
function clean(text: string, maxLength: number): string {
  const s = text.replace(CONTROL, ' ');
  return (s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s).replace(INVISIBLE, visibleCodePoint);
}

/** Breaks what GitHub links after rendering: @user / @org/team, #123 and org/repo#123, URLs, www., :emoji:. */
function defuse(s: string): string {
  return s
    .replace(/@/g, `@${JOINER}`)
    .replace(/#/g, `#${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`)
    .replace(/:(?=[\w+-]+:)/g, `:${JOINER}`);
}

/** Escapes untrusted text for a markdown table cell, list item or paragraph. */
export function md(text: string, maxLength = 200): string {
  const s = defuse(clean(text, maxLength)).replace(/[\\`*_[\]<>|~$&#]/g, (c) => `\\${c}`);
  // Where the text starts a line (a list item, a paragraph), a leading -, +, = or "1." would start a block.
  return s.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Untrusted text as an inline code span: inert and verbatim. `(empty)` for the empty string, and
 * a count for text of blanks only (an empty-looking cell would hide it). `where` is `cell` for a
 * GFM table cell, where a pipe must be written `\|` even inside code, and `inline` elsewhere
 * (headings, list items, paragraphs), where that backslash would show.
 */
export function code(text: string, maxLength = 200, where: 'cell' | 'inline' = 'cell'): string {
  // Most values are plain names (a report of a million spans has tens of thousands): nothing to clean,
  // fence wider or escape, so they skip the passes below, which would leave them as they are.
  if (text.length <= maxLength && PLAIN_NAME.test(text)) return `\`${text}\``;
  const s = clean(text, maxLength);
  if (s === '') return '*(empty)*';
  if (s.trim() === '') return `*(${s.length} blank character${s.length === 1 ? '' : 's'})*`;
  // A GFM table reads `\|` as a pipe inside code too, but implementations disagree on a backslash
  // that comes before it; such rare values are written as escaped prose instead.
  if (where === 'cell' && /\\\|/.test(s)) return md(s, maxLength);
  const longestTicks = Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(longestTicks + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${where === 'cell' ? s.replace(/\|/g, '\\|') : s}${pad}${fence}`;
}

const PLAIN_NAME = /^[\w./:-]+$/;

/** Escapes untrusted text for a Mermaid node label inside `["…"]`: entity codes, no quotes, no newlines. */
export function mermaidLabel(text: string, maxLength = 80): string {
  const s = clean(text, maxLength);
  // Mermaid's own entity syntax is #name; or #code; — it reads those, so nothing here can end the label.
  return s.replace(/[^A-Za-z0-9 .,/_:+=-]/g, (c) => `#${c.codePointAt(0)};`);
}

/** A link target from a source (a UI link): http(s) only, with the characters that could end it encoded. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return encodeURI(url).replace(
      /[()<>[\]"'` ]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return undefined; // a lone surrogate: no link rather than a broken one
  }
}
