import type { Span } from '../../src/dataset/types.js';

export type Format = 'seed-array' | 'ndjson' | 'otlp-lines' | 'otlp-document';

function seedObject(s: Span): object {
  return {
    'span-id': s.spanId,
    'trace-id': s.traceId,
    ...(s.parentSpanId ? { 'parent-span-id': s.parentSpanId } : {}),
    'span-name': s.operation,
    'start-time-micros': s.startUs,
    'end-time-micros': s.startUs + s.durationUs,
    'is-error': s.error,
    tags: s.tags,
    reporter: { name: s.service, ...(s.host ? { hostname: s.host } : {}) },
  };
}

/** OTLP/JSON spans grouped by resource (service), as the Collector's file exporter writes a batch. */
function resourceSpans(spans: readonly Span[]): object[] {
  const byService = new Map<string, Span[]>();
  for (const s of spans) {
    const list = byService.get(s.service);
    if (list) list.push(s);
    else byService.set(s.service, [s]);
  }
  return [...byService].map(([service, list]) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [
      {
        scope: { name: 'test' },
        spans: list.map((s) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
          name: s.operation,
          kind: 2,
          startTimeUnixNano: `${s.startUs}000`,
          endTimeUnixNano: `${s.startUs + s.durationUs}000`,
          attributes: Object.entries(s.tags).map(([key, v]) => ({ key, value: { stringValue: v } })),
          status: s.error ? { code: 2 } : {},
        })),
      },
    ],
  }));
}

/** The spans, in the order given, as the text of a file of the format. */
export function writeAs(format: Format, spans: readonly Span[]): string {
  switch (format) {
    case 'seed-array':
      return `[\n${spans.map((s) => JSON.stringify(seedObject(s))).join(',\n')}\n]\n`;
    case 'ndjson':
      return spans.map((s) => `${JSON.stringify(seedObject(s))}\n`).join('');
    case 'otlp-lines': {
      // Batches of up to 50 spans, one ExportTraceServiceRequest a line, each grouped by resource.
      const lines: string[] = [];
      for (let i = 0; i < spans.length; i += 50)
        lines.push(JSON.stringify({ resourceSpans: resourceSpans(spans.slice(i, i + 50)) }));
      return lines.length ? `${lines.join('\n')}\n` : '';
    }
    case 'otlp-document':
      return JSON.stringify({ resourceSpans: resourceSpans(spans) }, null, 2);
  }
}

export const EXTENSION: Record<Format, string> = {
  'seed-array': 'json',
  ndjson: 'ndjson',
  'otlp-lines': 'jsonl',
  'otlp-document': 'json',
};
