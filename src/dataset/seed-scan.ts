import type { SpanTableBuilder } from './table.js';

/**
 * The fast path of the seed reader: one span record (`{"span-id": …}`) read straight from its
 * bytes into the builder, picking out the fields it needs, with no parse into objects. It takes
 * only the plain shape (string fields without escapes, integer times, string tags); on anything
 * else it answers false before writing, and the record goes through JSON.parse, which handles every
 * valid record and names the position of every mistake.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Position after spaces, tabs and CRs. */
function skip(b: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
    i++;
  }
  return i;
}

/** Reusable scratch for one record, so the fast path allocates only the strings it keeps. */
const rec = {
  spanId: '',
  traceId: '',
  parent: '',
  name: '',
  service: '',
  host: '',
  start: NaN,
  end: NaN,
  error: false,
  tagKeys: [] as string[],
  tagValues: [] as string[],
  at: 0,
};

/** A string without escapes starting at the quote at `i`; sets rec.at past it, or returns undefined. */
function str(b: Buffer, i: number, end: number): string | undefined {
  if (b[i] !== QUOTE) return undefined;
  const from = i + 1;
  const close = b.indexOf(QUOTE, from);
  if (close < 0 || close >= end) return undefined;
  const slash = b.indexOf(BACKSLASH, from);
  if (slash >= 0 && slash < close) return undefined;
  rec.at = close + 1;
  return b.toString('utf8', from, close);
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

/** A flat object of string values at `i` (tags, reporter): calls `each(key, value)`; false when not plain. */
function flat(b: Buffer, i: number, end: number, each: (k: string, v: string) => void): boolean {
  if (b[i] !== OPEN) return false;
  i = skip(b, i + 1, end);
  if (b[i] === CLOSE) {
    rec.at = i + 1;
    return true;
  }
  for (;;) {
    const k = str(b, i, end);
    if (k === undefined) return false;
    i = skip(b, rec.at, end);
    if (b[i] !== COLON) return false;
    i = skip(b, i + 1, end);
    const v = str(b, i, end);
    if (v === undefined) return false;
    each(k, v);
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

const tag = (k: string, v: string) => {
  rec.tagKeys.push(k);
  rec.tagValues.push(v);
};
const reporter = (k: string, v: string) => {
  if (k === 'name') rec.service = v;
  else if (k === 'hostname') rec.host = v;
};

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

/** Which of KEYS the quoted key at `i` is (-1: another), without making a string; sets rec.at past it. */
function key(b: Buffer, i: number, end: number): number {
  if (b[i] !== QUOTE) return -2;
  const close = b.indexOf(QUOTE, i + 1);
  if (close < 0 || close >= end) return -2;
  rec.at = close + 1;
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

/** An id: hex and the like are ASCII, read as latin1 (cheaper than UTF-8); anything else as UTF-8. */
function id(b: Buffer, i: number, end: number): string | undefined {
  if (b[i] !== QUOTE) return undefined;
  const from = i + 1;
  let j = from;
  while (j < end) {
    const c = b[j]!;
    if (c === QUOTE) break;
    if (c === BACKSLASH || c >= 0x80) return str(b, i, end);
    j++;
  }
  if (j >= end) return undefined;
  rec.at = j + 1;
  return b.toString('latin1', from, j);
}

/** Reads the record in `b[from, end)` into the builder; false (nothing written) when it is not of the plain shape. */
export function scanSeedRecord(b: Buffer, from: number, end: number, out: SpanTableBuilder): boolean {
  rec.spanId = rec.traceId = rec.parent = rec.host = '';
  rec.name = rec.service = '(none)';
  rec.start = rec.end = NaN;
  rec.error = false;
  rec.tagKeys.length = 0;
  rec.tagValues.length = 0;
  let i = skip(b, from, end);
  if (b[i] !== OPEN) return false;
  i = skip(b, i + 1, end);
  for (;;) {
    const k = key(b, i, end);
    if (k < 0) return false;
    i = skip(b, rec.at, end);
    if (b[i] !== COLON) return false;
    i = skip(b, i + 1, end);
    switch (KEYS[k]) {
      case 'span-id':
      case 'trace-id':
      case 'parent-span-id': {
        const v = id(b, i, end);
        if (v === undefined) return false;
        if (k === 0) rec.spanId = v;
        else if (k === 1) rec.traceId = v;
        else rec.parent = v;
        break;
      }
      case 'span-name': {
        const v = str(b, i, end);
        if (v === undefined) return false;
        rec.name = v;
        break;
      }
      case 'start-time-micros':
      case 'end-time-micros': {
        const v = int(b, i, end);
        if (Number.isNaN(v)) return false;
        if (k === 4) rec.start = v;
        else rec.end = v;
        break;
      }
      case 'is-error':
        if (b[i] === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) {
          rec.error = true;
          rec.at = i + 4;
        } else if (b[i] === 0x66 && b[i + 1] === 0x61 && b[i + 2] === 0x6c && b[i + 3] === 0x73 && b[i + 4] === 0x65) {
          rec.error = false;
          rec.at = i + 5;
        } else return false;
        break;
      case 'tags':
        if (!flat(b, i, end, tag)) return false;
        break;
      case 'reporter':
        if (!flat(b, i, end, reporter)) return false;
        break;
      default:
        return false;
    }
    i = skip(b, rec.at, end);
    if (b[i] === COMMA) {
      i = skip(b, i + 1, end);
      continue;
    }
    if (b[i] !== CLOSE) return false;
    if (skip(b, i + 1, end) !== end) return false;
    break;
  }
  if (!rec.spanId || Number.isNaN(rec.start) || Number.isNaN(rec.end)) return false;
  let parent = rec.parent;
  const keys = rec.tagKeys;
  for (let k = 0; k < keys.length; k++) {
    // Lightstep keeps the parent as a tag; a key given twice would need JSON's last-wins: the slow path.
    if (keys[k] === 'parent_span_guid' && !parent) parent = rec.tagValues[k]!;
    for (let j = 0; j < k; j++) if (keys[j] === keys[k]) return false;
  }
  out.row(
    rec.traceId || rec.spanId,
    rec.spanId,
    parent || undefined,
    out.intern(rec.service),
    out.intern(rec.name),
    rec.start,
    Math.max(0, rec.end - rec.start),
    rec.error,
    rec.host ? out.intern(rec.host) : -1,
  );
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] === 'parent_span_guid') continue;
    out.tag(out.tagColumn(keys[k]!), out.intern(rec.tagValues[k]!));
  }
  return true;
}
