import { NONE } from '../../vocabulary.js';
import { SpanTableBuilder, spansOfTable } from '../../dataset/table.js';
import type { Span } from '../../dataset/types.js';
import type { StoredTracesResponse } from './shapes.js';

function tagValue(v: unknown): string {
  return typeof v === 'string'
    ? v
    : v === null || v === undefined
      ? ''
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
}

/**
 * Stored-trace spans → rows of the span table, written into the builder with no span object in
 * between: the reporter joined in (service = lightstep.component_name, host = lightstep.hostname),
 * the parent from the `parent_span_guid` tag (there is no parent field), tag values kept as
 * strings. A span id `held` already has is skipped (the same trace reached by two exemplars);
 * each span written is added to it, with its trace id. Returns how many were written.
 */
export function storedTraceInto(
  response: StoredTracesResponse,
  out: SpanTableBuilder,
  held: Map<string, string>,
): number {
  let added = 0;
  // Every client reads data[0]; a single object is taken as that one element.
  const data = Array.isArray(response.data) ? response.data : response.data ? [response.data] : [];
  for (const trace of data) {
    if (!trace || typeof trace !== 'object') continue;
    const reporters = new Map<string, { service: number; host: number }>();
    const reporterList = trace.relationships?.reporters;
    for (const r of Array.isArray(reporterList) ? reporterList : []) {
      if (!r || typeof r['reporter-id'] !== 'string') continue;
      const a = r.attributes ?? {};
      const service = a['lightstep.component_name'] ?? a['service.name'];
      const host = a['lightstep.hostname'];
      reporters.set(r['reporter-id'], {
        service: out.intern(typeof service === 'string' ? service : NONE),
        host: typeof host === 'string' && host ? out.intern(host) : -1,
      });
    }
    const spanList = Array.isArray(trace.attributes?.spans) ? trace.attributes.spans : [];
    // A span without `trace-id` belongs to the trace its siblings name. (`data[0].id` is the
    // requested span id, not a trace id: the last resort, and only to keep spans together.)
    const siblingTrace = spanList.find((s) => typeof s?.['trace-id'] === 'string' && s['trace-id'])?.['trace-id'];
    for (const raw of spanList) {
      if (!raw || typeof raw !== 'object') continue;
      const spanId = raw['span-id'];
      const start = Number(raw['start-time-micros']);
      const end = Number(raw['end-time-micros']);
      // Without an id or times a span cannot be counted or timed; the rest is optional.
      if (typeof spanId !== 'string' || !spanId || !Number.isFinite(start) || !Number.isFinite(end)) continue;
      if (held.has(spanId)) continue;
      const rawTags = raw.tags && typeof raw.tags === 'object' ? raw.tags : {};
      const parentTag = (rawTags as Record<string, unknown>).parent_span_guid;
      const parent = parentTag === undefined ? '' : tagValue(parentTag);
      const reporter = raw['reporter-id'] ? reporters.get(raw['reporter-id']) : undefined;
      const traceId =
        typeof raw['trace-id'] === 'string' && raw['trace-id'] ? raw['trace-id'] : (siblingTrace ?? trace.id ?? spanId);
      held.set(spanId, traceId);
      out.row(
        traceId,
        spanId,
        parent || undefined,
        reporter?.service ?? out.intern(NONE),
        out.intern(typeof raw['span-name'] === 'string' && raw['span-name'] ? raw['span-name'] : NONE),
        Math.round(start),
        Math.max(0, Math.round(end - start)),
        raw['is-error'] === true || raw['is-error'] === 'true',
        reporter?.host ?? -1,
      );
      for (const [k, v] of Object.entries(rawTags)) {
        if (k !== 'parent_span_guid') out.tag(out.tagColumn(k), out.intern(tagValue(v)));
      }
      added++;
    }
  }
  return added;
}

/** The spans of a stored-traces answer as span objects, in the table's spelling of ids (tests, small outputs). */
export function normaliseStoredTrace(response: StoredTracesResponse): Span[] {
  const builder = new SpanTableBuilder();
  storedTraceInto(response, builder, new Map());
  return spansOfTable(builder.finish());
}
