import { idListBytes, idListOfBytes, idStrings, type IdList } from './id-list.js';

/**
 * The column codecs of the dataset file (format 2): integers packed at the narrowest width that
 * holds them, and unsigned LEB128 varints for times. Plain byte layouts that gzip then squeezes.
 */

/** Zigzag: small signed integers to small unsigned ones (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
export const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
export const unzigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** Non-negative integers below 2^32 at 1, 2 or 4 bytes each (the first byte says which). */
export function packUints(values: ArrayLike<number>): Buffer {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const out = Buffer.alloc(1 + width * values.length);
  out[0] = width;
  if (width === 1) for (let i = 0; i < values.length; i++) out[1 + i] = values[i]!;
  else if (width === 2) for (let i = 0; i < values.length; i++) out.writeUInt16LE(values[i]!, 1 + 2 * i);
  else for (let i = 0; i < values.length; i++) out.writeUInt32LE(values[i]!, 1 + 4 * i);
  return out;
}

export function unpackUints(bytes: Buffer, count: number, what: string): Uint32Array {
  const width = bytes[0];
  if ((width !== 1 && width !== 2 && width !== 4) || bytes.length !== 1 + width * count)
    throw new Error(`the ${what} column is malformed`);
  const out = new Uint32Array(count);
  if (width === 1) for (let i = 0; i < count; i++) out[i] = bytes[1 + i]!;
  else if (width === 2) for (let i = 0; i < count; i++) out[i] = bytes.readUInt16LE(1 + 2 * i);
  else for (let i = 0; i < count; i++) out[i] = bytes.readUInt32LE(1 + 4 * i);
  return out;
}

/** Non-negative integers up to 2^53 as LEB128 varints (7 bits a byte). */
export function packVarints(values: ArrayLike<number>): Buffer {
  const out = Buffer.allocUnsafe(values.length * 8 + 16);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    // Below 2^31 the bit operations apply; above, division (a varint of up to 53 bits).
    while (v >= 2147483648) {
      out[at++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    while (v >= 128) {
      out[at++] = (v & 127) | 128;
      v >>>= 7;
    }
    out[at++] = v;
  }
  return out.subarray(0, at);
}

export function unpackVarints(bytes: Buffer, count: number, what: string): Float64Array {
  const out = new Float64Array(count);
  const end = bytes.length;
  let at = 0;
  for (let i = 0; i < count; i++) {
    // Most values are one byte: that case costs one comparison.
    const first = at < end ? bytes[at++]! : 256;
    if (first < 128) {
      out[i] = first;
      continue;
    }
    if (first === 256) throw new Error(`the ${what} column is malformed`);
    let v = first & 127;
    let scale = 128;
    for (;;) {
      if (at >= end || scale > 2 ** 56) throw new Error(`the ${what} column is malformed`);
      const b = bytes[at++]!;
      v += (b & 127) * scale;
      if (b < 128) break;
      scale *= 128;
    }
    out[i] = v;
  }
  if (at !== end) throw new Error(`the ${what} column is malformed`);
  return out;
}

/**
 * Varints that each fit 31 bits (the index columns), straight into an Int32Array: no float per
 * value and no intermediate array. A larger value is malformed here.
 */
export function unpackVarints32(bytes: Buffer, count: number, what: string): Int32Array {
  const out = new Int32Array(count);
  const end = bytes.length;
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw new Error(`the ${what} column is malformed`);
    let b = bytes[at++]!;
    let v = b & 127;
    for (let shift = 7; b >= 128; shift += 7) {
      if (at >= end || shift > 28) throw new Error(`the ${what} column is malformed`);
      b = bytes[at++]!;
      if (shift === 28 && b > 7) throw new Error(`the ${what} column is malformed`);
      v |= (b & 127) << shift;
    }
    out[i] = v;
  }
  if (at !== end) throw new Error(`the ${what} column is malformed`);
  return out;
}

/**
 * Ids that are all hex of one even width are stored as their bytes; others as a JSON list. A list of
 * hex ids held as words (id-list.ts) is written from its words, without a string.
 */
export function packIdList(list: IdList): { kind: 'hex' | 'json'; width: number; bytes: Buffer } {
  if (list.count === 0 || list.texts.size > 0) return packIds(idStrings(list));
  const bytes = idListBytes(list);
  return { kind: 'hex', width: list.width, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** As `packIdList`, for ids given as strings. */
export function packIds(ids: readonly string[]): { kind: 'hex' | 'json'; width: number; bytes: Buffer } {
  const width = ids[0]?.length ?? 0;
  let hex = width > 0 && width % 2 === 0;
  for (let i = 0; hex && i < ids.length; i++) hex = ids[i]!.length === width;
  // All of one width: joined, they are converted in one call, not one per id, and checked by converting
  // back (decoding stops at the first character that is not hex; upper case would not read back the same).
  const joined = hex ? ids.join('') : '';
  const bytes = Buffer.from(joined, 'hex');
  if (!hex || bytes.length * 2 !== joined.length || bytes.toString('hex') !== joined)
    return { kind: 'json', width: 0, bytes: Buffer.from(JSON.stringify(ids)) };
  return { kind: 'hex', width, bytes };
}

/**
 * Checks a stored id column and returns how to make its list: ids stored as hex bytes are turned
 * into strings only when asked (the diff never reads them: a million id strings cost a second of
 * decoding and collecting), then all at once as one hex string cut into slices.
 */
export function unpackIds(
  bytes: Buffer,
  kind: string,
  width: number,
  count: number,
  what: string,
  listWidth: 16 | 32,
): IdList | (() => string[]) {
  if (kind === 'json') {
    const ids: unknown = JSON.parse(bytes.toString('utf8'));
    if (!Array.isArray(ids) || ids.length !== count || !ids.every((s) => typeof s === 'string'))
      throw new Error(`the ${what} column is malformed`);
    return () => ids as string[];
  }
  const size = width / 2;
  if (kind !== 'hex' || !Number.isInteger(size) || size <= 0 || bytes.length !== size * count)
    throw new Error(`the ${what} column is malformed`);
  // Hex of the width the table holds as words (nearly always): the words, read from the bytes.
  if (width === listWidth) return idListOfBytes(bytes, listWidth, count);
  return () => {
    const hex = bytes.toString('hex');
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = hex.slice(i * width, (i + 1) * width);
    return out;
  };
}
