import type { GroupKey } from '../config/types.js';
import { PairIds, StringIds } from '../dataset/intern.js';
import type { SpanTable } from '../dataset/table.js';
import { ascendingOrder } from './sort.js';
import { Clusters } from './stats/clusters.js';

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';

/**
 * The spans of one value of one key, reduced to what the statistics need. Its latencies and traces
 * are a run of arrays shared by every value of the key; a view of them is made only when read (most
 * values are never tested, and a view costs more than the rest of the bucket): the summary reads the
 * run in place.
 */
export class Bucket {
  /** For a call edge: the callee, `service:operation`. */
  callee?: string;
  private sortedView?: Float64Array;
  private tracesView?: Int32Array;
  private clusterView?: Clusters;

  constructor(
    /** The key's latencies (µs), each value's run in ascending order; this value's run is `from` … `from + size`. */
    readonly latencies: Float64Array,
    /** The side-local trace index (the table's trace column) of each of `latencies`, aligned with it. */
    readonly traceColumn: Int32Array,
    readonly from: number,
    /** Spans of this value. */
    readonly size: number,
    /** How many distinct traces hold a span of this value. */
    readonly traceCount: number,
    readonly errors: number,
    /**
     * Σ over traces of (spans of this value in the trace)²: the spans of one trace are correlated,
     * so a span count varies more than a Poisson count would; this measures by how much (see compare.ts).
     * Counted per trace id, from the trace column: never from where spans sit in the input.
     */
    readonly sumSquares: number,
  ) {}

  /** The latencies (µs) in ascending order. */
  get sorted(): Float64Array {
    return (this.sortedView ??= this.latencies.subarray(this.from, this.from + this.size));
  }

  /** The trace of each latency in `sorted`, aligned with it. */
  get traces(): Int32Array {
    return (this.tracesView ??= this.traceColumn.subarray(this.from, this.from + this.size));
  }

  /** Which trace each latency belongs to, as the statistics read it: made once, for the tests and the intervals. */
  get clusters(): Clusters {
    // Each span in a trace of its own (the count says so): the slots need no look at the traces.
    return (this.clusterView ??= new Clusters(this.traceCount === this.size ? this.size : this.traces));
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

/** A side's rows in ascending latency order (ties by row), with the columns every grouping places, in that order. */
interface ByLatency {
  order: Uint32Array;
  duration: Float64Array;
  trace: Int32Array;
  /** How many traces (one past the largest trace index). */
  traces: number;
  /**
   * Whether each trace's rows are contiguous in row order (a canonical table's are): then a value's
   * traces and Σ m² are counted in one sequential pass over the rows (see `buckets`).
   */
  contiguous: boolean;
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
    const tTrace = t.trace;
    const trace = new Int32Array(n);
    for (let r = 0; r < n; r++) trace[r] = tTrace[order[r]!]!;
    // Contiguous traces: a trace that starts a run of rows was never seen before. A canonical table's
    // trace column only grows; anything else (a table built by hand) is checked trace by trace.
    let traces = 0;
    let contiguous = true;
    let seen: Uint8Array | undefined;
    for (let i = 0; i < n; i++) {
      const tr = tTrace[i]!;
      if (i > 0 && tr === tTrace[i - 1]!) continue;
      if (tr >= traces) traces = tr + 1;
      else if (contiguous) {
        if (!seen) {
          let max = 0;
          for (let k = 0; k < n; k++) if (tTrace[k]! > max) max = tTrace[k]!;
          seen = new Uint8Array(max + 1);
          for (let k = 0; k < i; k++) seen[tTrace[k]!] = 1;
        }
        if (seen[tr]) contiguous = false;
      }
      if (seen) seen[tr] = 1;
    }
    return (this.latency = { order, duration, trace, traces, contiguous });
  }

  /**
   * One key's buckets. Counts (spans, errors, traces, Σ m²) in one sequential pass over the rows: a
   * trace's rows are contiguous, so a value's traces are told apart by the last trace it was seen in.
   * Then a counting sort of the rows by value id, taken in latency order so each value's run comes
   * out sorted (stable: ties by row). `names[id]` is the text of value `id`, and `callees[id]` its
   * callee when the values are call edges.
   */
  private buckets(ids: Ids, names: readonly string[], callees?: readonly string[]): Map<string, Bucket> {
    const n = this.table.size;
    const count = ids.count;
    const { order, duration, trace, traces: traceTotal, contiguous } = this.byLatency();
    const rowIds = ids.ids;
    // Per value, side by side (one cache line holds all a row touches): spans, errors, traces, last trace, spans in it.
    const acc = new Int32Array(5 * count);
    const sumSquares = new Float64Array(count);
    const tTrace = this.table.trace;
    const tError = this.table.error;
    for (let id = 0; id < count; id++) acc[5 * id + 3] = -1;
    for (let i = 0; i < n; i++) {
      const id = rowIds[i]!;
      if (id < 0) continue;
      const at = 5 * id;
      acc[at]!++;
      acc[at + 1]! += tError[i]!;
      const tr = tTrace[i]!;
      if (acc[at + 3] !== tr) {
        acc[at + 2]!++;
        acc[at + 3] = tr;
        acc[at + 4] = 0;
      }
      // m² = Σ (2k + 1), k < m: added span by span.
      sumSquares[id]! += 2 * acc[at + 4]!++ + 1;
    }
    const offsets = new Int32Array(count + 1);
    for (let id = 0; id < count; id++) offsets[id + 1] = offsets[id]! + acc[5 * id]!;
    const total = offsets[count]!;
    const durations = new Float64Array(total);
    const traces = new Int32Array(total);
    place(rowIds, count, order, offsets.slice(0, count), duration, trace, durations, traces);
    if (!contiguous) countTraces(offsets, traces, traceTotal, acc, sumSquares);
    const made: Bucket[] = new Array<Bucket>(count);
    const out = new Map<string, Bucket>();
    for (let id = 0; id < count; id++) {
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      const bucket = new Bucket(
        durations,
        traces,
        from,
        to - from,
        acc[5 * id + 2]!,
        acc[5 * id + 1]!,
        sumSquares[id]!,
      );
      if (callees) bucket.callee = callees[id]!;
      made[id] = bucket;
      out.set(names[id]!, bucket);
    }
    if (out.size === count) return out;
    // Different parts can read the same once joined (`a:b` + `c` and `a` + `b:c`), or a tag's value can
    // read `(none)`: one value, as the text shows. Rare, so only then are the values merged by name.
    out.clear();
    const perTrace = new Int32Array(traceTotal);
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

/**
 * Each row's duration and trace placed in its value's run, in latency order: `cursor[id]` is where
 * value `id`'s next one goes. One read at random per row (its id), the slowest step of a key: few
 * values fit a narrower copy of the ids (a byte or two a row instead of four) that stays in the
 * processor's cache.
 */
function place(
  ids: Int32Array,
  count: number,
  order: Uint32Array,
  cursor: Int32Array,
  duration: Float64Array,
  trace: Int32Array,
  durations: Float64Array,
  traces: Int32Array,
): void {
  const n = order.length;
  if (count < 255) {
    const narrow = new Uint8Array(ids); // -1 (no value) becomes 255
    for (let r = 0; r < n; r++) {
      const id = narrow[order[r]!]!;
      if (id === 255) continue;
      const at = cursor[id]!++;
      durations[at] = duration[r]!;
      traces[at] = trace[r]!;
    }
  } else if (count < 65535) {
    const narrow = new Uint16Array(ids); // -1 becomes 65535
    for (let r = 0; r < n; r++) {
      const id = narrow[order[r]!]!;
      if (id === 65535) continue;
      const at = cursor[id]!++;
      durations[at] = duration[r]!;
      traces[at] = trace[r]!;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const id = ids[order[r]!]!;
      if (id < 0) continue;
      const at = cursor[id]!++;
      durations[at] = duration[r]!;
      traces[at] = trace[r]!;
    }
  }
}

/**
 * Distinct traces and Σ m² of each value from its placed traces, with one counter per trace reset
 * after each value: for a table whose traces' rows are not contiguous (the row pass would miscount).
 */
function countTraces(
  offsets: Int32Array,
  traces: Int32Array,
  traceTotal: number,
  acc: Int32Array,
  sumSquares: Float64Array,
): void {
  const perTrace = new Int32Array(traceTotal);
  for (let id = 0; id + 1 < offsets.length; id++) {
    const from = offsets[id]!;
    const to = offsets[id + 1]!;
    let squares = 0;
    let traceCount = 0;
    for (let at = from; at < to; at++) {
      const k = perTrace[traces[at]!]!++;
      if (k === 0) traceCount++;
      squares += 2 * k + 1;
    }
    for (let at = from; at < to; at++) perTrace[traces[at]!] = 0;
    acc[5 * id + 2] = traceCount;
    sumSquares[id] = squares;
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
  return new Bucket(sorted, traces, 0, n, traceCount, a.errors + b.errors, sumSquares);
}

/** Groups a table by a (possibly combined) key: one value per span, spans without the tag in `(none)`. */
export function groupSpans(table: SpanTable, key: GroupKey): Map<string, Bucket> {
  return new Grouping(table).byKey(key);
}

/** The call edges of a table (see Grouping.edges). */
export function groupEdges(table: SpanTable): Map<string, Bucket> {
  return new Grouping(table).edges();
}
