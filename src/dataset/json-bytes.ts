/**
 * The bytes of JSON's syntax, for the readers that scan files as bytes (seed-scan.ts, json-array.ts,
 * sources/otlp/scan.ts): one home for them and for JSON's whitespace.
 */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN = 0x7b;
export const CLOSE = 0x7d;
export const OPEN_LIST = 0x5b;
export const CLOSE_LIST = 0x5d;

/** JSON's whitespace: space, tab, line feed, carriage return. */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The position of the first byte at or after `i` (before `end`) that is not JSON whitespace. */
export function skipBlank(b: Uint8Array, i: number, end: number): number {
  while (i < end && isBlank(b[i]!)) i++;
  return i;
}
