import { NONE } from '../../vocabulary.js';
import type { Span } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import { spanIdOf, traceIdOf } from '../../dataset/ids.js';
import type { SpanSink } from '../sink.js';

/**
 * Jaeger JSON (the query service's v1 `/api/traces` answer, and what its UI's "Download JSON"
 * writes) → spans. Shapes, read from jaegertracing/jaeger `internal/uimodel` and its fixtures:
 *   { "data": [ Trace ], "total", "limit", "offset", "errors" }        the API answer / UI download
 *   Trace = { "traceID", "spans": [ Span ], "processes": { "p1": Process }, "warnings" }
 *   Span  = { "traceID", "spanID", "operationName", "references": [ { "refType", "traceID", "spanID" } ],
 *             "startTime" (µs), "duration" (µs), "tags": [ { "key", "type", "value" } ], "processID" | "process" }
 *   Process = { "serviceName", "tags": [ KeyValue ] }
 * Also read: one Trace alone, a list of Traces, and a list of Spans with the process inline.
 */

interface JaegerTag {
  key?: unknown;
  type?: unknown;
  value?: unknown;
}
interface JaegerProcess {
  serviceName?: unknown;
  tags?: unknown;
}
interface JaegerReference {
  refType?: unknown;
  traceID?: unknown;
  spanID?: unknown;
}
interface JaegerSpan {
  traceID?: unknown;
  spanID?: unknown;
  parentSpanID?: unknown;
  operationName?: unknown;
  references?: unknown;
  startTime?: unknown;
  duration?: unknown;
  tags?: unknown;
  processID?: unknown;
  process?: JaegerProcess;
}
interface JaegerTrace {
  traceID?: unknown;
  spans?: unknown;
  processes?: unknown;
}

export const JAEGER_FIX =
  'write Jaeger JSON as the query service answers /api/traces and the UI downloads it: {"data":[{"traceID","spans":[…],"processes":{…}}]}';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A tag value as a stable string: int64 may be a string (past 2^53) or a number; binary stays base64. */
function tagValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value ?? null);
}

function tagsOf(list: unknown, where: string, path: string): Record<string, string> {
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) throw new SourceError(`${where}: ${path} is not a list of {key, type, value}`, JAEGER_FIX);
  const out: Record<string, string> = {};
  for (const tag of list as JaegerTag[]) {
    if (isObject(tag) && typeof tag.key === 'string' && tag.key) out[tag.key] = tagValue(tag.value);
  }
  return out;
}

/** Jaeger marks an error span with the tag error=true; the OpenTelemetry translation adds otel.status_code=ERROR. */
export function isErrorTags(tags: Record<string, string>): boolean {
  return tags.error === 'true' || tags['otel.status_code'] === 'ERROR';
}

/** The parent within the span's own trace: a CHILD_OF reference first, then any reference, then the old parentSpanID. */
function parentOf(span: JaegerSpan, traceId: string): string | undefined {
  const refs = Array.isArray(span.references) ? (span.references as JaegerReference[]).filter(isObject) : [];
  const sameTrace = refs.filter((r) => r.traceID === undefined || traceIdOf(r.traceID) === traceId);
  const ref = sameTrace.find((r) => r.refType === 'CHILD_OF') ?? sameTrace[0];
  return spanIdOf(ref?.spanID) ?? spanIdOf(span.parentSpanID);
}

function emitSpan(
  raw: unknown,
  processes: Record<string, unknown>,
  where: string,
  path: string,
  traceHint: unknown,
  sink: SpanSink,
): void {
  if (!isObject(raw)) throw new SourceError(`${where}: ${path} is not a span object`, JAEGER_FIX);
  const s = raw as JaegerSpan;
  const traceId = traceIdOf(s.traceID ?? traceHint);
  const spanId = spanIdOf(s.spanID);
  if (!traceId || !spanId) throw new SourceError(`${where}: ${path} has no traceID or spanID`, JAEGER_FIX);
  const start = Number(s.startTime);
  const duration = Number(s.duration ?? 0);
  if (!Number.isFinite(start) || !Number.isFinite(duration)) {
    throw new SourceError(`${where}: ${path} has no startTime and duration in microseconds`, JAEGER_FIX);
  }
  const process = isObject(s.process)
    ? s.process
    : typeof s.processID === 'string' && isObject(processes[s.processID])
      ? (processes[s.processID] as JaegerProcess)
      : undefined;
  const processTags = tagsOf(process?.tags, where, `${path}.process.tags`);
  const spanTags = tagsOf(s.tags, where, `${path}.tags`);
  const tags = { ...processTags, ...spanTags };
  const span: Span = {
    traceId,
    spanId,
    service: typeof process?.serviceName === 'string' && process.serviceName ? process.serviceName : 'unknown_service',
    operation: typeof s.operationName === 'string' && s.operationName ? s.operationName : NONE,
    startUs: Math.round(start),
    durationUs: Math.max(0, Math.round(duration)),
    error: isErrorTags(spanTags),
    tags,
  };
  const parent = parentOf(s, traceId);
  if (parent && parent !== spanId) span.parentSpanId = parent;
  if (typeof processTags.hostname === 'string') span.host = processTags.hostname;
  sink.add(span);
}

function emitTrace(raw: unknown, where: string, path: string, sink: SpanSink): void {
  if (!isObject(raw)) throw new SourceError(`${where}: ${path} is not a trace object`, JAEGER_FIX);
  const trace = raw as JaegerTrace;
  if (!Array.isArray(trace.spans)) throw new SourceError(`${where}: ${path}.spans is not a list`, JAEGER_FIX);
  const processes = isObject(trace.processes) ? trace.processes : {};
  trace.spans.forEach((s, i) => emitSpan(s, processes, where, `${path}.spans[${i}]`, trace.traceID, sink));
}

/** Reads any of the Jaeger JSON shapes above from a parsed document. `where` names it in errors. */
export function readJaegerJson(doc: unknown, where: string, sink: SpanSink): void {
  if (isObject(doc) && 'data' in doc) {
    if (!Array.isArray(doc.data)) throw new SourceError(`${where}: data is not a list of traces`, JAEGER_FIX);
    doc.data.forEach((t, i) => readJaegerElement(t, where, i, true, sink));
    return;
  }
  if (isObject(doc)) return emitTrace(doc, where, '(the trace)', sink);
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => readJaegerElement(item, where, i, false, sink));
    return;
  }
  throw new SourceError(`${where}: not Jaeger JSON (expected an object or a list)`, JAEGER_FIX);
}

/**
 * One element of a Jaeger list, the `index`-th: a trace of the answer's `data` (`inData`), or, in a
 * list at the top, a trace or a span with its process inline. Each is whole by itself, so a file is
 * read an element at a time (sources/files/read.ts).
 */
export function readJaegerElement(item: unknown, where: string, index: number, inData: boolean, sink: SpanSink): void {
  if (inData) return emitTrace(item, where, `data[${index}]`, sink);
  if (isObject(item) && Array.isArray(item.spans)) emitTrace(item, where, `[${index}]`, sink);
  else emitSpan(item, {}, where, `[${index}]`, undefined, sink);
}
