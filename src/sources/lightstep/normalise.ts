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
  for (const trace of response.data ?? []) {
    const reporters = new Map<string, { service?: string; host?: string }>();
    for (const r of trace.relationships?.reporters ?? []) {
      if (!r['reporter-id']) continue;
      const a = r.attributes ?? {};
      const service = a['lightstep.component_name'] ?? a['service.name'];
      const host = a['lightstep.hostname'];
      reporters.set(r['reporter-id'], {
        service: typeof service === 'string' ? service : undefined,
        host: typeof host === 'string' && host ? host : undefined,
      });
    }
    for (const raw of trace.attributes?.spans ?? []) {
      const spanId = raw['span-id'];
      const start = Number(raw['start-time-micros']);
      const end = Number(raw['end-time-micros']);
      if (!spanId || !Number.isFinite(start) || !Number.isFinite(end)) continue;
      const tags: Record<string, string> = {};
      let parent: string | undefined;
      for (const [k, v] of Object.entries(raw.tags ?? {})) {
        if (k === 'parent_span_guid') parent = tagValue(v) || undefined;
        else tags[k] = tagValue(v);
      }
      const reporter = raw['reporter-id'] ? reporters.get(raw['reporter-id']) : undefined;
      const span: Span = {
        spanId,
        traceId: raw['trace-id'] ?? trace.id ?? spanId,
        service: reporter?.service ?? '(none)',
        operation: raw['span-name'] ?? '(none)',
        startUs: Math.round(start),
        durationUs: Math.max(0, Math.round(end - start)),
        error: raw['is-error'] === true,
        tags,
      };
      if (parent) span.parentSpanId = parent;
      if (reporter?.host) span.host = reporter.host;
      out.push(span);
    }
  }
  return out;
}
