import { NONE } from '../../vocabulary.js';
import { createHash } from 'node:crypto';
import type { Span } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import { spanIdOf, traceIdOf } from '../../dataset/ids.js';
import type { SpanSink } from '../sink.js';

/**
 * Zipkin v2 JSON → spans. Shapes, read from openzipkin/zipkin-api `zipkin2-api.yaml` and
 * zipkin-lens/testdata:
 *   /api/v2/traces answers a list of traces, each a list of spans; /api/v2/trace/{id} a list of spans.
 *   Span = { "traceId", "parentId", "id", "kind", "name", "timestamp" (µs), "duration" (µs),
 *            "localEndpoint": { "serviceName" }, "remoteEndpoint", "annotations", "tags": {}, "shared" }
 * Also read: one span alone. An error is the tag `error` (any value) or `otel.status_code=ERROR`.
 *
 * A server span may share its client's id ("shared": true, B3 single-host-span propagation). It is
 * that client's child, not a copy: it gets an id of its own (derived from the shared id, the same
 * for every reader), its parent is the client, and the children that ran in the server's service
 * hang under it, as Zipkin's own span tree does.
 */

interface ZipkinSpan {
  traceId?: unknown;
  parentId?: unknown;
  id?: unknown;
  kind?: unknown;
  name?: unknown;
  timestamp?: unknown;
  duration?: unknown;
  localEndpoint?: { serviceName?: unknown };
  tags?: unknown;
  shared?: unknown;
}

export const ZIPKIN_FIX =
  'write Zipkin v2 JSON as /api/v2/traces answers it: a list of traces, each a list of {"traceId","id","name","timestamp","duration","localEndpoint":{"serviceName"}}';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The id a shared server span is given: 16 hex digits derived from its trace and the shared id. */
export function sharedServerId(traceId: string, id: string): string {
  return createHash('sha256').update(`zipkin shared server ${traceId} ${id}`).digest('hex').slice(0, 16);
}

const serviceOf = (s: ZipkinSpan): string =>
  typeof s.localEndpoint?.serviceName === 'string' && s.localEndpoint.serviceName
    ? s.localEndpoint.serviceName
    : 'unknown';

/** A span of a document with its position, for messages. */
export interface PlacedSpan {
  span: ZipkinSpan;
  path: string;
}

/** Every span of the document, with its position for messages. */
function* spansOf(doc: unknown, where: string): Generator<PlacedSpan> {
  if (isObject(doc)) {
    yield { span: doc, path: '(the span)' };
    return;
  }
  if (!Array.isArray(doc)) throw new SourceError(`${where}: not Zipkin JSON (expected a list)`, ZIPKIN_FIX);
  for (const [i, item] of doc.entries()) yield* elementSpans(item, i, where);
}

/** The spans of the `i`-th element of a list: a span, or a trace (a list of spans). */
export function* elementSpans(item: unknown, i: number, where: string): Generator<PlacedSpan> {
  if (Array.isArray(item)) {
    for (const [j, span] of item.entries()) {
      if (!isObject(span)) throw new SourceError(`${where}: [${i}][${j}] is not a span object`, ZIPKIN_FIX);
      yield { span, path: `[${i}][${j}]` };
    }
  } else if (isObject(item)) {
    yield { span: item, path: `[${i}]` };
  } else {
    throw new SourceError(`${where}: [${i}] is neither a span nor a list of spans`, ZIPKIN_FIX);
  }
}

/** Reads Zipkin v2 JSON from a parsed document. */
export function readZipkinJson(doc: unknown, where: string, sink: SpanSink): void {
  readZipkinSpans([...spansOf(doc, where)], where, sink);
}

/**
 * Reads spans that hold whole traces (a document, or one trace of a list of traces). Two passes: the
 * first finds the ids a client and a server span share within each trace.
 */
export function readZipkinSpans(spans: readonly PlacedSpan[], where: string, sink: SpanSink): void {
  // Per trace/id: the service of its SERVER span, and whether another (client) span has the id too.
  // A SERVER span whose id a client span also has is the shared half, flagged "shared" or not (old reporters).
  const server = new Map<string, string>();
  const other = new Set<string>();
  for (const { span } of spans) {
    const traceId = traceIdOf(span.traceId);
    const id = spanIdOf(span.id);
    if (!traceId || !id) continue;
    if (span.kind === 'SERVER') server.set(`${traceId}/${id}`, serviceOf(span));
    else other.add(`${traceId}/${id}`);
  }
  for (const { span: s, path } of spans) {
    const traceId = traceIdOf(s.traceId);
    const id = spanIdOf(s.id);
    if (!traceId || !id) throw new SourceError(`${where}: ${path} has no traceId or id`, ZIPKIN_FIX);
    const start = Number(s.timestamp);
    const duration = Number(s.duration ?? 0);
    if (s.timestamp === undefined || !Number.isFinite(start) || !Number.isFinite(duration)) {
      throw new SourceError(`${where}: ${path} has no timestamp and duration in microseconds`, ZIPKIN_FIX);
    }
    const tags: Record<string, string> = {};
    if (isObject(s.tags)) {
      for (const [k, v] of Object.entries(s.tags)) tags[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    if (typeof s.kind === 'string' && !('span.kind' in tags)) tags['span.kind'] = s.kind.toLowerCase();
    const service = serviceOf(s);
    let spanId = id;
    let parent = spanIdOf(s.parentId);
    const key = `${traceId}/${id}`;
    if (s.kind === 'SERVER' && other.has(key)) {
      // The server half of a shared span: a child of the client half.
      spanId = sharedServerId(traceId, id);
      parent = id;
    } else if (parent) {
      const parentKey = `${traceId}/${parent}`;
      // A child of a shared id ran in the server when it is in the server's service (Zipkin's rule too).
      if (other.has(parentKey) && server.get(parentKey) === service) parent = sharedServerId(traceId, parent);
    }
    const span: Span = {
      traceId,
      spanId,
      service,
      operation: typeof s.name === 'string' && s.name ? s.name : NONE,
      startUs: Math.round(start),
      durationUs: Math.max(0, Math.round(duration)),
      error: 'error' in tags || tags['otel.status_code'] === 'ERROR',
      tags,
    };
    if (parent && parent !== spanId) span.parentSpanId = parent;
    sink.add(span);
  }
}
