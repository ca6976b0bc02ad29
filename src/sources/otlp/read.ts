import { NONE } from '../../vocabulary.js';
import { lineAt, ValueEnd } from '../../dataset/json-array.js';
import { mistakeOffset } from '../../dataset/json-position.js';
import { contentHead, reusedChunks, type ByteRange } from '../../dataset/open.js';
import type { SpanTableBuilder } from '../../dataset/table.js';
import { SourceError } from '../../errors.js';
import { printable } from '../../text.js';
import { spanIdOf, traceIdOf } from '../../dataset/ids.js';
import { scanResourceSpans } from './scan.js';
import { attributes, nanosToMicros, type KeyValue } from './values.js';

interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: KeyValue[];
  status?: { code?: number | string };
}
interface ScopeSpans {
  spans?: OtlpSpan[];
}
interface ResourceSpans {
  resource?: { attributes?: KeyValue[] };
  scopeSpans?: ScopeSpans[];
  instrumentationLibrarySpans?: ScopeSpans[];
}
/** Tempo answers a trace as { batches: [...] } in some versions: the same ResourceSpans as resourceSpans. */

/** Whether a file looks like OTLP JSON (its first object has resourceSpans or batches). Cheap: reads the start. */
export async function isOtlpFile(file: string): Promise<boolean> {
  try {
    return /"(resourceSpans|batches)"\s*:/.test(await contentHead(file));
  } catch {
    return false;
  }
}

const isObject = (x: unknown): boolean => typeof x === 'object' && x !== null && !Array.isArray(x);
const SHAPE_FIX = 'export traces as OTLP JSON (ExportTraceServiceRequest: resourceSpans → scopeSpans → spans)';
const JSON_FIX = 'export traces as OTLP JSON: one ExportTraceServiceRequest per file, or one per line (JSON Lines)';

/** A list at `path`, or nothing; anything else is a wrong shape, named with where it is. */
function listAt<T>(value: unknown, where: string, path: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new SourceError(
      `${where}: ${path} is ${isObject(value) ? 'an object' : typeof value}, expected a list`,
      SHAPE_FIX,
    );
  }
  return value as T[];
}

/** Writes the spans of one ResourceSpans (an element of `resourceSpans`), at `where` (file:line:column) and `rsPath`, into `out`. */
export function resourceSpansInto(out: SpanTableBuilder, rs: unknown, where: string, rsPath: string): number {
  const shape = (path: string, what: string) => new SourceError(`${where}: ${path} ${what}`, SHAPE_FIX);
  if (!isObject(rs)) throw shape(rsPath, 'is not an object');
  const resourceSpans = rs as ResourceSpans;
  const resource = attributes(listAt(resourceSpans.resource?.attributes, where, `${rsPath}.resource.attributes`));
  const service = out.intern(resource['service.name'] || 'unknown_service');
  const resourceTags = Object.entries(resource).map(([k, v]) => [out.tagColumn(k), out.intern(v)] as const);
  let count = 0;
  // OTLP before 0.15 called scopeSpans instrumentationLibrarySpans; old exports still carry it.
  const scopeKey = resourceSpans.scopeSpans !== undefined ? 'scopeSpans' : 'instrumentationLibrarySpans';
  for (const [c, scope] of listAt<ScopeSpans>(resourceSpans[scopeKey], where, `${rsPath}.${scopeKey}`).entries()) {
    const scopePath = `${rsPath}.${scopeKey}[${c}]`;
    if (!isObject(scope)) throw shape(scopePath, 'is not an object');
    for (const [i, s] of listAt<OtlpSpan>(scope.spans, where, `${scopePath}.spans`).entries()) {
      const spanPath = `${scopePath}.spans[${i}]`;
      if (!isObject(s)) throw shape(spanPath, 'is not an object');
      for (const field of ['traceId', 'spanId', 'parentSpanId', 'name'] as const) {
        const v = s[field];
        if (v !== undefined && v !== null && typeof v !== 'string')
          throw shape(
            `${spanPath}.${field}`,
            `is ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`}, expected a string`,
          );
      }
      const spanId = spanIdOf(s.spanId);
      const traceId = traceIdOf(s.traceId);
      const start = nanosToMicros(s.startTimeUnixNano);
      const end = nanosToMicros(s.endTimeUnixNano);
      if (!spanId || !traceId) throw shape(spanPath, 'has no traceId or spanId (the spec requires both)');
      if (start === undefined || end === undefined)
        throw shape(
          spanPath,
          'has no startTimeUnixNano or endTimeUnixNano as a whole number of nanoseconds (at most 20 digits)',
        );
      const code = s.status?.code;
      out.row(
        traceId,
        spanId,
        spanIdOf(s.parentSpanId),
        service,
        out.intern(s.name || NONE),
        start,
        Math.max(0, end - start),
        code === 2 || code === 'STATUS_CODE_ERROR',
      );
      // Resource attributes first, so a span attribute of the same key wins.
      for (const [column, value] of resourceTags) out.tag(column, value);
      for (const [k, v] of Object.entries(attributes(listAt(s.attributes, where, `${spanPath}.attributes`))))
        out.tag(out.tagColumn(k), out.intern(v));
      count++;
    }
  }
  return count;
}

/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const SPAN_LISTS = new Set(['resourceSpans', 'batches']);

/** A mistake found at byte `offset` of the file: the message is made once its line and column are counted. */
class Misplaced extends Error {
  constructor(
    readonly offset: number,
    readonly make: (where: string) => SourceError,
  ) {
    super('misplaced');
  }
}

/**
 * Reads the spans of an OTLP JSON file into a table builder (returns how many): any sequence of
 * ExportTraceServiceRequest documents — one pretty-printed document, or JSON Lines (one per line,
 * as the Collector's file exporter writes) — gzipped or not. A byte scanner follows the documents'
 * structure; each element of `resourceSpans` (Tempo: `batches`) is read where it lies by the fast
 * path (scan.ts), or, when that declines it, framed, parsed and read on its own (only one
 * ResourceSpans is in memory at a time, however large the file or its lines; an element over many
 * chunks is gathered as pieces and joined once). Mistakes are reported with file:line:column,
 * counted only when there is a mistake to report.
 * Written by hand rather than with a streaming JSON library (stream-json and the like): those emit
 * tokens without positions, and a person fixing an export needs the line and column of the mistake.
 */
export async function readOtlpFile(file: string, out: SpanTableBuilder, range?: ByteRange): Promise<number> {
  const before = out.size;
  // Chunks are views of one Buffer read into again (open.ts): the pieces of an element kept over chunks are copied.
  const stream = reusedChunks(file, range);
  /** File offset of the current chunk's first byte. */
  let base = range?.start ?? 0;
  let depth = 0;
  /** The depth of the request object: 1, or 2 inside Jaeger's `{"result": {…}}` or Tempo's `{"trace": {…}}` envelope. */
  let level = 1;
  let inString = false;
  let escaped = false;
  /** The key being read at the request's depth, the key whose value comes next, and whether its ':' was seen. */
  let key: string | undefined;
  let valueOf: string | undefined;
  let awaitingValue = false;
  let inSpanList = false;
  let listKey = '';
  let index = 0;
  let pieces: Buffer[] | undefined;
  let elementOffset = 0;
  let documentOffset = 0;
  let documentHasSpans = false;
  const framer = new ValueEnd();

  const position = async (offset: number) => {
    const { line, column } = await lineAt(file, offset);
    return { line, column, where: `${file}:${line}:${column}` };
  };
  const invalid = (offset: number, what: string) =>
    new Misplaced(offset, (where) => new SourceError(`${where}: not valid JSON (${what})`, JSON_FIX));
  const shape = (offset: number, path: string, what: string) =>
    new Misplaced(offset, (where) => new SourceError(`${where}: ${path} ${what}`, SHAPE_FIX));

  /** The slow path for one element b[from, to) at file offset `offset`. */
  const slowElement = async (b: Buffer, from: number, to: number, offset: number) => {
    const text = b.toString('utf8', from, to);
    const path = `${listKey}[${index}]`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = printable((error as Error).message);
      const rel = lineColumn(text, mistakeOffset(text, message));
      const start = await position(offset);
      const pos =
        rel.line === 1
          ? { line: start.line, column: start.column + rel.column - 1 }
          : { line: start.line + rel.line - 1, column: rel.column };
      throw new SourceError(`${file}:${pos.line}:${pos.column}: not valid JSON (${message})`, JSON_FIX);
    }
    const mark = out.size;
    try {
      resourceSpansInto(out, parsed, file, path);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      // The same mistake again, now placed (its line is counted only for the message).
      out.truncate(mark);
      resourceSpansInto(out, parsed, (await position(offset)).where, path);
    }
  };
  /** A whole element b[from, to): the fast path, else the slow one. */
  const element = async (b: Buffer, from: number, to: number, offset: number) => {
    const mark = out.size;
    if (scanResourceSpans(b, from, to, out) < 0) {
      out.truncate(mark);
      await slowElement(b, from, to, offset);
    }
    index++;
  };

  try {
    for await (const chunk of stream) {
      const n = chunk.length;
      let i = 0;
      if (pieces) {
        const end = framer.scan(chunk, 0, n);
        if (end < 0) {
          pieces.push(Buffer.from(chunk));
          base += n;
          continue;
        }
        pieces.push(chunk.subarray(0, end));
        const whole = Buffer.concat(pieces);
        pieces = undefined;
        await element(whole, 0, whole.length, elementOffset);
        i = end;
      }
      for (; i < n; i++) {
        const c = chunk[i]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          else if (key !== undefined) key += String.fromCharCode(c);
          continue;
        }
        if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
        if (depth === 0 && c !== 0x7b) {
          throw invalid(
            base + i,
            c === 0x5b
              ? 'the document is a list; expected an object with resourceSpans'
              : `unexpected ${JSON.stringify(String.fromCharCode(c))}; expected an object with resourceSpans`,
          );
        }
        if (depth === level) {
          if (awaitingValue) {
            awaitingValue = false;
            valueOf = key;
            key = undefined;
            if ((valueOf === 'result' || valueOf === 'trace') && level === 1 && c === 0x7b) {
              level = 2;
            } else if (SPAN_LISTS.has(valueOf ?? '')) {
              if (c !== 0x5b)
                throw shape(base + i, valueOf!, `is ${c === 0x7b ? 'an object' : 'not a list'}, expected a list`);
              inSpanList = true;
              listKey = valueOf!;
              documentHasSpans = true;
              index = 0;
            }
          } else if (c === 0x22) {
            key = '';
          } else if (c === 0x3a) {
            if (key === undefined) throw invalid(base + i, 'a value without a key');
            awaitingValue = true;
            continue;
          }
        }
        if (depth === level + 1 && inSpanList && c !== 0x2c && c !== 0x5d) {
          if (c !== 0x7b) throw shape(base + i, `${listKey}[${index}]`, 'is not an object');
          // The element where it lies: the fast path, else framed here (or over the next chunks) for the slow one.
          const mark = out.size;
          let end = scanResourceSpans(chunk, i, n, out);
          if (end >= 0) {
            index++;
            i = end - 1;
            continue;
          }
          out.truncate(mark);
          framer.reset();
          end = framer.scan(chunk, i, n);
          if (end < 0) {
            pieces = [Buffer.from(chunk.subarray(i))];
            elementOffset = base + i;
            break;
          }
          await slowElement(chunk, i, end, base + i);
          index++;
          i = end - 1;
          continue;
        }
        switch (c) {
          case 0x22:
            inString = true;
            break;
          case 0x7b:
          case 0x5b:
            if (depth === 0) {
              documentOffset = base + i;
              documentHasSpans = false;
              key = undefined;
              level = 1;
            }
            depth++;
            break;
          case 0x7d:
          case 0x5d:
            depth--;
            if (depth === level && inSpanList) {
              inSpanList = false;
            } else if (depth === 1 && level === 2) {
              level = 1;
            } else if (depth === 0) {
              if (!documentHasSpans)
                throw new Misplaced(
                  documentOffset,
                  (where) => new SourceError(`${where}: not an OTLP trace export (no resourceSpans)`, SHAPE_FIX),
                );
            } else if (depth < 0) {
              throw invalid(base + i, `unexpected ${JSON.stringify(String.fromCharCode(c))}`);
            }
            break;
        }
      }
      base += n;
    }
  } catch (error) {
    if (error instanceof Misplaced) throw error.make((await position(error.offset)).where);
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      `${file}: cannot be read (${printable((error as Error).message)})`,
      'check that the file is OTLP JSON, optionally gzipped',
    );
  } finally {
    await stream.return(undefined);
  }
  if (depth !== 0 || inString || pieces) {
    const start = await position(documentOffset);
    const { line } = await lineAt(file, base);
    throw new SourceError(
      `${start.where}: not valid JSON (the document that starts here is cut off at line ${line})`,
      JSON_FIX,
    );
  }
  return out.size - before;
}
