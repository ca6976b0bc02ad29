/**
 * Trace and span ids as numbers. Nearly every id is lower-case hex of full width once normalised
 * (ids.ts), and such an id is held as the value of its digits — 8 digits to a 32-bit word, most
 * significant first — not as a string: a million span ids are 8 MB of words instead of a million
 * strings to hash, compare, clone to and from a worker and collect. For hex of one width, numeric
 * order of the words is the order of the strings, so sorting by id needs no string either. An id of
 * any other shape (ids.ts keeps "anything else as written") is held as its string, apart.
 *
 * Runs in the report page too (through table.ts): no Node API here.
 */

/**
 * The ids of one kind (a table's trace ids or span ids), index `i` being id `i`. Plain data (a typed
 * array and a Map), so it is cloned or transferred to and from a worker as it is.
 */
export interface IdList {
  /** Hex digits of an id held as words: 32 for trace ids, 16 for span ids. */
  width: number;
  count: number;
  /** `width / 8` words an id (zeros for an id in `texts`); may be longer than `count` ids. */
  words: Int32Array;
  /** The ids that are not lower-case hex of `width` digits, by index, as the table spells them. Usually empty. */
  texts: Map<number, string>;
}

/** A hex digit's value (either case), or 16: the normalised id of hex digits is their value at full width. */
const HEX_VALUE = new Uint8Array(256).fill(16);
for (let d = 0; d < 10; d++) HEX_VALUE[48 + d] = d;
for (let d = 0; d < 6; d++) HEX_VALUE[97 + d] = HEX_VALUE[65 + d] = 10 + d;

/** Two hex digits of a byte, as their ASCII codes (high << 8 | low). */
const HEX_PAIR = new Uint16Array(256);
for (let v = 0; v < 256; v++) {
  const digit = (d: number) => (d < 10 ? 48 + d : 87 + d);
  HEX_PAIR[v] = (digit(v >> 4) << 8) | digit(v & 15);
}

/**
 * Hex digits `b[from, to)` (1 to `8 * stride` of them, either case) into `words`, right-aligned (the
 * leading zeros a short id is padded with). Returns 0 when they are not all hex digits, 2 when the
 * value is zero, 1 otherwise.
 */
function parseHex(b: Uint8Array, from: number, to: number, words: Int32Array, stride: number): 0 | 1 | 2 {
  const n = to - from;
  if (n <= 0 || n > 8 * stride) return 0;
  const used = (n + 7) >> 3;
  let k = stride - used;
  for (let z = 0; z < k; z++) words[z] = 0;
  let i = from;
  let digits = n - 8 * (used - 1);
  let bad = 0;
  let any = 0;
  for (; k < stride; k++) {
    let v = 0;
    for (const stop = i + digits; i < stop; i++) {
      const h = HEX_VALUE[b[i]!]!;
      bad |= h;
      v = (v << 4) | h;
    }
    words[k] = v;
    any |= v;
    digits = 8;
  }
  if (bad & 16) return 0;
  return any === 0 ? 2 : 1;
}

/** The words of `s`, lower-case hex of `8 * stride` digits (checked by `isLowerHex`). */
function parseHexText(s: string, words: Int32Array, stride: number): void {
  for (let k = 0; k < stride; k++) {
    let v = 0;
    for (let i = 8 * k; i < 8 * k + 8; i++) v = (v << 4) | HEX_VALUE[s.charCodeAt(i)]!;
    words[k] = v;
  }
}

/** Whether `s` is lower-case hex of exactly `width` digits (an id held as words). */
function isLowerHex(s: string, width: number): boolean {
  if (s.length !== width) return false;
  for (let i = 0; i < width; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of an id's words. */
function hashWords(w: Int32Array, at: number, stride: number): number {
  let h = 0x9747b28c;
  for (let k = 0; k < stride; k++) h = Math.imul(h ^ w[at + k]!, 0x9e3779b1) ^ (h >>> 15);
  return mix(h);
}

/**
 * Interns ids of one kind to dense indices 0, 1, 2, … in order of first appearance. Hex ids are
 * found by their words in an open-addressing table whose slots hold the words themselves and the
 * index + 1 (a probe reads one place in memory, not a slot and then the id elsewhere: with a million
 * ids, each is a cache miss); no bytes kept and no string made. Other ids go through a Map of their
 * strings. Sized from a hint of how many ids to expect, so that a million ids do not rehash their
 * way up from a thousand.
 */
export class IdDictionary {
  readonly stride: number;
  private words: Int32Array;
  /** Per slot the id's `stride` words, then its index + 1 (0: empty). */
  private slots: Int32Array;
  private mask: number;
  private n = 0;
  private readonly texts = new Map<number, string>();
  private readonly textIndex = new Map<string, number>();
  /** The id `parse` read, as words. */
  private readonly parsed: Int32Array;
  /**
   * Ids seen lately, by the low bits of their last word (index + 1; 0: none): a trace's spans come in
   * runs (NDJSON) or interleaved with a few dozen other traces' (an OTLP batch), so most ids are
   * found here, in cache, without hashing or probing the table.
   */
  private readonly recent = new Int32Array(256);

  constructor(
    readonly width: 16 | 32,
    expected = 1024,
  ) {
    this.stride = width / 8;
    this.parsed = new Int32Array(this.stride);
    const capacity = Math.max(1024, expected);
    this.words = new Int32Array(capacity * this.stride);
    // A power of two over 1.6 times the ids expected: the table stays under 5/8 full.
    let slots = 2048;
    while (slots * 5 < capacity * 8) slots *= 2;
    this.slots = new Int32Array(slots * (this.stride + 1));
    this.mask = slots - 1;
  }

  get size(): number {
    return this.n;
  }

  /**
   * Reads hex digits `b[from, to)` as an id of this width (at most `width` digits, either case:
   * normalised, they are these words). 0: not such hex (the caller goes through the id's string);
   * 2: all zeros; 1: any other. `internParsed` then gives its index.
   */
  parse(b: Uint8Array, from: number, to: number): 0 | 1 | 2 {
    return parseHex(b, from, to, this.parsed, this.stride);
  }

  /** Takes id `i` of a list of this width (another table's hex id) as if `parse` had read it. */
  take(list: IdList, i: number): void {
    const s = this.stride;
    for (let k = 0; k < s; k++) this.parsed[k] = list.words[i * s + k]!;
  }

  /** The index of the id `parse` read last, adding it when new. */
  internParsed(): number {
    const p = this.parsed;
    const s = this.stride;
    const cached = p[s - 1]! & 255;
    const seen = recentMatch(this.recent[cached]! - 1, this.words, p, s);
    if (seen >= 0) return seen;
    const slots = this.slots;
    const width = s + 1;
    let i = hashWords(p, 0, s) & this.mask;
    for (;;) {
      const at = i * width;
      const slot = slots[at + s]!;
      if (slot === 0) break;
      let k = 0;
      while (k < s && slots[at + k] === p[k]) k++;
      if (k === s) {
        this.recent[cached] = slot;
        return slot - 1;
      }
      i = (i + 1) & this.mask;
    }
    const id = this.n++;
    if (this.n * s > this.words.length) {
      const bigger = new Int32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    const words = this.words;
    const at = i * width;
    for (let k = 0; k < s; k++) words[id * s + k] = slots[at + k] = p[k]!;
    slots[at + s] = id + 1;
    if (this.n * 8 > (this.mask + 1) * 5) this.grow();
    this.recent[cached] = id + 1;
    return id;
  }

  /** The index of an id given as its normalised string (ids.ts), adding it when new. */
  intern(id: string): number {
    if (isLowerHex(id, this.width)) {
      parseHexText(id, this.parsed, this.stride);
      return this.internParsed();
    }
    let i = this.textIndex.get(id);
    if (i === undefined) {
      i = this.n++;
      if (this.n * this.stride > this.words.length) {
        const bigger = new Int32Array(this.words.length * 2);
        bigger.set(this.words);
        this.words = bigger;
      }
      this.words.fill(0, i * this.stride, this.n * this.stride);
      this.textIndex.set(id, i);
      this.texts.set(i, id);
    }
    return i;
  }

  /** The ids so far (the words are shared, not copied: ids added later lie past `count`). */
  list(): IdList {
    return { width: this.width, count: this.n, words: this.words, texts: new Map(this.texts) };
  }

  private grow(): void {
    const old = this.slots;
    const width = this.stride + 1;
    const slots = (this.mask + 1) * 2;
    this.slots = new Int32Array(slots * width);
    this.mask = slots - 1;
    for (let from = 0; from < old.length; from += width) {
      if (old[from + this.stride] === 0) continue;
      let i = hashWords(old, from, this.stride) & this.mask;
      while (this.slots[i * width + this.stride] !== 0) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(from, from + width), i * width);
    }
  }
}

/**
 * `seen` (an id's index, -1 for none) when the id at `seen` in `words` is the one in `parsed`, else -1:
 * the check of a cache of recent ids, which holds an index by the id's last word.
 */
function recentMatch(seen: number, words: Int32Array, parsed: Int32Array, stride: number): number {
  if (seen < 0) return -1;
  const at = seen * stride;
  let k = 0;
  while (k < stride && words[at + k] === parsed[k]) k++;
  return k === stride ? seen : -1;
}

/** The size of IdLog's cache of recent ids, less one: a trace's spans lie within a few thousand of each other. */
const RECENT_MASK = 4095;

/**
 * Ids of one kind as they arrive, interned all at once at the end: for span ids, nearly every one
 * new. Interning each as it comes (`IdDictionary`) costs a cache miss in a table of millions of slots
 * per new id; here an id is appended to a log (its words, in arrival order: sequential writes) and
 * gets a provisional number, and `resolve` then finds equal ids by hashing them in partitions that
 * fit in cache. The ids keep the numbers `IdDictionary` would give (order of first appearance).
 * Text ids (rare) are interned at once through a Map of their strings.
 */
export class IdLog {
  readonly stride: number;
  private words: Int32Array;
  private n = 0;
  /** Provisional number → text, for the text ids; and each text's first number. */
  private readonly texts = new Map<number, string>();
  private readonly textIndex = new Map<string, number>();
  private readonly parsed: Int32Array;
  /** Hex ids logged lately, by the low bits of their last word (number + 1; 0: none). */
  private readonly recent = new Int32Array(RECENT_MASK + 1);

  constructor(
    readonly width: 16 | 32,
    expected = 1024,
  ) {
    this.stride = width / 8;
    this.parsed = new Int32Array(this.stride);
    this.words = new Int32Array(Math.max(1024, expected) * this.stride);
  }

  /** As `IdDictionary.parse`. */
  parse(b: Uint8Array, from: number, to: number): 0 | 1 | 2 {
    return parseHex(b, from, to, this.parsed, this.stride);
  }

  /** Takes id `i` of a list of this width (another table's hex id) as if `parse` had read it. */
  take(list: IdList, i: number): void {
    const s = this.stride;
    for (let k = 0; k < s; k++) this.parsed[k] = list.words[i * s + k]!;
  }

  /**
   * The provisional number of the id `parse` read last. An id met lately (a parent named by the
   * spans after it) keeps the number it was logged under: equal to what `resolve` would make of a
   * second entry, and the log, and the work of `resolve`, is about half as long.
   */
  internParsed(): number {
    const s = this.stride;
    const p = this.parsed;
    const cached = p[s - 1]! & RECENT_MASK;
    const seen = recentMatch(this.recent[cached]! - 1, this.words, p, s);
    if (seen >= 0) return seen;
    this.recent[cached] = this.n + 1;
    return this.append();
  }

  /** Logs the id `parse` read as a new entry. */
  private append(): number {
    const s = this.stride;
    if ((this.n + 1) * s > this.words.length) {
      const bigger = new Int32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    const at = this.n * s;
    for (let k = 0; k < s; k++) this.words[at + k] = this.parsed[k]!;
    return this.n++;
  }

  /** The provisional number of an id given as its normalised string. */
  intern(id: string): number {
    if (isLowerHex(id, this.width)) {
      parseHexText(id, this.parsed, this.stride);
      return this.internParsed();
    }
    let i = this.textIndex.get(id);
    if (i === undefined) {
      // Logged apart from the cache of recent ids: its zero words are not the id.
      this.parsed.fill(0);
      i = this.append();
      this.textIndex.set(id, i);
      this.texts.set(i, id);
    }
    return i;
  }

  /** The id of a provisional number, as a string (for a message). */
  text(i: number): string {
    return idText({ width: this.width, count: this.n, words: this.words, texts: this.texts }, i);
  }

  /**
   * The distinct ids in order of first appearance, and the index in that list of each provisional
   * number. The log is left as it was (more ids may follow, and resolve be called again).
   */
  resolve(): { list: IdList; index: Int32Array } {
    const n = this.n;
    const s = this.stride;
    const log = this.words;
    const texts = this.texts;
    // 1. Partitions of ~4096 ids by the top bits of the hash, entries copied in (words, number):
    // stable, so each partition lists its ids in arrival order.
    let bits = 0;
    while (bits < 12 && n >> bits > 4096) bits++;
    const parts = 1 << bits;
    const shift = 32 - bits;
    const part = (h: number) => (bits === 0 ? 0 : h >>> shift);
    const fill = new Int32Array(parts + 1);
    const hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = hashWords(log, i * s, s);
      hashes[i] = h;
      fill[part(h) + 1]!++;
    }
    for (let p = 0; p < parts; p++) fill[p + 1]! += fill[p]!;
    const bounds = fill.slice();
    const entry = s + 1;
    const entries = new Int32Array(n * entry);
    for (let i = 0; i < n; i++) {
      const at = fill[part(hashes[i]!)]!++ * entry;
      for (let k = 0; k < s; k++) entries[at + k] = log[i * s + k]!;
      entries[at + s] = i;
    }
    // 2. Within each partition (its entries and table in cache: copying the words in costs less than
    // reading them from the log at random), the first of each id: `first[i]` is the number of its first appearance.
    const first = hashes; // (the hashes are no longer needed)
    let largest = 0;
    for (let p = 0; p < parts; p++) largest = Math.max(largest, bounds[p + 1]! - bounds[p]!);
    let size = 16;
    while (size < 2 * largest) size *= 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    let count = 0;
    for (let p = 0; p < parts; p++) {
      const from = bounds[p]!;
      const to = bounds[p + 1]!;
      table.fill(0);
      for (let e = from; e < to; e++) {
        const at = e * entry;
        const i = entries[at + s]!;
        // A text id is distinct by construction (interned at once): its zero words match no other.
        if (texts.size > 0 && texts.has(i)) {
          first[i] = i;
          count++;
          continue;
        }
        // The low bits of the hash: the partition was chosen by the top ones.
        let slot = hashWords(entries, at, s) & mask;
        for (;;) {
          const held = table[slot]!;
          if (held === 0) {
            table[slot] = e + 1;
            first[i] = i;
            count++;
            break;
          }
          const other = (held - 1) * entry;
          let k = 0;
          while (k < s && entries[other + k] === entries[at + k]) k++;
          if (k === s) {
            first[i] = entries[other + s]!;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
    // 3. In arrival order: a first appearance takes the next index, a repeat its first's (earlier, so known).
    const index = first;
    const words = new Int32Array(count * s);
    const listTexts = new Map<number, string>();
    let next = 0;
    for (let i = 0; i < n; i++) {
      const f = first[i]!;
      if (f === i) {
        for (let k = 0; k < s; k++) words[next * s + k] = log[i * s + k]!;
        const text = texts.size > 0 ? texts.get(i) : undefined;
        if (text !== undefined) listTexts.set(next, text);
        index[i] = next++;
      } else index[i] = index[f]!;
    }
    return { list: { width: this.width, count, words, texts: listTexts }, index };
  }
}

/** The list of ids given as strings, already normalised and distinct (a table made from strings). */
export function idListOf(ids: readonly string[], width: 16 | 32): IdList {
  const stride = width / 8;
  const words = new Int32Array(ids.length * stride);
  const texts = new Map<number, string>();
  const scratch = new Int32Array(stride);
  ids.forEach((id, i) => {
    if (isLowerHex(id, width)) {
      parseHexText(id, scratch, stride);
      words.set(scratch, i * stride);
    } else texts.set(i, id);
  });
  return { width, count: ids.length, words, texts };
}

/** The list of ids stored as bytes, `width / 2` bytes an id (the dataset file's hex column). */
export function idListOfBytes(bytes: Uint8Array, width: 16 | 32, count: number): IdList {
  const stride = width / 8;
  const words = new Int32Array(count * stride);
  for (let w = 0, at = 0; w < words.length; w++, at += 4)
    words[w] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  return { width, count, words, texts: new Map() };
}

/** The bytes of a list with no text ids, `width / 2` an id (what `idListOfBytes` reads). */
export function idListBytes(list: IdList): Uint8Array {
  const n = list.count * (list.width / 8);
  const out = new Uint8Array(4 * n);
  const words = list.words;
  for (let w = 0, at = 0; w < n; w++, at += 4) {
    const v = words[w]!;
    out[at] = v >>> 24;
    out[at + 1] = v >>> 16;
    out[at + 2] = v >>> 8;
    out[at + 3] = v;
  }
  return out;
}

/** The list of `order.length` ids, the k-th being the list's id `order[k]`. */
export function gatherIds(list: IdList, order: ArrayLike<number>): IdList {
  const s = list.width / 8;
  const count = order.length;
  const words = new Int32Array(count * s);
  const from = list.words;
  for (let k = 0; k < count; k++) {
    const at = order[k]! * s;
    for (let j = 0; j < s; j++) words[k * s + j] = from[at + j]!;
  }
  const texts = new Map<number, string>();
  if (list.texts.size > 0)
    for (let k = 0; k < count; k++) {
      const text = list.texts.get(order[k]!);
      if (text !== undefined) texts.set(k, text);
    }
  return { width: list.width, count, words, texts };
}

const decoder = new TextDecoder();

/** Every id of a list as a string, in index order: the hex of all of them decoded at once and cut into slices. */
export function idStrings(list: IdList): string[] {
  const { width, count, words, texts } = list;
  const s = width / 8;
  const ascii = new Uint8Array(count * width);
  for (let w = 0, at = 0; w < count * s; w++, at += 8) {
    const v = words[w]!;
    const a = HEX_PAIR[v >>> 24]!;
    const b = HEX_PAIR[(v >>> 16) & 255]!;
    const c = HEX_PAIR[(v >>> 8) & 255]!;
    const d = HEX_PAIR[v & 255]!;
    ascii[at] = a >> 8;
    ascii[at + 1] = a & 255;
    ascii[at + 2] = b >> 8;
    ascii[at + 3] = b & 255;
    ascii[at + 4] = c >> 8;
    ascii[at + 5] = c & 255;
    ascii[at + 6] = d >> 8;
    ascii[at + 7] = d & 255;
  }
  const hex = decoder.decode(ascii);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = texts.get(i) ?? hex.slice(i * width, (i + 1) * width);
  return out;
}

/** One id of a list as a string. */
export function idText(list: IdList, i: number): string {
  const text = list.texts.get(i);
  if (text !== undefined) return text;
  const s = list.width / 8;
  let out = '';
  for (let k = 0; k < s; k++) out += (list.words[i * s + k]! >>> 0).toString(16).padStart(8, '0');
  return out;
}

/**
 * Code-unit order of two ids of a list, as their strings compare (the canonical order): by the words
 * for two hex ids (for hex of one width, numeric order is string order), by the strings otherwise.
 */
export function compareIds(list: IdList, a: number, b: number): number {
  if (list.texts.size === 0 || (!list.texts.has(a) && !list.texts.has(b))) {
    const s = list.width / 8;
    const words = list.words;
    for (let k = 0; k < s; k++) {
      const x = words[a * s + k]! >>> 0;
      const y = words[b * s + k]! >>> 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }
  const x = idText(list, a);
  const y = idText(list, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * `items` (indices into the list) in the order of their ids. Hex ids are put in buckets by the first
 * 16 bits in which they differ (one pass: random ids spread evenly, a couple to a bucket), and each
 * bucket sorted by comparing words; text ids by comparison alone. No string is made for hex ids.
 */
export function sortByIds(list: IdList, items: Int32Array): Int32Array {
  const byId = (a: number, b: number) => compareIds(list, a, b);
  if (list.texts.size > 0 || items.length < 64) return items.slice().sort(byId);
  const s = list.width / 8;
  const words = list.words;
  // The first word in which the ids differ, and its upper or lower half.
  const first = items[0]! * s;
  let word = 0;
  let differ = 0;
  for (; word < s; word++) {
    differ = 0;
    for (let k = 1; k < items.length; k++) differ |= words[items[k]! * s + word]! ^ words[first + word]!;
    if (differ !== 0) break;
  }
  if (word === s) return items.slice();
  const shift = differ >>> 16 !== 0 ? 16 : 0;
  const counts = new Int32Array(65537);
  for (let k = 0; k < items.length; k++) counts[((words[items[k]! * s + word]! >>> shift) & 0xffff) + 1]!++;
  for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
  const out = new Int32Array(items.length);
  const fill = counts.slice(0, 65536);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    out[fill[(words[item * s + word]! >>> shift) & 0xffff]!++] = item;
  }
  for (let d = 0; d < 65536; d++) {
    const from = counts[d]!;
    const to = counts[d + 1]!;
    if (to - from < 2) continue;
    if (to - from > 16) {
      out.subarray(from, to).sort(byId);
      continue;
    }
    for (let k = from + 1; k < to; k++) {
      const item = out[k]!;
      let j = k - 1;
      while (j >= from && compareIds(list, out[j]!, item) > 0) {
        out[j + 1] = out[j]!;
        j--;
      }
      out[j + 1] = item;
    }
  }
  return out;
}
