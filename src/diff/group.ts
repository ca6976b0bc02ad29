import type { GroupKey } from '../config/types.js';
import { PairIds, StringIds } from '../dataset/intern.js';
import type { SpanTable } from '../dataset/table.js';
import { ascendingOrder } from './sort.js';

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';

/** The spans of one value of one key, reduced to what the statistics need. */
export interface Bucket {
  /** The latencies (µs) in ascending order: a view into one array shared by every value of the key. */
  sorted: Float64Array;
  /** The side-local trace index (the table's trace column) of each latency in `sorted`, aligned with it. */
  traces: Int32Array;
  /** How many distinct traces hold a span of this value. */
  traceCount: number;
  errors: number;
  /**
   * Σ over traces of (spans of this value in the trace)²: the spans of one trace are correlated,
   * so a span count varies more than a Poisson count would; this measures by how much (see compare.ts).
   * Counted per trace id, from the trace column: never from where spans sit in the input.
   */
  sumSquares: number;
  /** For a call edge: the callee, `service:operation`. */
  callee?: string;
}

/**
 * A bucket made by the grouping: its traces are a view made only when read (most values are never
 * tested, and a view costs more than the rest of the bucket).
 */
class KeyBucket implements Bucket {
  callee?: string;
  private view?: Int32Array;

  constructor(
    readonly sorted: Float64Array,
    private readonly allTraces: Int32Array,
    private readonly from: number,
    readonly traceCount: number,
    readonly errors: number,
    readonly sumSquares: number,
  ) {}

  get traces(): Int32Array {
    return (this.view ??= this.allTraces.subarray(this.from, this.from + this.sorted.length));
  }
}

/** Dense ids of one key's values, one per row (-1: no value), and the row each value is first seen at. */
interface Ids {
  ids: Int32Array;
  count: number;
  first: number[];
}

/**
 * The dense ids of one column of string indexes; `-1` (no such tag) becomes a value of its own,
 * named NONE. Ids are numbered in row order, and the table's row order is canonical.
 */
function denseIds(column: Int32Array | undefined, size: number, strings: number): Ids {
  const ids = new Int32Array(size);
  const map = new Int32Array(strings + 1).fill(-1);
  const first: number[] = [];
  for (let i = 0; i < size; i++) {
    const v = column ? column[i]! : -1;
    const slot = v < 0 ? strings : v;
    let id = map[slot]!;
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
function combine(a: Ids, b: Ids): Ids {
  const n = a.ids.length;
  const ids = new Int32Array(n);
  const first: number[] = [];
  const as = a.ids;
  const bs = b.ids;
  const width = b.count;
  if (a.count * width <= FLAT_PAIRS) {
    // Most combined keys (service × operation, caller × callee) have few enough pairs for a flat table.
    const seen = new Int32Array(a.count * width).fill(-1);
    for (let i = 0; i < n; i++) {
      const x = as[i]!;
      const y = bs[i]!;
      if (x < 0 || y < 0) {
        ids[i] = -1;
        continue;
      }
      let id = seen[x * width + y]!;
      if (id < 0) id = seen[x * width + y] = first.push(i) - 1;
      ids[i] = id;
    }
    return { ids, count: first.length, first };
  }
  const seen = new PairIds();
  for (let i = 0; i < n; i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x < 0 || y < 0) {
      ids[i] = -1;
      continue;
    }
    const id = seen.intern(x, y);
    if (id === first.length) first.push(i);
    ids[i] = id;
  }
  return { ids, count: first.length, first };
}

/**
 * `out[r] = ids[order[r]]`: one read at random per row, the slowest step of a key. Few values fit a
 * narrower copy (a byte or two a row instead of four) that stays in the processor's cache.
 */
function gatherIds(ids: Int32Array, count: number, order: Uint32Array, out: Int32Array): void {
  const n = order.length;
  if (count < 255) {
    const narrow = new Uint8Array(ids); // -1 (no value) becomes 255
    for (let r = 0; r < n; r++) {
      const v = narrow[order[r]!]!;
      out[r] = v === 255 ? -1 : v;
    }
  } else if (count < 65535) {
    const narrow = new Uint16Array(ids); // -1 becomes 65535
    for (let r = 0; r < n; r++) {
      const v = narrow[order[r]!]!;
      out[r] = v === 65535 ? -1 : v;
    }
  } else for (let r = 0; r < n; r++) out[r] = ids[order[r]!]!;
}

/** A side's rows in ascending latency order (ties by row), with the columns every grouping reads, in that order. */
interface ByLatency {
  order: Uint32Array;
  duration: Float64Array;
  trace: Int32Array;
  error: Uint8Array;
  /** Scratch: one key's ids in this order. */
  ids: Int32Array;
  /** How many traces (one past the largest trace index). */
  traces: number;
}

/**
 * The names of values, shared by the two sides of a diff: each text (a tag value, `service:operation`,
 * a combined key, an edge) is made once, as one string, and both sides' maps hold that same string.
 * Looking a value of one side up in the other's map then compares two pointers, not two texts
 * (about twice as fast with the bench's 150k call edges a side), and the second side builds no names.
 * Texts are numbered; joined texts are found by the numbers of their parts, never by hashing text.
 */
export class ValueNames {
  private readonly texts: string[] = [];
  private readonly singles = new StringIds();
  private readonly singleText: number[] = [];
  /** Per separator (a few), the numbered pairs and their texts; found by identity, not hashed. */
  private readonly joins: { separator: string; pairs: PairIds; text: number[] }[] = [];

  /** The number of a single text (a value as the table holds it). */
  of(text: string): number {
    const k = this.singles.intern(text);
    if (k === this.singleText.length) this.singleText.push(this.texts.push(text) - 1);
    return this.singleText[k]!;
  }

  /** The number of texts `a` and `b` joined by `separator`. */
  join(a: number, separator: string, b: number): number {
    let join = this.joins.find((j) => j.separator === separator);
    if (!join) this.joins.push((join = { separator, pairs: new PairIds(), text: [] }));
    const k = join.pairs.intern(a, b);
    if (k === join.text.length) join.text.push(this.texts.push(this.texts[a]! + separator + this.texts[b]!) - 1);
    return join.text[k]!;
  }

  text(id: number): string {
    return this.texts[id]!;
  }
}

/**
 * One side's span table, grouped column-wise: every key becomes an id per row, then one stable
 * placement in latency order puts each value's latencies side by side in a single Float64Array,
 * already sorted, with their traces beside them. No object per span, no sort per value, and a
 * combined key's name is built once per value. Part ids are cached, so `service+operation` and the
 * call edges reuse `service` and `operation`. Nothing here depends on the order of the input: the
 * table is canonical, and traces are told apart by the trace column.
 */
export class Grouping {
  private readonly parts = new Map<string, Ids>();
  /** Computed once for every key. */
  private latency?: ByLatency;
  /** The table's strings as numbers of `names` (-1: not yet looked up); the last one is NONE. */
  private readonly textOf: Int32Array;

  /** `names` is shared with the other side of the diff (see `ValueNames`). */
  constructor(
    private readonly table: SpanTable,
    private readonly names = new ValueNames(),
  ) {
    this.textOf = new Int32Array(table.strings.length + 1).fill(-1);
  }

  /** The text number of a string index of the table (-1: NONE). */
  private text(v: number): number {
    const slot = v < 0 ? this.textOf.length - 1 : v;
    let id = this.textOf[slot]!;
    if (id < 0) id = this.textOf[slot] = this.names.of(v < 0 ? NONE : this.table.strings[v]!);
    return id;
  }

  /** The text number of one part of a key at a row. */
  private valueAt(part: string, row: number): number {
    const t = this.table;
    if (part === 'service') return this.text(t.service[row]!);
    if (part === 'operation') return this.text(t.operation[row]!);
    const k = t.tagKeys.indexOf(part);
    return this.text(k < 0 ? -1 : t.tags[k]![row]!);
  }

  private part(name: string): Ids {
    let ids = this.parts.get(name);
    if (!ids) {
      const t = this.table;
      const column =
        name === 'service' ? t.service : name === 'operation' ? t.operation : t.tags[t.tagKeys.indexOf(name)];
      ids = denseIds(column, t.size, t.strings.length);
      this.parts.set(name, ids);
    }
    return ids;
  }

  private idsOf(key: GroupKey): Ids {
    let ids = this.part(key[0]!);
    for (let k = 1; k < key.length; k++) ids = combine(ids, this.part(key[k]!));
    return ids;
  }

  /** Groups the spans by a (possibly combined) key. */
  byKey(key: GroupKey): Map<string, Bucket> {
    const ids = this.idsOf(key);
    const names = ids.first.map((row) => {
      let text = this.valueAt(key[0]!, row);
      for (let k = 1; k < key.length; k++) text = this.names.join(text, PART_SEPARATOR, this.valueAt(key[k]!, row));
      return this.names.text(text);
    });
    return this.buckets(ids, names);
  }

  /**
   * Call edges: each span whose parent is in the same trace is a call from the parent's
   * `service:operation` to its own. The bucket holds the callee spans on that edge.
   */
  edges(): Map<string, Bucket> {
    const t = this.table;
    const parent = t.parent;
    const n = t.size;
    let any = false;
    for (let i = 0; i < n && !any; i++) any = parent[i]! >= 0;
    // No parent links (single-span traces, or a source that lost them): no edges, and no need for the ids below.
    if (!any) return new Map();
    const callee = this.idsOf(['service', 'operation']);
    const caller: Ids = { ids: new Int32Array(n), count: callee.count, first: callee.first };
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      caller.ids[i] = p < 0 ? -1 : callee.ids[p]!;
    }
    const edges = combine(caller, callee);
    // `service:operation` once per callee value, then each edge's name from two of them.
    const so = callee.first.map((row) =>
      this.names.join(this.text(t.service[row]!), ':', this.text(t.operation[row]!)),
    );
    const callees = edges.first.map((row) => this.names.text(so[callee.ids[row]!]!));
    const names = edges.first.map((row) =>
      this.names.text(this.names.join(so[callee.ids[parent[row]!]!]!, ' -> ', so[callee.ids[row]!]!)),
    );
    return this.buckets(edges, names, callees);
  }

  /** The rows in latency order and the columns in that order (see `ByLatency`). */
  private byLatency(): ByLatency {
    if (this.latency) return this.latency;
    const t = this.table;
    const n = t.size;
    const duration = new Float64Array(n);
    const order = ascendingOrder(t.duration, duration);
    // Trace and error packed in one column first, so that one read per row (at random) fetches both.
    const packed = new Int32Array(n);
    const tTrace = t.trace;
    const tError = t.error;
    let traces = 0;
    for (let i = 0; i < n; i++) {
      const tr = tTrace[i]!;
      if (tr >= traces) traces = tr + 1;
      packed[i] = tr * 2 + tError[i]!;
    }
    const trace = new Int32Array(n);
    const error = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const p = packed[order[r]!]!;
      trace[r] = p >>> 1;
      error[r] = p & 1;
    }
    return (this.latency = { order, duration, trace, error, ids: new Int32Array(n), traces });
  }

  /**
   * One key's buckets: a counting sort of the rows by value id, taken in latency order so each
   * value's run comes out sorted (stable: ties by row). `names[id]` is the text of value `id`, and
   * `callees[id]` its callee when the values are call edges.
   */
  private buckets(ids: Ids, names: readonly string[], callees?: readonly string[]): Map<string, Bucket> {
    const n = this.table.size;
    const count = ids.count;
    const { order, duration, trace, error, ids: inOrder, traces: traceTotal } = this.byLatency();
    const rowIds = ids.ids;
    const offsets = new Int32Array(count + 1);
    const errors = new Int32Array(count);
    gatherIds(rowIds, count, order, inOrder);
    for (let r = 0; r < n; r++) {
      const id = inOrder[r]!;
      if (id < 0) continue;
      offsets[id + 1]!++;
      errors[id]! += error[r]!;
    }
    for (let id = 0; id < count; id++) offsets[id + 1]! += offsets[id]!;
    const total = offsets[count]!;
    const durations = new Float64Array(total);
    const traces = new Int32Array(total);
    const cursor = offsets.slice(0, count);
    for (let r = 0; r < n; r++) {
      const id = inOrder[r]!;
      if (id < 0) continue;
      const at = cursor[id]!++;
      durations[at] = duration[r]!;
      traces[at] = trace[r]!;
    }
    // Σ m² and distinct traces per value, with one counter per trace reset after each value: m² = Σ (2k + 1), k < m.
    const perTrace = new Int32Array(traceTotal);
    const made: Bucket[] = new Array<Bucket>(count);
    const out = new Map<string, Bucket>();
    for (let id = 0; id < count; id++) {
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      let sumSquares = 0;
      let traceCount = 0;
      for (let at = from; at < to; at++) {
        const k = perTrace[traces[at]!]!++;
        if (k === 0) traceCount++;
        sumSquares += 2 * k + 1;
      }
      for (let at = from; at < to; at++) perTrace[traces[at]!] = 0;
      const bucket = new KeyBucket(durations.subarray(from, to), traces, from, traceCount, errors[id]!, sumSquares);
      if (callees) bucket.callee = callees[id]!;
      made[id] = bucket;
      out.set(names[id]!, bucket);
    }
    if (out.size === count) return out;
    // Different parts can read the same once joined (`a:b` + `c` and `a` + `b:c`), or a tag's value can
    // read `(none)`: one value, as the text shows. Rare, so only then are the values merged by name.
    out.clear();
    for (let id = 0; id < count; id++) {
      const name = names[id]!;
      const bucket = made[id]!;
      const same = out.get(name);
      if (!same) out.set(name, bucket);
      else {
        const merged = mergeBuckets(same, bucket, perTrace);
        if (callees) merged.callee = callees[id]!;
        out.set(name, merged);
      }
    }
    return out;
  }
}

/** Two buckets of one value (see `buckets`), merged in latency order; `perTrace` is a zeroed scratch counter. */
function mergeBuckets(a: Bucket, b: Bucket, perTrace: Int32Array): Bucket {
  const n = a.sorted.length + b.sorted.length;
  const sorted = new Float64Array(n);
  const traces = new Int32Array(n);
  for (let i = 0, j = 0, k = 0; k < n; k++) {
    const fromA = j >= b.sorted.length || (i < a.sorted.length && a.sorted[i]! <= b.sorted[j]!);
    sorted[k] = fromA ? a.sorted[i]! : b.sorted[j]!;
    traces[k] = fromA ? a.traces[i++]! : b.traces[j++]!;
  }
  let sumSquares = 0;
  let traceCount = 0;
  for (const t of traces) {
    const k = perTrace[t]!++;
    if (k === 0) traceCount++;
    sumSquares += 2 * k + 1;
  }
  for (const t of traces) perTrace[t] = 0;
  return { sorted, traces, traceCount, errors: a.errors + b.errors, sumSquares };
}

/** Groups a table by a (possibly combined) key: one value per span, spans without the tag in `(none)`. */
export function groupSpans(table: SpanTable, key: GroupKey): Map<string, Bucket> {
  return new Grouping(table).byKey(key);
}

/** The call edges of a table (see Grouping.edges). */
export function groupEdges(table: SpanTable): Map<string, Bucket> {
  return new Grouping(table).edges();
}
