import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { ArrayStructureError, lineAt, readJsonArray } from '../../dataset/json-array.js';
import { mistakeOffset } from '../../dataset/json-position.js';
import { contentHead, type ByteRange } from '../../dataset/open.js';
import { readSeedInto } from '../../dataset/seed-spans.js';
import { SourceError } from '../../errors.js';
import { JAEGER_FIX, readJaegerElement, readJaegerJson } from '../jaeger/json.js';
import { scanJaegerTrace } from '../jaeger/scan.js';
import { scanZipkinTrace } from '../zipkin/scan.js';
import { readOtlpFile } from '../otlp/read.js';
import type { SpanTableBuilder } from '../../dataset/table.js';
import { printable } from '../../text.js';
import { elementSpans, readZipkinJson, readZipkinSpans, ZIPKIN_FIX, type PlacedSpan } from '../zipkin/json.js';
import { FORMATS_READ, detectFormat, type Detection, type FileFormat } from './detect.js';

/** The whole text of a file, gunzipped when it is gzip. */
async function wholeText(file: string, gzip: boolean): Promise<string> {
  const raw = createReadStream(file);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  } catch (error) {
    throw new SourceError(
      `${file}: cannot be read (${(error as Error).message})`,
      'check that the file is whole (a gzip file cut short cannot be read)',
    );
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON.parse with the mistake's line and column, for the formats read whole. */
function parseJson(text: string, file: string, label: string, fix: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const before = text.slice(0, mistakeOffset(body, message) + text.length - body.length).split('\n');
    const where = `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
    throw new SourceError(`${where}: read as ${label}, but it is not valid JSON (${message})`, fix);
  }
}

type Known = Extract<Detection, { format: FileFormat }>;

/**
 * Reads the elements of the list a file holds (at the top, or at `within` of the object at the top)
 * one at a time: each element is parsed by itself, so neither the file's text nor an object per span
 * of the whole file is ever in memory (a 600 MB export is more than one JavaScript string can hold).
 * A mistake names the file, line and column.
 */
async function readElements(
  file: string,
  detection: Known,
  fix: string,
  within: string | undefined,
  read: (item: unknown, index: number) => void,
  fast: (b: Buffer, from: number, limit: number) => number = () => -1,
): Promise<boolean> {
  const notJson = async (offset: number, what: string, shape = false) => {
    const { line, column } = await lineAt(file, offset);
    const problem = shape ? what : `it is not valid JSON (${what})`;
    return new SourceError(`${file}:${line}:${column}: read as ${detection.label}, but ${problem}`, fix);
  };
  try {
    return await readJsonArray(
      file,
      {
        fast,
        slow: async (b, from, to, index, offset) => {
          const text = b.toString('utf8', from, to);
          let item: unknown;
          try {
            item = JSON.parse(text);
          } catch (error) {
            const message = printable((error as Error).message);
            const at = mistakeOffset(text, message);
            // The mistake's offset in bytes from the element's start, for the line and column in the file.
            throw await notJson(offset + Buffer.byteLength(text.slice(0, at)), message);
          }
          read(item, index);
        },
      },
      within,
    );
  } catch (error) {
    if (error instanceof ArrayStructureError) throw await notJson(error.offset, error.what, error.shape);
    throw error;
  }
}

/**
 * A list element (a trace) read from its bytes where a scanner takes it (jaeger/scan.ts,
 * zipkin/scan.ts): the rows of one it declines are dropped, and the element goes to JSON.parse.
 */
function bytePath(
  scan: (b: Uint8Array, from: number, end: number, out: SpanTableBuilder) => number,
  sink: SpanTableBuilder,
): (b: Buffer, from: number, limit: number) => number {
  return (b, from, limit) => {
    const mark = sink.size;
    const end = scan(b, from, limit, sink);
    if (end < 0) sink.truncate(mark);
    return end;
  };
}

/** Whether the document is an object (not a list): by its first byte that is not blank. */
async function isObjectDocument(file: string): Promise<boolean> {
  return (await contentHead(file, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{');
}

/**
 * Jaeger JSON: the answer's `data` or a list, an element (a trace) at a time; one trace alone is
 * small enough to read whole.
 */
async function readJaegerFile(file: string, detection: Known, sink: SpanTableBuilder): Promise<void> {
  const where = `${file} (${detection.label})`;
  const fast = bytePath(scanJaegerTrace, sink);
  if (!(await isObjectDocument(file))) {
    const item = (element: unknown, i: number) => readJaegerElement(element, where, i, false, sink);
    await readElements(file, detection, JAEGER_FIX, undefined, item, fast);
    return;
  }
  const list = (item: unknown, i: number) => readJaegerElement(item, where, i, true, sink);
  if (await readElements(file, detection, JAEGER_FIX, 'data', list, fast)) return;
  // An object without `data`: one trace.
  const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, JAEGER_FIX);
  readJaegerJson(doc, where, sink);
}

/**
 * Zipkin v2 JSON: a list of traces is read a trace at a time; the spans of a flat list are kept until
 * its end, since a client and a server span that share an id are matched within their trace, and a
 * flat list may hold a trace's spans anywhere. One span alone is read whole.
 */
async function readZipkinFile(file: string, detection: Known, sink: SpanTableBuilder): Promise<void> {
  const where = `${file} (${detection.label})`;
  if (await isObjectDocument(file)) {
    const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, ZIPKIN_FIX);
    return readZipkinJson(doc, where, sink);
  }
  const fast = bytePath(scanZipkinTrace, sink);
  const loose: PlacedSpan[] = [];
  // A list of traces (lists of spans) is read a trace at a time; loose spans together at the end.
  await readElements(
    file,
    detection,
    ZIPKIN_FIX,
    undefined,
    (item, i) => {
      const spans = [...elementSpans(item, i, where)];
      if (Array.isArray(item)) readZipkinSpans(spans, where, sink);
      else loose.push(...spans);
    },
    fast,
  );
  readZipkinSpans(loose, where, sink);
}

/** A file in no known format: one line saying what it looks like and what is read. */
export function unknownFormat(file: string, detection: Extract<Detection, { format: 'unknown' }>): SourceError {
  return new SourceError(
    `${file}: not a trace file trace-differ reads: ${detection.looksLike}. Read are: ${FORMATS_READ}`,
    'export the traces in one of those formats',
  );
}

/**
 * Reads the spans of one trace file (any format but trace-differ's own datasets, which carry their
 * provenance and are loaded whole) into the sink. Returns the format recognised. With a range, only
 * those bytes, of OTLP JSON Lines or NDJSON (a part of a file read beside another: spans.ts).
 */
export async function readTraceFile(
  file: string,
  sink: SpanTableBuilder,
  range?: ByteRange,
): Promise<Exclude<FileFormat, 'dataset'>> {
  const detection = await detectFormat(file);
  if (range && detection.format !== 'otlp' && detection.format !== 'seed')
    throw new Error(`${file}: only OTLP JSON Lines and NDJSON are read in parts`);
  switch (detection.format) {
    case 'unknown':
      throw unknownFormat(file, detection);
    case 'dataset':
      throw new SourceError(
        `${file}: a trace-differ dataset cannot be mixed with other trace files`,
        'pass the dataset file on its own',
      );
    case 'otlp':
      await readOtlpFile(file, sink, range);
      return 'otlp';
    case 'jaeger':
      await readJaegerFile(file, detection, sink);
      return 'jaeger';
    case 'zipkin':
      await readZipkinFile(file, detection, sink);
      return 'zipkin';
    case 'seed':
      // The seed's reader streams and checks its own shape, straight into the one builder.
      await readSeedInto(file, sink, range);
      return 'seed';
  }
}
