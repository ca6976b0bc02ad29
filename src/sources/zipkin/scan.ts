import { NONE } from '../../vocabulary.js';
import { utf8 } from '../../dataset/dictionary.js';
import { OPEN, QUOTE } from '../../dataset/json-bytes.js';
import {
  cursor,
  internName,
  internString,
  is,
  keyBytes,
  list,
  literal,
  number,
  object,
  sameBytes,
  string,
  value,
  wholeMicros,
  wholeNumber,
} from '../../dataset/json-scan.js';
import { grown, type SpanTableBuilder } from '../../dataset/table.js';
import { sharedServerId } from './json.js';

/**
 * The fast path of the Zipkin reader: one trace of a list of traces (`/api/v2/traces`) read straight
 * from its bytes into the builder, with no object per span. The spans are read into scratch first:
 * a server span that shares its client's id is told apart only once every span of the trace is known
 * (readZipkinSpans' two passes, here over numbers). It takes what Zipkin writes (hex ids, whole
 * microseconds, string tags, the four kinds); on anything else it answers -1, the caller drops the
 * rows it wrote, and the trace goes through JSON.parse and `readZipkinSpans`. Both give the same
 * rows (`__tests__/sources/files/zipkin-scan.test.ts`).
 */

const K = {
  traceId: keyBytes('traceId'),
  id: keyBytes('id'),
  parentId: keyBytes('parentId'),
  kind: keyBytes('kind'),
  name: keyBytes('name'),
  timestamp: keyBytes('timestamp'),
  duration: keyBytes('duration'),
  localEndpoint: keyBytes('localEndpoint'),
  serviceName: keyBytes('serviceName'),
  tags: keyBytes('tags'),
  error: keyBytes('error'),
  statusCode: keyBytes('otel.status_code'),
  spanKind: keyBytes('span.kind'),
};
/** Zipkin's kinds, and the `span.kind` tag each becomes (lower case, as the slow path writes it). */
const KINDS = ['CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER'].map(keyBytes);
const SERVER = 1;

let out: SpanTableBuilder;
let buf: Uint8Array = new Uint8Array(0);
let limit = 0;

// Per span of the trace, in scratch (grown as needed): positions of the ids, and what the row needs.
let n = 0;
let traceFrom = new Int32Array(64);
let traceTo = new Int32Array(64);
let idFrom = new Int32Array(64);
let idTo = new Int32Array(64);
let parentFrom = new Int32Array(64);
let parentTo = new Int32Array(64);
let kindOf = new Int32Array(64);
let nameOf = new Int32Array(64);
let serviceOf = new Int32Array(64);
let startOf = new Float64Array(64);
let durationOf = new Float64Array(64);
let errorOf = new Uint8Array(64);
let kindTagOf = new Uint8Array(64);
let tagsFrom = new Int32Array(65);
let pairs = new Int32Array(256);
let pairCount = 0;

// The span being read.
let tagLists = 0;
let hasError = false;
let statusValue = -1;
let hasKindTag = false;

function grow(): void {
  const size = traceFrom.length * 2 + 1;
  traceFrom = grown(traceFrom, size);
  traceTo = grown(traceTo, size);
  idFrom = grown(idFrom, size);
  idTo = grown(idTo, size);
  parentFrom = grown(parentFrom, size);
  parentTo = grown(parentTo, size);
  kindOf = grown(kindOf, size);
  nameOf = grown(nameOf, size);
  serviceOf = grown(serviceOf, size);
  tagsFrom = grown(tagsFrom, size);
  startOf = grown(startOf, size);
  durationOf = grown(durationOf, size);
  errorOf = grown(errorOf, size);
  kindTagOf = grown(kindTagOf, size);
}

/** A tag `"key": value` of the span: strings as they are, numbers and literals as JSON writes them. */
function tag(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (kt === kf) return false;
  const c = b[x];
  let v: number;
  if (c === QUOTE) v = internString(out, b, x, end);
  else if (c === 0x74 || c === 0x66 || c === 0x6e) {
    const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
    v = literal(b, x, end, word) ? out.intern(word) : -1;
  } else {
    const whole = wholeNumber(b, x, end);
    if (whole >= 0) v = out.internBytes(b, x, whole);
    else {
      const e = number(b, x, end);
      v = e < 0 ? -1 : out.intern(JSON.stringify(Number(utf8(b, x, e))));
    }
  }
  if (v < 0) return false;
  if (pairCount * 2 + 2 > pairs.length) pairs = grown(pairs, pairs.length * 2);
  pairs[2 * pairCount] = out.tagColumnBytes(b, kf, kt);
  pairs[2 * pairCount + 1] = v;
  pairCount++;
  if (is(b, kf, kt, K.error)) hasError = true;
  else if (is(b, kf, kt, K.statusCode)) statusValue = v;
  else if (is(b, kf, kt, K.spanKind)) hasKindTag = true;
  return true;
}

function endpointField(kf: number, kt: number, x: number): boolean {
  if (!is(buf, kf, kt, K.serviceName)) return value(buf, x, limit);
  serviceOf[n] = internName(out, buf, x, limit, 'unknown');
  return serviceOf[n]! >= 0;
}

/** An id's string at `x` (no escapes): its range into `from`/`to` at the span's slot. */
function idAt(x: number, from: Int32Array, to: Int32Array): boolean {
  const close = string(buf, x, limit);
  if (close < 0 || cursor.escapes) return false;
  from[n] = x + 1;
  to[n] = close;
  return true;
}

/** A whole number of microseconds at `x` (`null` is 0, as `Number(null)`), or NaN. */
function micros(x: number): number {
  if (buf[x] === 0x6e) return literal(buf, x, limit, 'null') ? 0 : NaN;
  return wholeMicros(buf, x, limit);
}

function spanField(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  const size = kt - kf;
  if (size === 7 && is(b, kf, kt, K.traceId)) return idAt(x, traceFrom, traceTo);
  if (size === 2 && is(b, kf, kt, K.id)) return idAt(x, idFrom, idTo);
  if (size === 8 && is(b, kf, kt, K.parentId)) {
    // null is no parent, as in the slow path.
    if (b[x] === 0x6e) return literal(b, x, end, 'null');
    return idAt(x, parentFrom, parentTo);
  }
  if (size === 4 && is(b, kf, kt, K.kind)) {
    const close = string(b, x, end);
    if (close < 0 || cursor.escapes) return false;
    const k = KINDS.findIndex((want) => is(b, x + 1, close, want));
    // Another kind would need its lower case made: the slow path.
    if (k < 0) return false;
    kindOf[n] = k;
    return true;
  }
  if (size === 4 && is(b, kf, kt, K.name)) {
    nameOf[n] = internName(out, b, x, end, NONE);
    return nameOf[n]! >= 0;
  }
  if (size === 9 && is(b, kf, kt, K.timestamp)) {
    if (b[x] === 0x6e) return false;
    startOf[n] = micros(x);
    return !Number.isNaN(startOf[n]!);
  }
  if (size === 8 && is(b, kf, kt, K.duration)) {
    durationOf[n] = micros(x);
    return !Number.isNaN(durationOf[n]!);
  }
  if (size === 13 && is(b, kf, kt, K.localEndpoint)) {
    serviceOf[n] = out.internWord('unknown');
    if (b[x] === 0x6e) return literal(b, x, end, 'null');
    return object(b, x, end, endpointField) >= 0;
  }
  if (size === 4 && is(b, kf, kt, K.tags)) {
    // A second object of tags would need JSON's last-wins; tags that are not an object are none, as in the slow path.
    if (++tagLists > 1 || b[x] !== OPEN) return false;
    return object(b, x, end, tag) >= 0;
  }
  return value(b, x, end);
}

/** One span of the trace into scratch; false when the slow path must read the trace. */
function span(v: number): boolean {
  if (n + 1 >= traceFrom.length) grow();
  traceFrom[n] = idFrom[n] = parentFrom[n] = kindOf[n] = nameOf[n] = -1;
  serviceOf[n] = out.internWord('unknown');
  startOf[n] = NaN;
  durationOf[n] = 0;
  tagsFrom[n] = pairCount;
  tagLists = 0;
  hasError = hasKindTag = false;
  statusValue = -1;
  if (object(buf, v, limit, spanField) < 0) return false;
  if (traceFrom[n]! < 0 || idFrom[n]! < 0 || Number.isNaN(startOf[n]!)) return false;
  errorOf[n] = hasError || (statusValue >= 0 && statusValue === out.internWord('ERROR')) ? 1 : 0;
  kindTagOf[n] = hasKindTag ? 1 : 0;
  n++;
  tagsFrom[n] = pairCount;
  return true;
}

/** Traces of more spans go to the slow path (the shared ids are found by comparing pairs of spans). */
const MAX_SPANS = 256;

/** Lower-case hex of `width` digits: the text of an id as the table holds it, read as it is. */
function plainHex(b: Uint8Array, from: number, to: number, width: number): boolean {
  if (to - from !== width) return false;
  for (let k = from; k < to; k++) {
    const c = b[k]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/**
 * Reads the trace (a list of spans) that starts at `b[from]` (and ends before `end`) into `builder`:
 * returns the position after it, or -1 when the slow path must read it (the caller then drops the
 * rows written since it began).
 */
export function scanZipkinTrace(b: Uint8Array, from: number, end: number, builder: SpanTableBuilder): number {
  out = builder;
  buf = b;
  limit = end;
  n = 0;
  pairCount = 0;
  tagsFrom[0] = 0;
  const e = list(b, from, end, span);
  if (e < 0) return -1;
  // Ids are compared by their digits (the table's span id numbers are provisional until it is
  // finished), so the trace's span ids must be Zipkin's 16 lower-case hex digits; a trace of more than
  // MAX_SPANS spans, whose pairs this compares one by one, is left to the slow path.
  if (n > MAX_SPANS) return -1;
  const trace = new Int32Array(n);
  const id = new Int32Array(n);
  const parent = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (!plainHex(b, idFrom[s]!, idTo[s]!, 16)) return -1;
    if (parentFrom[s]! >= 0 && !plainHex(b, parentFrom[s]!, parentTo[s]!, 16)) return -1;
    trace[s] = out.idOfBytes(b, traceFrom[s]!, traceTo[s]!, true);
    id[s] = out.idOfBytes(b, idFrom[s]!, idTo[s]!, false);
    parent[s] = parentFrom[s]! < 0 ? -1 : out.idOfBytes(b, parentFrom[s]!, parentTo[s]!, false);
    if (trace[s]! < 0 || id[s]! < 0 || parent[s] === -2) return -1;
  }
  /** The span of this trace, other than a server (`server` false) or the last server (true), whose id is the bytes at `from`; -1 if none. */
  const holder = (t: number, from: number, isServer: boolean): number => {
    let found = -1;
    for (let o = 0; o < n; o++)
      if (
        trace[o] === t &&
        (kindOf[o] === SERVER) === isServer &&
        sameBytes(b, idFrom[o]!, idFrom[o]! + 16, from, from + 16)
      ) {
        found = o;
        if (!isServer) break;
      }
    return found;
  };
  const spanKind = out.tagColumn('span.kind');
  const kindValues = ['client', 'server', 'producer', 'consumer'].map((k) => out.intern(k));
  for (let s = 0; s < n; s++) {
    let spanId = id[s]!;
    let parentId = parent[s]!;
    const shares = kindOf[s] === SERVER && holder(trace[s]!, idFrom[s]!, false) >= 0;
    let underShared = false;
    if (!shares && parentId >= 0 && holder(trace[s]!, parentFrom[s]!, false) >= 0) {
      const server = holder(trace[s]!, parentFrom[s]!, true);
      underShared = server >= 0 && serviceOf[server] === serviceOf[s];
    }
    if (shares || underShared) {
      // The shared server span's own id, derived from the texts of the trace id and the shared id.
      const sharedFrom = shares ? idFrom[s]! : parentFrom[s]!;
      const sharedTo = shares ? idTo[s]! : parentTo[s]!;
      if (!plainHex(b, traceFrom[s]!, traceTo[s]!, 32) || !plainHex(b, sharedFrom, sharedTo, 16)) return -1;
      const derived = Buffer.from(sharedServerId(utf8(b, traceFrom[s]!, traceTo[s]!), utf8(b, sharedFrom, sharedTo)));
      const derivedId = out.spanIdBytes(derived, 0, derived.length);
      if (shares) {
        parentId = spanId;
        spanId = derivedId;
      } else parentId = derivedId;
    }
    // A span that names itself as its parent has none (a shared span's derived id is never its parent's).
    const own =
      parentFrom[s]! >= 0 &&
      !shares &&
      !underShared &&
      sameBytes(b, idFrom[s]!, idFrom[s]! + 16, parentFrom[s]!, parentFrom[s]! + 16);
    out.rowOf(
      trace[s]!,
      spanId,
      own ? -1 : parentId,
      serviceOf[s]!,
      nameOf[s]! < 0 ? out.internWord(NONE) : nameOf[s]!,
      startOf[s]!,
      Math.max(0, durationOf[s]!),
      errorOf[s] === 1,
    );
    for (let k = tagsFrom[s]!; k < tagsFrom[s + 1]!; k++) out.tag(pairs[2 * k]!, pairs[2 * k + 1]!);
    if (kindOf[s]! >= 0 && kindTagOf[s] === 0) out.tag(spanKind, kindValues[kindOf[s]!]!);
  }
  return e;
}
