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
 * Stored-trace spans → our spans: the reporter joined in (service = lightstep.component_name,
 * host = lightstep.hostname), the parent from the `parent_span_guid` tag (there is no parent
 * field), tag values kept as strings.
 */
export function normaliseStoredTrace(response: StoredTracesResponse): Span[] {
  const out: Span[] = [];
  // Every client reads data[0]; a single object is taken as that one element.
  const data = Array.isArray(response.data) ? response.data : response.data ? [response.data] : [];
  for (const trace of data) {
    if (!trace || typeof trace !== 'object') continue;
    const reporters = new Map<string, { service?: string; host?: string }>();
    const reporterList = trace.relationships?.reporters;
    for (const r of Array.isArray(reporterList) ? reporterList : []) {
      if (!r || typeof r['reporter-id'] !== 'string') continue;
      const a = r.attributes ?? {};
      const service = a['lightstep.component_name'] ?? a['service.name'];
      const host = a['lightstep.hostname'];
      reporters.set(r['reporter-id'], {
        service: typeof service === 'string' ? service : undefined,
        host: typeof host === 'string' && host ? host : undefined,
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
      const tags: Record<string, string> = {};
      let parent: string | undefined;
      const rawTags = raw.tags && typeof raw.tags === 'object' ? raw.tags : {};
      for (const [k, v] of Object.entries(rawTags)) {
        if (k === 'parent_span_guid') parent = tagValue(v) || undefined;
        else tags[k] = tagValue(v);
      }
      const reporter = raw['reporter-id'] ? reporters.get(raw['reporter-id']) : undefined;
      const span: Span = {
        spanId,
        traceId:
          typeof raw['trace-id'] === 'string' && raw['trace-id']
            ? raw['trace-id']
            : (siblingTrace ?? trace.id ?? spanId),
        service: reporter?.service ?? '(none)',
        operation: typeof raw['span-name'] === 'string' && raw['span-name'] ? raw['span-name'] : '(none)',
        startUs: Math.round(start),
        durationUs: Math.max(0, Math.round(end - start)),
        error: raw['is-error'] === true || raw['is-error'] === 'true',
        tags,
      };
      if (parent) span.parentSpanId = parent;
      if (reporter?.host) span.host = reporter.host;
      out.push(span);
    }
  }
  return out;
}
