import type { SpanTable } from '../dataset/table.js';
import { UserError } from '../errors.js';

/**
 * The OTLP filter: `key = "value"`, `key != "value"`, `key IN ("a", "b")`, joined by AND.
 * Keys: `service.name` (or `service`), `name` (or `operation`), `status` (ok / error),
 * any span or resource attribute. An empty filter keeps every span.
 */
export type Clause = { key: string; op: '=' | '!=' | 'IN'; values: string[] };

export const FILTER_EXAMPLE = 'service.name = "android" AND http.route IN ("/api/pay", "/api/cart")';

/** Which rows of a table a filter keeps; undefined for an empty filter (every row). */
export type RowFilter = (table: SpanTable, row: number) => boolean;

/** The clauses of a filter (none for an empty one); a UserError names the character it cannot read. */
export function parseClauses(text: string): Clause[] {
  const src = text.trim();
  const clauses: Clause[] = [];
  const re =
    /\s*([A-Za-z_][\w.\-/]*)\s*(=|!=|\bIN\b)\s*(?:"((?:[^"\\]|\\.)*)"|\(\s*((?:"(?:[^"\\]|\\.)*"\s*,?\s*)+)\))\s*(AND\b|$)/iy;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) {
      while (src[pos] === ' ') pos++;
      throw new UserError(
        `filter ${JSON.stringify(text)} cannot be read at character ${pos + 1}: ${JSON.stringify(src.slice(pos, pos + 20))}`,
        `write it like: ${FILTER_EXAMPLE}`,
      );
    }
    const op = m[2]!.toUpperCase() as Clause['op'];
    const values = m[3] !== undefined ? [m[3]] : [...m[4]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => v[1]!);
    clauses.push({ key: m[1]!, op, values: values.map((v) => v.replace(/\\(.)/g, '$1')) });
    pos = re.lastIndex;
    if (m[5] === '' && pos < src.length) break;
  }
  return clauses;
}

export function parseFilter(text: string): RowFilter | undefined {
  const clauses = parseClauses(text);
  if (clauses.length === 0) return undefined;
  const get = (t: SpanTable, row: number, key: string): string | undefined => {
    if (key === 'service.name' || key === 'service') return t.strings[t.service[row]!];
    if (key === 'name' || key === 'operation') return t.strings[t.operation[row]!];
    if (key === 'status') return t.error[row] ? 'error' : 'ok';
    const column = t.tagKeys.indexOf(key);
    const v = column < 0 ? -1 : t.tags[column]![row]!;
    return v < 0 ? undefined : t.strings[v];
  };
  return (t, row) =>
    clauses.every((c) => {
      const v = get(t, row, c.key);
      const hit = v !== undefined && c.values.includes(v);
      return c.op === '!=' ? !hit : hit;
    });
}
