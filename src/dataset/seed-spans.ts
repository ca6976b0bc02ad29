import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { printable } from '../text.js';
import { jsonArrayElements, type ArrayElement } from './json-array.js';
import { assembleDataset } from './assemble.js';
import { SpanTableBuilder, spanAt, type SpanTable } from './table.js';
import type { Dataset, Span } from './types.js';

/** A span as the seed stored it: the Lightstep stored-traces shape with the reporter joined in (DESIGN.md). */
interface SeedSpan {
  'span-id'?: unknown;
  'trace-id'?: unknown;
  'parent-span-id'?: unknown;
  'span-name'?: unknown;
  'start-time-micros'?: unknown;
  'end-time-micros'?: unknown;
  'is-error'?: unknown;
  tags?: unknown;
  reporter?: { id?: unknown; name?: unknown; hostname?: unknown };
}

const SPAN_FIX =
  'write spans as { "span-id", "trace-id", "span-name", "start-time-micros", "end-time-micros", "is-error", "tags", "reporter": { "name" } }';

function toSpan(raw: SeedSpan, where: string): Span {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const what = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw;
    throw new InputError(`${where}: not a span: found ${what}, expected an object`, SPAN_FIX);
  }
  const spanId = raw['span-id'];
  const start = Number(raw['start-time-micros']);
  const end = Number(raw['end-time-micros']);
  if (typeof spanId !== 'string' || !Number.isFinite(start) || !Number.isFinite(end)) {
    throw new InputError(
      `${where}: not a span: expected "span-id" (a string), "start-time-micros" and "end-time-micros" (finite numbers)`,
      SPAN_FIX,
    );
  }
  const tags: Record<string, string> = {};
  if (raw.tags && typeof raw.tags === 'object') {
    for (const [k, v] of Object.entries(raw.tags as Record<string, unknown>)) {
      if (k === 'parent_span_guid') continue;
      tags[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  const parentTag = (raw.tags as Record<string, unknown> | undefined)?.parent_span_guid;
  const parent =
    typeof raw['parent-span-id'] === 'string' && raw['parent-span-id']
      ? raw['parent-span-id']
      : typeof parentTag === 'string'
        ? parentTag
        : undefined;
  const span: Span = {
    spanId,
    traceId: typeof raw['trace-id'] === 'string' ? raw['trace-id'] : spanId,
    service: typeof raw.reporter?.name === 'string' ? raw.reporter.name : '(none)',
    operation: typeof raw['span-name'] === 'string' ? raw['span-name'] : '(none)',
    startUs: Math.round(start),
    durationUs: Math.max(0, Math.round(end - start)),
    error: raw['is-error'] === true || raw['is-error'] === 'true',
    tags,
  };
  if (parent) span.parentSpanId = parent;
  if (typeof raw.reporter?.hostname === 'string' && raw.reporter.hostname) span.host = raw.reporter.hostname;
  return span;
}

/**
 * The lines of NDJSON text: split at \n only (and a \r before it dropped). readline also breaks at
 * U+2028 and U+2029, which JSON allows unescaped inside strings, and so would cut a span in two.
 */
async function* ndjsonLines(text: AsyncIterable<string>, path: string): AsyncGenerator<string> {
  let rest = '';
  try {
    for await (const chunk of text) {
      rest += chunk;
      let from = 0;
      for (let nl = rest.indexOf('\n'); nl >= 0; from = nl + 1, nl = rest.indexOf('\n', from)) {
        yield rest.slice(from, nl > from && rest[nl - 1] === '\r' ? nl - 1 : nl);
      }
      rest = rest.slice(from);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `${path}: cannot be read (${(error as Error).message})`,
      'pass an intact file, gzipped or not',
    );
  }
  if (rest !== '') yield rest;
}

/**
 * Reads spans in the seed's shape: a JSON array or NDJSON, both streamed (element by element, line
 * by line), so large exports need not fit in memory as text. Spans repeated in the file are kept once.
 */
export async function readSpansFile(path: string, options: { queryId?: string } = {}): Promise<Dataset> {
  const handle = await open(path, 'r');
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
  await handle.close();
  const gzipped = bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  const text = (): AsyncIterable<string> => {
    const raw = createReadStream(path);
    return (gzipped ? raw.pipe(createGunzip()) : raw).setEncoding('utf8') as AsyncIterable<string>;
  };
  let firstChar: string | undefined;
  try {
    for await (const chunk of text()) {
      firstChar = chunk.trimStart()[0];
      if (firstChar !== undefined) break;
    }
  } catch (error) {
    throw new InputError(
      `${path}: cannot be read (${(error as Error).message})`,
      'pass an intact file, gzipped or not',
    );
  }
  const builder = new SpanTableBuilder();
  const add = (span: Span) => builder.add(span);
  const invalid = (where: string, error: unknown) =>
    new InputError(
      `${where}: not valid JSON (${printable((error as Error).message)})`,
      'pass a JSON array of spans, or one span object per line (NDJSON)',
    );
  if (firstChar === '[') {
    const elements = jsonArrayElements(path, text());
    for (;;) {
      let next: IteratorResult<ArrayElement>;
      try {
        next = await elements.next();
      } catch (error) {
        throw invalid(path, error);
      }
      if (next.done) break;
      const { text, index, line } = next.value;
      const where = `${path}:${line}: span ${index + 1}`;
      let raw: SeedSpan;
      try {
        raw = JSON.parse(text) as SeedSpan;
      } catch (error) {
        throw invalid(where, error);
      }
      add(toSpan(raw, where));
    }
  } else {
    let lineNumber = 0;
    for await (const line of ndjsonLines(text(), path)) {
      lineNumber++;
      if (line.trim() === '') continue;
      let raw: SeedSpan;
      try {
        raw = JSON.parse(line) as SeedSpan;
      } catch (error) {
        throw invalid(`${path}:${lineNumber}`, error);
      }
      add(toSpan(raw, `${path}:${lineNumber}`));
    }
  }
  return assembleDataset(builder, {
    provenance: {
      source: 'file',
      queryId: options.queryId ?? 'file',
      query: path,
      origin: path,
      collectedAt: new Date().toISOString(),
    },
  });
}

/** Writes spans back in the seed's shape (NDJSON), e.g. for committed example datasets. */
export function toSeedNdjson(table: SpanTable): string {
  return Array.from({ length: table.size }, (_, i) => spanAt(table, i))
    .map((s) =>
      JSON.stringify({
        'span-id': s.spanId,
        'trace-id': s.traceId,
        ...(s.parentSpanId ? { 'parent-span-id': s.parentSpanId } : {}),
        'span-name': s.operation,
        'start-time-micros': s.startUs,
        'end-time-micros': s.startUs + s.durationUs,
        'is-error': s.error,
        tags: s.tags,
        reporter: { name: s.service, ...(s.host ? { hostname: s.host } : {}) },
      }),
    )
    .join('\n')
    .concat('\n');
}
