export const id = 33;
export const ids = [33];
export const modules = {

/***/ 48033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bucket: () => (/* binding */ Bucket),
  Grouping: () => (/* binding */ Grouping),
  Groups: () => (/* binding */ Groups),
  NONE: () => (/* reexport */ vocabulary/* NONE */.x3),
  PART_SEPARATOR: () => (/* reexport */ vocabulary/* PART_SEPARATOR */.eo),
  ValueNames: () => (/* binding */ ValueNames),
  adoptGrouping: () => (/* binding */ adoptGrouping),
  groupEdges: () => (/* binding */ groupEdges),
  groupSpans: () => (/* binding */ groupSpans),
  prepareGrouping: () => (/* binding */ prepareGrouping),
  preparedGrouping: () => (/* binding */ preparedGrouping)
});

;// CONCATENATED MODULE: ./src/dataset/intern.ts
/**
 * Open-addressing hash tables over typed arrays, for the million-span passes of the grouping:
 * a JavaScript Map of a million fresh strings spends most of its time growing and collecting
 * garbage; these hold only integers, start small and double when half full.
 */
const INITIAL_CAPACITY = 1024;
/** FNV-1a over the UTF-16 code units. */
function hashString(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h | 0;
}
/** Interns strings (the grouping's value names) to dense ids 0, 1, 2, … in order of first appearance. */
class StringIds {
    /** Interleaved [hash, id + 1] per slot: a probe reads one cache line, and strings compare only on equal hashes. */
    slots = new Int32Array(INITIAL_CAPACITY * 2);
    mask = INITIAL_CAPACITY - 1;
    keys = [];
    /** The id of `key`, adding it when new. */
    intern(key) {
        const hash = hashString(key);
        let at = hash & this.mask;
        for (;;) {
            const slot = this.slots[2 * at + 1];
            if (slot === 0) {
                this.keys.push(key);
                this.slots[2 * at] = hash;
                this.slots[2 * at + 1] = this.keys.length;
                if (this.keys.length * 2 > this.mask)
                    this.grow();
                return this.keys.length - 1;
            }
            if (this.slots[2 * at] === hash && this.keys[slot - 1] === key)
                return slot - 1;
            at = (at + 1) & this.mask;
        }
    }
    get size() {
        return this.keys.length;
    }
    grow() {
        const old = this.slots;
        this.slots = new Int32Array(old.length * 2);
        this.mask = old.length - 1;
        for (let s = 0; s < old.length; s += 2) {
            if (old[s + 1] === 0)
                continue;
            let at = old[s] & this.mask;
            while (this.slots[2 * at + 1] !== 0)
                at = (at + 1) & this.mask;
            this.slots[2 * at] = old[s];
            this.slots[2 * at + 1] = old[s + 1];
        }
    }
}
function hashPair(x, y) {
    const h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
    return h ^ (h >>> 16);
}
/** Interns pairs of non-negative integers to dense ids 0, 1, 2, … in order of first appearance. */
class PairIds {
    /** Per slot [x, y, id + 1]. */
    slots = new Int32Array(INITIAL_CAPACITY * 3);
    mask = INITIAL_CAPACITY - 1;
    size = 0;
    intern(x, y) {
        let at = hashPair(x, y) & this.mask;
        for (;;) {
            const slot = this.slots[3 * at + 2];
            if (slot === 0) {
                this.slots[3 * at] = x;
                this.slots[3 * at + 1] = y;
                this.slots[3 * at + 2] = ++this.size;
                if (this.size * 2 > this.mask)
                    this.grow();
                return this.size - 1;
            }
            if (this.slots[3 * at] === x && this.slots[3 * at + 1] === y)
                return slot - 1;
            at = (at + 1) & this.mask;
        }
    }
    grow() {
        const old = this.slots;
        const capacity = (this.mask + 1) * 2;
        this.slots = new Int32Array(capacity * 3);
        this.mask = capacity - 1;
        for (let s = 0; s < old.length; s += 3) {
            if (old[s + 2] === 0)
                continue;
            let at = hashPair(old[s], old[s + 1]) & this.mask;
            while (this.slots[3 * at + 2] !== 0)
                at = (at + 1) & this.mask;
            this.slots[3 * at] = old[s];
            this.slots[3 * at + 1] = old[s + 1];
            this.slots[3 * at + 2] = old[s + 2];
        }
    }
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
;// CONCATENATED MODULE: ./src/diff/sort.ts
/**
 * The order of `xs` ascending, as indices (ties keep index order), and the values in that order into
 * `sorted` when given: the grouping places each value's spans in this order, so every value's
 * latencies come out sorted, with their traces beside them, without a sort per value. Integer
 * microseconds below 2^20 (about a second) take one counting pass; below 2^33, a stable
 * least-significant-digit radix sort of 11-bit digits (a digit's counters stay in the first-level
 * cache; a digit that is the same for every value is skipped); anything else a comparison sort of
 * the indices.
 */
function ascendingOrder(xs, sorted) {
    const n = xs.length;
    let integral = n >= 4096;
    let max = 0;
    for (let i = 0; integral && i < n; i++) {
        const x = xs[i];
        integral = x >= 0 && x < 8589934592 && Number.isInteger(x);
        if (x > max)
            max = x;
    }
    if (integral && max < COUNTING_LIMIT)
        return countingOrder(xs, max, sorted);
    if (!integral) {
        const order = new Uint32Array(n);
        for (let i = 0; i < n; i++)
            order[i] = i;
        // NaN compares as neither smaller nor larger: ties fall back to the index, so the sort still ends.
        order.sort((a, b) => xs[a] - xs[b] || a - b);
        if (sorted)
            for (let i = 0; i < n; i++)
                sorted[i] = xs[order[i]];
        return order;
    }
    // The three digits' counts in one pass; the keys are carried along with the indices, so no pass reads xs at random.
    const counts = new Int32Array(3 * DIGIT);
    let keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
        const x = xs[i];
        const low = x % 4194304;
        counts[low & MASK]++;
        counts[DIGIT + (low >>> BITS)]++;
        counts[2 * DIGIT + (x - low) / 4194304]++;
        keys[i] = low;
    }
    let order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    let high;
    let nextKeys = new Uint32Array(n);
    let nextOrder = new Uint32Array(n);
    /** The top digit when it is the same for every value (then it is skipped, and `keys` end up the low 22 bits in order). */
    let top = -1;
    for (let d = 0; d < 3; d++) {
        const base = d * DIGIT;
        const same = sameDigit(counts, base, n);
        if (d === 2)
            top = same;
        if (same >= 0)
            continue;
        if (d === 2 && !high) {
            // The top digit (latencies of 70 minutes and more) is read from xs only when some value has one.
            high = new Uint32Array(n);
            for (let i = 0; i < n; i++)
                high[i] = Math.floor(xs[order[i]] / 4194304);
            keys = high;
        }
        let sum = 0;
        for (let k = 0; k < DIGIT; k++) {
            const c = counts[base + k];
            counts[base + k] = sum;
            sum += c;
        }
        const shift = d === 1 ? BITS : 0;
        for (let i = 0; i < n; i++) {
            const key = keys[i];
            const at = counts[base + ((key >>> shift) & MASK)]++;
            nextOrder[at] = order[i];
            nextKeys[at] = key;
        }
        [order, nextOrder] = [nextOrder, order];
        [keys, nextKeys] = [nextKeys, keys];
    }
    // The values in order come free from the carried keys, unless the top digit had to be sorted on.
    if (sorted) {
        if (top >= 0)
            for (let i = 0; i < n; i++)
                sorted[i] = top * 4194304 + keys[i];
        else
            for (let i = 0; i < n; i++)
                sorted[i] = xs[order[i]];
    }
    return order;
}
const BITS = 11;
const DIGIT = 1 << BITS;
const MASK = DIGIT - 1;
/** The digit every value has, when they all have the same (one counter holds all n), or -1. */
function sameDigit(counts, base, n) {
    for (let k = 0; k < DIGIT; k++)
        if (counts[base + k] === n)
            return k;
    return -1;
}
/** Latencies below this many µs (about a second) are ordered by one counting pass, a counter per µs. */
const COUNTING_LIMIT = 1 << 20;
/** A stable counting sort: one pass to count, one to place; the values in order are the counters read back. */
function countingOrder(xs, max, sorted) {
    const n = xs.length;
    const counts = new Int32Array(max + 2);
    for (let i = 0; i < n; i++)
        counts[xs[i] + 1]++;
    if (sorted) {
        for (let v = 0, at = 0; v <= max; v++) {
            const c = counts[v + 1];
            if (c > 0)
                sorted.fill(v, at, at + c);
            at += c;
        }
    }
    for (let v = 0; v <= max; v++)
        counts[v + 1] += counts[v];
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[counts[xs[i]]++] = i;
    return order;
}

// EXTERNAL MODULE: ./src/diff/stats/clusters.ts
var clusters = __webpack_require__(15204);
// EXTERNAL MODULE: ./src/vocabulary.ts
var vocabulary = __webpack_require__(47819);
;// CONCATENATED MODULE: ./src/diff/group.ts






/**
 * The spans of one value of one key, reduced to what the statistics need. Its latencies and traces
 * are a run of arrays shared by every value of the key; a view of them is made only when read (most
 * values are never tested, and a view costs more than the rest of the bucket): the summary reads the
 * run in place.
 */
class Bucket {
    latencies;
    traceColumn;
    from;
    size;
    traceCount;
    errors;
    sumSquares;
    /** For a call edge: the callee, `service:operation`. */
    callee;
    sortedView;
    tracesView;
    clusterView;
    constructor(
    /** The key's latencies (µs), each value's run in ascending order; this value's run is `from` … `from + size`. */
    latencies, 
    /** The side-local trace index (the table's trace column) of each of `latencies`, aligned with it. */
    traceColumn, from, 
    /** Spans of this value. */
    size, 
    /** How many distinct traces hold a span of this value. */
    traceCount, errors, 
    /**
     * Σ over traces of (spans of this value in the trace)²: the spans of one trace are correlated,
     * so a span count varies more than a Poisson count would; this measures by how much (see compare.ts).
     * Counted per trace id, from the trace column: never from where spans sit in the input.
     */
    sumSquares) {
        this.latencies = latencies;
        this.traceColumn = traceColumn;
        this.from = from;
        this.size = size;
        this.traceCount = traceCount;
        this.errors = errors;
        this.sumSquares = sumSquares;
    }
    /** The latencies (µs) in ascending order. */
    get sorted() {
        return (this.sortedView ??= this.latencies.subarray(this.from, this.from + this.size));
    }
    /** The trace of each latency in `sorted`, aligned with it. */
    get traces() {
        return (this.tracesView ??= this.traceColumn.subarray(this.from, this.from + this.size));
    }
    /** Which trace each latency belongs to, as the statistics read it: made once, for the tests and the intervals. */
    get clusters() {
        // Each span in a trace of its own (the count says so): the slots need no look at the traces.
        return (this.clusterView ??= new clusters/* Clusters */.g(this.traceCount === this.size ? this.size : this.traces));
    }
}
/**
 * The dense ids of one column of string indexes; `-1` (no such tag) becomes a value of its own,
 * named NONE. Ids are numbered in row order, and the table's row order is canonical.
 */
function denseIds(column, size, strings) {
    const ids = new Int32Array(size);
    const map = new Int32Array(strings + 1).fill(-1);
    const first = [];
    for (let i = 0; i < size; i++) {
        const v = column ? column[i] : -1;
        const slot = v < 0 ? strings : v;
        let id = map[slot];
        if (id < 0) {
            id = map[slot] = first.length;
            first.push(i);
        }
        ids[i] = id;
    }
    return { ids, count: first.length, first };
}
/** Pairs of ids below this many are numbered through a flat table; more through a hash table. */
const FLAT_PAIRS = 1 << 22;
/** The pair (a, b) of ids as one dense id; `-1` in either stays `-1` (no value: not counted). */
function combine(a, b) {
    const n = a.ids.length;
    const ids = new Int32Array(n);
    const first = [];
    const as = a.ids;
    const bs = b.ids;
    const width = b.count;
    if (a.count * width <= FLAT_PAIRS) {
        // Most combined keys (service × operation, caller × callee) have few enough pairs for a flat table.
        const seen = new Int32Array(a.count * width).fill(-1);
        for (let i = 0; i < n; i++) {
            const x = as[i];
            const y = bs[i];
            if (x < 0 || y < 0) {
                ids[i] = -1;
                continue;
            }
            let id = seen[x * width + y];
            if (id < 0)
                id = seen[x * width + y] = first.push(i) - 1;
            ids[i] = id;
        }
        return { ids, count: first.length, first };
    }
    const seen = new PairIds();
    for (let i = 0; i < n; i++) {
        const x = as[i];
        const y = bs[i];
        if (x < 0 || y < 0) {
            ids[i] = -1;
            continue;
        }
        const id = seen.intern(x, y);
        if (id === first.length)
            first.push(i);
        ids[i] = id;
    }
    return { ids, count: first.length, first };
}
/** The base of ValueNames' text hashes: odd, with well-mixed bits. */
const BASE = 0x01000193;
/**
 * The names of values, shared by the two sides of a diff: each text (a tag value, `service:operation`,
 * a combined key, an edge) is made once, as one string, and numbered. Both sides' values are then
 * paired by number (an array index), not by looking texts up in maps, and the second side builds no
 * names. Joined texts are found by the numbers of their parts; a text is numbered by the text itself,
 * so parts that read the same once joined (`a:b` + `c` and `a` + `b:c`) give one number, as one value.
 */
class ValueNames {
    /** Every text, numbered in order of first appearance. */
    texts = [];
    /**
     * Per text: a polynomial hash of its code units (mod 2^32) and the base to the power of its length,
     * so a joined text's hash comes from its parts' in O(1), without reading (or flattening) the text.
     */
    hashes = [];
    powers = [];
    /** Hash → the first text with it; `sameHash[id]` the next text with (nearly) id's hash (-1: none). */
    byHash = new Map();
    sameHash = [];
    /** Per text number, the parts it was first joined from (left, right) and its separator's index; -1: not a join. */
    leftOf = [];
    rightOf = [];
    joinOf = [];
    /** Per separator (a few), its hash and power, the numbered pairs and their texts; found by identity, not hashed. */
    joins = [];
    /** The number of a single text (a value as the table holds it, or a value's name). */
    of(text) {
        let hash = 0;
        let power = 1;
        for (let i = 0; i < text.length; i++) {
            hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
            power = Math.imul(power, BASE);
        }
        return this.number(text, hash, power, -1, -1, -1);
    }
    /** The number of texts `a` and `b` joined by `separator`. */
    join(a, separator, b) {
        let j = 0;
        while (j < this.joins.length && this.joins[j].separator !== separator)
            j++;
        if (j === this.joins.length) {
            const s = this.of(separator);
            this.joins.push({ separator, hash: this.hashes[s], power: this.powers[s], pairs: new PairIds(), text: [] });
        }
        const join = this.joins[j];
        const k = join.pairs.intern(a, b);
        if (k === join.text.length) {
            const head = (Math.imul(this.hashes[a], join.power) + join.hash) | 0;
            const hash = (Math.imul(head, this.powers[b]) + this.hashes[b]) | 0;
            const power = Math.imul(Math.imul(this.powers[a], join.power), this.powers[b]);
            join.text.push(this.number(this.texts[a] + separator + this.texts[b], hash, power, a, b, j));
        }
        return join.text[k];
    }
    text(id) {
        return this.texts[id];
    }
    /** How many texts are numbered: every number is below this. */
    get size() {
        return this.texts.length;
    }
    /** The number of `text`, whose hash and power are given; a new one (with its parts) when the text is new. */
    number(text, hash, power, left, right, join) {
        // The key is the hash's top 31 bits: a small integer to the Map (a wider one is a heap number, allocated).
        const key = hash >> 1;
        const first = this.byHash.get(key);
        // Texts compared only when their hashes are equal: the same text made from other parts, or (rarely) a collision.
        for (let id = first ?? -1; id >= 0; id = this.sameHash[id])
            if (this.texts[id] === text)
                return id;
        const id = this.texts.push(text) - 1;
        this.hashes.push(hash);
        this.powers.push(power);
        this.sameHash.push(first ?? -1);
        this.byHash.set(key, id);
        this.leftOf.push(left);
        this.rightOf.push(right);
        this.joinOf.push(join);
        return id;
    }
    /**
     * The positions of `ids` (distinct text numbers) in ascending code-unit order of their texts. A list
     * of joins is ordered by its parts' ranks, two counting passes with no text compared: a hundred
     * thousand call edges compared as texts (long shared prefixes) took a third of a second. That order
     * is the texts' own when no left part followed by the separator begins another (`svc` + `:` and
     * `svc-2` + `:` are fine; `a` + ` / ` and `a / b` + ` / ` are not): checked, else the texts are compared.
     */
    order(ids) {
        const n = ids.length;
        const positions = new Int32Array(n);
        for (let i = 0; i < n; i++)
            positions[i] = i;
        const join = n > 1 ? this.joinOf[ids[0]] : -1;
        let joined = join >= 0;
        for (let i = 1; joined && i < n; i++)
            joined = this.joinOf[ids[i]] === join;
        const byText = () => positions.sort((x, y) => (0,src_text/* byCodeUnits */.CA)(this.text(ids[x]), this.text(ids[y])));
        if (!joined)
            return byText();
        // Each distinct part once, by its rank; `slot` maps a text number to its place among the lefts or rights.
        const slot = new Int32Array(this.size).fill(-1);
        const lefts = [];
        for (let i = 0; i < n; i++) {
            const l = this.leftOf[ids[i]];
            if (slot[l] < 0)
                slot[l] = lefts.push(l) - 1;
        }
        const separator = this.joins[join].separator;
        const heads = lefts.map((l) => this.text(l) + separator);
        const byHead = lefts.map((_, k) => k).sort((x, y) => (0,src_text/* byCodeUnits */.CA)(heads[x], heads[y]));
        for (let r = 1; r < byHead.length; r++)
            if (heads[byHead[r]].startsWith(heads[byHead[r - 1]]))
                return byText();
        const leftRank = new Int32Array(lefts.length);
        byHead.forEach((k, r) => (leftRank[k] = r));
        const leftOfAt = new Int32Array(n);
        for (let i = 0; i < n; i++)
            leftOfAt[i] = leftRank[slot[this.leftOf[ids[i]]]];
        slot.fill(-1);
        const rights = [];
        for (let i = 0; i < n; i++) {
            const r = this.rightOf[ids[i]];
            if (slot[r] < 0)
                slot[r] = rights.push(r) - 1;
        }
        const rightIds = Int32Array.from(rights);
        const byRight = this.order(rightIds);
        const rightRank = new Int32Array(rights.length);
        for (let r = 0; r < byRight.length; r++)
            rightRank[byRight[r]] = r;
        const rightOfAt = new Int32Array(n);
        for (let i = 0; i < n; i++)
            rightOfAt[i] = rightRank[slot[this.rightOf[ids[i]]]];
        // Least significant first: by right part, then (stable) by left part.
        const byR = countingSort(positions, rightOfAt, rights.length);
        return countingSort(byR, leftOfAt, lefts.length);
    }
}
/** `items` stably ordered by `key[item]` (0 … keys - 1). */
function countingSort(items, key, keys) {
    const start = new Int32Array(keys + 1);
    for (let i = 0; i < items.length; i++)
        start[key[items[i]] + 1]++;
    for (let k = 0; k < keys; k++)
        start[k + 1] += start[k];
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++)
        out[start[key[items[i]]]++] = items[i];
    return out;
}
/** The key of the call edges among a table's prepared runs. */
const EDGES = '\u0000edges';
const runsKey = (key) => key.join('\u0000');
/** Runs made ahead of a diff, per table and key; a diff takes each once (and so lets it go). */
const prepared = new WeakMap();
/**
 * Groups a table by the keys (and its call edges) before the diff asks, as far as that needs no names
 * of values: the dense ids, the latency order, each value's run and counts. The work is the same, done
 * earlier: the diff of files calls it for a side read while the other is still being read (in a
 * worker), so it takes time otherwise spent waiting.
 */
function prepareGrouping(table, keys) {
    // Grouped already (in the worker that read it, see `adoptGrouping`).
    if (prepared.has(table))
        return;
    const grouping = new Grouping(table);
    const runs = new Map();
    for (const key of keys)
        runs.set(runsKey(key), grouping.runsOf(key));
    const edges = grouping.edgeRuns();
    if (edges)
        runs.set(EDGES, edges);
    prepared.set(table, runs);
}
/** A table's runs made ahead, to send with it to another thread (see `adoptGrouping`); their buffers, to transfer. */
function preparedGrouping(table) {
    const runs = prepared.get(table);
    if (!runs)
        return undefined;
    const buffers = new Set();
    for (const r of runs.values()) {
        for (const a of [r.ids.ids, r.latencies, r.traces, r.offsets, r.traceCount, r.errors, r.sumSquares, r.callee?.ids])
            if (a)
                buffers.add(a.buffer);
    }
    return { runs, buffers: [...buffers] };
}
/** Runs made ahead in another thread for this table (the same table, sent from there). */
function adoptGrouping(table, runs) {
    prepared.set(table, runs);
}
/** The runs made ahead for this table and key, taken (a second diff of the table makes its own). */
function takePrepared(table, key) {
    const runs = prepared.get(table);
    const made = runs?.get(key);
    if (made)
        runs.delete(key);
    return made;
}
/**
 * One side's span table, grouped column-wise: every key becomes an id per row, then one stable
 * placement in latency order puts each value's latencies side by side in a single Float64Array,
 * already sorted, with their traces beside them. No object per span, no sort per value, and a
 * combined key's name is built once per value. Part ids are cached, so `service+operation` and the
 * call edges reuse `service` and `operation`. Nothing here depends on the order of the input: the
 * table is canonical, and traces are told apart by the trace column.
 */
class Grouping {
    table;
    names;
    parts = new Map();
    /** Computed once for every key. */
    latency;
    /** The table's strings as numbers of `names` (-1: not yet looked up); the last one is NONE. */
    textOf;
    /** `names` is shared with the other side of the diff (see `ValueNames`). */
    constructor(table, names = new ValueNames()) {
        this.table = table;
        this.names = names;
        this.textOf = new Int32Array(table.strings.length + 1).fill(-1);
    }
    /** The text number of a string index of the table (-1: NONE). */
    text(v) {
        const slot = v < 0 ? this.textOf.length - 1 : v;
        let id = this.textOf[slot];
        if (id < 0)
            id = this.textOf[slot] = this.names.of(v < 0 ? vocabulary/* NONE */.x3 : this.table.strings[v]);
        return id;
    }
    /** The text number of one part of a key at a row. */
    valueAt(part, row) {
        const t = this.table;
        if (part === 'service')
            return this.text(t.service[row]);
        if (part === 'operation')
            return this.text(t.operation[row]);
        const k = t.tagKeys.indexOf(part);
        return this.text(k < 0 ? -1 : t.tags[k][row]);
    }
    part(name) {
        let ids = this.parts.get(name);
        if (!ids) {
            const t = this.table;
            const column = name === 'service' ? t.service : name === 'operation' ? t.operation : t.tags[t.tagKeys.indexOf(name)];
            ids = denseIds(column, t.size, t.strings.length);
            this.parts.set(name, ids);
        }
        return ids;
    }
    idsOf(key) {
        let ids = this.part(key[0]);
        for (let k = 1; k < key.length; k++)
            ids = combine(ids, this.part(key[k]));
        return ids;
    }
    /** Groups the spans by a (possibly combined) key. */
    byKey(key) {
        return this.groups(key).toMap();
    }
    /** The values of a (possibly combined) key, column-wise (see `Groups`). */
    groups(key) {
        const runs = takePrepared(this.table, runsKey(key)) ?? this.runsOf(key);
        const ids = runs.ids;
        const texts = new Int32Array(ids.count);
        for (let id = 0; id < ids.count; id++) {
            const row = ids.first[id];
            let text = this.valueAt(key[0], row);
            for (let k = 1; k < key.length; k++)
                text = this.names.join(text, vocabulary/* PART_SEPARATOR */.eo, this.valueAt(key[k], row));
            texts[id] = text;
        }
        return this.groupsOf(runs, texts);
    }
    /** One key's runs (see `Runs`). */
    runsOf(key) {
        return this.runs(this.idsOf(key));
    }
    /**
     * Call edges: each span whose parent is in the same trace is a call from the parent's
     * `service:operation` to its own. The bucket holds the callee spans on that edge.
     */
    edges() {
        return this.edgeGroups().toMap();
    }
    /** The call edges, column-wise (see `edges`), each with its callee. */
    edgeGroups() {
        const t = this.table;
        const runs = takePrepared(t, EDGES) ?? this.edgeRuns();
        // No parent links (single-span traces, or a source that lost them): no edges.
        if (!runs) {
            const none = new Int32Array(0);
            return new Groups(this.names, new Float64Array(0), none, none, new Int32Array(1), none, none, new Float64Array(0), none);
        }
        const parent = t.parent;
        const callee = runs.callee;
        const edges = runs.ids;
        // `service:operation` once per callee value, then each edge's name from two of them.
        const so = callee.first.map((row) => this.names.join(this.text(t.service[row]), ':', this.text(t.operation[row])));
        const callees = new Int32Array(edges.count);
        const texts = new Int32Array(edges.count);
        for (let id = 0; id < edges.count; id++) {
            const row = edges.first[id];
            callees[id] = so[callee.ids[row]];
            texts[id] = this.names.join(so[callee.ids[parent[row]]], ' -> ', callees[id]);
        }
        return this.groupsOf(runs, texts, callees);
    }
    /** The call edges' runs, with the callee ids they were made from; undefined when no span has a parent. */
    edgeRuns() {
        const t = this.table;
        const parent = t.parent;
        const n = t.size;
        let any = false;
        for (let i = 0; i < n && !any; i++)
            any = parent[i] >= 0;
        if (!any)
            return undefined;
        const callee = this.idsOf(['service', 'operation']);
        const caller = { ids: new Int32Array(n), count: callee.count, first: callee.first };
        for (let i = 0; i < n; i++) {
            const p = parent[i];
            caller.ids[i] = p < 0 ? -1 : callee.ids[p];
        }
        return { ...this.runs(combine(caller, callee)), callee };
    }
    /** The rows in latency order and the columns in that order (see `ByLatency`). */
    byLatency() {
        if (this.latency)
            return this.latency;
        const t = this.table;
        const n = t.size;
        const duration = new Float64Array(n);
        const order = ascendingOrder(t.duration, duration);
        const tTrace = t.trace;
        const trace = new Int32Array(n);
        for (let r = 0; r < n; r++)
            trace[r] = tTrace[order[r]];
        // Contiguous traces: a trace that starts a run of rows was never seen before. A canonical table's
        // trace column only grows; anything else (a table built by hand) is checked trace by trace.
        let traces = 0;
        let contiguous = true;
        let seen;
        for (let i = 0; i < n; i++) {
            const tr = tTrace[i];
            if (i > 0 && tr === tTrace[i - 1])
                continue;
            if (tr >= traces)
                traces = tr + 1;
            else if (contiguous) {
                if (!seen) {
                    let max = 0;
                    for (let k = 0; k < n; k++)
                        if (tTrace[k] > max)
                            max = tTrace[k];
                    seen = new Uint8Array(max + 1);
                    for (let k = 0; k < i; k++)
                        seen[tTrace[k]] = 1;
                }
                if (seen[tr])
                    contiguous = false;
            }
            if (seen)
                seen[tr] = 1;
        }
        return (this.latency = { order, duration, trace, traces, contiguous });
    }
    /**
     * One key's values. Counts (spans, errors, traces, Σ m²) in one sequential pass over the rows: a
     * trace's rows are contiguous, so a value's traces are told apart by the last trace it was seen in.
     * Then a counting sort of the rows by value id, taken in latency order so each value's run comes
     * out sorted (stable: ties by row).
     */
    runs(ids) {
        const n = this.table.size;
        const count = ids.count;
        const { order, duration, trace, traces: traceTotal, contiguous } = this.byLatency();
        const rowIds = ids.ids;
        // Per value, side by side (one cache line holds all a row touches): spans, errors, traces, last trace, spans in it.
        const acc = new Int32Array(5 * count);
        const sumSquares = new Float64Array(count);
        const tTrace = this.table.trace;
        const tError = this.table.error;
        for (let id = 0; id < count; id++)
            acc[5 * id + 3] = -1;
        for (let i = 0; i < n; i++) {
            const id = rowIds[i];
            if (id < 0)
                continue;
            const at = 5 * id;
            acc[at]++;
            acc[at + 1] += tError[i];
            const tr = tTrace[i];
            if (acc[at + 3] !== tr) {
                acc[at + 2]++;
                acc[at + 3] = tr;
                acc[at + 4] = 0;
            }
            // m² = Σ (2k + 1), k < m: added span by span.
            sumSquares[id] += 2 * acc[at + 4]++ + 1;
        }
        const offsets = new Int32Array(count + 1);
        for (let id = 0; id < count; id++)
            offsets[id + 1] = offsets[id] + acc[5 * id];
        const total = offsets[count];
        const durations = new Float64Array(total);
        const traces = new Int32Array(total);
        place(rowIds, count, order, offsets.slice(0, count), duration, trace, durations, traces);
        const traceCount = new Int32Array(count);
        const errors = new Int32Array(count);
        for (let id = 0; id < count; id++) {
            traceCount[id] = acc[5 * id + 2];
            errors[id] = acc[5 * id + 1];
        }
        if (!contiguous)
            countTraces(offsets, traces, traceTotal, traceCount, sumSquares);
        return { ids, latencies: durations, traces, offsets, traceCount, errors, sumSquares, traceTotal };
    }
    /** One key's values from its runs: `texts[id]` is the text number of value `id`, `callees[id]` its callee's for call edges. */
    groupsOf(runs, texts, callees) {
        const { latencies, traces, offsets, traceCount, errors, sumSquares, traceTotal } = runs;
        const count = runs.ids.count;
        const groups = new Groups(this.names, latencies, traces, texts, offsets, traceCount, errors, sumSquares, callees);
        // Different parts can read the same once joined (`a:b` + `c` and `a` + `b:c`), or a tag's value can
        // read `(none)`: one text, one number, one value. Rare, so only then are the values merged.
        const seen = new Uint8Array(this.names.size);
        for (let id = 0; id < count; id++) {
            if (seen[texts[id]])
                return mergeSameText(groups, traceTotal);
            seen[texts[id]] = 1;
        }
        return groups;
    }
}
/**
 * One key's values on one side, column-wise: value `i` is the text numbered `text[i]` in `names`, and its
 * spans' latencies (ascending) are `latencies[offsets[i]]` … `latencies[offsets[i + 1] - 1]`, with their
 * traces beside them in `traceColumn`. A big diff has hundreds of thousands of values, mostly untested:
 * a Bucket (and a map entry) each cost more than their statistics, so one is made only when asked for.
 */
class Groups {
    names;
    latencies;
    traceColumn;
    text;
    offsets;
    traceCount;
    errors;
    sumSquares;
    callee;
    index;
    constructor(names, latencies, traceColumn, text, offsets, 
    /** Per value: distinct traces holding a span of it. */
    traceCount, errors, 
    /** Per value: Σ over traces of (its spans in the trace)² (see Bucket). */
    sumSquares, 
    /** For call edges, per value: the text number of the callee, `service:operation`. */
    callee) {
        this.names = names;
        this.latencies = latencies;
        this.traceColumn = traceColumn;
        this.text = text;
        this.offsets = offsets;
        this.traceCount = traceCount;
        this.errors = errors;
        this.sumSquares = sumSquares;
        this.callee = callee;
    }
    /** How many values. */
    get size() {
        return this.text.length;
    }
    /** Spans of value `i`. */
    spans(i) {
        return this.offsets[i + 1] - this.offsets[i];
    }
    name(i) {
        return this.names.text(this.text[i]);
    }
    /** The value whose text is numbered `text`, or -1. */
    indexOf(text) {
        if (!this.index) {
            let max = -1;
            for (let i = 0; i < this.text.length; i++)
                if (this.text[i] > max)
                    max = this.text[i];
            this.index = new Int32Array(max + 1).fill(-1);
            for (let i = 0; i < this.text.length; i++)
                this.index[this.text[i]] = i;
        }
        return text < this.index.length ? this.index[text] : -1;
    }
    /** Value `i` as a Bucket (a new one each time). */
    bucket(i) {
        const from = this.offsets[i];
        const bucket = new Bucket(this.latencies, this.traceColumn, from, this.offsets[i + 1] - from, this.traceCount[i], this.errors[i], this.sumSquares[i]);
        if (this.callee)
            bucket.callee = this.names.text(this.callee[i]);
        return bucket;
    }
    /** Every value by its name, in value order. */
    toMap() {
        const out = new Map();
        for (let i = 0; i < this.size; i++)
            out.set(this.name(i), this.bucket(i));
        return out;
    }
}
/**
 * Each row's duration and trace placed in its value's run, in latency order: `cursor[id]` is where
 * value `id`'s next one goes. One read at random per row (its id), the slowest step of a key: few
 * values fit a narrower copy of the ids (a byte or two a row instead of four) that stays in the
 * processor's cache.
 */
function place(ids, count, order, cursor, duration, trace, durations, traces) {
    const n = order.length;
    if (count < 255) {
        const narrow = new Uint8Array(ids); // -1 (no value) becomes 255
        for (let r = 0; r < n; r++) {
            const id = narrow[order[r]];
            if (id === 255)
                continue;
            const at = cursor[id]++;
            durations[at] = duration[r];
            traces[at] = trace[r];
        }
    }
    else if (count < 65535) {
        const narrow = new Uint16Array(ids); // -1 becomes 65535
        for (let r = 0; r < n; r++) {
            const id = narrow[order[r]];
            if (id === 65535)
                continue;
            const at = cursor[id]++;
            durations[at] = duration[r];
            traces[at] = trace[r];
        }
    }
    else {
        for (let r = 0; r < n; r++) {
            const id = ids[order[r]];
            if (id < 0)
                continue;
            const at = cursor[id]++;
            durations[at] = duration[r];
            traces[at] = trace[r];
        }
    }
}
/**
 * Distinct traces and Σ m² of each value from its placed traces, with one counter per trace reset
 * after each value: for a table whose traces' rows are not contiguous (the row pass would miscount),
 * and for values merged (see `mergeSameText`).
 */
function countTraces(offsets, traces, traceTotal, traceCount, sumSquares) {
    const perTrace = new Int32Array(traceTotal);
    for (let id = 0; id + 1 < offsets.length; id++) {
        const from = offsets[id];
        const to = offsets[id + 1];
        let squares = 0;
        let distinct = 0;
        for (let at = from; at < to; at++) {
            const k = perTrace[traces[at]]++;
            if (k === 0)
                distinct++;
            squares += 2 * k + 1;
        }
        for (let at = from; at < to; at++)
            perTrace[traces[at]] = 0;
        traceCount[id] = distinct;
        sumSquares[id] = squares;
    }
}
/**
 * The values of `groups` that share a text made one, at the place of the first, their latencies
 * merged in order (ties: the earlier value's first), traces and Σ m² counted again; a call edge keeps
 * the callee of the later value.
 */
function mergeSameText(groups, traceTotal) {
    const { text, offsets, latencies, traceColumn, callee } = groups;
    const placeOf = new Int32Array(groups.names.size).fill(-1);
    const members = [];
    for (let i = 0; i < groups.size; i++) {
        const t = text[i];
        if (placeOf[t] < 0)
            placeOf[t] = members.push([i]) - 1;
        else
            members[placeOf[t]].push(i);
    }
    const count = members.length;
    const newOffsets = new Int32Array(count + 1);
    const newText = new Int32Array(count);
    const errors = new Int32Array(count);
    const newCallee = callee ? new Int32Array(count) : undefined;
    const sorted = new Float64Array(latencies.length);
    const traces = new Int32Array(latencies.length);
    let at = 0;
    for (let k = 0; k < count; k++) {
        const ids = members[k];
        const first = ids[0];
        newText[k] = text[first];
        if (newCallee)
            newCallee[k] = callee[ids[ids.length - 1]];
        newOffsets[k] = at;
        // Merged one value at a time into the run so far, as the texts first met.
        let runL = latencies.subarray(offsets[first], offsets[first + 1]);
        let runT = traceColumn.subarray(offsets[first], offsets[first + 1]);
        let errorSum = groups.errors[first];
        for (let m = 1; m < ids.length; m++) {
            const id = ids[m];
            const bL = latencies.subarray(offsets[id], offsets[id + 1]);
            const bT = traceColumn.subarray(offsets[id], offsets[id + 1]);
            const size = runL.length + bL.length;
            const mergedL = new Float64Array(size);
            const mergedT = new Int32Array(size);
            for (let i = 0, j = 0, o = 0; o < size; o++) {
                const fromA = j >= bL.length || (i < runL.length && runL[i] <= bL[j]);
                mergedL[o] = fromA ? runL[i] : bL[j];
                mergedT[o] = fromA ? runT[i++] : bT[j++];
            }
            runL = mergedL;
            runT = mergedT;
            errorSum += groups.errors[id];
        }
        sorted.set(runL, at);
        traces.set(runT, at);
        at += runL.length;
        errors[k] = errorSum;
    }
    newOffsets[count] = at;
    // Traces and Σ m² counted again for every value (a rare path): a merged value's spans can share traces.
    const traceCount = new Int32Array(count);
    const sumSquares = new Float64Array(count);
    countTraces(newOffsets, traces, traceTotal, traceCount, sumSquares);
    return new Groups(groups.names, sorted, traces, newText, newOffsets, traceCount, errors, sumSquares, newCallee);
}
/** Groups a table by a (possibly combined) key: one value per span, spans without the tag in `(none)`. */
function groupSpans(table, key) {
    return new Grouping(table).byKey(key);
}
/** The call edges of a table (see Grouping.edges). */
function groupEdges(table) {
    return new Grouping(table).edges();
}


/***/ }),

/***/ 15204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ Clusters),
/* harmony export */   j: () => (/* binding */ worstCaseDesignEffect)
/* harmony export */ });
/**
 * Spans of one trace are not independent draws: a request that is slow is slow in all its spans, a
 * request that fails fails many, and a loop calls the same operation many times. The trace is the
 * unit of sampling, so variances here are cluster-robust (the "sandwich" of survey statistics): a
 * statistic that is a mean over spans gets the variance of its per-trace totals, not of its spans.
 */
/** Trace index → slot + 1 (0: not seen yet) and spans per slot: shared scratch, cleared after each use. */
let slotOf = new Int32Array(1024);
let sizeScratch = new Float64Array(1024);
/** The traces of one value on one side: which trace (slot 0..count-1) each span belongs to. */
class Clusters {
    slots;
    spansPer;
    count;
    /**
     * `traces[i]`: the side's dense trace index of span i (any numbering: only equality matters). Or a
     * number n: n spans, each in a trace of its own, as a caller that counted the traces knows; then the
     * slots (slot i is span i, as the traces would give) are made only if read, which the tests do not
     * when every trace holds one span.
     */
    constructor(traces) {
        if (typeof traces === 'number') {
            this.count = traces;
            return;
        }
        const n = traces.length;
        if (sizeScratch.length < n)
            sizeScratch = new Float64Array(Math.max(n, 2 * sizeScratch.length));
        const slot = new Int32Array(n);
        let count = 0;
        for (let i = 0; i < n; i++) {
            const t = traces[i];
            if (t >= slotOf.length) {
                const grown = new Int32Array(Math.max(t + 1, 2 * slotOf.length));
                grown.set(slotOf);
                slotOf = grown;
            }
            let s = slotOf[t] - 1;
            if (s < 0) {
                s = count++;
                slotOf[t] = s + 1;
            }
            slot[i] = s;
            sizeScratch[s]++;
        }
        for (let i = 0; i < n; i++)
            slotOf[traces[i]] = 0;
        this.spansPer = sizeScratch.slice(0, count);
        sizeScratch.fill(0, 0, count);
        this.slots = slot;
        this.count = count;
    }
    /** The slot of each span, aligned with the value's latencies. */
    get slot() {
        if (!this.slots) {
            this.slots = new Int32Array(this.count);
            for (let i = 0; i < this.count; i++)
                this.slots[i] = i;
        }
        return this.slots;
    }
    /** Spans per slot (m_k). */
    get sizes() {
        return (this.spansPer ??= new Float64Array(this.count).fill(1));
    }
    /** Every span its own trace: what the classic tests assume. */
    static independent(n) {
        return new Clusters(n);
    }
    /** Per-trace totals of a per-span quantity, for spans from..to-1 (the others add nothing). */
    totals(value, from = 0, to = this.slot.length) {
        const out = new Float64Array(this.count);
        const slot = this.slot;
        for (let i = from; i < to; i++)
            out[slot[i]] += value(i);
        return out;
    }
    /**
     * Cluster-robust variance of the ratio Σ totals / Σ m (a mean per span: an error rate, a mean
     * latency, the share below a threshold), linearised around `centre` (the ratio itself, or a pooled
     * ratio under a null hypothesis): K/(K−1) · Σ_k (total_k − centre·m_k)² / n². Undefined below two
     * traces, where no variation between traces can be seen.
     */
    ratioVariance(totals, centre) {
        const k = this.count;
        if (k < 2)
            return undefined;
        let n = 0;
        let ss = 0;
        const sizes = this.sizes;
        for (let c = 0; c < k; c++) {
            const m = sizes[c];
            const r = totals[c] - centre * m;
            n += m;
            ss += r * r;
        }
        return (k / (k - 1)) * (ss / (n * n));
    }
}
/**
 * The design effect of a count whose spans come in traces of m_k spans each, at its worst (every span
 * of a trace alike): Σ m² / Σ m, Kish's deff for an intra-trace correlation of 1. Used where only the
 * count per trace is known (the error rate: a value's errors are not tied to their traces here).
 */
function worstCaseDesignEffect(sumSquares, spans) {
    return spans > 0 ? Math.max(1, sumSquares / spans) : 1;
}


/***/ })

};
