import { NONE } from '../vocabulary.js';
import { BACKSLASH, CLOSE, COLON, COMMA, OPEN, QUOTE, skipBlank as skip } from './json-bytes.js';
import { startsWith } from './json-scan.js';
import type { SpanTableBuilder } from './table.js';

/**
 * The fast path of the seed reader: one span record (`{"span-id": …}`) read straight from its
 * bytes into the builder, picking out the fields it needs, with no parse into objects. It takes
 * only the plain shape (string fields without escapes, integer times, string tags); on anything
 * else it answers false before writing, and the record goes through JSON.parse, which handles every
 * valid record and names the position of every mistake.
 */

/**
 * Scratch for one record: where each field's bytes are (`[from, to)`, from -1: absent), so that
 * nothing is written to the builder until the whole record is known to be of the plain shape.
 */
const rec = {
  spanFrom: -1,
  spanTo: 0,
  traceFrom: -1,
  traceTo: 0,
  parentFrom: -1,
  parentTo: 0,
  nameFrom: -1,
  nameTo: 0,
  serviceFrom: -1,
  serviceTo: 0,
  hostFrom: -1,
  hostTo: 0,
  start: NaN,
  end: NaN,
  error: false,
  /** Tags as [keyFrom, keyTo, valueFrom, valueTo] each. */
  tags: new Int32Array(64),
  tagCount: 0,
  /** Which object `flat` is reading: true for tags, false for the reporter. */
  inTags: false,
  at: 0,
};

/**
 * A string without escapes or control characters starting at the quote at `i`: returns the
 * position of its closing quote (its bytes are `[i + 1, close)`) and sets rec.at past it, or -1.
 */
function str(b: Buffer, i: number, end: number): number {
  if (b[i] !== QUOTE) return -1;
  let j = i + 1;
  while (j < end) {
    const c = b[j]!;
    if (c === QUOTE) {
      rec.at = j + 1;
      return j;
    }
    if (c === BACKSLASH || c < 0x20) return -1;
    j++;
  }
  return -1;
}

/** A whole number of at most 16 digits that a double holds exactly (optionally negative) at `i`; sets rec.at, or returns NaN. */
function int(b: Buffer, i: number, end: number): number {
  let negative = false;
  if (b[i] === 0x2d) {
    negative = true;
    i++;
  }
  let v = 0;
  const from = i;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
    i++;
  }
  const digits = i - from;
  if (digits === 0 || digits > 16 || v > Number.MAX_SAFE_INTEGER) return NaN;
  const c = b[i];
  if (c === 0x2e || c === 0x65 || c === 0x45) return NaN;
  rec.at = i;
  return negative ? -v : v;
}

const NAME = Buffer.from('name', 'latin1');
const HOSTNAME = Buffer.from('hostname', 'latin1');
const PARENT_TAG = Buffer.from('parent_span_guid', 'latin1');

/** Whether `b[from, to)` holds the bytes of `want`. */
function equals(b: Buffer, from: number, to: number, want: Uint8Array): boolean {
  if (to - from !== want.length) return false;
  for (let k = 0; k < want.length; k++) if (b[from + k] !== want[k]) return false;
  return true;
}

/** A flat object of string values at `i` (tags, reporter: see rec.inTags); false when not plain. */
function flat(b: Buffer, i: number, end: number): boolean {
  if (b[i] !== OPEN) return false;
  i = skip(b, i + 1, end);
  if (b[i] === CLOSE) {
    rec.at = i + 1;
    return true;
  }
  for (;;) {
    const keyTo = str(b, i, end);
    if (keyTo < 0) return false;
    const keyFrom = i + 1;
    i = skip(b, rec.at, end);
    if (b[i] !== COLON) return false;
    i = skip(b, i + 1, end);
    const valueTo = str(b, i, end);
    if (valueTo < 0) return false;
    const valueFrom = i + 1;
    if (rec.inTags) {
      const k = 4 * rec.tagCount++;
      if (k + 4 > rec.tags.length) {
        const bigger = new Int32Array(rec.tags.length * 2);
        bigger.set(rec.tags);
        rec.tags = bigger;
      }
      rec.tags[k] = keyFrom;
      rec.tags[k + 1] = keyTo;
      rec.tags[k + 2] = valueFrom;
      rec.tags[k + 3] = valueTo;
    } else if (equals(b, keyFrom, keyTo, NAME)) {
      rec.serviceFrom = valueFrom;
      rec.serviceTo = valueTo;
    } else if (equals(b, keyFrom, keyTo, HOSTNAME)) {
      rec.hostFrom = valueFrom;
      rec.hostTo = valueTo;
    }
    i = skip(b, rec.at, end);
    if (b[i] === COMMA) {
      i = skip(b, i + 1, end);
      continue;
    }
    if (b[i] !== CLOSE) return false;
    rec.at = i + 1;
    return true;
  }
}

const KEYS = [
  'span-id',
  'trace-id',
  'parent-span-id',
  'span-name',
  'start-time-micros',
  'end-time-micros',
  'is-error',
  'tags',
  'reporter',
] as const;
const KEY_BYTES = KEYS.map((k) => Buffer.from(k, 'latin1'));

/**
 * The keys of the last record read, in their order: records of one file nearly always give the
 * same keys in the same order, so the key expected at each place is tried first with one compare
 * of its bytes, before the search through KEYS.
 */
const lastOrder = new Int8Array(16).fill(-1);

/** Which of KEYS the quoted key at `i` is (-1: another), without making a string; sets rec.at past it. */
function key(b: Buffer, i: number, end: number): number {
  const close = str(b, i, end);
  if (close < 0) return -2;
  const length = close - i - 1;
  for (let k = 0; k < KEY_BYTES.length; k++) {
    const want = KEY_BYTES[k]!;
    if (want.length !== length || want[0] !== b[i + 1]) continue;
    let same = true;
    for (let j = 1; j < length && same; j++) same = want[j] === b[i + 1 + j];
    if (same) return k;
  }
  return -1;
}

/** Whether the tag at `k` (an index into rec.tags) has the same key as an earlier one. */
function repeatedKey(b: Buffer, k: number): boolean {
  const tags = rec.tags;
  const from = tags[k]!;
  const to = tags[k + 1]!;
  for (let j = 0; j < k; j += 4) {
    const f = tags[j]!;
    if (tags[j + 1]! - f !== to - from) continue;
    let same = true;
    for (let x = 0; x < to - from && same; x++) same = b[f + x] === b[from + x];
    if (same) return true;
  }
  return false;
}

/** Empties the scratch record. */
function reset(): void {
  rec.spanFrom = rec.traceFrom = rec.parentFrom = rec.nameFrom = rec.serviceFrom = rec.hostFrom = -1;
  rec.start = rec.end = NaN;
  rec.error = false;
  rec.tagCount = 0;
}

/** The bytes between the values of a record as the seed writes it (compact, its keys in KEYS' order). */
const COMPACT = {
  span: Buffer.from('{"span-id":"', 'latin1'),
  trace: Buffer.from('","trace-id":"', 'latin1'),
  parent: Buffer.from('","parent-span-id":"', 'latin1'),
  name: Buffer.from('","span-name":"', 'latin1'),
  start: Buffer.from('","start-time-micros":', 'latin1'),
  end: Buffer.from(',"end-time-micros":', 'latin1'),
  error: Buffer.from(',"is-error":', 'latin1'),
  tags: Buffer.from(',"tags":', 'latin1'),
  reporter: Buffer.from(',"reporter":', 'latin1'),
};

/**
 * A record written as the seed writes it (compact; span-id, trace-id, parent-span-id?, span-name,
 * the two times, is-error, tags, reporter, and nothing else) read into `rec` by comparing the bytes
 * between its values, without finding each key: what the walk in `scanSeedRecord` would read of it.
 * Returns the position after its `}`, or -1 (the caller empties `rec` and walks the record).
 */
function compactRecord(b: Buffer, i: number, end: number): number {
  if (!startsWith(b, i, end, COMPACT.span)) return -1;
  let at = i + COMPACT.span.length - 1;
  let close = str(b, at, end);
  if (close < 0 || !startsWith(b, close, end, COMPACT.trace)) return -1;
  rec.spanFrom = at + 1;
  rec.spanTo = close;
  at = close + COMPACT.trace.length - 1;
  close = str(b, at, end);
  if (close < 0) return -1;
  rec.traceFrom = at + 1;
  rec.traceTo = close;
  if (startsWith(b, close, end, COMPACT.parent)) {
    at = close + COMPACT.parent.length - 1;
    close = str(b, at, end);
    if (close < 0) return -1;
    rec.parentFrom = at + 1;
    rec.parentTo = close;
  }
  if (!startsWith(b, close, end, COMPACT.name)) return -1;
  at = close + COMPACT.name.length - 1;
  close = str(b, at, end);
  if (close < 0 || !startsWith(b, close, end, COMPACT.start)) return -1;
  rec.nameFrom = at + 1;
  rec.nameTo = close;
  rec.start = int(b, close + COMPACT.start.length, end);
  if (Number.isNaN(rec.start) || !startsWith(b, rec.at, end, COMPACT.end)) return -1;
  rec.end = int(b, rec.at + COMPACT.end.length, end);
  if (Number.isNaN(rec.end) || !startsWith(b, rec.at, end, COMPACT.error)) return -1;
  at = rec.at + COMPACT.error.length;
  if (b[at] === 0x74 && b[at + 1] === 0x72 && b[at + 2] === 0x75 && b[at + 3] === 0x65) {
    rec.error = true;
    at += 4;
  } else if (b[at] === 0x66 && b[at + 1] === 0x61 && b[at + 2] === 0x6c && b[at + 3] === 0x73 && b[at + 4] === 0x65)
    at += 5;
  else return -1;
  if (!startsWith(b, at, end, COMPACT.tags)) return -1;
  rec.inTags = true;
  if (!flat(b, at + COMPACT.tags.length, end) || !startsWith(b, rec.at, end, COMPACT.reporter)) return -1;
  rec.inTags = false;
  if (!flat(b, rec.at + COMPACT.reporter.length, end) || b[rec.at] !== CLOSE) return -1;
  return rec.at + 1;
}

/**
 * Reads the record that starts at `b[from]` into the builder: returns the position after it, or
 * -1 (nothing written) when it is not of the plain shape or does not end before `end`. With
 * `whole`, only blanks may follow it before `end` (a line of NDJSON).
 */
export function scanSeedRecord(b: Buffer, from: number, end: number, out: SpanTableBuilder, whole = true): number {
  reset();
  const i = skip(b, from, end);
  const compact = compactRecord(b, i, end);
  if (compact >= 0 && (!whole || skip(b, compact, end) === end)) rec.at = compact;
  else {
    reset();
    if (walkRecord(b, i, end, whole) < 0) return -1;
  }
  return commit(b, out);
}

/** The walk of a record of any key order and spacing at `i` into `rec`: the position after it, or -1. */
function walkRecord(b: Buffer, i: number, end: number, whole: boolean): number {
  if (b[i] !== OPEN) return -1;
  i = skip(b, i + 1, end);
  for (let place = 0; ; place++) {
    let k = place < 16 ? lastOrder[place]! : -1;
    if (k >= 0) {
      const want = KEY_BYTES[k]!;
      const length = want.length;
      // A key of KEYS is plain ASCII: its bytes between two quotes are a string without escapes.
      let same = b[i] === QUOTE && i + length + 1 < end && b[i + length + 1] === QUOTE;
      for (let j = 0; j < length && same; j++) same = want[j] === b[i + 1 + j];
      if (same) rec.at = i + length + 2;
      else k = -1;
    }
    if (k < 0) {
      k = key(b, i, end);
      if (k < 0) return -1;
      if (place < 16) lastOrder[place] = k;
    }
    i = skip(b, rec.at, end);
    if (b[i] !== COLON) return -1;
    i = skip(b, i + 1, end);
    switch (k) {
      case 0:
      case 1:
      case 2:
      case 3: {
        const close = str(b, i, end);
        if (close < 0) return -1;
        if (k === 0) {
          rec.spanFrom = i + 1;
          rec.spanTo = close;
        } else if (k === 1) {
          rec.traceFrom = i + 1;
          rec.traceTo = close;
        } else if (k === 2) {
          rec.parentFrom = i + 1;
          rec.parentTo = close;
        } else {
          rec.nameFrom = i + 1;
          rec.nameTo = close;
        }
        break;
      }
      case 4:
      case 5: {
        const v = int(b, i, end);
        if (Number.isNaN(v)) return -1;
        if (k === 4) rec.start = v;
        else rec.end = v;
        break;
      }
      case 6:
        if (b[i] === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) {
          rec.error = true;
          rec.at = i + 4;
        } else if (b[i] === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) {
          rec.error = false;
          rec.at = i + 5;
        } else return -1;
        break;
      case 7:
        // A repeated "tags" would need JSON's last-wins over the first one's pairs: the slow path.
        if (rec.tagCount > 0) return -1;
        rec.inTags = true;
        if (!flat(b, i, end)) return -1;
        break;
      case 8:
        // A repeated "reporter" replaces the first whole, as in JSON.parse.
        rec.serviceFrom = rec.hostFrom = -1;
        rec.inTags = false;
        if (!flat(b, i, end)) return -1;
        break;
      default:
        return -1;
    }
    i = skip(b, rec.at, end);
    if (b[i] === COMMA) {
      i = skip(b, i + 1, end);
      continue;
    }
    if (b[i] !== CLOSE) return -1;
    if (whole && skip(b, i + 1, end) !== end) return -1;
    return (rec.at = i + 1);
  }
}

/** Writes the record read into `rec` to the builder: the position after it, or -1 (nothing written) when it is not of the plain shape. */
function commit(b: Buffer, out: SpanTableBuilder): number {
  if (rec.spanFrom < 0 || rec.spanFrom === rec.spanTo || Number.isNaN(rec.start) || Number.isNaN(rec.end)) return -1;
  const after = rec.at;
  const tags = rec.tags;
  const count = 4 * rec.tagCount;
  let parentFrom = rec.parentFrom < rec.parentTo ? rec.parentFrom : -1;
  let parentTo = rec.parentTo;
  for (let k = 0; k < count; k += 4) {
    // A key given twice would need JSON's last-wins: the slow path.
    if (k > 0 && repeatedKey(b, k)) return -1;
    // Lightstep keeps the parent as a tag.
    if (parentFrom < 0 && tags[k + 3]! > tags[k + 2]! && equals(b, tags[k]!, tags[k + 1]!, PARENT_TAG)) {
      parentFrom = tags[k + 2]!;
      parentTo = tags[k + 3]!;
    }
  }
  const span = out.spanIdBytes(b, rec.spanFrom, rec.spanTo);
  const trace =
    rec.traceFrom >= 0 && rec.traceTo > rec.traceFrom
      ? out.traceIdBytes(b, rec.traceFrom, rec.traceTo)
      : out.traceIdBytes(b, rec.spanFrom, rec.spanTo);
  out.rowOf(
    trace,
    span,
    parentFrom >= 0 ? out.spanIdBytes(b, parentFrom, parentTo) : -1,
    rec.serviceFrom >= 0 ? out.internBytes(b, rec.serviceFrom, rec.serviceTo) : out.internWord(NONE),
    rec.nameFrom >= 0 ? out.internBytes(b, rec.nameFrom, rec.nameTo) : out.internWord(NONE),
    rec.start,
    Math.max(0, rec.end - rec.start),
    rec.error,
    rec.hostFrom >= 0 && rec.hostTo > rec.hostFrom ? out.internBytes(b, rec.hostFrom, rec.hostTo) : -1,
  );
  for (let k = 0; k < count; k += 4) {
    if (equals(b, tags[k]!, tags[k + 1]!, PARENT_TAG)) continue;
    out.tag(out.tagColumnBytes(b, tags[k]!, tags[k + 1]!), out.internBytes(b, tags[k + 2]!, tags[k + 3]!));
  }
  return after;
}
