/**
 * The JSON the Lightstep API answers, as far as it is known (lightstep-api.md). Everything the
 * reference marks unconfirmed is optional here, and parsed both ways where two forms are plausible.
 */
export interface SnapshotResponse {
  data?: {
    id?: string;
    type?: string;
    attributes?: {
      query?: string;
      'complete-time'?: string | number;
      exemplars?: Exemplar[];
    };
  };
  links?: { 'ui-self'?: string };
}

export interface Exemplar {
  'span-guid'?: string;
  /** Not confirmed for snapshot exemplars; used to fetch each trace once when present. */
  'trace-guid'?: string;
  /** The spelling of stream-timeseries exemplars; tolerated here too. */
  trace_guid?: string;
  'trace-id'?: string;
  'service-name'?: string;
  'span-name'?: string;
  'duration-micros'?: number;
  'has-error'?: boolean;
  attributes?: Record<string, unknown>;
}

export interface StoredTraceSpan {
  'span-name'?: string;
  'span-id'?: string;
  'is-error'?: boolean | string;
  'start-time-micros'?: number | string;
  'end-time-micros'?: number | string;
  'trace-id'?: string;
  'reporter-id'?: string;
  tags?: Record<string, unknown>;
}

export interface StoredTrace {
  id?: string;
  attributes?: { spans?: StoredTraceSpan[] };
  relationships?: { reporters?: { 'reporter-id'?: string; attributes?: Record<string, unknown> }[] };
}

export interface StoredTracesResponse {
  /** An array of one element in every response seen; a bare object is tolerated. */
  data?: StoredTrace[] | StoredTrace;
}

export interface SnapshotListResponse {
  data?: { id?: string; attributes?: { query?: string; 'complete-time'?: string | number; 'created-time'?: string } }[];
}

/** `complete-time`: an RFC 3339 string (likely), or epoch seconds or milliseconds (accepted too). */
export function parseCompleteTime(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (value === '') return undefined;
  const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (Number.isFinite(n)) return n < 1e12 ? n * 1000 : n;
  const t = Date.parse(String(value));
  return Number.isFinite(t) ? t : undefined;
}
