import type { SpanTable, SpanTableBuilder } from './table.js';
import type { Dataset } from './types.js';

/**
 * The dataset file (version 1):
 *
 *   TRACE-DIFFER-DATASET 1\n
 *   {header JSON: provenance, coverage, span count, body length and SHA-256}\n
 *   gzip(body)
 *
 * The body is JSON lines: first the string table (every service, operation, host, trace id,
 * tag key and tag value once), then one array per span of numbers that point into it.
 * Ids stay strings; start times are deltas from the previous span; a parent that is an
 * earlier span of the file is written as how many spans back it is.
 */
export const MAGIC = 'TRACE-DIFFER-DATASET';
export const FORMAT_VERSION = 1;

export interface DatasetHeader {
  format: typeof MAGIC;
  version: number;
  provenance: Dataset['provenance'];
  coverage: Dataset['coverage'];
  spans: number;
  bodyBytes: number;
  bodySha256: string;
}

/** One encoded span: [spanId, trace, parent, service, operation, startDelta, duration, error, host, tags]. */
export type SpanRow = [string, number, number | string, number, number, number, number, 0 | 1, number, number[]];

export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** Encodes a table into body lines (string table first). */
export function encodeBody(t: SpanTable): string {
  const table = new StringTable();
  const position = new Map<string, number>();
  const rows: string[] = [];
  let previousStart = 0;
  for (let i = 0; i < t.size; i++) {
    const spanId = t.spanIds[t.span[i]!]!;
    const parentId = t.parentSpan[i]! < 0 ? undefined : t.spanIds[t.parentSpan[i]!]!;
    const parentAt = parentId === undefined ? undefined : position.get(`${t.trace[i]}/${parentId}`);
    const parent = parentId === undefined ? 0 : parentAt !== undefined ? i - parentAt : parentId;
    const tags: number[] = [];
    for (let k = 0; k < t.tagKeys.length; k++) {
      const v = t.tags[k]![i]!;
      if (v >= 0) tags.push(table.id(t.tagKeys[k]!), table.id(t.strings[v]!));
    }
    const start = t.start[i]!;
    const host = t.host[i]!;
    const row: SpanRow = [
      spanId,
      table.id(t.traceIds[t.trace[i]!]!),
      parent,
      table.id(t.strings[t.service[i]!]!),
      table.id(t.strings[t.operation[i]!]!),
      start - previousStart,
      t.duration[i]!,
      t.error[i] ? 1 : 0,
      host < 0 ? -1 : table.id(t.strings[host]!),
      tags,
    ];
    previousStart = start;
    position.set(`${t.trace[i]}/${spanId}`, i);
    rows.push(JSON.stringify(row));
  }
  return `${JSON.stringify(table.strings)}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}

/** Decodes body lines one at a time (the reader streams them) into a table builder, keeping the decoding state. */
export class BodyDecoder {
  private strings: string[] | undefined;
  private previousStart = 0;
  /** The span id of each row so far: a parent is written as how many rows back it is. */
  private readonly rowIds: string[] = [];
  private tagColumns: number[] = [];
  private stringIds: number[] = [];

  constructor(private readonly out: SpanTableBuilder) {}

  get rows(): number {
    return this.rowIds.length;
  }

  line(text: string): void {
    if (text === '') return;
    const value: unknown = JSON.parse(text);
    const n = this.rowIds.length;
    if (!this.strings) {
      if (!Array.isArray(value) || !value.every((s) => typeof s === 'string'))
        throw new Error('the string table is malformed');
      this.strings = value as string[];
      this.stringIds = this.strings.map((s) => this.out.intern(s));
      this.tagColumns = new Array<number>(this.strings.length).fill(-1);
      return;
    }
    const row = value as SpanRow;
    if (!Array.isArray(row) || row.length !== 10 || typeof row[0] !== 'string' || !Array.isArray(row[9]))
      throw new Error(`span ${n + 1} is malformed`);
    const check = (i: unknown): number => {
      if (typeof i !== 'number' || this.strings![i] === undefined)
        throw new Error(`span ${n + 1} points outside the string table`);
      return i;
    };
    const [spanId, trace, parent, service, operation, startDelta, duration, error, host, tagIds] = row;
    if (!Number.isFinite(startDelta) || !Number.isFinite(duration))
      throw new Error(`span ${n + 1} has a start or duration that is not a finite number`);
    const startUs = this.previousStart + startDelta;
    if (!Number.isFinite(startUs) || !Number.isFinite(duration)) throw new Error(`span ${n + 1} has no finite time`);
    this.previousStart = startUs;
    let parentId: string | undefined;
    if (typeof parent === 'string') parentId = parent;
    else if (parent > 0) {
      parentId = this.rowIds[n - parent];
      if (parentId === undefined) throw new Error(`span ${n + 1} has a parent outside the file`);
    }
    this.out.row(
      this.strings[check(trace)]!,
      spanId,
      parentId,
      this.stringIds[check(service)]!,
      this.stringIds[check(operation)]!,
      startUs,
      duration,
      error === 1,
      host >= 0 ? this.stringIds[check(host)]! : -1,
    );
    for (let t = 0; t < tagIds.length; t += 2) {
      const k = check(tagIds[t]);
      let column = this.tagColumns[k]!;
      if (column < 0) column = this.tagColumns[k] = this.out.tagColumn(this.strings[k]!);
      this.out.tag(column, this.stringIds[check(tagIds[t + 1])]!);
    }
    this.rowIds.push(spanId);
  }
}
