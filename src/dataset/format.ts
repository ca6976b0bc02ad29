import type { Dataset, Span } from './types.js';

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

/** Encodes spans into body lines (string table first). */
export function encodeBody(spans: readonly Span[]): string {
  const table = new StringTable();
  const position = new Map<string, number>();
  const rows: string[] = [];
  let previousStart = 0;
  spans.forEach((s, i) => {
    const parentAt = s.parentSpanId === undefined ? undefined : position.get(s.parentSpanId);
    const parent = s.parentSpanId === undefined ? 0 : parentAt !== undefined ? i - parentAt : s.parentSpanId;
    const tags: number[] = [];
    for (const [k, v] of Object.entries(s.tags)) tags.push(table.id(k), table.id(v));
    const row: SpanRow = [
      s.spanId,
      table.id(s.traceId),
      parent,
      table.id(s.service),
      table.id(s.operation),
      s.startUs - previousStart,
      s.durationUs,
      s.error ? 1 : 0,
      s.host === undefined ? -1 : table.id(s.host),
      tags,
    ];
    previousStart = s.startUs;
    position.set(s.spanId, i);
    rows.push(JSON.stringify(row));
  });
  return `${JSON.stringify(table.strings)}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}

/** Decodes body lines one at a time (the reader streams them), keeping the decoding state. */
export class BodyDecoder {
  private strings: string[] | undefined;
  private previousStart = 0;
  readonly spans: Span[] = [];

  line(text: string): void {
    if (text === '') return;
    const value: unknown = JSON.parse(text);
    if (!this.strings) {
      if (!Array.isArray(value) || !value.every((s) => typeof s === 'string'))
        throw new Error('the string table is malformed');
      this.strings = value as string[];
      return;
    }
    const row = value as SpanRow;
    if (!Array.isArray(row) || row.length !== 10) throw new Error(`span ${this.spans.length + 1} is malformed`);
    const str = (i: number) => {
      const s = this.strings![i];
      if (s === undefined) throw new Error(`span ${this.spans.length + 1} points outside the string table`);
      return s;
    };
    const [spanId, trace, parent, service, operation, startDelta, duration, error, host, tagIds] = row;
    if (!Number.isFinite(startDelta) || !Number.isFinite(duration))
      throw new Error(`span ${this.spans.length + 1} has a start or duration that is not a finite number`);
    const startUs = this.previousStart + startDelta;
    this.previousStart = startUs;
    const tags: Record<string, string> = {};
    for (let t = 0; t < tagIds.length; t += 2) tags[str(tagIds[t]!)] = str(tagIds[t + 1]!);
    const span: Span = {
      spanId,
      traceId: str(trace),
      service: str(service),
      operation: str(operation),
      startUs,
      durationUs: duration,
      error: error === 1,
      tags,
    };
    if (typeof parent === 'string') span.parentSpanId = parent;
    else if (parent > 0) {
      const p = this.spans[this.spans.length - parent];
      if (!p) throw new Error(`span ${this.spans.length + 1} has a parent outside the file`);
      span.parentSpanId = p.spanId;
    }
    if (host >= 0) span.host = str(host);
    this.spans.push(span);
  }
}
