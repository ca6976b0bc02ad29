/**
 * A dictionary of strings (span ids, services, tag values, …) that a reader can feed with the bytes
 * of a file as well as with strings: a value seen again is found from its bytes, so a million spans
 * naming a hundred services make a hundred strings, not a million. Both ways key a string by the
 * same bytes (its UTF-8), so a value read from bytes and the same value given as a string are one
 * entry. Open addressing over typed arrays, as in intern.ts.
 *
 * Runs in the report page too (through table.ts), so it uses no Node API; a Node Buffer is decoded
 * with its own (faster) slicing when it is given one.
 */

const INITIAL_CAPACITY = 1024;
/** The size of the table of recent keys, less one (16 KiB: a first-level cache holds it). */
const RECENT_MASK = 1023;

/** Node's Buffer, seen structurally (this file is also type-checked without Node's types). */
type MaybeBuffer = Uint8Array & {
  latin1Slice?: (from: number, to: number) => string;
  utf8Slice?: (from: number, to: number) => string;
};

const decoder = new TextDecoder();

/** The text of ASCII bytes. */
function ascii(b: MaybeBuffer, from: number, to: number): string {
  if (b.latin1Slice) return b.latin1Slice(from, to);
  return decoder.decode(b.subarray(from, to));
}

/** The text of UTF-8 bytes (a malformed sequence becomes U+FFFD, as JSON.parse of the file would not allow). */
export function utf8(b: Uint8Array, from: number, to: number): string {
  const buffer = b as MaybeBuffer;
  if (buffer.utf8Slice) return buffer.utf8Slice(from, to);
  return decoder.decode(b.subarray(from, to));
}

export class Dictionary {
  /** Per slot [hash, id + 1, start, length]: the key's bytes are `arena[start, start + length)`. */
  private slots = new Int32Array(INITIAL_CAPACITY * 4);
  private mask = INITIAL_CAPACITY - 1;
  /** Every key's bytes, one after another. */
  private arena = new Uint8Array(16 * 1024);
  private used = 0;
  private lastId = -1;
  private lastStart = 0;
  private lastLength = -1;
  /** Keys found lately, by the low bits of their hash: per slot as in `slots` (id + 1 0: none). */
  private readonly recent = new Int32Array((RECENT_MASK + 1) * 4);
  /** Scratch for a string's bytes. */
  private scratch = new Uint8Array(256);
  readonly keys: string[] = [];
  private readonly words = new Map<string, number>();

  get size(): number {
    return this.keys.length;
  }

  /** The id of a string, adding it when new. */
  intern(s: string): number {
    const n = this.encode(s);
    return this.lookup(this.scratch, 0, n, s);
  }

  /**
   * As `intern`, for the few fixed words the byte readers write for every span ('true', '(none)',
   * 'unknown_service'): found by the string in a Map, as `intern` encodes and hashes its string
   * on every call. Only for a fixed set of words: the Map keeps every string it is given.
   */
  internWord(s: string): number {
    let id = this.words.get(s);
    if (id === undefined) this.words.set(s, (id = this.intern(s)));
    return id;
  }

  /**
   * The id of the string whose UTF-8 is `b[from, to)`, adding it when new. Bytes that are not
   * plain ASCII go through their decoded string, so that malformed UTF-8 (decoded as U+FFFD) keys
   * as the string it becomes.
   */
  internBytes(b: Uint8Array, from: number, to: number): number {
    for (let i = from; i < to; i++) if (b[i]! >= 0x80) return this.intern(utf8(b, from, to));
    return this.lookup(b, from, to, undefined);
  }

  private lookup(b: Uint8Array, from: number, to: number, text: string | undefined): number {
    const length = to - from;
    const arena = this.arena;
    // The key of the last call, first: a trace's spans, a file's one tag key and the like come in runs.
    if (length === this.lastLength) {
      const start = this.lastStart;
      let k = 0;
      while (k < length && arena[start + k] === b[from + k]) k++;
      if (k === length) return this.lastId;
    }
    const h = hashBytes(b, from, to);
    // The small table of recent keys first: it stays in cache, the whole one (a slot per key of
    // tens of thousands) does not, and a file's few hundred services and operations recur.
    const recent = this.recent;
    const r = 4 * (h & RECENT_MASK);
    if (recent[r] === h && recent[r + 3] === length && recent[r + 1] !== 0) {
      const start = recent[r + 2]!;
      let k = 0;
      while (k < length && arena[start + k] === b[from + k]) k++;
      if (k === length) {
        this.lastId = recent[r + 1]! - 1;
        this.lastStart = start;
        this.lastLength = length;
        return this.lastId;
      }
    }
    const slots = this.slots;
    let at = h & this.mask;
    for (;;) {
      const slot = slots[4 * at + 1]!;
      if (slot === 0) break;
      if (slots[4 * at] === h && slots[4 * at + 3] === length) {
        const start = slots[4 * at + 2]!;
        let k = 0;
        while (k < length && arena[start + k] === b[from + k]) k++;
        if (k === length) {
          this.lastId = slot - 1;
          this.lastStart = start;
          this.lastLength = length;
          recent[r] = h;
          recent[r + 1] = slot;
          recent[r + 2] = start;
          recent[r + 3] = length;
          return slot - 1;
        }
      }
      at = (at + 1) & this.mask;
    }
    const id = this.keys.length;
    this.keys.push(text ?? ascii(b as MaybeBuffer, from, to));
    if (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    // A copy by hand: subarray would make an object per key.
    const start = this.used;
    const into = this.arena;
    for (let k = 0; k < length; k++) into[start + k] = b[from + k]!;
    this.used += length;
    slots[4 * at] = h;
    slots[4 * at + 1] = id + 1;
    slots[4 * at + 2] = start;
    slots[4 * at + 3] = length;
    recent[r] = h;
    recent[r + 1] = id + 1;
    recent[r + 2] = start;
    recent[r + 3] = length;
    this.lastId = id;
    this.lastStart = start;
    this.lastLength = length;
    if (this.keys.length * 2 > this.mask) this.grow();
    return id;
  }

  /**
   * A string's bytes into `scratch`: its UTF-8, or, for a string that is not well-formed UTF-16 (a
   * lone surrogate, which UTF-8 cannot hold), 0xFF (never in UTF-8) and then its code units, so
   * that two different strings never share a key. Returns the length.
   */
  private encode(s: string): number {
    const n = s.length;
    if (this.scratch.length < 3 * n + 1) this.scratch = new Uint8Array(3 * n + 64);
    const out = this.scratch;
    let j = 0;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) out[j++] = c;
      else if (c < 0x800) {
        out[j++] = 0xc0 | (c >> 6);
        out[j++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return this.encodeUnits(s);
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[j++] = 0xf0 | (c >> 18);
        out[j++] = 0x80 | ((c >> 12) & 0x3f);
        out[j++] = 0x80 | ((c >> 6) & 0x3f);
        out[j++] = 0x80 | (c & 0x3f);
      } else {
        out[j++] = 0xe0 | (c >> 12);
        out[j++] = 0x80 | ((c >> 6) & 0x3f);
        out[j++] = 0x80 | (c & 0x3f);
      }
    }
    return j;
  }

  private encodeUnits(s: string): number {
    const out = this.scratch;
    out[0] = 0xff;
    let j = 1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[j++] = c >> 8;
      out[j++] = c & 0xff;
    }
    return j;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length / 2 - 1;
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 1] === 0) continue;
      let at = old[s]! & this.mask;
      while (this.slots[4 * at + 1] !== 0) at = (at + 1) & this.mask;
      this.slots[4 * at] = old[s]!;
      this.slots[4 * at + 1] = old[s + 1]!;
      this.slots[4 * at + 2] = old[s + 2]!;
      this.slots[4 * at + 3] = old[s + 3]!;
    }
  }
}

/** A 32-bit hash of bytes, four at a time (murmur3's mixing): ids are long, and this runs for every one. */
function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = to - from;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    let k = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let shift = 0; i < to; i++, shift += 8) k |= b[i]! << shift;
  h ^= Math.imul(k, 0xcc9e2d51);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
