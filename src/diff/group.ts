import type { GroupKey } from '../config/types.js';
import type { Span } from '../dataset/types.js';
import { PairIds, StringIds } from './intern.js';
import { ascendingOrder } from './sort.js';

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';

/** The spans of one value of one key, reduced to what the statistics need. */
export interface Bucket {
  /** The latencies (µs) in ascending order: a view into one array shared by every value of the key. */
  sorted: Float64Array;
  /**
   * The trace of each latency in `sorted` (same order): a dense index of the side's traces, from the
   * spans' trace ids, never from where spans sit in the input. The trace is the unit of sampling.
   */
  traces: Int32Array;
  /** How many distinct traces hold spans of this value. */
  traceCount: number;
  errors: number;
  /**
   * Σ over traces of (spans of this value in the trace)²: the spans of one trace come as a cluster,
   * so a span count varies more than a Poisson count would; this measures by how much (see compare.ts).
   */
  sumSquares: number;
  /** For a call edge: the callee, `service:operation`. */
  callee?: string;
}

/** Dense ids of one key's values, one per span; the value's name is read from its first span. */
interface Ids {
  ids: Int32Array;
  count: number;
  first: number[];
}

function resolver(part: string): (s: Span) => string {
  if (part === 'service') return (s) => s.service;
  if (part === 'operation') return (s) => s.operation;
  return (s) => s.tags[part] ?? NONE;
}

/** Values repeat across spans, and V8 keeps a string's hash in the string: a Map is the fast table here. */
function internStrings(spans: readonly Span[], valueOf: (s: Span) => string): Ids {
  const ids = new Int32Array(spans.length);
  const seen = new Map<string, number>();
  const first: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const value = valueOf(spans[i]!);
    let id = seen.get(value);
    if (id === undefined) {
      id = first.length;
      seen.set(value, id);
      first.push(i);
    }
    ids[i] = id;
  }
  return { ids, count: first.length, first };
}

/** The pair (a, b) of ids as one dense id; `-1` in either stays `-1` (no value: not counted). */
function combine(a: Ids, b: Ids): Ids {
  const n = a.ids.length;
  const ids = new Int32Array(n);
  const seen = new PairIds();
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a.ids[i]!;
    const y = b.ids[i]!;
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
 * One side's spans, grouped column-wise: every key becomes an id per span, then one stable
 * placement in latency order puts each value's latencies side by side in a single Float64Array,
 * already sorted, with their traces beside them. No object per span, no sort per value, and a
 * combined key's name is built once per value, not per span. Part ids are cached, so
 * `service+operation` and the call edges reuse `service` and `operation`. Nothing here depends on
 * the order of the spans: traces are told apart by their ids.
 */
export class Grouping {
  private readonly parts = new Map<string, Ids>();
  /** The columns every key needs, read from the span objects once. */
  private readonly durations: Float64Array;
  private readonly errors: Uint8Array;
  /** The dense trace index of each span (by trace id, in order of first appearance). */
  private readonly trace: Int32Array;
  private readonly traceCount: number;
  /** Span indices in ascending latency order (ties by index), computed once for every key. */
  private order?: Uint32Array;

  constructor(private readonly spans: readonly Span[]) {
    const n = spans.length;
    this.durations = new Float64Array(n);
    this.errors = new Uint8Array(n);
    this.trace = new Int32Array(n);
    const traces = new StringIds();
    for (let i = 0; i < n; i++) {
      const s = spans[i]!;
      this.durations[i] = s.durationUs;
      if (s.error) this.errors[i] = 1;
      this.trace[i] = traces.intern(s.traceId);
    }
    this.traceCount = traces.size;
  }

  private part(name: string): Ids {
    let ids = this.parts.get(name);
    if (!ids) {
      ids = internStrings(this.spans, resolver(name));
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
    const parts = key.map(resolver);
    const nameOf = (i: number) => {
      const s = this.spans[i]!;
      return parts.length === 1 ? parts[0]!(s) : parts.map((f) => f(s)).join(PART_SEPARATOR);
    };
    return this.buckets(ids, (id) => nameOf(ids.first[id]!));
  }

  /**
   * Call edges: each span whose parent is in the same trace of the dataset is a call from the
   * parent's `service:operation` to its own. The bucket holds the callee spans on that edge.
   */
  edges(): Map<string, Bucket> {
    const spans = this.spans;
    const n = spans.length;
    const parentIndex = this.parentIndex();
    // No parent links (single-span traces, or a source that lost them): no edges, and no need for the ids below.
    if (!parentIndex) return new Map();
    const parentOf = (i: number) => parentIndex[i]!;
    const callee = this.idsOf(['service', 'operation']);
    const caller: Ids = { ids: new Int32Array(n), count: callee.count, first: callee.first };
    for (let i = 0; i < n; i++) {
      const parent = parentOf(i);
      caller.ids[i] = parent < 0 ? -1 : callee.ids[parent]!;
    }
    const edges = combine(caller, callee);
    const so = (s: Span) => `${s.service}:${s.operation}`;
    const buckets = this.buckets(edges, (id) => {
      const child = edges.first[id]!;
      return `${so(spans[parentOf(child)]!)} -> ${so(spans[child]!)}`;
    });
    for (let id = 0; id < edges.count; id++) {
      const child = spans[edges.first[id]!]!;
      const bucket = buckets.get(`${so(spans[parentOf(edges.first[id]!)]!)} -> ${so(child)}`);
      if (bucket) bucket.callee = so(child);
    }
    return buckets;
  }

  /**
   * The index of each span's parent span, looked up by (trace, span id) — span ids repeat across
   * traces in real data — or -1; undefined when no span names a parent. When a (trace, span id)
   * pair occurs twice, the first span in the input is the parent.
   */
  private parentIndex(): Int32Array | undefined {
    const spans = this.spans;
    const n = spans.length;
    if (!spans.some((s) => s.parentSpanId)) return undefined;
    const spanIds = new StringIds();
    const pairs = new PairIds();
    const spanAt: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = pairs.intern(this.trace[i]!, spanIds.intern(spans[i]!.spanId));
      if (id === spanAt.length) spanAt.push(i);
    }
    const index = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const p = spans[i]!.parentSpanId;
      if (!p) continue;
      const sid = spanIds.find(p);
      const at = sid < 0 ? -1 : pairs.find(this.trace[i]!, sid);
      if (at >= 0 && spanAt[at] !== i) index[i] = spanAt[at]!;
    }
    return index;
  }

  private buckets(ids: Ids, nameOf: (id: number) => string): Map<string, Bucket> {
    const n = this.spans.length;
    const offsets = new Int32Array(ids.count + 1);
    const errors = new Int32Array(ids.count);
    for (let i = 0; i < n; i++) {
      const id = ids.ids[i]!;
      if (id < 0) continue;
      offsets[id + 1]!++;
      errors[id]! += this.errors[i]!;
    }
    for (let id = 0; id < ids.count; id++) offsets[id + 1]! += offsets[id]!;
    const total = offsets[ids.count]!;
    const durations = new Float64Array(total);
    const traces = new Int32Array(total);
    const cursor = offsets.slice(0, ids.count);
    // Placing spans in latency order keeps each value's run sorted (a stable counting sort).
    this.order ??= ascendingOrder(this.durations);
    for (const i of this.order) {
      const id = ids.ids[i]!;
      if (id < 0) continue;
      const at = cursor[id]!++;
      durations[at] = this.durations[i]!;
      traces[at] = this.trace[i]!;
    }
    // Σ m² and distinct traces per value, with one counter per trace reset after each value: m² = Σ (2k + 1), k < m.
    const perTrace = new Int32Array(this.traceCount);
    const out = new Map<string, Bucket>();
    for (let id = 0; id < ids.count; id++) {
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
      const bucket: Bucket = {
        sorted: durations.subarray(from, to),
        traces: traces.subarray(from, to),
        traceCount,
        errors: errors[id]!,
        sumSquares,
      };
      const name = nameOf(id);
      const same = out.get(name);
      // Different parts can read the same once joined (`a:b` + `c` and `a` + `b:c`): one value, as the text shows.
      out.set(name, same ? mergeBuckets(same, bucket, perTrace) : bucket);
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

/** Groups spans by a (possibly combined) key: one value per span, spans without the tag in `(none)`. */
export function groupSpans(spans: readonly Span[], key: GroupKey): Map<string, Bucket> {
  return new Grouping(spans).byKey(key);
}

/** The call edges of a dataset (see Grouping.edges). */
export function groupEdges(spans: readonly Span[]): Map<string, Bucket> {
  return new Grouping(spans).edges();
}
