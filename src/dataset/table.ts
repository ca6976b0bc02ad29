import { Dictionary, utf8 } from './dictionary.js';
import {
  compareIds,
  gatherIds,
  IdDictionary,
  IdLog,
  idListOf,
  idStrings,
  idText,
  sortByIds,
  type IdList,
} from './id-list.js';
import { normaliseId, normaliseTraceId, spanIdOf, traceIdOf } from './ids.js';
import { lazyProperty } from './lazy.js';
import type { Span } from './types.js';

/**
 * The span table: one side of a diff as columns, not objects (DESIGN.md, "The data model").
 * Row `i` is one span. Strings are held once, in dictionaries, and the rows point into them.
 * Plain data only (arrays and typed arrays), so a table is structured-cloned or transferred to
 * and from a worker unchanged.
 *
 * A table made by `assembleTable` is canonical: deduplicated on (trace id, span id), traces
 * numbered in the order of their ids, rows grouped by trace (a trace's rows are contiguous) and
 * ordered by start time, then span id, within it. The same spans in any order give the same table.
 */
export interface SpanTable {
  size: number;
  /** Distinct trace ids (normalised); `trace[i]` indexes it. */
  traceIds: string[];
  trace: Int32Array;
  /** Span ids (normalised), including parent ids that name no span here; `span[i]`, `parentSpan[i]` (-1: root) index it. */
  spanIds: string[];
  span: Int32Array;
  parentSpan: Int32Array;
  /** The row of the span's parent within its own trace, or -1 (a root, or a parent not in the table). */
  parent: Int32Array;
  /** Start, µs since the epoch. */
  start: Float64Array;
  /** Duration, µs, never negative. */
  duration: Float64Array;
  error: Uint8Array;
  /** Service, operation, host, tag keys and tag values: `service[i]` etc. index it; host -1 is none. */
  strings: string[];
  service: Int32Array;
  operation: Int32Array;
  host: Int32Array;
  /** Tag keys, and one column per key of the value's index in `strings` (-1: the span has no such tag). */
  tagKeys: string[];
  tags: Int32Array[];
  /**
   * The ids as numbers (id-list.ts), on a table made by the builder, `canonicalTable` or the dataset
   * file: `traceIds` and `spanIds` are then made from these only when read. Not enumerable (a cache of
   * what those say, not more data): copies and comparisons see the strings. Set by `withIdLists`.
   */
  readonly ids?: TableIds;
}

/** A table's trace and span ids as numbers. */
export interface TableIds {
  trace: IdList;
  span: IdList;
}

/**
 * `table` (without its id lists) given its ids as lists: `traceIds`/`spanIds` become properties made
 * on first read. The diff never reads them; a million id strings cost about a second to make and collect.
 */
export function withIdLists(table: Omit<SpanTable, 'traceIds' | 'spanIds' | 'ids'>, ids: TableIds): SpanTable {
  const t = table as SpanTable;
  Object.defineProperty(t, 'ids', { value: ids, enumerable: false, configurable: true });
  lazyProperty(t, 'traceIds', () => idStrings(ids.trace));
  lazyProperty(t, 'spanIds', () => idStrings(ids.span));
  return t;
}

/** A table's ids as lists: its own, or made from its strings (a table written by hand, or copied). */
export function idListsOf(t: SpanTable): TableIds {
  return t.ids ?? { trace: idListOf(t.traceIds, 32), span: idListOf(t.spanIds, 16) };
}

/** How many traces a canonical table holds (without making its trace id strings). */
export function traceCount(t: SpanTable): number {
  return t.ids ? t.ids.trace.count : t.traceIds.length;
}

/** A table with no rows. */
export function emptyTable(): SpanTable {
  return new SpanTableBuilder().finish();
}

// The id rule has its home in ids.ts; these names stay exported here for the modules that import them from the table.
export { normaliseId, normaliseTraceId } from './ids.js';

/** A typed array twice as long, holding the old values (and `fill` beyond them). */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, capacity: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
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
export class SpanTableBuilder {
  private n = 0;
  private capacity: number;
  private trace: Int32Array;
  private span: Int32Array;
  private parentSpan: Int32Array;
  private start: Float64Array;
  private duration: Float64Array;
  private error: Uint8Array;
  private service: Int32Array;
  private operation: Int32Array;
  private host: Int32Array;
  private tags: Int32Array[] = [];
  private readonly traceIds: IdDictionary;
  /** Span ids are numbered provisionally as they come (nearly all are new) and interned by `finish`. */
  private readonly spanIds: IdLog;
  private readonly strings = new Dictionary();
  private readonly tagKeys = new Dictionary();

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    const c = this.capacity;
    // The log holds two ids a span (its own and its parent's); traces hold several spans (a quarter is generous).
    this.traceIds = new IdDictionary(32, c >> 2);
    this.spanIds = new IdLog(16, 2 * c);
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

  get size(): number {
    return this.n;
  }

  /** The dictionary index of a string (service, operation, host, tag value). */
  intern(s: string): number {
    return this.strings.intern(s);
  }

  /** As `intern`, for a fixed word a reader writes for every span ('true', '(none)'; see Dictionary.internWord). */
  internWord(s: string): number {
    return this.strings.internWord(s);
  }

  /** The column of a tag key: pass it to `tag`. */
  tagColumn(key: string): number {
    const k = this.tagKeys.intern(key);
    if (k === this.tags.length) this.tags.push(new Int32Array(this.capacity).fill(-1));
    return k;
  }

  /** Adds one row; ids are normalised. Returns the row. Tags of the row follow through `tag`. */
  row(
    traceId: string,
    spanId: string,
    parentSpanId: string | undefined,
    service: number,
    operation: number,
    startUs: number,
    durationUs: number,
    error: boolean,
    host = -1,
  ): number {
    return this.rowOf(
      this.traceIds.intern(normaliseTraceId(traceId)),
      this.spanIds.intern(normaliseId(spanId)),
      parentSpanId ? this.spanIds.intern(normaliseId(parentSpanId)) : -1,
      service,
      operation,
      startUs,
      durationUs,
      error,
      host,
    );
  }

  // Byte-level readers: strings and ids given as UTF-8 bytes of the input, found again without
  // making a string (see Dictionary), and the row given as dictionary indices.

  /** As `intern`, for the UTF-8 bytes `b[from, to)` of the string. */
  internBytes(b: Uint8Array, from: number, to: number): number {
    return this.strings.internBytes(b, from, to);
  }

  /** As `tagColumn`, for the UTF-8 bytes of the key. */
  tagColumnBytes(b: Uint8Array, from: number, to: number): number {
    const k = this.tagKeys.internBytes(b, from, to);
    if (k === this.tags.length) this.tags.push(new Int32Array(this.capacity).fill(-1));
    return k;
  }

  /** The index of a trace id given as bytes (normalised as `row` does): pass it to `rowOf`. */
  traceIdBytes(b: Uint8Array, from: number, to: number): number {
    return this.traceIds.parse(b, from, to) === 0
      ? this.traceIds.intern(normaliseTraceId(utf8(b, from, to)))
      : this.traceIds.internParsed();
  }

  /** The index of a span id given as bytes (normalised as `row` does): pass it to `rowOf`. */
  spanIdBytes(b: Uint8Array, from: number, to: number): number {
    return this.spanIds.parse(b, from, to) === 0
      ? this.spanIds.intern(normaliseId(utf8(b, from, to)))
      : this.spanIds.internParsed();
  }

  /**
   * As `traceIdBytes` for an id in hex digits (up to 32, either case, read as their value: ids.ts's
   * rule for hex, without a string): -1 for an id of only zeros (OTLP's "none"), -2 for any other
   * shape (the caller decides, e.g. through `traceIdOf`).
   */
  traceIdHex(b: Uint8Array, from: number, to: number): number {
    const kind = this.traceIds.parse(b, from, to);
    return kind === 1 ? this.traceIds.internParsed() : kind === 2 ? -1 : -2;
  }

  /** As `traceIdHex`, for a span id (up to 16 hex digits; a longer one is -2). */
  spanIdHex(b: Uint8Array, from: number, to: number): number {
    const kind = this.spanIds.parse(b, from, to);
    return kind === 1 ? this.spanIds.internParsed() : kind === 2 ? -1 : -2;
  }

  /**
   * The index of an id read from bytes, as a reader's fast path takes it: hex as its value, -1 for an
   * id of only zeros (none), -2 for text its slow path must judge (blanks around it, or text that
   * `traceIdOf`/`spanIdOf` read as no id); any other id (base64, …) normalised as `row` does.
   */
  idOfBytes(b: Uint8Array, from: number, to: number, trace: boolean): number {
    const hex = trace ? this.traceIdHex(b, from, to) : this.spanIdHex(b, from, to);
    if (hex !== -2) return hex;
    const text = utf8(b, from, to);
    if (text.trim() !== text || (trace ? traceIdOf(text) : spanIdOf(text)) === undefined) return -2;
    return trace ? this.traceIdBytes(b, from, to) : this.spanIdBytes(b, from, to);
  }

  /** As `row`, with the ids as indices from `traceIdBytes`/`spanIdBytes` (parent -1: none). */
  rowOf(
    trace: number,
    span: number,
    parentSpan: number,
    service: number,
    operation: number,
    startUs: number,
    durationUs: number,
    error: boolean,
    host = -1,
  ): number {
    if (!Number.isFinite(startUs) || !Number.isFinite(durationUs))
      throw new RangeError(`span ${this.spanIds.text(span)}: start and duration must be finite numbers`);
    if (this.n === this.capacity) this.grow();
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
  truncate(size: number): void {
    for (const column of this.tags) column.fill(-1, size, this.n);
    this.n = Math.min(this.n, size);
  }

  /** Sets a tag of the last row added: `column` from `tagColumn`, `value` from `intern`. */
  tag(column: number, value: number): void {
    this.tags[column]![this.n - 1] = value;
  }

  /** Copies a span object in (see the class comment). */
  add(s: Span): void {
    this.row(
      s.traceId,
      s.spanId,
      s.parentSpanId,
      this.intern(s.service),
      this.intern(s.operation),
      s.startUs,
      s.durationUs,
      s.error,
      s.host === undefined ? -1 : this.intern(s.host),
    );
    for (const key in s.tags) this.tag(this.tagColumn(key), this.intern(s.tags[key]!));
  }

  /**
   * Adds every row of a table (e.g. one file's table into a side of many files). Its ids are taken
   * from its id lists as words, with no string; `tracePrefix` is put in front of every trace id
   * (as text, then normalised as `row` would) to keep its traces apart from other tables'.
   */
  addTable(t: SpanTable, tracePrefix?: string): void {
    const ids = idListsOf(t);
    const traceMap = new Int32Array(ids.trace.count);
    for (let i = 0; i < traceMap.length; i++) {
      const text = tracePrefix !== undefined ? tracePrefix + idText(ids.trace, i) : ids.trace.texts.get(i);
      if (text !== undefined) traceMap[i] = this.traceIds.intern(normaliseTraceId(text));
      else {
        this.traceIds.take(ids.trace, i);
        traceMap[i] = this.traceIds.internParsed();
      }
    }
    // Span ids as they are used (the log numbers each use; resolving interns them).
    const spanOf = (i: number) => {
      const text = ids.span.texts.get(i);
      if (text !== undefined) return this.spanIds.intern(normaliseId(text));
      this.spanIds.take(ids.span, i);
      return this.spanIds.internParsed();
    };
    const stringMap = Int32Array.from(t.strings, (s) => this.intern(s));
    const columns = t.tagKeys.map((k) => this.tagColumn(k));
    for (let i = 0; i < t.size; i++) {
      const host = t.host[i]!;
      const parent = t.parentSpan[i]!;
      this.rowOf(
        traceMap[t.trace[i]!]!,
        spanOf(t.span[i]!),
        // (An empty parent id is none, as `row` reads it.)
        parent < 0 || ids.span.texts.get(parent) === '' ? -1 : spanOf(parent),
        stringMap[t.service[i]!]!,
        stringMap[t.operation[i]!]!,
        t.start[i]!,
        t.duration[i]!,
        t.error[i] === 1,
        host < 0 ? -1 : stringMap[host]!,
      );
      for (let k = 0; k < columns.length; k++) {
        const v = t.tags[k]![i]!;
        if (v >= 0) this.tag(columns[k]!, stringMap[v]!);
      }
    }
  }

  private grow(): void {
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
  finish(handOver = false): SpanTable {
    const n = this.n;
    const cut = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T =>
      (handOver ? a.subarray(0, n) : a.slice(0, n)) as T;
    const spanIds = this.spanIds.resolve();
    const span = cut(this.span);
    const parentSpan = cut(this.parentSpan);
    const index = spanIds.index;
    for (let i = 0; i < n; i++) {
      span[i] = index[span[i]!]!;
      const p = parentSpan[i]!;
      if (p >= 0) parentSpan[i] = index[p]!;
    }
    return withIdLists(
      {
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
      },
      { trace: this.traceIds.list(), span: spanIds.list },
    );
  }
}

/**
 * Makes a raw table canonical (see `SpanTable`): keeps the first of rows with the same (trace id,
 * span id) and the rows `keep` accepts, numbers traces by id, groups rows by trace ordered by span
 * id, and finds each parent within its own trace. Nothing after this depends on arrival order.
 */
export function canonicalTable(raw: SpanTable, keep?: (row: number) => boolean): SpanTable {
  const n = raw.size;
  const rawTrace = raw.trace;
  const rawSpan = raw.span;
  const ids = idListsOf(raw);
  const traceCount = ids.trace.count;
  // 1. Rows by trace, in arrival order within each (a stable counting sort): a trace's rows side by side.
  const byTrace = new Int32Array(traceCount + 1);
  for (let i = 0; i < n; i++) byTrace[rawTrace[i]! + 1]!++;
  for (let t = 0; t < traceCount; t++) byTrace[t + 1]! += byTrace[t]!;
  const grouped = new Int32Array(n);
  const fill = byTrace.slice(0, traceCount);
  for (let i = 0; i < n; i++) grouped[fill[rawTrace[i]!]!++] = i;
  // 2. Within each trace, the first row of each span id (dedup on (trace, span), no hash table of
  // a million pairs), then the rows `keep` accepts. `kept` holds, per trace, the rows that stay.
  const kept = new Int32Array(n);
  const keptFrom = new Int32Array(traceCount + 1);
  const seen = new Map<number, true>();
  let m = 0;
  for (let t = 0; t < traceCount; t++) {
    const from = byTrace[t]!;
    const to = byTrace[t + 1]!;
    keptFrom[t] = m;
    const scan = to - from <= 64;
    if (!scan) seen.clear();
    for (let g = from; g < to; g++) {
      const i = grouped[g]!;
      const sp = rawSpan[i]!;
      let repeated = false;
      if (scan) {
        for (let h = from; h < g && !repeated; h++) repeated = rawSpan[grouped[h]!] === sp;
      } else if (seen.has(sp)) repeated = true;
      else seen.set(sp, true);
      if (repeated || (keep && !keep(i))) continue;
      kept[m++] = i;
    }
  }
  keptFrom[traceCount] = m;
  // 3. Traces that still have rows, in order of their ids (compared as numbers, id-list.ts: the
  // order of their strings, without a string); where each trace's rows go.
  let traces = 0;
  for (let t = 0; t < traceCount; t++) if (keptFrom[t + 1]! > keptFrom[t]!) traces++;
  const withRows = new Int32Array(traces);
  for (let t = 0, r = 0; t < traceCount; t++) if (keptFrom[t + 1]! > keptFrom[t]!) withRows[r++] = t;
  const traceOrder = sortByIds(ids.trace, withRows);
  const offsets = new Int32Array(traces + 1);
  const rank = new Int32Array(traceCount);
  for (let r = 0; r < traces; r++) {
    const t = traceOrder[r]!;
    rank[t] = r;
    offsets[r + 1] = offsets[r]! + keptFrom[t + 1]! - keptFrom[t]!;
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
  const keyOrder = raw.tagKeys.map((_, k) => k).sort((a, b) => compareStrings(raw.tagKeys[a]!, raw.tagKeys[b]!));
  const tagsIn = keyOrder.map((k) => raw.tags[k]!);
  const tags = keyOrder.map(() => new Int32Array(m));
  const spanList = ids.span;
  const { parentSpan: rawParent, start: rawStart, duration: rawDuration, error: rawError } = raw;
  const { service: rawService, operation: rawOperation, host: rawHost } = raw;
  // By start, then span id: starts decide nearly always, ids only break ties.
  const byStart = (a: number, b: number) =>
    rawStart[a]! - rawStart[b]! || compareIds(spanList, rawSpan[a]!, rawSpan[b]!);
  for (let t = 0; t < traceCount; t++) {
    const size = keptFrom[t + 1]! - keptFrom[t]!;
    if (size === 0) continue;
    const r = rank[t]!;
    const from = offsets[r]!;
    const to = from + size;
    // Loops, not set/fill: a subarray per trace would be an object for each of ~100k traces.
    for (let q = from, k = keptFrom[t]!; q < to; q++, k++) {
      order[q] = kept[k]!;
      trace[q] = r;
    }
    if (size > 16) order.subarray(from, to).sort(byStart);
    else {
      // A short trace (most are) by insertion: the order is total (span ids differ within a trace), so any sort agrees.
      for (let k = from + 1; k < to; k++) {
        const row = order[k]!;
        let j = k - 1;
        while (j >= from && byStart(order[j]!, row) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = row;
      }
    }
    for (let q = from; q < to; q++) {
      const i = order[q]!;
      span[q] = rawSpan[i]!;
      parentSpan[q] = rawParent[i]!;
      start[q] = rawStart[i]!;
      duration[q] = rawDuration[i]!;
      error[q] = rawError[i]!;
      service[q] = rawService[i]!;
      operation[q] = rawOperation[i]!;
      host[q] = rawHost[i]!;
      for (let k = 0; k < tagsIn.length; k++) tags[k]![q] = tagsIn[k]![i]!;
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
  const strings: string[] = [];
  const rawStrings = raw.strings;
  const used = new Uint8Array(keyOrder.length);
  // A new id is given on first use; written out rather than as a closure: this runs for every row and column.
  for (let r = 0; r < m; r++) {
    let v = span[r]!;
    let id = spanMap[v]!;
    if (id < 0) {
      id = spanMap[v] = spans;
      spanOrder[spans++] = v;
    }
    span[r] = id;
    v = parentSpan[r]!;
    if (v >= 0) {
      id = spanMap[v]!;
      if (id < 0) {
        id = spanMap[v] = spans;
        spanOrder[spans++] = v;
      }
      parentSpan[r] = id;
    }
    v = service[r]!;
    id = stringMap[v]!;
    if (id < 0) id = stringMap[v] = strings.push(rawStrings[v]!) - 1;
    service[r] = id;
    v = operation[r]!;
    id = stringMap[v]!;
    if (id < 0) id = stringMap[v] = strings.push(rawStrings[v]!) - 1;
    operation[r] = id;
    v = host[r]!;
    if (v >= 0) {
      id = stringMap[v]!;
      if (id < 0) id = stringMap[v] = strings.push(rawStrings[v]!) - 1;
      host[r] = id;
    }
    for (let k = 0; k < tags.length; k++) {
      const column = tags[k]!;
      v = column[r]!;
      if (v >= 0) {
        id = stringMap[v]!;
        if (id < 0) id = stringMap[v] = strings.push(rawStrings[v]!) - 1;
        column[r] = id;
        used[k] = 1;
      }
    }
  }
  const usedKeys = keyOrder.map((_, k) => k).filter((k) => used[k]);
  return withIdLists(
    {
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
      tagKeys: usedKeys.map((k) => raw.tagKeys[keyOrder[k]!]!),
      tags: usedKeys.map((k) => tags[k]!),
    },
    { trace: gatherIds(ids.trace, traceOrder), span: gatherIds(spanList, spanOrder.subarray(0, spans)) },
  );
}

/**
 * The row of each span's parent within its own trace, or -1, for rows grouped by trace
 * (`offsets[t]` … `offsets[t + 1]` are trace t's rows). A short trace is scanned, a long one hashed.
 */
export function parentsWithinTraces(offsets: Int32Array, span: Int32Array, parentSpan: Int32Array): Int32Array {
  const parent = new Int32Array(span.length).fill(-1);
  for (let t = 0; t + 1 < offsets.length; t++) {
    const from = offsets[t]!;
    const to = offsets[t + 1]!;
    if (to - from <= 64) {
      for (let r = from; r < to; r++) {
        const p = parentSpan[r]!;
        if (p < 0) continue;
        for (let q = from; q < to; q++) {
          if (span[q] === p) {
            parent[r] = q;
            break;
          }
        }
      }
    } else {
      const at = new Map<number, number>();
      for (let q = from; q < to; q++) if (!at.has(span[q]!)) at.set(span[q]!, q);
      for (let r = from; r < to; r++) {
        const p = parentSpan[r]!;
        if (p >= 0) parent[r] = at.get(p) ?? -1;
      }
    }
  }
  return parent;
}

/** Code-unit order, as JSON and the dataset file compare ids: independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The table of a list of span objects (tests, the simulator, small sources), canonical. */
export function tableOf(spans: Iterable<Span>): SpanTable {
  const b = new SpanTableBuilder();
  for (const s of spans) b.add(s);
  return canonicalTable(b.finish());
}

/** One row as a span object: for tests, small outputs and writers of span-per-line formats. */
export function spanAt(t: SpanTable, i: number): Span {
  const tags: Record<string, string> = {};
  for (let k = 0; k < t.tagKeys.length; k++) {
    const v = t.tags[k]![i]!;
    if (v >= 0) tags[t.tagKeys[k]!] = t.strings[v]!;
  }
  const parent = t.parentSpan[i]!;
  const host = t.host[i]!;
  return {
    spanId: t.spanIds[t.span[i]!]!,
    traceId: t.traceIds[t.trace[i]!]!,
    ...(parent >= 0 ? { parentSpanId: t.spanIds[parent]! } : {}),
    service: t.strings[t.service[i]!]!,
    operation: t.strings[t.operation[i]!]!,
    startUs: t.start[i]!,
    durationUs: t.duration[i]!,
    error: t.error[i] === 1,
    ...(host >= 0 ? { host: t.strings[host]! } : {}),
    tags,
  };
}

/** Every row as a span object (see `spanAt`). */
export function spansOfTable(t: SpanTable): Span[] {
  return Array.from({ length: t.size }, (_, i) => spanAt(t, i));
}

/**
 * Several tables as one (pooled baselines): rows appended, each table's traces kept apart (a
 * trace id seen in two snapshots is two samples). Dictionaries are merged.
 */
export function concatTables(tables: readonly SpanTable[]): SpanTable {
  if (tables.length === 1) return tables[0]!;
  const b = new SpanTableBuilder(tables.reduce((n, t) => n + t.size, 0));
  // Trace ids get the table's number in front so the tables' traces stay apart.
  tables.forEach((t, k) => b.addTable(t, `${k}/`));
  return canonicalTable(b.finish());
}
