import { utf8 } from './dictionary.js';
import type { SpanTableBuilder } from './table.js';
import { BACKSLASH, CLOSE, CLOSE_LIST, COLON, COMMA, OPEN, OPEN_LIST, QUOTE, skipBlank as skip } from './json-bytes.js';

/**
 * The pieces of the byte-level JSON readers (sources/otlp/scan.ts, sources/jaeger/scan.ts): each
 * checks one JSON value against the grammar where it lies in a Buffer and leaves `cursor.at` just
 * past it, so a reader picks out the fields it needs without parsing into objects and hands anything
 * it does not take (or any mistake) to JSON.parse. Module state rather than closures or results
 * objects: these run several times per span of a million.
 */
export const cursor = {
  /** The position just past what was read last. */
  at: 0,
  /** Whether the string read last had escapes (its bytes are not its text). */
  escapes: false,
};

/** The value of a hex digit (either case), -1 for any other byte. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(d)] = d;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(d)] = d;
}
const ESCAPABLE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPABLE[c.charCodeAt(0)] = 1;

/** A valid JSON string at `i`: returns the index of its closing quote (sets `at` past it and `escapes`), or -1. */
export function string(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== QUOTE) return -1;
  cursor.escapes = false;
  let j = i + 1;
  while (j < end) {
    const c = b[j]!;
    if (c === QUOTE) {
      cursor.at = j + 1;
      return j;
    }
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      cursor.escapes = true;
      const e = b[j + 1];
      if (e === 0x75) {
        if (j + 5 >= end) return -1;
        if ((HEX_VALUE[b[j + 2]!]! | HEX_VALUE[b[j + 3]!]! | HEX_VALUE[b[j + 4]!]! | HEX_VALUE[b[j + 5]!]!) < 0)
          return -1;
        j += 6;
      } else if (e !== undefined && ESCAPABLE[e]) j += 2;
      else return -1;
      continue;
    }
    j++;
  }
  return -1;
}

/** A JSON number at `i` (sets `at` past it), checked against the grammar: its end, or -1. */
export function number(b: Uint8Array, i: number, end: number): number {
  let j = i;
  if (b[j] === 0x2d) j++;
  if (b[j] === 0x30) j++;
  else {
    if (!(b[j]! >= 0x31 && b[j]! <= 0x39)) return -1;
    while (j < end && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
  }
  if (b[j] === 0x2e) {
    j++;
    if (!(b[j]! >= 0x30 && b[j]! <= 0x39)) return -1;
    while (j < end && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
  }
  if (b[j] === 0x65 || b[j] === 0x45) {
    j++;
    if (b[j] === 0x2b || b[j] === 0x2d) j++;
    if (!(b[j]! >= 0x30 && b[j]! <= 0x39)) return -1;
    while (j < end && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
  }
  if (j >= end) return -1;
  cursor.at = j;
  return j;
}

/**
 * A whole JSON number at `i` of at most 15 digits, the text of which is its own rendering in
 * JavaScript (no fraction, exponent or `-0`): its end (sets `at`), or -1.
 */
export function wholeNumber(b: Uint8Array, i: number, end: number): number {
  const n = number(b, i, end);
  if (n < 0 || n - i > 15 || (b[i] === 0x2d && b[i + 1] === 0x30)) return -1;
  for (let k = i; k < n; k++) if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45) return -1;
  return n;
}

/** The value of the whole number b[from, to) (see `wholeNumber`). */
export function numberValue(b: Uint8Array, from: number, to: number): number {
  let v = 0;
  const negative = b[from] === 0x2d;
  for (let k = negative ? from + 1 : from; k < to; k++) v = v * 10 + (b[k]! - 0x30);
  return negative ? -v : v;
}

/** The literal `word` (true, false, null) at `i` (sets `at` past it). */
export function literal(b: Uint8Array, i: number, end: number, word: string): boolean {
  if (i + word.length >= end) return false;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return false;
  cursor.at = i + word.length;
  return true;
}

/** Any JSON value at `i`, checked and passed over (sets `at`); false when it is not valid JSON or runs out. */
export function value(b: Uint8Array, i: number, end: number, depth = 0): boolean {
  const c = b[i];
  if (c === QUOTE) return string(b, i, end) >= 0;
  if (c === OPEN || c === OPEN_LIST) {
    // Deeper than any export nests: leave it to JSON.parse.
    if (depth > 64) return false;
    const close = c === OPEN ? CLOSE : CLOSE_LIST;
    let j = skip(b, i + 1, end);
    if (b[j] === close) {
      cursor.at = j + 1;
      return true;
    }
    for (;;) {
      if (c === OPEN) {
        if (string(b, j, end) < 0) return false;
        j = skip(b, cursor.at, end);
        if (b[j] !== COLON) return false;
        j = skip(b, j + 1, end);
      }
      if (!value(b, j, end, depth + 1)) return false;
      j = skip(b, cursor.at, end);
      if (b[j] === COMMA) {
        j = skip(b, j + 1, end);
        continue;
      }
      if (b[j] !== close) return false;
      cursor.at = j + 1;
      return true;
    }
  }
  if (c === 0x74) return literal(b, i, end, 'true');
  if (c === 0x66) return literal(b, i, end, 'false');
  if (c === 0x6e) return literal(b, i, end, 'null');
  return number(b, i, end) >= 0;
}

/**
 * Passes over the list or object at `i` by its strings and nesting only, not checking the grammar
 * (sets `at` past it): for a value that is read and checked later (a Jaeger trace's spans, which
 * must wait for the processes written after them). -1 when it runs out.
 */
export function skipContainer(b: Uint8Array, i: number, end: number): number {
  let depth = 0;
  for (let j = i; j < end; j++) {
    const c = b[j]!;
    if (c === QUOTE) {
      for (j++; j < end && b[j] !== QUOTE; j++) if (b[j] === BACKSLASH) j++;
      if (j >= end) return -1;
    } else if (c === OPEN || c === OPEN_LIST) depth++;
    else if ((c === CLOSE || c === CLOSE_LIST) && --depth === 0) return (cursor.at = j + 1);
  }
  return -1;
}

/**
 * A whole JSON number at `i` that a double holds exactly (microseconds since 1970 have 16 digits):
 * its value (sets `at`), or NaN for a fraction, an exponent or a larger number.
 */
export function wholeMicros(b: Uint8Array, i: number, end: number): number {
  const e = number(b, i, end);
  // `-0` is left to the slow path, as `wholeNumber` leaves it.
  if (e < 0 || e - i > 17 || (b[i] === 0x2d && b[i + 1] === 0x30)) return NaN;
  for (let k = i; k < e; k++) if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45) return NaN;
  const v = numberValue(b, i, e);
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : NaN;
}

/** Whether b[af, at) and b[bf, bt) hold the same bytes. */
export function sameBytes(b: Uint8Array, af: number, at: number, bf: number, bt: number): boolean {
  if (at - af !== bt - bf) return false;
  for (let k = 0; k < at - af; k++) if (b[af + k] !== b[bf + k]) return false;
  return true;
}

/** Whether b[from, to) holds the bytes of `want`. */
export function is(b: Uint8Array, from: number, to: number, want: Uint8Array): boolean {
  if (to - from !== want.length) return false;
  for (let k = 0; k < want.length; k++) if (b[from + k] !== want[k]) return false;
  return true;
}

/** Whether `want` is written at b[i] (and ends before `end`). */
export function startsWith(b: Uint8Array, i: number, end: number, want: Uint8Array): boolean {
  if (i + want.length >= end) return false;
  for (let k = 0; k < want.length; k++) if (b[i + k] !== want[k]) return false;
  return true;
}

/**
 * The closing quote of a string whose text starts at `i` (just past its opening quote), when it
 * has no escapes or control characters (sets `at` past it); -1 otherwise.
 */
export function plainString(b: Uint8Array, i: number, end: number): number {
  for (let j = i; j < end; j++) {
    const c = b[j]!;
    if (c === QUOTE) {
      cursor.at = j + 1;
      return j;
    }
    if (c === BACKSLASH || c < 0x20) return -1;
  }
  return -1;
}

/**
 * A value written in a fixed compact shape, `parts[0]` string `parts[1]` string … `parts[n]`, its
 * strings without escapes (`{"key":"`, `","value":{"stringValue":"`, `"}}` for an OTLP attribute):
 * read by comparing bytes instead of walking its objects. The k-th string's text is
 * `b[found[2k], found[2k + 1])`; returns the end (sets `at`), or -1 (nothing read) for another shape.
 */
export function template(
  b: Uint8Array,
  v: number,
  end: number,
  parts: readonly Uint8Array[],
  found: Int32Array,
): number {
  if (!startsWith(b, v, end, parts[0]!)) return -1;
  let at = v + parts[0]!.length;
  for (let k = 1; k < parts.length; k++) {
    const close = plainString(b, at, end);
    if (close < 0 || !startsWith(b, close, end, parts[k]!)) return -1;
    found[2 * k - 2] = at;
    found[2 * k - 1] = close;
    at = close + parts[k]!.length;
  }
  return (cursor.at = at);
}

/** The dictionary index of the JSON string at `i` (through JSON.parse when it has escapes), or -1. */
export function internString(out: SpanTableBuilder, b: Uint8Array, i: number, end: number): number {
  const close = string(b, i, end);
  if (close < 0) return -1;
  if (!cursor.escapes) return out.internBytes(b, i + 1, close);
  return out.intern(JSON.parse(utf8(b, i, close + 1)) as string);
}

/**
 * The dictionary index of a name (an operation, a service) written as the JSON string at `i`, or of
 * `empty` when the string is empty (`(none)`, `unknown_service`); -1 when it is not a string.
 */
export function internName(out: SpanTableBuilder, b: Uint8Array, i: number, end: number, empty: string): number {
  const close = string(b, i, end);
  if (close < 0) return -1;
  if (close === i + 1) return out.internWord(empty);
  return cursor.escapes ? internString(out, b, i, end) : out.internBytes(b, i + 1, close);
}

/** The bytes of an ASCII key, to compare with `is`. */
export const keyBytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Walks an object at `i`: calls `field(keyFrom, keyTo, valueAt)` for each member, which reads the
 * value (setting `at` past it) and answers false to give up. A key with escapes gives up too.
 * Returns the end, or -1.
 */
export function object(
  b: Uint8Array,
  i: number,
  end: number,
  field: (keyFrom: number, keyTo: number, v: number) => boolean,
): number {
  if (b[i] !== OPEN) return -1;
  let j = skip(b, i + 1, end);
  if (b[j] === CLOSE) return (cursor.at = j + 1);
  for (;;) {
    const close = string(b, j, end);
    if (close < 0 || cursor.escapes) return -1;
    const keyFrom = j + 1;
    j = skip(b, cursor.at, end);
    if (b[j] !== COLON) return -1;
    j = skip(b, j + 1, end);
    if (!field(keyFrom, close, j)) return -1;
    j = skip(b, cursor.at, end);
    if (b[j] === COMMA) {
      j = skip(b, j + 1, end);
      continue;
    }
    if (b[j] !== CLOSE) return -1;
    return (cursor.at = j + 1);
  }
}

/** Walks a list at `i`, calling `item(at)` for each element (which reads it, setting `at`). Returns the end, or -1. */
export function list(b: Uint8Array, i: number, end: number, item: (v: number) => boolean): number {
  if (b[i] !== OPEN_LIST) return -1;
  let j = skip(b, i + 1, end);
  if (b[j] === CLOSE_LIST) return (cursor.at = j + 1);
  for (;;) {
    if (!item(j)) return -1;
    j = skip(b, cursor.at, end);
    if (b[j] === COMMA) {
      j = skip(b, j + 1, end);
      continue;
    }
    if (b[j] !== CLOSE_LIST) return -1;
    return (cursor.at = j + 1);
  }
}

/**
 * Whether two span ids written in hex digits, b[af, at) and b[bf, bt), are the one id the table would
 * hold (ids.ts: either case; padded to 16 digits, or to 32 past 16). Undefined when either is not
 * hex of at most 32 digits, for the caller's slow path to judge. (A reader's span id numbers are
 * provisional until the table is finished, so ids are compared by their digits.)
 */
export function sameHexValue(b: Uint8Array, af: number, at: number, bf: number, bt: number): boolean | undefined {
  for (let k = af; k < at; k++) if (HEX_VALUE[b[k]!]! < 0) return undefined;
  for (let k = bf; k < bt; k++) if (HEX_VALUE[b[k]!]! < 0) return undefined;
  if (at - af > 32 || bt - bf > 32) return undefined;
  if (at - af > 16 !== bt - bf > 16) return false;
  while (af < at && b[af] === 0x30) af++;
  while (bf < bt && b[bf] === 0x30) bf++;
  if (at - af !== bt - bf) return false;
  for (let k = 0; k < at - af; k++) if (HEX_VALUE[b[af + k]!] !== HEX_VALUE[b[bf + k]!]) return false;
  return true;
}
