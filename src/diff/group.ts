import type { GroupKey } from '../config/types.js';
import type { Span } from '../dataset/types.js';
import { PairIds, StringIds } from './intern.js';
import { sortLatencies } from './sort.js';

/** The value of a span that has no such tag: shown as a value of its own, never dropped. */
export const NONE = '(none)';
/** Joins the parts of a combined key's value: `android / /api/make-payment`. */
export const PART_SEPARATOR = ' / ';

/** The spans of one value of one key, reduced to what the statistics need. */
export interface Bucket {
  /** The latencies (µs) in ascending order: a view into one array shared by every value of the key. */
  sorted: Float64Array;
  errors: number;
  /**
   * Σ over traces of (spans of this value in the trace)²: spans of one trace arrive together, so a
   * span count varies more than a Poisson count would; this measures by how much (see compare.ts).
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
 * One side's spans, grouped column-wise: every key becomes an id per span, then one counting sort
 * puts each value's latencies side by side in a single Float64Array, sorted once per value. No
 * object per span, no array per value, and a combined key's name is built once per value, not per
 * span. Part ids are cached, so `service+operation` and the call edges reuse `service` and `operation`.
 */
export class Grouping {
  private readonly parts = new Map<string, Ids>();
  /** The columns every key needs, read from the span objects once. */
  private readonly durations: Float64Array;
  private readonly errors: Uint8Array;
  /** Where each run of consecutive spans of one trace starts (sources write whole traces together), and n at the end. */
  private readonly runs: Int32Array;

  constructor(private readonly spans: readonly Span[]) {
    this.durations = new Float64Array(spans.length);
    this.errors = new Uint8Array(spans.length);
    const runs: number[] = [];
    let trace: string | undefined;
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i]!;
      this.durations[i] = s.durationUs;
      if (s.error) this.errors[i] = 1;
      if (i === 0 || s.traceId !== trace) runs.push(i);
      trace = s.traceId;
    }
    runs.push(spans.length);
    this.runs = Int32Array.from(runs);
  }

  /**
   * Σ over traces of m², m the spans of a value in the trace, for every value: m² = m + 2 · (pairs
   * of its spans in the trace), the pairs counted within each run of one trace's spans. A trace
   * split over several runs counts as several, which underestimates the clustering a little.
   */
  private sumSquares(ids: Ids): Float64Array {
    const sums = new Float64Array(ids.count);
    const runs = this.runs;
    const counts = new Map<number, number>();
    for (let r = 0; r + 1 < runs.length; r++) {
      const start = runs[r]!;
      const end = runs[r + 1]!;
      if (end - start <= 64) {
        for (let i = start; i < end; i++) {
          const id = ids.ids[i]!;
          if (id < 0) continue;
          sums[id]! += 1;
          for (let j = i + 1; j < end; j++) if (ids.ids[j] === id) sums[id]! += 2;
        }
        continue;
      }
      counts.clear();
      for (let i = start; i < end; i++) {
        const id = ids.ids[i]!;
        if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const [id, m] of counts) sums[id]! += m * m;
    }
    return sums;
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
   * Call edges: each span whose parent is in the same dataset is a call from the parent's
   * `service:operation` to its own. The bucket holds the callee spans on that edge.
   */
  edges(): Map<string, Bucket> {
    const spans = this.spans;
    const n = spans.length;
    const parentIndex = this.parentIndex();
    // No parent links (single-span traces, or a source that lost them): no edges, and no need for the ids below.
    if (!parentIndex) return new Map();
    const parentOf = (i: number) => parentIndex[i]!;
    const callee = this.idsOf(['service', 'operation']);
    const caller: Ids = { ids: new Int32Array(spans.length), count: callee.count, first: callee.first };
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
   * The index of each span's parent span in the dataset, or -1; undefined when no span names a parent.
   * A parent is nearly always in the same trace, and the sources write a trace's spans together: it is
   * looked up among the spans of the same run first (a short scan, no hashing), and only the spans left
   * over go through a hash table of the span ids they name.
   */
  private parentIndex(): Int32Array | undefined {
    const spans = this.spans;
    const n = spans.length;
    let index: Int32Array | undefined;
    const leftOver: number[] = [];
    const runs = this.runs;
    for (let r = 0; r + 1 < runs.length; r++) {
      const start = runs[r]!;
      const end = runs[r + 1]!;
      for (let i = start; i < end; i++) {
        const p = spans[i]!.parentSpanId;
        if (!p) continue;
        index ??= new Int32Array(n).fill(-1);
        let found = -1;
        if (end - start <= 256) {
          for (let j = start; j < end; j++) {
            if (spans[j]!.spanId === p) {
              found = j;
              break;
            }
          }
        }
        if (found >= 0) index[i] = found;
        else leftOver.push(i);
      }
    }
    if (!index || leftOver.length === 0) return index;
    // Index only the span ids that the left-over spans name, then find them by one pass over the span ids.
    const wanted = new StringIds();
    const key = leftOver.map((i) => wanted.intern(spans[i]!.parentSpanId!));
    const at = new Int32Array(wanted.size).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = wanted.find(spans[i]!.spanId);
      if (k >= 0 && at[k]! < 0) at[k] = i;
    }
    leftOver.forEach((i, k) => (index[i] = at[key[k]!]!));
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
    const durations = new Float64Array(offsets[ids.count]!);
    const cursor = offsets.slice(0, ids.count);
    for (let i = 0; i < n; i++) {
      const id = ids.ids[i]!;
      if (id >= 0) durations[cursor[id]!++] = this.durations[i]!;
    }
    const sumSquares = this.sumSquares(ids);
    const out = new Map<string, Bucket>();
    for (let id = 0; id < ids.count; id++) {
      const name = nameOf(id);
      const bucket: Bucket = {
        sorted: sortLatencies(durations.subarray(offsets[id]!, offsets[id + 1]!)),
        errors: errors[id]!,
        sumSquares: sumSquares[id]!,
      };
      const same = out.get(name);
      // Different parts can read the same once joined (`a:b` + `c` and `a` + `b:c`): one value, as the text shows.
      if (same) {
        bucket.sorted = merged(same.sorted, bucket.sorted);
        bucket.errors += same.errors;
        bucket.sumSquares += same.sumSquares;
      }
      out.set(name, bucket);
    }
    return out;
  }
}

function merged(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return sortLatencies(out);
}

/** Groups spans by a (possibly combined) key: one value per span, spans without the tag in `(none)`. */
export function groupSpans(spans: readonly Span[], key: GroupKey): Map<string, Bucket> {
  return new Grouping(spans).byKey(key);
}

/** The call edges of a dataset (see Grouping.edges). */
export function groupEdges(spans: readonly Span[]): Map<string, Bucket> {
  return new Grouping(spans).edges();
}
