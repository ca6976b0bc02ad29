import type { Span } from '../dataset/types.js';

/**
 * The answer shapes of Tempo, Jaeger and Zipkin for the fakes, copied from the upstream projects
 * (see ../shared/reference/otel-backends.md): each turns the simulator's spans into what that backend
 * writes, ids included (Tempo: base64; Jaeger: hex; Zipkin: a server span shares its client's id).
 */

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const nanos = (us: number) => `${BigInt(us) * 1000n}`;

/** A kind for each span, as instrumentation would give it: a root or a callee in another service is a server. */
function kindOf(span: Span, parent: Span | undefined): 'SERVER' | 'INTERNAL' {
  return !parent || parent.service !== span.service ? 'SERVER' : 'INTERNAL';
}

/** OTLP ResourceSpans of some spans (one resource per service and host), as Tempo (base64, enum names) or Jaeger api_v3 (hex, integers) write them. */
export function otlpResourceSpans(spans: readonly Span[], style: 'tempo' | 'jaeger'): unknown[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const groups = new Map<string, Span[]>();
  for (const s of spans) {
    const key = `${s.service}\u0000${s.host ?? ''}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(s);
  }
  const id = (hex: string) => (style === 'tempo' ? b64(hex) : hex);
  return [...groups.values()].map((group) => ({
    resource: {
      attributes: [
        { key: 'service.name', value: { stringValue: group[0]!.service } },
        ...(group[0]!.host ? [{ key: 'host.name', value: { stringValue: group[0]!.host } }] : []),
      ],
    },
    scopeSpans: [
      {
        scope: { name: 'trace-differ-simulator' },
        spans: group.map((s) => {
          const kind = kindOf(s, s.parentSpanId ? byId.get(s.parentSpanId) : undefined);
          return {
            traceId: id(s.traceId),
            spanId: id(s.spanId),
            ...(s.parentSpanId ? { parentSpanId: id(s.parentSpanId) } : {}),
            name: s.operation,
            kind: style === 'tempo' ? `SPAN_KIND_${kind}` : kind === 'SERVER' ? 2 : 1,
            startTimeUnixNano: nanos(s.startUs),
            endTimeUnixNano: nanos(s.startUs + s.durationUs),
            attributes: Object.entries(s.tags).map(([key, value]) => ({ key, value: { stringValue: value } })),
            status: s.error ? (style === 'tempo' ? { code: 'STATUS_CODE_ERROR' } : { code: 2 }) : {},
          };
        }),
      },
    ],
  }));
}

/** Tempo's search answer for some traces (traceID with its leading zeros stripped, as Tempo writes it). */
export function tempoSearchTrace(spans: readonly Span[], matched: readonly Span[]): unknown {
  const root = spans.find((s) => !s.parentSpanId) ?? spans[0]!;
  const end = Math.max(...spans.map((s) => s.startUs + s.durationUs));
  return {
    traceID: root.traceId.replace(/^0+/, ''),
    rootServiceName: root.service,
    rootTraceName: root.operation,
    startTimeUnixNano: nanos(root.startUs),
    durationMs: Math.round((end - root.startUs) / 1000),
    spanSets: [
      {
        spans: matched.slice(0, 3).map((s) => ({
          spanID: s.spanId,
          startTimeUnixNano: nanos(s.startUs),
          durationNanos: String(s.durationUs * 1000),
          attributes: [],
        })),
        matched: matched.length,
      },
    ],
  };
}

/** One trace in Jaeger JSON (v1 API, UI download): processes by service and host, CHILD_OF references. */
export function jaegerTrace(spans: readonly Span[]): unknown {
  const processes = new Map<string, string>();
  const processOf = (s: Span) => {
    const key = `${s.service}\u0000${s.host ?? ''}`;
    if (!processes.has(key)) processes.set(key, `p${processes.size + 1}`);
    return processes.get(key)!;
  };
  const traceID = spans[0]!.traceId;
  const jaegerSpans = spans.map((s) => ({
    traceID,
    spanID: s.spanId,
    operationName: s.operation,
    references: s.parentSpanId ? [{ refType: 'CHILD_OF', traceID, spanID: s.parentSpanId }] : [],
    startTime: s.startUs,
    duration: s.durationUs,
    tags: [
      ...Object.entries(s.tags)
        .filter(([k]) => k !== 'error')
        .map(([key, value]) => ({ key, type: 'string', value })),
      ...(s.error ? [{ key: 'error', type: 'bool', value: true }] : []),
    ],
    logs: [],
    processID: processOf(s),
    warnings: null,
  }));
  return {
    traceID,
    spans: jaegerSpans,
    processes: Object.fromEntries(
      [...processes].map(([key, id]) => {
        const [serviceName, host] = key.split('\u0000') as [string, string];
        return [id, { serviceName, tags: host ? [{ key: 'hostname', type: 'string', value: host }] : [] }];
      }),
    ),
    warnings: null,
  };
}

/**
 * One trace in Zipkin v2 JSON. A call into another service is written as instrumentation using B3's
 * single-host spans does: a CLIENT span in the caller and a SERVER span in the callee that share one
 * id ("shared": true), both with the caller's span as parent. Names are lower-cased, as Zipkin stores them.
 */
export function zipkinTrace(spans: readonly Span[]): unknown[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const out: unknown[] = [];
  const traceId = spans[0]!.traceId.replace(/^0{16}/, '');
  const tags = (s: Span) => Object.fromEntries(Object.entries(s.tags).map(([k, v]) => [k, k === 'error' ? 'true' : v]));
  for (const s of spans) {
    const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
    const base = {
      traceId,
      ...(s.parentSpanId ? { parentId: s.parentSpanId } : {}),
      id: s.spanId,
      name: s.operation.toLowerCase(),
      timestamp: s.startUs,
      duration: s.durationUs,
    };
    if (parent && parent.service !== s.service) {
      out.push({
        ...base,
        kind: 'CLIENT',
        timestamp: s.startUs - 500,
        duration: s.durationUs + 1000,
        localEndpoint: { serviceName: parent.service.toLowerCase() },
        remoteEndpoint: { serviceName: s.service.toLowerCase() },
        tags: {},
      });
      out.push({
        ...base,
        kind: 'SERVER',
        localEndpoint: { serviceName: s.service.toLowerCase() },
        tags: tags(s),
        shared: true,
      });
    } else {
      out.push({
        ...base,
        kind: parent ? undefined : 'SERVER',
        localEndpoint: { serviceName: s.service.toLowerCase() },
        tags: tags(s),
      });
    }
  }
  return out;
}
