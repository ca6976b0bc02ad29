import { NONE } from '../vocabulary.js';
import { InputError } from '../errors.js';
import { printable } from '../text.js';
import { ArrayStructureError, lineAt, readJsonArray } from './json-array.js';
import { mistakeOffset } from './json-position.js';
import { contentHead, reusedChunks, type ByteRange } from './open.js';
import { scanSeedRecord } from './seed-scan.js';
import { assembleDataset } from './assemble.js';
import { SpanTableBuilder, spanAt, type SpanTable } from './table.js';
import type { Dataset } from './types.js';

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

const SHAPE_FIX =
  'write spans as { "span-id", "trace-id", "span-name", "start-time-micros", "end-time-micros", "is-error", "tags", "reporter": { "name" } }';
const JSON_FIX = 'pass a JSON array of spans, or one span object per line (NDJSON)';

/** Where a record starts: the file, its line and column, and the text to find a field's column in. */
interface At {
  path: string;
  line: number;
  column: number;
  /** Set for an array element: "span N". */
  element?: number;
  text: string;
}

/** `file:line:col` of a field of the record (its key's place in the text, found only when there is a mistake). */
function position(at: At, field?: string): string {
  let line = at.line;
  let column = at.column;
  const offset = field === undefined ? -1 : at.text.indexOf(`"${field}"`);
  if (offset > 0) {
    const before = at.text.slice(0, offset);
    const breaks = before.split('\n');
    if (breaks.length > 1) {
      line += breaks.length - 1;
      column = breaks[breaks.length - 1]!.length + 1;
    } else column += offset;
  }
  return `${at.path}:${line}:${column}${at.element === undefined ? '' : `: span ${at.element}`}`;
}

/** A time field as integer microseconds: a finite number that a double holds exactly, or a mistake named with its place. */
function micros(raw: SeedSpan, field: 'start-time-micros' | 'end-time-micros', at: At): number {
  const v = raw[field];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,16}(\.\d+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    const shown = typeof v === 'number' ? String(v) : (JSON.stringify(v)?.slice(0, 40) ?? 'nothing');
    throw new InputError(
      `${position(at, field)}: "${field}" is ${v === undefined ? 'missing' : shown}; expected a finite number of microseconds since the epoch`,
      SHAPE_FIX,
    );
  }
  return Math.round(n);
}

/** One span of the seed's shape, written into the builder (no span object is made). */
function addSeedSpan(out: SpanTableBuilder, raw: unknown, at: At): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError(
      `${position(at)}: not a span: expected an object, found ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`,
      SHAPE_FIX,
    );
  }
  const s = raw as SeedSpan;
  const spanId = s['span-id'];
  if (typeof spanId !== 'string' || spanId === '') {
    throw new InputError(
      `${position(at, 'span-id')}: not a span: expected "span-id" as a string, found ${spanId === undefined ? 'nothing' : JSON.stringify(spanId)}`,
      SHAPE_FIX,
    );
  }
  const start = micros(s, 'start-time-micros', at);
  const end = micros(s, 'end-time-micros', at);
  const tags = s.tags !== null && typeof s.tags === 'object' ? (s.tags as Record<string, unknown>) : undefined;
  const parentTag = tags?.parent_span_guid;
  const parent =
    typeof s['parent-span-id'] === 'string' && s['parent-span-id']
      ? s['parent-span-id']
      : typeof parentTag === 'string' && parentTag
        ? parentTag
        : undefined;
  const reporter = s.reporter;
  const host = reporter?.hostname;
  out.row(
    typeof s['trace-id'] === 'string' && s['trace-id'] ? s['trace-id'] : spanId,
    spanId,
    parent,
    out.intern(typeof reporter?.name === 'string' ? reporter.name : NONE),
    out.intern(typeof s['span-name'] === 'string' ? s['span-name'] : NONE),
    start,
    Math.max(0, end - start),
    s['is-error'] === true || s['is-error'] === 'true',
    typeof host === 'string' && host ? out.intern(host) : -1,
  );
  if (tags) {
    for (const k in tags) {
      if (k === 'parent_span_guid') continue;
      const v = tags[k];
      out.tag(out.tagColumn(k), out.intern(typeof v === 'string' ? v : JSON.stringify(v)));
    }
  }
}

/** Line and column of a JSON.parse error (its offset found by json-position.ts when the message gives none). */
function parsePosition(error: unknown, at: At): string {
  const offset = mistakeOffset(at.text, (error as Error).message);
  const before = at.text.slice(0, offset).split('\n');
  const line = at.line + before.length - 1;
  const column = before.length > 1 ? before[before.length - 1]!.length + 1 : at.column + offset;
  return `${at.path}:${line}:${column}${at.element === undefined ? '' : `: span ${at.element}`}`;
}

function parseRecord(out: SpanTableBuilder, at: At): void {
  let raw: unknown;
  try {
    raw = JSON.parse(at.text);
  } catch (error) {
    throw new InputError(
      `${parsePosition(error, at)}: not valid JSON (${printable((error as Error).message)})`,
      JSON_FIX,
    );
  }
  addSeedSpan(out, raw, at);
}

/**
 * NDJSON, split on the newline byte in Buffers: a line is cut only at 0x0A (never at U+2028 or a
 * lone CR inside a string, as a text line reader would), a line of any size is gathered as a list
 * of chunks and joined once (no quadratic growth), and gzip is read through.
 */
async function readNdjsonInto(path: string, out: SpanTableBuilder, range?: ByteRange): Promise<void> {
  let line = 0;
  let pending: Buffer[] = [];
  // One line, b[from, to) (no subarray per line: a million small Buffers cost more than the scan).
  const flush = (b: Buffer, from: number, to: number) => {
    line++;
    let end = to;
    if (end > from && b[end - 1] === 0x0d) end--;
    let start = from;
    while (start < end && (b[start] === 0x20 || b[start] === 0x09)) start++;
    if (start === end) return;
    if (scanSeedRecord(b, start, end, out) >= 0) return;
    parseRecord(out, { path, line, column: 1, text: b.toString('utf8', from, end) });
  };
  // Chunks are views of one Buffer read into again (open.ts): the part of a line a chunk ends with is copied.
  for await (const chunk of reusedChunks(path, range)) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl < 0) break;
      if (pending.length) {
        pending.push(chunk.subarray(from, nl));
        const whole = Buffer.concat(pending);
        pending = [];
        flush(whole, 0, whole.length);
      } else flush(chunk, from, nl);
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
  }
  if (pending.length) {
    const whole = Buffer.concat(pending);
    flush(whole, 0, whole.length);
  }
}

/**
 * Reads a seed-shaped file (a JSON array or NDJSON, gzipped or not) into a builder; with a range,
 * those lines of an NDJSON file (their line numbers are then counted from the range's start).
 */
export async function readSeedInto(path: string, out: SpanTableBuilder, range?: ByteRange): Promise<void> {
  try {
    if (range) await readNdjsonInto(path, out, range);
    else await readSeed(path, out);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A corrupt gzip stream or an unreadable file: named, with the reason made printable.
    const reason = (error as NodeJS.ErrnoException).code ?? printable((error as Error).message);
    throw new InputError(`${path}: cannot be read (${reason})`, JSON_FIX);
  }
}

async function readSeed(path: string, out: SpanTableBuilder): Promise<void> {
  const first = (await contentHead(path, 256)).trimStart()[0];
  if (first !== '[') return readNdjsonInto(path, out);
  try {
    await readJsonArray(path, {
      fast: (b, from, limit) => scanSeedRecord(b, from, limit, out, false),
      slow: async (b, from, to, index, offset) => {
        const text = b.toString('utf8', from, to);
        const at = { path, line: 0, column: 1, element: index + 1, text };
        try {
          parseRecord(out, at);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          // The line is counted only now, for the message: the same mistake again, placed.
          at.line = (await lineAt(path, offset)).line;
          parseRecord(out, at);
        }
      },
    });
  } catch (error) {
    if (!(error instanceof ArrayStructureError)) throw error;
    const { line } = await lineAt(path, error.offset);
    throw new InputError(`${path}: not valid JSON (line ${line}: ${error.what})`, JSON_FIX);
  }
}

/**
 * Reads spans in the seed's shape: a JSON array or NDJSON, gzipped or not, both streamed (element
 * by element, line by line), so large exports need not fit in memory as text. Spans repeated in
 * the file are kept once.
 */
export async function readSpansFile(path: string, options: { queryId?: string } = {}): Promise<Dataset> {
  const builder = new SpanTableBuilder();
  await readSeedInto(path, builder);
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
