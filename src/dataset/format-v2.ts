import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { packIdList, packVarints, unpackIds, unpackVarints, unpackVarints32, unzigzag, zigzag } from './columns.js';
import { idListOf } from './id-list.js';
import { idListsOf, parentsWithinTraces, traceCount, withIdLists } from './table.js';
import type { Dataset } from './types.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The dataset file, format 2 (columnar):
 *
 *   TRACE-DIFFER-DATASET 2\n
 *   {header JSON: provenance, coverage, counts, and the name and length of each column}\n
 *   gzip(the columns, one after another)
 *   SHA-256 of everything before it, 64 hex digits
 *
 * The checksum covers the magic line, the header and the body: nothing can be altered unseen.
 * The table is written canonical (see `SpanTable`), so traces are stored as how many rows each
 * has, and integer columns as varints of small differences: ~20 bytes a span, most of them the
 * random span ids, and read back in a fraction of a second with no object per span.
 */
export const V2 = 2;
const MAGIC_LINE = `TRACE-DIFFER-DATASET ${V2}\n`;
const CHECKSUM_HEX = 64;
/** Limits a header may claim before anything is allocated (a corrupt or hostile file cannot ask for more). */
const MAX_SPANS = 2 ** 28;
const MAX_RAW_BYTES = 2 ** 32 - 1;

export interface HeaderV2 {
  format: 'TRACE-DIFFER-DATASET';
  version: 2;
  provenance: Dataset['provenance'];
  coverage: Dataset['coverage'];
  spans: number;
  traces: number;
  spanIdCount: number;
  /** How trace and span ids are stored: as hex bytes of one width, or a JSON list. */
  traceIds: { kind: 'hex' | 'json'; width: number };
  spanIds: { kind: 'hex' | 'json'; width: number };
  /** Whether start and duration are integer microseconds (varints) or not (raw doubles). */
  integerTimes: boolean;
  tagKeys: string[];
  /** Each column's name and byte length, in body order. */
  columns: [string, number][];
  bodyBytes: number;
}

function doubles(xs: Float64Array): Buffer {
  return Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength);
}

/** Encodes a dataset into one file buffer. */
export async function encodeV2(dataset: Dataset): Promise<Buffer> {
  const t = dataset.table;
  const n = t.size;
  const columns: [string, Buffer][] = [];
  const ids = idListsOf(t);
  const traceIds = packIdList(ids.trace);
  const spanIds = packIdList(ids.span);
  columns.push(['traceIds', traceIds.bytes], ['spanIds', spanIds.bytes]);
  columns.push(['strings', Buffer.from(JSON.stringify(t.strings))]);
  const sizes = new Float64Array(traceCount(t));
  for (let i = 0; i < n; i++) sizes[t.trace[i]!]!++;
  columns.push(['traceSizes', packVarints(sizes)]);
  const ints = new Float64Array(n);
  const put = (name: string) => columns.push([name, packVarints(ints)]);
  // Each column's loop is written out (no callback per value): this runs over every row of every column.
  const { span, parentSpan, start, duration } = t;
  for (let i = 0; i < n; i++) ints[i] = zigzag(span[i]! - (i ? span[i - 1]! : 0));
  put('span');
  for (let i = 0; i < n; i++) ints[i] = parentSpan[i]! < 0 ? 0 : zigzag(parentSpan[i]! - span[i]!) + 1;
  put('parentSpan');
  let integerTimes = true;
  for (let i = 0; i < n && integerTimes; i++)
    integerTimes = Number.isSafeInteger(start[i]!) && Number.isSafeInteger(duration[i]!);
  if (integerTimes) {
    for (let i = 0; i < n; i++) ints[i] = zigzag(start[i]! - (i ? start[i - 1]! : 0));
    put('start');
    ints.set(duration);
    put('duration');
  } else {
    columns.push(['start', doubles(t.start)], ['duration', doubles(t.duration)]);
  }
  ints.set(t.error);
  put('error');
  ints.set(t.service);
  put('service');
  ints.set(t.operation);
  put('operation');
  for (let i = 0; i < n; i++) ints[i] = t.host[i]! + 1;
  put('host');
  t.tags.forEach((tag, k) => {
    for (let i = 0; i < n; i++) ints[i] = tag[i]! + 1;
    put(`tag:${k}`);
  });
  // Level 4: 0.3 % larger than level 6 on the bench files, in about half the time (most of the bytes
  // are random span ids, which no level compresses); reading is as fast.
  const body = await gzipAsync(Buffer.concat(columns.map(([, b]) => b)), { level: 4 });
  const header: HeaderV2 = {
    format: 'TRACE-DIFFER-DATASET',
    version: V2,
    provenance: dataset.provenance,
    coverage: dataset.coverage,
    spans: n,
    traces: ids.trace.count,
    spanIdCount: ids.span.count,
    traceIds: { kind: traceIds.kind, width: traceIds.width },
    spanIds: { kind: spanIds.kind, width: spanIds.width },
    integerTimes,
    tagKeys: t.tagKeys,
    columns: columns.map(([name, b]) => [name, b.length]),
    bodyBytes: body.length,
  };
  const head = Buffer.from(`${MAGIC_LINE}${JSON.stringify(header)}\n`);
  const checksum = createHash('sha256').update(head).update(body).digest('hex');
  return Buffer.concat([head, body, Buffer.from(checksum, 'latin1')]);
}

/**
 * Decodes a format-2 file already in memory. Rejects with an Error whose message says what is wrong
 * (the caller names the file and sets it aside).
 */
export async function decodeV2(file: Buffer): Promise<Dataset> {
  if (file.length < MAGIC_LINE.length + CHECKSUM_HEX) throw new Error('it is truncated');
  const headerEnd = file.indexOf(10, MAGIC_LINE.length);
  if (headerEnd < 0) throw new Error('its header is truncated');
  const content = file.subarray(0, file.length - CHECKSUM_HEX);
  const stated = file.subarray(file.length - CHECKSUM_HEX).toString('latin1');
  let header: HeaderV2;
  try {
    header = JSON.parse(file.subarray(MAGIC_LINE.length, headerEnd).toString('utf8')) as HeaderV2;
  } catch {
    throw new Error('its header is not valid JSON');
  }
  const bodyBytes = content.length - headerEnd - 1;
  if (typeof header.bodyBytes === 'number' && bodyBytes < header.bodyBytes)
    throw new Error(`it is truncated (${Math.max(0, bodyBytes)} of ${header.bodyBytes} body bytes)`);
  if (createHash('sha256').update(content).digest('hex') !== stated)
    throw new Error('its checksum does not match (the header or the body was altered)');
  if (
    header.format !== 'TRACE-DIFFER-DATASET' ||
    header.version !== V2 ||
    !Number.isInteger(header.spans) ||
    header.spans < 0 ||
    header.spans > MAX_SPANS ||
    !Number.isInteger(header.traces) ||
    header.traces > header.spans ||
    !Number.isInteger(header.spanIdCount) ||
    header.spanIdCount > 2 * header.spans ||
    !Array.isArray(header.columns) ||
    !Array.isArray(header.tagKeys) ||
    header.bodyBytes !== bodyBytes
  )
    throw new Error('its header is malformed');
  const rawBytes = header.columns.reduce((sum, [, length]) => sum + length, 0);
  if (!Number.isInteger(rawBytes) || rawBytes > MAX_RAW_BYTES) throw new Error('its header is malformed');
  // One output chunk of the stated size saves zlib a concatenation (capped: the claim is not yet checked).
  // Off the main thread: the two sides of a diff inflate at once, and one decodes while the other inflates.
  const raw = await gunzipAsync(content.subarray(headerEnd + 1), {
    maxOutputLength: Math.max(1, rawBytes),
    chunkSize: Math.min(Math.max(1024, rawBytes), 2 ** 26),
  });
  if (raw.length !== rawBytes) throw new Error(`its body holds ${raw.length} bytes, the header says ${rawBytes}`);
  const parts = new Map<string, Buffer>();
  let at = 0;
  for (const [name, length] of header.columns) {
    parts.set(name, raw.subarray(at, at + length));
    at += length;
  }
  const part = (name: string) => {
    const p = parts.get(name);
    if (!p) throw new Error(`its ${name} column is missing`);
    return p;
  };
  const n = header.spans;
  const traceIds = unpackIds(
    part('traceIds'),
    header.traceIds.kind,
    header.traceIds.width,
    header.traces,
    'trace id',
    32,
  );
  const spanIds = unpackIds(
    part('spanIds'),
    header.spanIds.kind,
    header.spanIds.width,
    header.spanIdCount,
    'span id',
    16,
  );
  const strings: unknown = JSON.parse(part('strings').toString('utf8'));
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string'))
    throw new Error('its string column is malformed');
  const sizes = unpackVarints32(part('traceSizes'), header.traces, 'trace size');
  const trace = new Int32Array(n);
  const offsets = new Int32Array(header.traces + 1);
  let row = 0;
  for (let tr = 0; tr < sizes.length; tr++) {
    const size = sizes[tr]!;
    if (row + size > n) throw new Error('its trace sizes exceed its spans');
    trace.fill(tr, row, row + size);
    row += size;
    offsets[tr + 1] = row;
  }
  if (row !== n) throw new Error('its trace sizes do not add up to its spans');
  const outside = (name: string) => new Error(`its ${name} column points outside its dictionary`);
  /** An index column stored as is, or +1 with 0 for none (`none`), checked against the size of its dictionary. */
  const indexes = (name: string, limit: number, none = false): Int32Array => {
    const v = unpackVarints32(part(name), n, name);
    const low = none ? -1 : 0;
    const shift = none ? 1 : 0;
    for (let i = 0; i < n; i++) {
      const x = v[i]! - shift;
      if (x < low || x >= limit) throw outside(name);
      v[i] = x;
    }
    return v;
  };
  const spanCount = header.spanIdCount;
  // Span ids as differences from the previous row, parent ids from the row's own span id (+1, 0: none).
  const span = unpackVarints32(part('span'), n, 'span');
  for (let i = 0, previous = 0; i < n; i++) {
    const z = span[i]!;
    const x = ((z >>> 1) ^ -(z & 1)) + previous;
    if (x < 0 || x >= spanCount) throw outside('span');
    span[i] = previous = x;
  }
  const parentSpan = unpackVarints32(part('parentSpan'), n, 'parentSpan');
  for (let i = 0; i < n; i++) {
    const z = parentSpan[i]!;
    if (z === 0) {
      parentSpan[i] = -1;
      continue;
    }
    const x = (((z - 1) >>> 1) ^ -((z - 1) & 1)) + span[i]!;
    if (x < 0 || x >= spanCount) throw outside('parentSpan');
    parentSpan[i] = x;
  }
  let start: Float64Array;
  let duration: Float64Array;
  if (header.integerTimes) {
    start = unpackVarints(part('start'), n, 'start');
    for (let i = 0, previous = 0; i < n; i++) {
      const z = start[i]!;
      // Bit operations for the usual small differences; arithmetic for the first start (about 2^51).
      start[i] = previous = (z < 4294967296 ? (z >>> 1) ^ -(z & 1) : unzigzag(z)) + previous;
    }
    duration = unpackVarints(part('duration'), n, 'duration');
  } else {
    const copy = (b: Buffer) => {
      if (b.length !== 8 * n) throw new Error('its time columns are malformed');
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
    };
    start = copy(part('start'));
    duration = copy(part('duration'));
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(start[i]!) || !Number.isFinite(duration[i]!) || duration[i]! < 0)
        throw new Error(`span ${i + 1} has a start or duration that is not a finite number`);
  }
  const errorColumn = unpackVarints32(part('error'), n, 'error');
  const error = new Uint8Array(n);
  for (let i = 0; i < n; i++) error[i] = errorColumn[i] ? 1 : 0;
  const columns = {
    size: n,
    trace,
    span,
    parentSpan,
    parent: parentsWithinTraces(offsets, span, parentSpan),
    start,
    duration,
    error,
    strings: strings as string[],
    service: indexes('service', strings.length),
    operation: indexes('operation', strings.length),
    host: indexes('host', strings.length, true),
    tagKeys: header.tagKeys,
    tags: header.tagKeys.map((_, k) => indexes(`tag:${k}`, strings.length, true)),
  };
  // Ids of another shape (not hex of the width the table holds as words) are rare: made into lists from their strings.
  const table = withIdLists(columns, {
    trace: typeof traceIds === 'function' ? idListOf(traceIds(), 32) : traceIds,
    span: typeof spanIds === 'function' ? idListOf(spanIds(), 16) : spanIds,
  });
  return { provenance: header.provenance, coverage: header.coverage, table };
}
