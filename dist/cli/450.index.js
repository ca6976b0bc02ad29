export const id = 450;
export const ids = [450];
export const modules = {

/***/ 4918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ utf8),
/* harmony export */   b: () => (/* binding */ Dictionary)
/* harmony export */ });
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
const decoder = new TextDecoder();
/** The text of ASCII bytes. */
function ascii(b, from, to) {
    if (b.latin1Slice)
        return b.latin1Slice(from, to);
    return decoder.decode(b.subarray(from, to));
}
/** The text of UTF-8 bytes (a malformed sequence becomes U+FFFD, as JSON.parse of the file would not allow). */
function utf8(b, from, to) {
    const buffer = b;
    if (buffer.utf8Slice)
        return buffer.utf8Slice(from, to);
    return decoder.decode(b.subarray(from, to));
}
class Dictionary {
    /** Per slot [hash, id + 1, start, length]: the key's bytes are `arena[start, start + length)`. */
    slots = new Int32Array(INITIAL_CAPACITY * 4);
    mask = INITIAL_CAPACITY - 1;
    /** Every key's bytes, one after another. */
    arena = new Uint8Array(16 * 1024);
    used = 0;
    lastId = -1;
    lastStart = 0;
    lastLength = -1;
    /** Keys found lately, by the low bits of their hash: per slot as in `slots` (id + 1 0: none). */
    recent = new Int32Array((RECENT_MASK + 1) * 4);
    /** Scratch for a string's bytes. */
    scratch = new Uint8Array(256);
    keys = [];
    words = new Map();
    get size() {
        return this.keys.length;
    }
    /** The id of a string, adding it when new. */
    intern(s) {
        const n = this.encode(s);
        return this.lookup(this.scratch, 0, n, s);
    }
    /**
     * As `intern`, for the few fixed words the byte readers write for every span ('true', '(none)',
     * 'unknown_service'): found by the string in a Map, as `intern` encodes and hashes its string
     * on every call. Only for a fixed set of words: the Map keeps every string it is given.
     */
    internWord(s) {
        let id = this.words.get(s);
        if (id === undefined)
            this.words.set(s, (id = this.intern(s)));
        return id;
    }
    /**
     * The id of the string whose UTF-8 is `b[from, to)`, adding it when new. Bytes that are not
     * plain ASCII go through their decoded string, so that malformed UTF-8 (decoded as U+FFFD) keys
     * as the string it becomes.
     */
    internBytes(b, from, to) {
        for (let i = from; i < to; i++)
            if (b[i] >= 0x80)
                return this.intern(utf8(b, from, to));
        return this.lookup(b, from, to, undefined);
    }
    lookup(b, from, to, text) {
        const length = to - from;
        const arena = this.arena;
        // The key of the last call, first: a trace's spans, a file's one tag key and the like come in runs.
        if (length === this.lastLength) {
            const start = this.lastStart;
            let k = 0;
            while (k < length && arena[start + k] === b[from + k])
                k++;
            if (k === length)
                return this.lastId;
        }
        const h = hashBytes(b, from, to);
        // The small table of recent keys first: it stays in cache, the whole one (a slot per key of
        // tens of thousands) does not, and a file's few hundred services and operations recur.
        const recent = this.recent;
        const r = 4 * (h & RECENT_MASK);
        if (recent[r] === h && recent[r + 3] === length && recent[r + 1] !== 0) {
            const start = recent[r + 2];
            let k = 0;
            while (k < length && arena[start + k] === b[from + k])
                k++;
            if (k === length) {
                this.lastId = recent[r + 1] - 1;
                this.lastStart = start;
                this.lastLength = length;
                return this.lastId;
            }
        }
        const slots = this.slots;
        let at = h & this.mask;
        for (;;) {
            const slot = slots[4 * at + 1];
            if (slot === 0)
                break;
            if (slots[4 * at] === h && slots[4 * at + 3] === length) {
                const start = slots[4 * at + 2];
                let k = 0;
                while (k < length && arena[start + k] === b[from + k])
                    k++;
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
        this.keys.push(text ?? ascii(b, from, to));
        if (this.used + length > this.arena.length) {
            const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
            bigger.set(this.arena.subarray(0, this.used));
            this.arena = bigger;
        }
        // A copy by hand: subarray would make an object per key.
        const start = this.used;
        const into = this.arena;
        for (let k = 0; k < length; k++)
            into[start + k] = b[from + k];
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
        if (this.keys.length * 2 > this.mask)
            this.grow();
        return id;
    }
    /**
     * A string's bytes into `scratch`: its UTF-8, or, for a string that is not well-formed UTF-16 (a
     * lone surrogate, which UTF-8 cannot hold), 0xFF (never in UTF-8) and then its code units, so
     * that two different strings never share a key. Returns the length.
     */
    encode(s) {
        const n = s.length;
        if (this.scratch.length < 3 * n + 1)
            this.scratch = new Uint8Array(3 * n + 64);
        const out = this.scratch;
        let j = 0;
        for (let i = 0; i < n; i++) {
            let c = s.charCodeAt(i);
            if (c < 0x80)
                out[j++] = c;
            else if (c < 0x800) {
                out[j++] = 0xc0 | (c >> 6);
                out[j++] = 0x80 | (c & 0x3f);
            }
            else if (c >= 0xd800 && c <= 0xdfff) {
                const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
                if (c > 0xdbff || next < 0xdc00 || next > 0xdfff)
                    return this.encodeUnits(s);
                c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
                i++;
                out[j++] = 0xf0 | (c >> 18);
                out[j++] = 0x80 | ((c >> 12) & 0x3f);
                out[j++] = 0x80 | ((c >> 6) & 0x3f);
                out[j++] = 0x80 | (c & 0x3f);
            }
            else {
                out[j++] = 0xe0 | (c >> 12);
                out[j++] = 0x80 | ((c >> 6) & 0x3f);
                out[j++] = 0x80 | (c & 0x3f);
            }
        }
        return j;
    }
    encodeUnits(s) {
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
    grow() {
        const old = this.slots;
        this.slots = new Int32Array(old.length * 2);
        this.mask = old.length / 2 - 1;
        for (let s = 0; s < old.length; s += 4) {
            if (old[s + 1] === 0)
                continue;
            let at = old[s] & this.mask;
            while (this.slots[4 * at + 1] !== 0)
                at = (at + 1) & this.mask;
            this.slots[4 * at] = old[s];
            this.slots[4 * at + 1] = old[s + 1];
            this.slots[4 * at + 2] = old[s + 2];
            this.slots[4 * at + 3] = old[s + 3];
        }
    }
}
/** A 32-bit hash of bytes, four at a time (murmur3's mixing): ids are long, and this runs for every one. */
function hashBytes(b, from, to) {
    let h = to - from;
    let i = from;
    for (; i + 4 <= to; i += 4) {
        let k = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
        k = Math.imul(k, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        h ^= Math.imul(k, 0x1b873593);
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    let k = 0;
    for (let shift = 0; i < to; i++, shift += 8)
        k |= b[i] << shift;
    h ^= Math.imul(k, 0xcc9e2d51);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}


/***/ }),

/***/ 3992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ IdLog),
/* harmony export */   FP: () => (/* binding */ idText),
/* harmony export */   GN: () => (/* binding */ idStrings),
/* harmony export */   Lj: () => (/* binding */ idListOf),
/* harmony export */   Qr: () => (/* binding */ idListOfBytes),
/* harmony export */   cN: () => (/* binding */ IdDictionary),
/* harmony export */   gK: () => (/* binding */ sortByIds),
/* harmony export */   pF: () => (/* binding */ idListBytes),
/* harmony export */   q3: () => (/* binding */ compareIds),
/* harmony export */   qE: () => (/* binding */ gatherIds)
/* harmony export */ });
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
/** A hex digit's value (either case), or 16: the normalised id of hex digits is their value at full width. */
const HEX_VALUE = new Uint8Array(256).fill(16);
for (let d = 0; d < 10; d++)
    HEX_VALUE[48 + d] = d;
for (let d = 0; d < 6; d++)
    HEX_VALUE[97 + d] = HEX_VALUE[65 + d] = 10 + d;
/** Two hex digits of a byte, as their ASCII codes (high << 8 | low). */
const HEX_PAIR = new Uint16Array(256);
for (let v = 0; v < 256; v++) {
    const digit = (d) => (d < 10 ? 48 + d : 87 + d);
    HEX_PAIR[v] = (digit(v >> 4) << 8) | digit(v & 15);
}
/**
 * Hex digits `b[from, to)` (1 to `8 * stride` of them, either case) into `words`, right-aligned (the
 * leading zeros a short id is padded with). Returns 0 when they are not all hex digits, 2 when the
 * value is zero, 1 otherwise.
 */
function parseHex(b, from, to, words, stride) {
    const n = to - from;
    if (n <= 0 || n > 8 * stride)
        return 0;
    const used = (n + 7) >> 3;
    let k = stride - used;
    for (let z = 0; z < k; z++)
        words[z] = 0;
    let i = from;
    let digits = n - 8 * (used - 1);
    let bad = 0;
    let any = 0;
    for (; k < stride; k++) {
        let v = 0;
        for (const stop = i + digits; i < stop; i++) {
            const h = HEX_VALUE[b[i]];
            bad |= h;
            v = (v << 4) | h;
        }
        words[k] = v;
        any |= v;
        digits = 8;
    }
    if (bad & 16)
        return 0;
    return any === 0 ? 2 : 1;
}
/** The words of `s`, lower-case hex of `8 * stride` digits (checked by `isLowerHex`). */
function parseHexText(s, words, stride) {
    for (let k = 0; k < stride; k++) {
        let v = 0;
        for (let i = 8 * k; i < 8 * k + 8; i++)
            v = (v << 4) | HEX_VALUE[s.charCodeAt(i)];
        words[k] = v;
    }
}
/** Whether `s` is lower-case hex of exactly `width` digits (an id held as words). */
function isLowerHex(s, width) {
    if (s.length !== width)
        return false;
    for (let i = 0; i < width; i++) {
        const c = s.charCodeAt(i);
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102)))
            return false;
    }
    return true;
}
function mix(h) {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
/** The hash of an id's words. */
function hashWords(w, at, stride) {
    let h = 0x9747b28c;
    for (let k = 0; k < stride; k++)
        h = Math.imul(h ^ w[at + k], 0x9e3779b1) ^ (h >>> 15);
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
class IdDictionary {
    width;
    stride;
    words;
    /** Per slot the id's `stride` words, then its index + 1 (0: empty). */
    slots;
    mask;
    n = 0;
    texts = new Map();
    textIndex = new Map();
    /** The id `parse` read, as words. */
    parsed;
    /**
     * Ids seen lately, by the low bits of their last word (index + 1; 0: none): a trace's spans come in
     * runs (NDJSON) or interleaved with a few dozen other traces' (an OTLP batch), so most ids are
     * found here, in cache, without hashing or probing the table.
     */
    recent = new Int32Array(256);
    constructor(width, expected = 1024) {
        this.width = width;
        this.stride = width / 8;
        this.parsed = new Int32Array(this.stride);
        const capacity = Math.max(1024, expected);
        this.words = new Int32Array(capacity * this.stride);
        // A power of two over 1.6 times the ids expected: the table stays under 5/8 full.
        let slots = 2048;
        while (slots * 5 < capacity * 8)
            slots *= 2;
        this.slots = new Int32Array(slots * (this.stride + 1));
        this.mask = slots - 1;
    }
    get size() {
        return this.n;
    }
    /**
     * Reads hex digits `b[from, to)` as an id of this width (at most `width` digits, either case:
     * normalised, they are these words). 0: not such hex (the caller goes through the id's string);
     * 2: all zeros; 1: any other. `internParsed` then gives its index.
     */
    parse(b, from, to) {
        return parseHex(b, from, to, this.parsed, this.stride);
    }
    /** Takes id `i` of a list of this width (another table's hex id) as if `parse` had read it. */
    take(list, i) {
        const s = this.stride;
        for (let k = 0; k < s; k++)
            this.parsed[k] = list.words[i * s + k];
    }
    /** The index of the id `parse` read last, adding it when new. */
    internParsed() {
        const p = this.parsed;
        const s = this.stride;
        const cached = p[s - 1] & 255;
        const seen = recentMatch(this.recent[cached] - 1, this.words, p, s);
        if (seen >= 0)
            return seen;
        const slots = this.slots;
        const width = s + 1;
        let i = hashWords(p, 0, s) & this.mask;
        for (;;) {
            const at = i * width;
            const slot = slots[at + s];
            if (slot === 0)
                break;
            let k = 0;
            while (k < s && slots[at + k] === p[k])
                k++;
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
        for (let k = 0; k < s; k++)
            words[id * s + k] = slots[at + k] = p[k];
        slots[at + s] = id + 1;
        if (this.n * 8 > (this.mask + 1) * 5)
            this.grow();
        this.recent[cached] = id + 1;
        return id;
    }
    /** The index of an id given as its normalised string (ids.ts), adding it when new. */
    intern(id) {
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
    list() {
        return { width: this.width, count: this.n, words: this.words, texts: new Map(this.texts) };
    }
    grow() {
        const old = this.slots;
        const width = this.stride + 1;
        const slots = (this.mask + 1) * 2;
        this.slots = new Int32Array(slots * width);
        this.mask = slots - 1;
        for (let from = 0; from < old.length; from += width) {
            if (old[from + this.stride] === 0)
                continue;
            let i = hashWords(old, from, this.stride) & this.mask;
            while (this.slots[i * width + this.stride] !== 0)
                i = (i + 1) & this.mask;
            this.slots.set(old.subarray(from, from + width), i * width);
        }
    }
}
/**
 * `seen` (an id's index, -1 for none) when the id at `seen` in `words` is the one in `parsed`, else -1:
 * the check of a cache of recent ids, which holds an index by the id's last word.
 */
function recentMatch(seen, words, parsed, stride) {
    if (seen < 0)
        return -1;
    const at = seen * stride;
    let k = 0;
    while (k < stride && words[at + k] === parsed[k])
        k++;
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
class IdLog {
    width;
    stride;
    words;
    n = 0;
    /** Provisional number → text, for the text ids; and each text's first number. */
    texts = new Map();
    textIndex = new Map();
    parsed;
    /** Hex ids logged lately, by the low bits of their last word (number + 1; 0: none). */
    recent = new Int32Array(RECENT_MASK + 1);
    constructor(width, expected = 1024) {
        this.width = width;
        this.stride = width / 8;
        this.parsed = new Int32Array(this.stride);
        this.words = new Int32Array(Math.max(1024, expected) * this.stride);
    }
    /** As `IdDictionary.parse`. */
    parse(b, from, to) {
        return parseHex(b, from, to, this.parsed, this.stride);
    }
    /** Takes id `i` of a list of this width (another table's hex id) as if `parse` had read it. */
    take(list, i) {
        const s = this.stride;
        for (let k = 0; k < s; k++)
            this.parsed[k] = list.words[i * s + k];
    }
    /**
     * The provisional number of the id `parse` read last. An id met lately (a parent named by the
     * spans after it) keeps the number it was logged under: equal to what `resolve` would make of a
     * second entry, and the log, and the work of `resolve`, is about half as long.
     */
    internParsed() {
        const s = this.stride;
        const p = this.parsed;
        const cached = p[s - 1] & RECENT_MASK;
        const seen = recentMatch(this.recent[cached] - 1, this.words, p, s);
        if (seen >= 0)
            return seen;
        this.recent[cached] = this.n + 1;
        return this.append();
    }
    /** Logs the id `parse` read as a new entry. */
    append() {
        const s = this.stride;
        if ((this.n + 1) * s > this.words.length) {
            const bigger = new Int32Array(this.words.length * 2);
            bigger.set(this.words);
            this.words = bigger;
        }
        const at = this.n * s;
        for (let k = 0; k < s; k++)
            this.words[at + k] = this.parsed[k];
        return this.n++;
    }
    /** The provisional number of an id given as its normalised string. */
    intern(id) {
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
    text(i) {
        return idText({ width: this.width, count: this.n, words: this.words, texts: this.texts }, i);
    }
    /**
     * The distinct ids in order of first appearance, and the index in that list of each provisional
     * number. The log is left as it was (more ids may follow, and resolve be called again).
     */
    resolve() {
        const n = this.n;
        const s = this.stride;
        const log = this.words;
        const texts = this.texts;
        // 1. Partitions of ~4096 ids by the top bits of the hash, entries copied in (words, number):
        // stable, so each partition lists its ids in arrival order.
        let bits = 0;
        while (bits < 12 && n >> bits > 4096)
            bits++;
        const parts = 1 << bits;
        const shift = 32 - bits;
        const part = (h) => (bits === 0 ? 0 : h >>> shift);
        const fill = new Int32Array(parts + 1);
        const hashes = new Int32Array(n);
        for (let i = 0; i < n; i++) {
            const h = hashWords(log, i * s, s);
            hashes[i] = h;
            fill[part(h) + 1]++;
        }
        for (let p = 0; p < parts; p++)
            fill[p + 1] += fill[p];
        const bounds = fill.slice();
        const entry = s + 1;
        const entries = new Int32Array(n * entry);
        for (let i = 0; i < n; i++) {
            const at = fill[part(hashes[i])]++ * entry;
            for (let k = 0; k < s; k++)
                entries[at + k] = log[i * s + k];
            entries[at + s] = i;
        }
        // 2. Within each partition (its entries and table in cache: copying the words in costs less than
        // reading them from the log at random), the first of each id: `first[i]` is the number of its first appearance.
        const first = hashes; // (the hashes are no longer needed)
        let largest = 0;
        for (let p = 0; p < parts; p++)
            largest = Math.max(largest, bounds[p + 1] - bounds[p]);
        let size = 16;
        while (size < 2 * largest)
            size *= 2;
        const table = new Int32Array(size);
        const mask = size - 1;
        let count = 0;
        for (let p = 0; p < parts; p++) {
            const from = bounds[p];
            const to = bounds[p + 1];
            table.fill(0);
            for (let e = from; e < to; e++) {
                const at = e * entry;
                const i = entries[at + s];
                // A text id is distinct by construction (interned at once): its zero words match no other.
                if (texts.size > 0 && texts.has(i)) {
                    first[i] = i;
                    count++;
                    continue;
                }
                // The low bits of the hash: the partition was chosen by the top ones.
                let slot = hashWords(entries, at, s) & mask;
                for (;;) {
                    const held = table[slot];
                    if (held === 0) {
                        table[slot] = e + 1;
                        first[i] = i;
                        count++;
                        break;
                    }
                    const other = (held - 1) * entry;
                    let k = 0;
                    while (k < s && entries[other + k] === entries[at + k])
                        k++;
                    if (k === s) {
                        first[i] = entries[other + s];
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        // 3. In arrival order: a first appearance takes the next index, a repeat its first's (earlier, so known).
        const index = first;
        const words = new Int32Array(count * s);
        const listTexts = new Map();
        let next = 0;
        for (let i = 0; i < n; i++) {
            const f = first[i];
            if (f === i) {
                for (let k = 0; k < s; k++)
                    words[next * s + k] = log[i * s + k];
                const text = texts.size > 0 ? texts.get(i) : undefined;
                if (text !== undefined)
                    listTexts.set(next, text);
                index[i] = next++;
            }
            else
                index[i] = index[f];
        }
        return { list: { width: this.width, count, words, texts: listTexts }, index };
    }
}
/** The list of ids given as strings, already normalised and distinct (a table made from strings). */
function idListOf(ids, width) {
    const stride = width / 8;
    const words = new Int32Array(ids.length * stride);
    const texts = new Map();
    const scratch = new Int32Array(stride);
    ids.forEach((id, i) => {
        if (isLowerHex(id, width)) {
            parseHexText(id, scratch, stride);
            words.set(scratch, i * stride);
        }
        else
            texts.set(i, id);
    });
    return { width, count: ids.length, words, texts };
}
/** The list of ids stored as bytes, `width / 2` bytes an id (the dataset file's hex column). */
function idListOfBytes(bytes, width, count) {
    const stride = width / 8;
    const words = new Int32Array(count * stride);
    for (let w = 0, at = 0; w < words.length; w++, at += 4)
        words[w] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    return { width, count, words, texts: new Map() };
}
/** The bytes of a list with no text ids, `width / 2` an id (what `idListOfBytes` reads). */
function idListBytes(list) {
    const n = list.count * (list.width / 8);
    const out = new Uint8Array(4 * n);
    const words = list.words;
    for (let w = 0, at = 0; w < n; w++, at += 4) {
        const v = words[w];
        out[at] = v >>> 24;
        out[at + 1] = v >>> 16;
        out[at + 2] = v >>> 8;
        out[at + 3] = v;
    }
    return out;
}
/** The list of `order.length` ids, the k-th being the list's id `order[k]`. */
function gatherIds(list, order) {
    const s = list.width / 8;
    const count = order.length;
    const words = new Int32Array(count * s);
    const from = list.words;
    for (let k = 0; k < count; k++) {
        const at = order[k] * s;
        for (let j = 0; j < s; j++)
            words[k * s + j] = from[at + j];
    }
    const texts = new Map();
    if (list.texts.size > 0)
        for (let k = 0; k < count; k++) {
            const text = list.texts.get(order[k]);
            if (text !== undefined)
                texts.set(k, text);
        }
    return { width: list.width, count, words, texts };
}
const decoder = new TextDecoder();
/** Every id of a list as a string, in index order: the hex of all of them decoded at once and cut into slices. */
function idStrings(list) {
    const { width, count, words, texts } = list;
    const s = width / 8;
    const ascii = new Uint8Array(count * width);
    for (let w = 0, at = 0; w < count * s; w++, at += 8) {
        const v = words[w];
        const a = HEX_PAIR[v >>> 24];
        const b = HEX_PAIR[(v >>> 16) & 255];
        const c = HEX_PAIR[(v >>> 8) & 255];
        const d = HEX_PAIR[v & 255];
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
    const out = new Array(count);
    for (let i = 0; i < count; i++)
        out[i] = texts.get(i) ?? hex.slice(i * width, (i + 1) * width);
    return out;
}
/** One id of a list as a string. */
function idText(list, i) {
    const text = list.texts.get(i);
    if (text !== undefined)
        return text;
    const s = list.width / 8;
    let out = '';
    for (let k = 0; k < s; k++)
        out += (list.words[i * s + k] >>> 0).toString(16).padStart(8, '0');
    return out;
}
/**
 * Code-unit order of two ids of a list, as their strings compare (the canonical order): by the words
 * for two hex ids (for hex of one width, numeric order is string order), by the strings otherwise.
 */
function compareIds(list, a, b) {
    if (list.texts.size === 0 || (!list.texts.has(a) && !list.texts.has(b))) {
        const s = list.width / 8;
        const words = list.words;
        for (let k = 0; k < s; k++) {
            const x = words[a * s + k] >>> 0;
            const y = words[b * s + k] >>> 0;
            if (x !== y)
                return x < y ? -1 : 1;
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
function sortByIds(list, items) {
    const byId = (a, b) => compareIds(list, a, b);
    if (list.texts.size > 0 || items.length < 64)
        return items.slice().sort(byId);
    const s = list.width / 8;
    const words = list.words;
    // The first word in which the ids differ, and its upper or lower half.
    const first = items[0] * s;
    let word = 0;
    let differ = 0;
    for (; word < s; word++) {
        differ = 0;
        for (let k = 1; k < items.length; k++)
            differ |= words[items[k] * s + word] ^ words[first + word];
        if (differ !== 0)
            break;
    }
    if (word === s)
        return items.slice();
    const shift = differ >>> 16 !== 0 ? 16 : 0;
    const counts = new Int32Array(65537);
    for (let k = 0; k < items.length; k++)
        counts[((words[items[k] * s + word] >>> shift) & 0xffff) + 1]++;
    for (let d = 0; d < 65536; d++)
        counts[d + 1] += counts[d];
    const out = new Int32Array(items.length);
    const fill = counts.slice(0, 65536);
    for (let k = 0; k < items.length; k++) {
        const item = items[k];
        out[fill[(words[item * s + word] >>> shift) & 0xffff]++] = item;
    }
    for (let d = 0; d < 65536; d++) {
        const from = counts[d];
        const to = counts[d + 1];
        if (to - from < 2)
            continue;
        if (to - from > 16) {
            out.subarray(from, to).sort(byId);
            continue;
        }
        for (let k = from + 1; k < to; k++) {
            const item = out[k];
            let j = k - 1;
            while (j >= from && compareIds(list, out[j], item) > 0) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = item;
        }
    }
    return out;
}


/***/ }),

/***/ 16546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ spanIdOf),
/* harmony export */   GU: () => (/* binding */ normaliseId),
/* harmony export */   aB: () => (/* binding */ traceIdOf),
/* harmony export */   jc: () => (/* binding */ normaliseTraceId)
/* harmony export */ });
/**
 * Trace and span ids, as the span table keeps them: one spelling per id, so that spans are
 * deduplicated and parents found whatever the source wrote. Ids arrive as hex (any case, leading
 * zeros sometimes stripped, as Tempo's search writes them), base64 of the bytes (Tempo's trace
 * answers, some OTLP exporters), or numbers; the table keeps lower-case hex of full width. The one
 * home of this rule: the builder applies it to every row, and sources use `traceIdOf`/`spanIdOf`
 * where they need an id before a row exists (Jaeger references, Tempo's search answers).
 *
 * Readers of bytes apply the same rule without a string: hex of up to 32 digits (16 for a span id)
 * is its value at full width, which id-list.ts reads into words (`IdDictionary.parse`); any other
 * shape comes here as text.
 *
 * Runs in the report page too (through table.ts): no Node API here.
 */
const HEX_LOWER = (c) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
const HEX_ANY = (c) => HEX_LOWER(c) || (c >= 65 && c <= 70);
/** Base64 of 8 or 16 bytes, padded or not. */
const BASE64 = /^(?:[A-Za-z0-9+/]{11}=?|[A-Za-z0-9+/]{22}(?:==)?)$/;
const ZEROS = /^0+$/;
/**
 * A span id as the table keeps it: hex in lower case, at full width (16 digits, or 32 for a longer
 * id: a 64-bit id written without its leading zeros is padded); base64 of 8 or 16 bytes decoded to
 * hex. Anything else is kept as written.
 */
function normaliseId(id) {
    const n = id.length;
    if (n === 16 || n === 32) {
        let lower = true;
        let hex = true;
        for (let i = 0; i < n; i++) {
            const c = id.charCodeAt(i);
            if (!HEX_LOWER(c)) {
                lower = false;
                if (!HEX_ANY(c)) {
                    hex = false;
                    break;
                }
            }
        }
        if (lower)
            return id;
        if (hex)
            return id.toLowerCase();
    }
    else if (n > 0 && n < 32) {
        let hex = true;
        for (let i = 0; i < n && hex; i++)
            hex = HEX_ANY(id.charCodeAt(i));
        if (hex)
            return id.toLowerCase().padStart(n < 16 ? 16 : 32, '0');
    }
    if (BASE64.test(id)) {
        // atob rather than Buffer: the report page's client code type-checks this file without Node's types.
        const bytes = atob(id);
        // Only base64 that writes its bytes back as given: the last character of 11 or 22 carries bits
        // that decoding drops, so "…-100" and "…-101" would otherwise become one id.
        if ((bytes.length === 8 || bytes.length === 16) && btoa(bytes).replace(/=+$/, '') === id.replace(/=+$/, '')) {
            let hex = '';
            for (let i = 0; i < bytes.length; i++)
                hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
            return hex;
        }
    }
    return id;
}
/**
 * A trace id as the table keeps it: as `normaliseId`, and a 64-bit id (Lightstep, Zipkin, old Jaeger,
 * the seed's spans) widened to 128 bits as OpenTelemetry writes it, so that one trace read from two
 * formats is one trace.
 */
function normaliseTraceId(id) {
    const hex = normaliseId(id);
    return hex.length === 16 && /^[0-9a-f]{16}$/.test(hex) ? hex.padStart(32, '0') : hex;
}
/**
 * An id as a source found it (a string, maybe with blanks, or a number) in the table's spelling,
 * or undefined for none: missing, empty, or all zeros (OTLP's "no parent").
 */
function idOf(id, normalise) {
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0)
        id = id.toString(16);
    if (typeof id !== 'string')
        return undefined;
    const text = id.trim();
    if (text === '')
        return undefined;
    const normal = normalise(text);
    return ZEROS.test(normal) ? undefined : normal;
}
const traceIdOf = (id) => idOf(id, normaliseTraceId);
const spanIdOf = (id) => idOf(id, normaliseId);


/***/ }),

/***/ 20040:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sd: () => (/* binding */ SpanTableBuilder),
  Jh: () => (/* binding */ canonicalTable),
  mm: () => (/* binding */ concatTables),
  gT: () => (/* binding */ grown),
  GQ: () => (/* binding */ idListsOf),
  Xy: () => (/* binding */ parentsWithinTraces),
  BI: () => (/* binding */ traceCount),
  Fi: () => (/* binding */ withIdLists)
});

// UNUSED EXPORTS: compareStrings, emptyTable, normaliseId, normaliseTraceId, spanAt, spansOfTable, tableOf

// EXTERNAL MODULE: ./src/dataset/dictionary.ts
var dictionary = __webpack_require__(4918);
// EXTERNAL MODULE: ./src/dataset/id-list.ts
var id_list = __webpack_require__(3992);
// EXTERNAL MODULE: ./src/dataset/ids.ts
var dataset_ids = __webpack_require__(16546);
;// CONCATENATED MODULE: ./src/dataset/lazy.ts
/**
 * A property computed on first read and then kept as plain data: a table's id lists are made only if
 * something reads them (the diff does not). Enumerable, so copies and clones still see it.
 */
function lazyProperty(target, key, make) {
    const settle = (value) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true,
        get: () => {
            const value = make();
            settle(value);
            return value;
        },
        set: settle,
    });
}

;// CONCATENATED MODULE: ./src/dataset/table.ts




/**
 * `table` (without its id lists) given its ids as lists: `traceIds`/`spanIds` become properties made
 * on first read. The diff never reads them; a million id strings cost about a second to make and collect.
 */
function withIdLists(table, ids) {
    const t = table;
    Object.defineProperty(t, 'ids', { value: ids, enumerable: false, configurable: true });
    lazyProperty(t, 'traceIds', () => (0,id_list/* idStrings */.GN)(ids.trace));
    lazyProperty(t, 'spanIds', () => (0,id_list/* idStrings */.GN)(ids.span));
    return t;
}
/** A table's ids as lists: its own, or made from its strings (a table written by hand, or copied). */
function idListsOf(t) {
    return t.ids ?? { trace: (0,id_list/* idListOf */.Lj)(t.traceIds, 32), span: (0,id_list/* idListOf */.Lj)(t.spanIds, 16) };
}
/** How many traces a canonical table holds (without making its trace id strings). */
function traceCount(t) {
    return t.ids ? t.ids.trace.count : t.traceIds.length;
}
/** A table with no rows. */
function emptyTable() {
    return new SpanTableBuilder().finish();
}
// The id rule has its home in ids.ts; these names stay exported here for the modules that import them from the table.

/** A typed array twice as long, holding the old values (and `fill` beyond them). */
function grown(a, capacity, fill = 0) {
    const b = new a.constructor(capacity);
    b.set(a);
    if (fill !== 0)
        b.fill(fill, a.length);
    return b;
}
/**
 * The one way spans get into a table. Readers call `add(span)` (the object is copied, never kept,
 * so a reader may reuse it), or, at byte speed, `intern`/`tagColumn` once per string and `row` +
 * `tag` per span. Ids are normalised here. `finish()` gives the raw table in arrival order;
 * `assembleDataset` (dataset/assemble.ts) deduplicates, orders and counts it.
 *
 * Numbers are checked here as a last line: a reader should reject a non-finite start or duration
 * itself, with the file position, before calling `row`.
 */
class SpanTableBuilder {
    n = 0;
    capacity;
    trace;
    span;
    parentSpan;
    start;
    duration;
    error;
    service;
    operation;
    host;
    tags = [];
    traceIds;
    /** Span ids are numbered provisionally as they come (nearly all are new) and interned by `finish`. */
    spanIds;
    strings = new dictionary/* Dictionary */.b();
    tagKeys = new dictionary/* Dictionary */.b();
    constructor(capacity = 1024) {
        this.capacity = Math.max(16, capacity);
        const c = this.capacity;
        // The log holds two ids a span (its own and its parent's); traces hold several spans (a quarter is generous).
        this.traceIds = new id_list/* IdDictionary */.cN(32, c >> 2);
        this.spanIds = new id_list/* IdLog */.Cx(16, 2 * c);
        this.trace = new Int32Array(c);
        this.span = new Int32Array(c);
        this.parentSpan = new Int32Array(c);
        this.start = new Float64Array(c);
        this.duration = new Float64Array(c);
        this.error = new Uint8Array(c);
        this.service = new Int32Array(c);
        this.operation = new Int32Array(c);
        this.host = new Int32Array(c);
    }
    get size() {
        return this.n;
    }
    /** The dictionary index of a string (service, operation, host, tag value). */
    intern(s) {
        return this.strings.intern(s);
    }
    /** As `intern`, for a fixed word a reader writes for every span ('true', '(none)'; see Dictionary.internWord). */
    internWord(s) {
        return this.strings.internWord(s);
    }
    /** The column of a tag key: pass it to `tag`. */
    tagColumn(key) {
        const k = this.tagKeys.intern(key);
        if (k === this.tags.length)
            this.tags.push(new Int32Array(this.capacity).fill(-1));
        return k;
    }
    /** Adds one row; ids are normalised. Returns the row. Tags of the row follow through `tag`. */
    row(traceId, spanId, parentSpanId, service, operation, startUs, durationUs, error, host = -1) {
        return this.rowOf(this.traceIds.intern((0,dataset_ids/* normaliseTraceId */.jc)(traceId)), this.spanIds.intern((0,dataset_ids/* normaliseId */.GU)(spanId)), parentSpanId ? this.spanIds.intern((0,dataset_ids/* normaliseId */.GU)(parentSpanId)) : -1, service, operation, startUs, durationUs, error, host);
    }
    // Byte-level readers: strings and ids given as UTF-8 bytes of the input, found again without
    // making a string (see Dictionary), and the row given as dictionary indices.
    /** As `intern`, for the UTF-8 bytes `b[from, to)` of the string. */
    internBytes(b, from, to) {
        return this.strings.internBytes(b, from, to);
    }
    /** As `tagColumn`, for the UTF-8 bytes of the key. */
    tagColumnBytes(b, from, to) {
        const k = this.tagKeys.internBytes(b, from, to);
        if (k === this.tags.length)
            this.tags.push(new Int32Array(this.capacity).fill(-1));
        return k;
    }
    /** The index of a trace id given as bytes (normalised as `row` does): pass it to `rowOf`. */
    traceIdBytes(b, from, to) {
        return this.traceIds.parse(b, from, to) === 0
            ? this.traceIds.intern((0,dataset_ids/* normaliseTraceId */.jc)((0,dictionary/* utf8 */.A)(b, from, to)))
            : this.traceIds.internParsed();
    }
    /** The index of a span id given as bytes (normalised as `row` does): pass it to `rowOf`. */
    spanIdBytes(b, from, to) {
        return this.spanIds.parse(b, from, to) === 0
            ? this.spanIds.intern((0,dataset_ids/* normaliseId */.GU)((0,dictionary/* utf8 */.A)(b, from, to)))
            : this.spanIds.internParsed();
    }
    /**
     * As `traceIdBytes` for an id in hex digits (up to 32, either case, read as their value: ids.ts's
     * rule for hex, without a string): -1 for an id of only zeros (OTLP's "none"), -2 for any other
     * shape (the caller decides, e.g. through `traceIdOf`).
     */
    traceIdHex(b, from, to) {
        const kind = this.traceIds.parse(b, from, to);
        return kind === 1 ? this.traceIds.internParsed() : kind === 2 ? -1 : -2;
    }
    /** As `traceIdHex`, for a span id (up to 16 hex digits; a longer one is -2). */
    spanIdHex(b, from, to) {
        const kind = this.spanIds.parse(b, from, to);
        return kind === 1 ? this.spanIds.internParsed() : kind === 2 ? -1 : -2;
    }
    /**
     * The index of an id read from bytes, as a reader's fast path takes it: hex as its value, -1 for an
     * id of only zeros (none), -2 for text its slow path must judge (blanks around it, or text that
     * `traceIdOf`/`spanIdOf` read as no id); any other id (base64, …) normalised as `row` does.
     */
    idOfBytes(b, from, to, trace) {
        const hex = trace ? this.traceIdHex(b, from, to) : this.spanIdHex(b, from, to);
        if (hex !== -2)
            return hex;
        const text = (0,dictionary/* utf8 */.A)(b, from, to);
        if (text.trim() !== text || (trace ? (0,dataset_ids/* traceIdOf */.aB)(text) : (0,dataset_ids/* spanIdOf */.DR)(text)) === undefined)
            return -2;
        return trace ? this.traceIdBytes(b, from, to) : this.spanIdBytes(b, from, to);
    }
    /** As `row`, with the ids as indices from `traceIdBytes`/`spanIdBytes` (parent -1: none). */
    rowOf(trace, span, parentSpan, service, operation, startUs, durationUs, error, host = -1) {
        if (!Number.isFinite(startUs) || !Number.isFinite(durationUs))
            throw new RangeError(`span ${this.spanIds.text(span)}: start and duration must be finite numbers`);
        if (this.n === this.capacity)
            this.grow();
        const i = this.n++;
        this.trace[i] = trace;
        this.span[i] = span;
        this.parentSpan[i] = parentSpan;
        this.service[i] = service;
        this.operation[i] = operation;
        this.start[i] = startUs;
        this.duration[i] = durationUs < 0 ? 0 : durationUs;
        this.error[i] = error ? 1 : 0;
        this.host[i] = host;
        return i;
    }
    /** Drops the rows from `size` on (a byte-level reader that met a mistake midway, before the slow path reads them again). */
    truncate(size) {
        for (const column of this.tags)
            column.fill(-1, size, this.n);
        this.n = Math.min(this.n, size);
    }
    /** Sets a tag of the last row added: `column` from `tagColumn`, `value` from `intern`. */
    tag(column, value) {
        this.tags[column][this.n - 1] = value;
    }
    /** Copies a span object in (see the class comment). */
    add(s) {
        this.row(s.traceId, s.spanId, s.parentSpanId, this.intern(s.service), this.intern(s.operation), s.startUs, s.durationUs, s.error, s.host === undefined ? -1 : this.intern(s.host));
        for (const key in s.tags)
            this.tag(this.tagColumn(key), this.intern(s.tags[key]));
    }
    /**
     * Adds every row of a table (e.g. one file's table into a side of many files). Its ids are taken
     * from its id lists as words, with no string; `tracePrefix` is put in front of every trace id
     * (as text, then normalised as `row` would) to keep its traces apart from other tables'.
     */
    addTable(t, tracePrefix) {
        const ids = idListsOf(t);
        const traceMap = new Int32Array(ids.trace.count);
        for (let i = 0; i < traceMap.length; i++) {
            const text = tracePrefix !== undefined ? tracePrefix + (0,id_list/* idText */.FP)(ids.trace, i) : ids.trace.texts.get(i);
            if (text !== undefined)
                traceMap[i] = this.traceIds.intern((0,dataset_ids/* normaliseTraceId */.jc)(text));
            else {
                this.traceIds.take(ids.trace, i);
                traceMap[i] = this.traceIds.internParsed();
            }
        }
        // Span ids as they are used (the log numbers each use; resolving interns them).
        const spanOf = (i) => {
            const text = ids.span.texts.get(i);
            if (text !== undefined)
                return this.spanIds.intern((0,dataset_ids/* normaliseId */.GU)(text));
            this.spanIds.take(ids.span, i);
            return this.spanIds.internParsed();
        };
        const stringMap = Int32Array.from(t.strings, (s) => this.intern(s));
        const columns = t.tagKeys.map((k) => this.tagColumn(k));
        for (let i = 0; i < t.size; i++) {
            const host = t.host[i];
            const parent = t.parentSpan[i];
            this.rowOf(traceMap[t.trace[i]], spanOf(t.span[i]), 
            // (An empty parent id is none, as `row` reads it.)
            parent < 0 || ids.span.texts.get(parent) === '' ? -1 : spanOf(parent), stringMap[t.service[i]], stringMap[t.operation[i]], t.start[i], t.duration[i], t.error[i] === 1, host < 0 ? -1 : stringMap[host]);
            for (let k = 0; k < columns.length; k++) {
                const v = t.tags[k][i];
                if (v >= 0)
                    this.tag(columns[k], stringMap[v]);
            }
        }
    }
    grow() {
        const c = this.capacity * 2;
        this.trace = grown(this.trace, c);
        this.span = grown(this.span, c);
        this.parentSpan = grown(this.parentSpan, c);
        this.start = grown(this.start, c);
        this.duration = grown(this.duration, c);
        this.error = grown(this.error, c);
        this.service = grown(this.service, c);
        this.operation = grown(this.operation, c);
        this.host = grown(this.host, c);
        this.tags = this.tags.map((t) => grown(t, c, -1));
        this.capacity = c;
    }
    /**
     * The rows so far, in arrival order, as a table (not yet deduplicated: `parent` is all -1). With
     * `handOver` (assembleDataset, the builder's last use: it must not be used after) the columns are
     * views of the builder's own arrays, not copies: a side being made canonical holds one raw copy
     * of its rows, not two.
     */
    finish(handOver = false) {
        const n = this.n;
        const cut = (a) => (handOver ? a.subarray(0, n) : a.slice(0, n));
        const spanIds = this.spanIds.resolve();
        const span = cut(this.span);
        const parentSpan = cut(this.parentSpan);
        const index = spanIds.index;
        for (let i = 0; i < n; i++) {
            span[i] = index[span[i]];
            const p = parentSpan[i];
            if (p >= 0)
                parentSpan[i] = index[p];
        }
        return withIdLists({
            size: n,
            trace: cut(this.trace),
            span,
            parentSpan,
            parent: new Int32Array(n).fill(-1),
            start: cut(this.start),
            duration: cut(this.duration),
            error: cut(this.error),
            strings: this.strings.keys,
            service: cut(this.service),
            operation: cut(this.operation),
            host: cut(this.host),
            tagKeys: this.tagKeys.keys,
            tags: this.tags.map(cut),
        }, { trace: this.traceIds.list(), span: spanIds.list });
    }
}
/**
 * Makes a raw table canonical (see `SpanTable`): keeps the first of rows with the same (trace id,
 * span id) and the rows `keep` accepts, numbers traces by id, groups rows by trace ordered by span
 * id, and finds each parent within its own trace. Nothing after this depends on arrival order.
 */
function canonicalTable(raw, keep) {
    const n = raw.size;
    const rawTrace = raw.trace;
    const rawSpan = raw.span;
    const ids = idListsOf(raw);
    const traceCount = ids.trace.count;
    // 1. Rows by trace, in arrival order within each (a stable counting sort): a trace's rows side by side.
    const byTrace = new Int32Array(traceCount + 1);
    for (let i = 0; i < n; i++)
        byTrace[rawTrace[i] + 1]++;
    for (let t = 0; t < traceCount; t++)
        byTrace[t + 1] += byTrace[t];
    const grouped = new Int32Array(n);
    const fill = byTrace.slice(0, traceCount);
    for (let i = 0; i < n; i++)
        grouped[fill[rawTrace[i]]++] = i;
    // 2. Within each trace, the first row of each span id (dedup on (trace, span), no hash table of
    // a million pairs), then the rows `keep` accepts. `kept` holds, per trace, the rows that stay.
    const kept = new Int32Array(n);
    const keptFrom = new Int32Array(traceCount + 1);
    const seen = new Map();
    let m = 0;
    for (let t = 0; t < traceCount; t++) {
        const from = byTrace[t];
        const to = byTrace[t + 1];
        keptFrom[t] = m;
        const scan = to - from <= 64;
        if (!scan)
            seen.clear();
        for (let g = from; g < to; g++) {
            const i = grouped[g];
            const sp = rawSpan[i];
            let repeated = false;
            if (scan) {
                for (let h = from; h < g && !repeated; h++)
                    repeated = rawSpan[grouped[h]] === sp;
            }
            else if (seen.has(sp))
                repeated = true;
            else
                seen.set(sp, true);
            if (repeated || (keep && !keep(i)))
                continue;
            kept[m++] = i;
        }
    }
    keptFrom[traceCount] = m;
    // 3. Traces that still have rows, in order of their ids (compared as numbers, id-list.ts: the
    // order of their strings, without a string); where each trace's rows go.
    let traces = 0;
    for (let t = 0; t < traceCount; t++)
        if (keptFrom[t + 1] > keptFrom[t])
            traces++;
    const withRows = new Int32Array(traces);
    for (let t = 0, r = 0; t < traceCount; t++)
        if (keptFrom[t + 1] > keptFrom[t])
            withRows[r++] = t;
    const traceOrder = (0,id_list/* sortByIds */.gK)(ids.trace, withRows);
    const offsets = new Int32Array(traces + 1);
    const rank = new Int32Array(traceCount);
    for (let r = 0; r < traces; r++) {
        const t = traceOrder[r];
        rank[t] = r;
        offsets[r + 1] = offsets[r] + keptFrom[t + 1] - keptFrom[t];
    }
    // 4. Each trace's rows, by start then span id, and every column of a row gathered into its place.
    // Traces are taken in order of first arrival (trace numbers are given so), not of their ids: a
    // trace's rows lie near each other in the input (OTLP's batches scatter them among a few hundred
    // others), so its rows' columns are read while they are in cache, and each trace is written as
    // one run. Tag values and strings are renumbered after, in canonical order.
    const order = new Int32Array(m);
    const trace = new Int32Array(m);
    const span = new Int32Array(m);
    const parentSpan = new Int32Array(m);
    const start = new Float64Array(m);
    const duration = new Float64Array(m);
    const error = new Uint8Array(m);
    const service = new Int32Array(m);
    const operation = new Int32Array(m);
    const host = new Int32Array(m);
    const keyOrder = raw.tagKeys.map((_, k) => k).sort((a, b) => compareStrings(raw.tagKeys[a], raw.tagKeys[b]));
    const tagsIn = keyOrder.map((k) => raw.tags[k]);
    const tags = keyOrder.map(() => new Int32Array(m));
    const spanList = ids.span;
    const { parentSpan: rawParent, start: rawStart, duration: rawDuration, error: rawError } = raw;
    const { service: rawService, operation: rawOperation, host: rawHost } = raw;
    // By start, then span id: starts decide nearly always, ids only break ties.
    const byStart = (a, b) => rawStart[a] - rawStart[b] || (0,id_list/* compareIds */.q3)(spanList, rawSpan[a], rawSpan[b]);
    for (let t = 0; t < traceCount; t++) {
        const size = keptFrom[t + 1] - keptFrom[t];
        if (size === 0)
            continue;
        const r = rank[t];
        const from = offsets[r];
        const to = from + size;
        // Loops, not set/fill: a subarray per trace would be an object for each of ~100k traces.
        for (let q = from, k = keptFrom[t]; q < to; q++, k++) {
            order[q] = kept[k];
            trace[q] = r;
        }
        if (size > 16)
            order.subarray(from, to).sort(byStart);
        else {
            // A short trace (most are) by insertion: the order is total (span ids differ within a trace), so any sort agrees.
            for (let k = from + 1; k < to; k++) {
                const row = order[k];
                let j = k - 1;
                while (j >= from && byStart(order[j], row) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = row;
            }
        }
        for (let q = from; q < to; q++) {
            const i = order[q];
            span[q] = rawSpan[i];
            parentSpan[q] = rawParent[i];
            start[q] = rawStart[i];
            duration[q] = rawDuration[i];
            error[q] = rawError[i];
            service[q] = rawService[i];
            operation[q] = rawOperation[i];
            host[q] = rawHost[i];
            for (let k = 0; k < tagsIn.length; k++)
                tags[k][q] = tagsIn[k][i];
        }
    }
    // 5. Parents within their own trace (step 6 renumbers span ids, not rows).
    const parent = parentsWithinTraces(offsets, span, parentSpan);
    // 6. Dictionaries in order of first use by the canonical rows (tag keys sorted), holding only
    // what the rows use: equal sets of spans give equal tables, dictionaries included.
    const spanMap = new Int32Array(spanList.count).fill(-1);
    // The raw index of each span id kept, in order of first use.
    const spanOrder = new Int32Array(spanList.count);
    let spans = 0;
    const stringMap = new Int32Array(raw.strings.length).fill(-1);
    const strings = [];
    const rawStrings = raw.strings;
    const used = new Uint8Array(keyOrder.length);
    // A new id is given on first use; written out rather than as a closure: this runs for every row and column.
    for (let r = 0; r < m; r++) {
        let v = span[r];
        let id = spanMap[v];
        if (id < 0) {
            id = spanMap[v] = spans;
            spanOrder[spans++] = v;
        }
        span[r] = id;
        v = parentSpan[r];
        if (v >= 0) {
            id = spanMap[v];
            if (id < 0) {
                id = spanMap[v] = spans;
                spanOrder[spans++] = v;
            }
            parentSpan[r] = id;
        }
        v = service[r];
        id = stringMap[v];
        if (id < 0)
            id = stringMap[v] = strings.push(rawStrings[v]) - 1;
        service[r] = id;
        v = operation[r];
        id = stringMap[v];
        if (id < 0)
            id = stringMap[v] = strings.push(rawStrings[v]) - 1;
        operation[r] = id;
        v = host[r];
        if (v >= 0) {
            id = stringMap[v];
            if (id < 0)
                id = stringMap[v] = strings.push(rawStrings[v]) - 1;
            host[r] = id;
        }
        for (let k = 0; k < tags.length; k++) {
            const column = tags[k];
            v = column[r];
            if (v >= 0) {
                id = stringMap[v];
                if (id < 0)
                    id = stringMap[v] = strings.push(rawStrings[v]) - 1;
                column[r] = id;
                used[k] = 1;
            }
        }
    }
    const usedKeys = keyOrder.map((_, k) => k).filter((k) => used[k]);
    return withIdLists({
        size: m,
        trace,
        span,
        parentSpan,
        parent,
        start,
        duration,
        error,
        strings,
        service,
        operation,
        host,
        tagKeys: usedKeys.map((k) => raw.tagKeys[keyOrder[k]]),
        tags: usedKeys.map((k) => tags[k]),
    }, { trace: (0,id_list/* gatherIds */.qE)(ids.trace, traceOrder), span: (0,id_list/* gatherIds */.qE)(spanList, spanOrder.subarray(0, spans)) });
}
/**
 * The row of each span's parent within its own trace, or -1, for rows grouped by trace
 * (`offsets[t]` … `offsets[t + 1]` are trace t's rows). A short trace is scanned, a long one hashed.
 */
function parentsWithinTraces(offsets, span, parentSpan) {
    const parent = new Int32Array(span.length).fill(-1);
    for (let t = 0; t + 1 < offsets.length; t++) {
        const from = offsets[t];
        const to = offsets[t + 1];
        if (to - from <= 64) {
            for (let r = from; r < to; r++) {
                const p = parentSpan[r];
                if (p < 0)
                    continue;
                for (let q = from; q < to; q++) {
                    if (span[q] === p) {
                        parent[r] = q;
                        break;
                    }
                }
            }
        }
        else {
            const at = new Map();
            for (let q = from; q < to; q++)
                if (!at.has(span[q]))
                    at.set(span[q], q);
            for (let r = from; r < to; r++) {
                const p = parentSpan[r];
                if (p >= 0)
                    parent[r] = at.get(p) ?? -1;
            }
        }
    }
    return parent;
}
/** Code-unit order, as JSON and the dataset file compare ids: independent of locale. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The table of a list of span objects (tests, the simulator, small sources), canonical. */
function tableOf(spans) {
    const b = new SpanTableBuilder();
    for (const s of spans)
        b.add(s);
    return canonicalTable(b.finish());
}
/** One row as a span object: for tests, small outputs and writers of span-per-line formats. */
function spanAt(t, i) {
    const tags = {};
    for (let k = 0; k < t.tagKeys.length; k++) {
        const v = t.tags[k][i];
        if (v >= 0)
            tags[t.tagKeys[k]] = t.strings[v];
    }
    const parent = t.parentSpan[i];
    const host = t.host[i];
    return {
        spanId: t.spanIds[t.span[i]],
        traceId: t.traceIds[t.trace[i]],
        ...(parent >= 0 ? { parentSpanId: t.spanIds[parent] } : {}),
        service: t.strings[t.service[i]],
        operation: t.strings[t.operation[i]],
        startUs: t.start[i],
        durationUs: t.duration[i],
        error: t.error[i] === 1,
        ...(host >= 0 ? { host: t.strings[host] } : {}),
        tags,
    };
}
/** Every row as a span object (see `spanAt`). */
function spansOfTable(t) {
    return Array.from({ length: t.size }, (_, i) => spanAt(t, i));
}
/**
 * Several tables as one (pooled baselines): rows appended, each table's traces kept apart (a
 * trace id seen in two snapshots is two samples). Dictionaries are merged.
 */
function concatTables(tables) {
    if (tables.length === 1)
        return tables[0];
    const b = new SpanTableBuilder(tables.reduce((n, t) => n + t.size, 0));
    // Trace ids get the table's number in front so the tables' traces stay apart.
    tables.forEach((t, k) => b.addTable(t, `${k}/`));
    return canonicalTable(b.finish());
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ StoreError),
/* harmony export */   c8: () => (/* binding */ SourceError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony exports formatConfigProblem, PublishError */
/**
 * Errors a user can cause or fix. Each carries the fix, so that the mode that catches it
 * can print one clear line (or one annotation) instead of a stack trace.
 */
class UserError extends Error {
    /** What to do about it, in one sentence. */
    fix;
    constructor(message, fix, options) {
        super(message, options);
        this.name = new.target.name;
        this.fix = fix;
    }
    /** The message and the fix, as a person should read them. */
    describe() {
        return this.fix ? `${this.message}\n  fix: ${this.fix}` : this.message;
    }
}
/** The configuration file is wrong. `problems` lists every mistake in the file at once. */
class ConfigError extends UserError {
    problems;
    constructor(file, problems) {
        const lines = problems.map((p) => formatConfigProblem(file, p));
        super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the configuration\n${lines.join('\n')}`);
        this.problems = problems;
    }
    describe() {
        return this.message;
    }
}
function formatConfigProblem(file, p) {
    const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
    const example = p.example ? `\n    e.g. ${p.example}` : '';
    return `  ${where}: ${p.path || '(top level)'}: ${p.message}${example}`;
}
/** A trace source (Lightstep API, OTLP files) failed in a way the user can act on. */
class SourceError extends UserError {
}
/** A stored dataset or the store itself is unusable. */
class StoreError extends UserError {
}
/** Publishing to GitHub failed (missing permission, fork PR, …). */
class PublishError extends (/* unused pure expression or super */ null && (UserError)) {
}
/** Bad command-line or action input. */
class InputError extends UserError {
}


/***/ }),

/***/ 89450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DATASET_WEIGHT: () => (/* binding */ DATASET_WEIGHT),
/* harmony export */   readInWorker: () => (/* binding */ readInWorker),
/* harmony export */   serveReadWorker: () => (/* binding */ serveReadWorker),
/* harmony export */   workersAvailable: () => (/* binding */ workersAvailable),
/* harmony export */   worthAWorker: () => (/* binding */ worthAWorker)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _dataset_table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20040);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);





/**
 * Reading a side in a worker thread while the calling thread reads the other (readSpanFiles decides),
 * so that the two sides of a diff are read (parsed, deduplicated, ordered) at once on two cores. The worker reads exactly as the calling thread would and sends
 * back the dataset's columns: the typed arrays are transferred, not copied, and no object per span
 * is made on either side. Ids go as their lists of words (transferred too), never as a million strings. The bundle (dist/) has one file: the worker runs that same file, whose
 * entry points call `serveReadWorker` first (cli.ts, index.ts).
 */
const KEY = 'traceDifferReadSpans';
/** Below this many bytes of input a side is read in the calling thread: a worker costs ~50 ms to start and load the code. */
const WORKER_BYTES = 16 << 20;
/** A dataset file holds ~16 times the spans of as many bytes of JSON, and takes about as long to read. */
const DATASET_WEIGHT = 16;
/**
 * Whether files this large are better read in a worker (and there is a second core to read them on).
 * `weight`: how many bytes of JSON a byte of them is worth (DATASET_WEIGHT for a dataset file).
 */
async function worthAWorker(paths, weight = 1) {
    if (!workersAvailable())
        return false;
    let total = 0;
    for (const path of paths) {
        total += weight * (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => ({ size: 0 }))).size;
        if (total >= WORKER_BYTES)
            return true;
    }
    return false;
}
/** The buffers of a table's columns, to transfer. */
function columns(t) {
    const arrays = [
        t.trace,
        t.span,
        t.parentSpan,
        t.parent,
        t.start,
        t.duration,
        t.error,
        t.service,
        t.operation,
        t.host,
    ];
    const ids = t.ids ? [t.ids.trace.words, t.ids.span.words] : [];
    // A buffer shared by two views is transferred once.
    return [...new Set([...arrays, ...t.tags, ...ids].map((a) => a.buffer))];
}
/** The dataset to send: a table with id lists goes without its id strings (cloning a getter would make them). */
function answerOf(dataset) {
    const t = dataset.table;
    if (!t.ids)
        return { dataset };
    const table = {};
    for (const key of Object.keys(t))
        if (key !== 'traceIds' && key !== 'spanIds')
            table[key] = t[key];
    return { dataset: { ...dataset, table: table }, ids: t.ids };
}
const USER_ERRORS = {
    InputError: _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz,
    SourceError: _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .SourceError */ .c8,
    StoreError: _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreError */ .AD,
    UserError: _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo,
};
/** The program's entry file, as its entry point gave it to `serveReadWorker` (the bundle's code is split into chunks: this module's own file is not one to run). */
let entry;
/** The worker's script: the program's own entry in the bundle, read-worker.ts when run from the sources (through tsx); none otherwise. */
function script() {
    const here = import.meta.url;
    if (here.endsWith('.ts'))
        return { url: new URL('./read-worker.ts', here), execArgv: ['--import', 'tsx'] };
    return entry ? { url: new URL(entry) } : undefined;
}
/** Whether a worker can be started here at all (the program came in through an entry point that serves it). */
function workersAvailable() {
    return script() !== undefined && (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() >= 2;
}
/** `readSpanFiles` in a worker thread: the same dataset, or the same mistake (its class, message and fix). */
function readInWorker(paths, options) {
    const { url, execArgv } = script() ?? {};
    if (!url)
        return Promise.reject(new Error('no entry point to start a worker from'));
    return new Promise((resolve, reject) => {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.Worker(url, {
            workerData: { [KEY]: { paths, options } },
            // A small young generation: two workers with the default one held ~1 GiB between them on the
            // bench's 1M-span sides, with it ~0.8 GiB, for the same CPU time.
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
            ...(execArgv ? { execArgv } : {}),
        });
        let answered = false;
        worker.once('message', (answer) => {
            answered = true;
            if (answer.dataset) {
                const dataset = answer.ids
                    ? { ...answer.dataset, table: (0,_dataset_table_js__WEBPACK_IMPORTED_MODULE_3__/* .withIdLists */ .Fi)(answer.dataset.table, answer.ids) }
                    : answer.dataset;
                const grouping = answer.grouping;
                if (!grouping)
                    resolve(dataset);
                else
                    Promise.all(/* import() */[__webpack_require__.e(33), __webpack_require__.e(396)]).then(__webpack_require__.bind(__webpack_require__, 48033)).then((g) => {
                        g.adoptGrouping(dataset.table, grouping);
                        resolve(dataset);
                    }, reject);
            }
            else {
                const e = answer.error;
                const UserErrorClass = USER_ERRORS[e.kind];
                reject(UserErrorClass ? new UserErrorClass(e.message, e.fix) : new Error(e.message));
            }
        });
        worker.once('error', (error) => {
            answered = true;
            reject(error);
        });
        worker.once('exit', (code) => {
            if (!answered)
                reject(new Error(`the worker reading ${paths.join(', ')} stopped without an answer (exit code ${code})`));
        });
    });
}
/**
 * Called first by each entry point with its own URL: in a worker started by `readInWorker`, reads,
 * answers and returns true; anywhere else notes the entry (the script of workers to come) and
 * returns false at once.
 */
async function serveReadWorker(entryUrl) {
    entry = entryUrl;
    const job = node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.workerData?.[KEY];
    if (node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.isMainThread || !job)
        return false;
    let answer;
    let transfer = [];
    try {
        const { readSpanFiles } = await __webpack_require__.e(/* import() */ 945).then(__webpack_require__.bind(__webpack_require__, 64945));
        const dataset = await readSpanFiles(job.paths, { ...job.options, inThread: true });
        answer = answerOf(dataset);
        transfer = columns(dataset.table);
        if (job.options.groupBy) {
            const { prepareGrouping, preparedGrouping } = await Promise.all(/* import() */[__webpack_require__.e(33), __webpack_require__.e(396)]).then(__webpack_require__.bind(__webpack_require__, 48033));
            prepareGrouping(dataset.table, job.options.groupBy);
            const grouping = preparedGrouping(dataset.table);
            if (grouping) {
                answer.grouping = grouping.runs;
                transfer.push(...grouping.buffers);
            }
        }
    }
    catch (error) {
        const e = error;
        answer = {
            error: {
                kind: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo ? (e.name in USER_ERRORS ? e.name : 'UserError') : 'Error',
                message: error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo ? e.message : (e.stack ?? e.message),
                ...(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo && error.fix ? { fix: error.fix } : {}),
            },
        };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.parentPort.postMessage(answer, transfer);
    return true;
}


/***/ })

};
