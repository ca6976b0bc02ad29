/**
 * The span dataset: what a source produces, the store keeps and the diff engine reads.
 * Plain data only (no classes), so it crosses process and file boundaries unchanged.
 */
import type { SpanTable } from './table.js';

/**
 * One span, normalised from any source (Lightstep stored traces, OTLP, seed-shaped JSON). The
 * dataset keeps spans as a `SpanTable`, not as these objects: a span object is what a reader
 * hands to `SpanTableBuilder.add`, and what `spanAt` gives back for one row.
 */
export interface Span {
  spanId: string;
  traceId: string;
  /** Absent on a root span. Lightstep gives it as tag `parent_span_guid`, OTLP as `parentSpanId`. */
  parentSpanId?: string;
  /** Lightstep `reporter.name` / `lightstep.component_name`; OTLP resource `service.name`. */
  service: string;
  /** Lightstep `span-name`; OTLP span `name`. */
  operation: string;
  /** Start time in integer microseconds since the Unix epoch. */
  startUs: number;
  /** Duration in integer microseconds (end - start, never negative). */
  durationUs: number;
  error: boolean;
  /** Reporter host, when the source knows it. */
  host?: string;
  /** Span tags; every value is a string (sources render other types to a stable string). */
  tags: Record<string, string>;
}

export type SourceKind = 'lightstep' | 'otlp' | 'file' | 'tempo' | 'jaeger' | 'zipkin';

/** Where a dataset came from. */
export interface Provenance {
  source: SourceKind;
  queryId: string;
  queryName?: string;
  /** The query text (Lightstep query, or OTLP filter), for people to read. */
  query: string;
  snapshotId?: string;
  /** When the snapshot was created (ISO-8601). */
  createdAt?: string;
  /** When the snapshot finished collecting, per the source (ISO-8601). */
  completeAt?: string;
  /** When trace-differ finished collecting the dataset (ISO-8601). Always set. */
  collectedAt: string;
  /** The span time window in µs since the epoch; `rate` is spans per minute of this window. */
  windowStartUs?: number;
  windowEndUs?: number;
  /** API host or file path the data came from (never a secret). */
  origin?: string;
  /** Link to the snapshot in the source's UI, when known. */
  uiLink?: string;
  /** The GitHub context the dataset was collected in, when it was (ref, sha, run id). */
  github?: { ref?: string; sha?: string; runId?: string; runAttempt?: string };
}

export interface CoverageFailure {
  /** The span id or trace reference that could not be fetched. */
  ref: string;
  reason: string;
}

/**
 * How much of what the source offered ended up in the dataset. A dataset with
 * `complete: false` is still diffed, but never lets a value be called "missing".
 */
export interface Coverage {
  complete: boolean;
  /** Exemplar spans the snapshot listed (Lightstep), or spans read (OTLP). */
  exemplars: number;
  tracesWanted: number;
  tracesFetched: number;
  tracesFailed: number;
  /** Failures, at most a few dozen kept; `tracesFailed` has the full count (an estimate when exemplars name no trace: see the Lightstep source). */
  failures: CoverageFailure[];
  /** A backend search (Tempo, Jaeger, Zipkin): the most traces it was asked for. */
  limit?: number;
  /** The search found as many traces as its limit: the sample is the first found, not all the window's traffic. */
  limitReached?: boolean;
  /** Traces the backend answered cut short (Tempo's PARTIAL, past its max_bytes_per_trace): counted as fetched. */
  tracesPartial?: number;
}

export interface Dataset {
  provenance: Provenance;
  coverage: Coverage;
  /** The spans, canonical (see `SpanTable`); made by `assembleDataset`. */
  table: SpanTable;
}

/** A stored dataset as read back: set aside with the reason when it cannot be trusted. */
export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problem: string };

/** Fraction of wanted traces that were fetched (1 when nothing was wanted). */
export function coverageRatio(c: Coverage): number {
  return c.tracesWanted === 0 ? 1 : c.tracesFetched / c.tracesWanted;
}

/** One line of a query's rolling history: the summary numbers of one collection (for trends and baselines). */
export interface HistoryEntry {
  /** The store key of the dataset this line describes. */
  key: string;
  queryId: string;
  collectedAt: string;
  snapshotId?: string;
  spans: number;
  traces: number;
  complete: boolean;
  /** The verdict of the diff made when it was collected, when one was made. */
  verdict?: string;
  errorRate?: number;
  latencyP50Us?: number;
  latencyP95Us?: number;
  latencyP99Us?: number;
  /** Set when the dataset was saved under a name (`pinned:<name>` baselines). */
  pinnedAs?: string;
  /** The git ref the dataset was collected on, so a branch's history is told apart without loading datasets. */
  ref?: string;
  /** (addition) Spans per minute of the dataset's window, when it has one (the dashboard's rate). */
  ratePerMin?: number;
  /** (addition) The workflow run that collected the dataset, so the dashboard can link each point to its run. */
  runId?: string;
}
