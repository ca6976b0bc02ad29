/**
 * The validated, defaults-merged configuration (`.github/trace-differ.yml`, DESIGN.md).
 * `load.ts` turns the YAML into this; every other stage only ever sees this shape.
 */

export { METRICS, SEVERITY_ORDER, type Metric, type Severity } from '../vocabulary.js';
import type { Metric, Severity } from '../vocabulary.js';

/**
 * A change as written in the config: `+20%` (relative), `+15ms`, `-200us` (absolute latency),
 * `+2pp` (absolute percentage points of error rate), `+30` / `-30/min` (absolute count or rate).
 * The sign says which direction is bad: `+` an increase, `-` a decrease.
 */
export interface Change {
  kind: 'relative' | 'absolute';
  /** Relative: a fraction (+20% → 0.2). Latency: µs. Error rate: a fraction (+2pp → 0.02). Count/rate: as is. */
  amount: number;
  /** As the user wrote it, for reports (`+25%`). */
  text: string;
}

export interface ThresholdLevel {
  severity: Exclude<Severity, 'ignore'>;
  change: Change;
}

export interface MetricRule {
  metric: Metric;
  /** Most severe first. */
  levels: ThresholdLevel[];
  /** The rule as it reads in the config, quoted in findings: `latency.p95: { warn: +10%, fail: +25% }`. */
  text: string;
}

export interface Thresholds {
  metrics: MetricRule[];
  /** A value present in the baseline is gone. */
  missing: Severity;
  /** A value appears that the baseline never had. */
  new: Severity;
  /** New or missing call edges (caller service:operation → callee service:operation). */
  edges: Severity;
}

/** A group-by key: one part (`operation`) or a combined key (`[service, operation]`, written `service+operation`). */
export type GroupKey = readonly string[];

export function groupKeyName(key: GroupKey): string {
  return key.join('+');
}

export type BaselineSpec =
  { kind: 'previous' } | { kind: 'pinned'; name: string } | { kind: 'median-of'; count: number };

export interface LightstepSourceConfig {
  kind: 'lightstep';
  organization: string;
  project: string;
  /** Base URL of the API, e.g. `https://api.lightstep.com` (EU: `https://api.eu.lightstep.com`). */
  apiUrl?: string;
  /** Client-side limit of stored-trace requests per second, per organization (documented: 100). */
  requestsPerSecond?: number;
  /** Client-side limit of snapshot requests (create, read, list) per hour, per organization (documented: 60). */
  snapshotRequestsPerHour?: number;
  /** A snapshot of the same query text complete at most this long ago is picked up instead of creating one (default 15; 0: never). */
  reuseSnapshotsWithinMinutes?: number;
}

export interface OtlpSourceConfig {
  kind: 'otlp';
  /** A file, a directory or a glob of OTLP JSON / JSON Lines files (optionally gzipped). */
  path: string;
}

/** A pull of one query's traces in a window from a trace backend (Tempo, Jaeger, Zipkin). */
export interface BackendSourceConfig {
  /** Base URL of the API (the `backend-url` input wins over it). */
  url?: string;
  /** The window searched, ending when the collection starts (default 15). */
  windowMinutes: number;
  /** The most traces taken from the window (default 500): a search that finds this many says so. */
  limit: number;
  /** Trace fetches in flight at once (Tempo; default 8). */
  concurrency?: number;
}

export interface TempoSourceConfig extends BackendSourceConfig {
  kind: 'tempo';
  /** Sent as X-Scope-OrgID on a multi-tenant Tempo (`a|b` reads several). */
  tenant?: string;
}

export interface JaegerSourceConfig extends BackendSourceConfig {
  kind: 'jaeger';
  /** api_v3 (OTLP answers, default) or v1 (the UI's /api/traces, Jaeger JSON). */
  api: 'v3' | 'v1';
}

export interface ZipkinSourceConfig extends BackendSourceConfig {
  kind: 'zipkin';
}

export type SourceConfig =
  LightstepSourceConfig | OtlpSourceConfig | TempoSourceConfig | JaegerSourceConfig | ZipkinSourceConfig;

export const DEFAULT_WINDOW_MINUTES = 15;
export const DEFAULT_TRACE_LIMIT = 500;

/** Everything a diff needs to decide; the same for the CLI (`--group-by`) and the config. */
export interface DiffSettings {
  groupBy: GroupKey[];
  /** Fewer spans than this on either side: "not enough data", never a finding. */
  minSamples: number;
  /** False-discovery rate / significance level a change must reach to count. */
  significance: number;
  thresholds: Thresholds;
}

export interface QueryConfig extends DiffSettings {
  id: string;
  name: string;
  /**
   * Lightstep query text (`service IN ("android")`), the OTLP filter (`service.name = "android"`), a TraceQL
   * query (Tempo), or `service = "checkout" AND operation = "POST /pay"` (Jaeger, Zipkin).
   */
  query: string;
  source: SourceConfig;
  baseline: BaselineSpec;
}

export interface Config {
  version: 1;
  /** The path the config was read from, for messages. */
  file: string;
  queries: QueryConfig[];
}
