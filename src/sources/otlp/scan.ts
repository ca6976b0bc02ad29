import { NONE } from '../../vocabulary.js';
import { utf8 } from '../../dataset/dictionary.js';
import { CLOSE, QUOTE } from '../../dataset/json-bytes.js';
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
  plainString,
  startsWith,
  string,
  template,
  value,
} from '../../dataset/json-scan.js';
import type { SpanTableBuilder } from '../../dataset/table.js';

/**
 * The fast path of the OTLP reader: one element of `resourceSpans` read straight from its bytes
 * into the builder, picking out the fields the table keeps and checking (not keeping) the rest,
 * with no object per span. It takes the shapes exporters write (hex ids, times as strings of
 * nanoseconds, string/int/bool attribute values); on anything else — or a mistake — it answers
 * -1, the caller drops the rows it wrote (`truncate`) and the element goes through JSON.parse
 * and `resourceSpansInto`, which read every valid element and name every mistake's place. So
 * both paths give the same rows, and messages are made in one place.
 */

const bytes = keyBytes;
const K = {
  resource: bytes('resource'),
  attributes: bytes('attributes'),
  scopeSpans: bytes('scopeSpans'),
  ils: bytes('instrumentationLibrarySpans'),
  spans: bytes('spans'),
  traceId: bytes('traceId'),
  spanId: bytes('spanId'),
  parentSpanId: bytes('parentSpanId'),
  name: bytes('name'),
  start: bytes('startTimeUnixNano'),
  end: bytes('endTimeUnixNano'),
  status: bytes('status'),
  code: bytes('code'),
  key: bytes('key'),
  value: bytes('value'),
  stringValue: bytes('stringValue'),
  intValue: bytes('intValue'),
  boolValue: bytes('boolValue'),
  serviceName: bytes('service.name'),
  statusError: bytes('STATUS_CODE_ERROR'),
};

/** The reading state: the builder and scratch (the position after what was read last is `cursor.at`). */
let out: SpanTableBuilder;
/** Attribute pairs [column, value] of the span being read (resource pairs live in their own array). */
let pairs = new Int32Array(64);
let pairCount = 0;
let resourcePairs = new Int32Array(64);
let resourcePairCount = 0;
let service = -1;

// The attribute being read (module state, as for spans).
let kvResource = false;
let kvCount = 0;
let keyFrom = -1;
let keyTo = -1;
let keyEscapes = false;
let valueIndex = -2;
let kinds = 0;

/** A member of an AnyValue: only string, whole-number and boolean values are read here (rendered as values.ts renders them). */
function anyValueField(vf: number, vt: number, y: number): boolean {
  const b = buf;
  const end = limit;
  kinds++;
  if (is(b, vf, vt, K.stringValue) || (is(b, vf, vt, K.intValue) && b[y] === QUOTE)) {
    valueIndex = internString(out, b, y, end);
    return valueIndex >= 0;
  }
  if (is(b, vf, vt, K.intValue)) {
    // A whole number written as JSON renders as its own digits (no sign of zero, no leading zeros, exact).
    const n = number(b, y, end);
    if (n < 0 || n - y > 15 || (b[y] === 0x2d && b[y + 1] === 0x30)) return false;
    for (let k = y; k < n; k++) if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45) return false;
    valueIndex = out.internBytes(b, y, n);
    return true;
  }
  if (is(b, vf, vt, K.boolValue)) {
    if (literal(b, y, end, 'true')) valueIndex = out.internWord('true');
    else if (literal(b, y, end, 'false')) valueIndex = out.internWord('false');
    else return false;
    return true;
  }
  return false;
}

function keyValueField(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (is(b, kf, kt, K.key)) {
    const close = string(b, x, end);
    if (close < 0) return false;
    keyFrom = x + 1;
    keyTo = close;
    keyEscapes = cursor.escapes;
    return true;
  }
  if (is(b, kf, kt, K.value)) {
    kinds = 0;
    // A value of two kinds is left to the slow path's precedence; an empty one renders as null.
    if (object(b, x, end, anyValueField) < 0 || kinds > 1) return false;
    if (kinds === 0) valueIndex = out.internWord('null');
    return true;
  }
  return value(b, x, end);
}

/** An attribute written compactly with a string value: `{"key":"…","value":{"stringValue":"…"}}`. */
const PLAIN_KEY_VALUE = ['{"key":"', '","value":{"stringValue":"', '"}}'].map(keyBytes);
const found = new Int32Array(4);

/**
 * An attribute of the shape nearly every one has (compact, key then a string value, neither with
 * escapes) read by comparing its bytes, without walking its two objects: as `object(…,
 * keyValueField)` would read it. False (nothing read) for any other shape.
 */
function plainKeyValue(b: Uint8Array, v: number, end: number): boolean {
  if (template(b, v, end, PLAIN_KEY_VALUE, found) < 0) return false;
  keyFrom = found[0]!;
  keyTo = found[1]!;
  keyEscapes = false;
  valueIndex = out.internBytes(b, found[2]!, found[3]!);
  return true;
}

function keyValue(v: number): boolean {
  const b = buf;
  keyFrom = -1;
  valueIndex = -2;
  if (!plainKeyValue(b, v, limit) && object(b, v, limit, keyValueField) < 0) return false;
  // An attribute without a key (or with an empty one) is no tag, as in values.ts.
  if (keyFrom < 0 || keyTo === keyFrom) return true;
  if (valueIndex === -2) valueIndex = out.internWord('null');
  let column: number;
  if (keyEscapes) column = out.tagColumn(JSON.parse(utf8(b, keyFrom - 1, keyTo + 1)) as string);
  else column = out.tagColumnBytes(b, keyFrom, keyTo);
  if (kvResource && (keyEscapes ? out.tagColumn('service.name') === column : is(b, keyFrom, keyTo, K.serviceName)))
    service = valueIndex;
  let into = kvResource ? resourcePairs : pairs;
  if (2 * kvCount + 2 > into.length) {
    const bigger = new Int32Array(into.length * 2);
    bigger.set(into);
    into = bigger;
    if (kvResource) resourcePairs = bigger;
    else pairs = bigger;
  }
  into[2 * kvCount] = column;
  into[2 * kvCount + 1] = valueIndex;
  kvCount++;
  return true;
}

/** The attributes at `i` ([{key, value}]) as pairs [column, value index] (the resource's or the span's); the end, or -1. */
function keyValues(b: Uint8Array, i: number, end: number, resource: boolean): number {
  kvResource = resource;
  kvCount = 0;
  const e = list(b, i, end, keyValue);
  if (e < 0) return -1;
  if (resource) resourcePairCount = kvCount;
  else pairCount = kvCount;
  return e;
}

/** Nanoseconds as a string of digits → whole microseconds, when a double holds them exactly; NaN otherwise. */
function micros(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== QUOTE) return NaN;
  // One pass over the digits (a string of only digits has no escapes): the last three wait in d1–d3
  // and each joins v three digits later, so v ends as the digits but the last three (nanoseconds).
  let v = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let k = i + 1;
  for (; k < end; k++) {
    const d = b[k]! - 0x30;
    if (d < 0 || d > 9) break;
    v = v * 10 + d1;
    d1 = d2;
    d2 = d3;
    d3 = d;
  }
  const digits = k - i - 1;
  if (k >= end || b[k] !== QUOTE || digits < 1 || digits > 20) return NaN;
  cursor.at = k + 1;
  cursor.escapes = false;
  return v <= Number.MAX_SAFE_INTEGER ? v : NaN;
}

/** An id at `i`: [from, to) of its text when the fast path takes it, else false. Sets idFrom/idTo. */
let idFrom = 0;
let idTo = 0;
function idAt(b: Uint8Array, i: number, end: number): boolean {
  const close = string(b, i, end);
  if (close < 0 || cursor.escapes) return false;
  idFrom = i + 1;
  idTo = close;
  return true;
}

/** The index of the id in b[from, to), as the slow path would make it, or -1 when the slow path must decide (no id, blanks). */
function idIndex(b: Uint8Array, from: number, to: number, trace: boolean): number {
  const index = out.idOfBytes(b, from, to, trace);
  return index < 0 ? -1 : index;
}

// The span being read (module state rather than a closure per span: a million closures cost more than the scan).
let buf: Uint8Array = new Uint8Array(0);
let limit = 0;
let traceFrom = -1;
let traceTo = 0;
let spanFrom = -1;
let spanTo = 0;
let parentFrom = -1;
let parentTo = 0;
let name = -1;
let start = NaN;
let finish = NaN;
let error = false;

function statusField(sf: number, st: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (!is(b, sf, st, K.code)) return value(b, x, end);
  if (b[x] === QUOTE) {
    const close = string(b, x, end);
    if (close < 0) return false;
    error = is(b, x + 1, close, K.statusError);
    return true;
  }
  const n = number(b, x, end);
  if (n < 0) return false;
  for (let k = x; k < n; k++) if (b[k] === 0x2e || b[k] === 0x65 || b[k] === 0x45) return false;
  error = n === x + 1 && b[x] === 0x32;
  return true;
}

function spanField(kf: number, kt: number, v: number): boolean {
  const b = buf;
  const end = limit;
  const n = kt - kf;
  if (n === 7 && is(b, kf, kt, K.traceId)) {
    if (!idAt(b, v, end)) return false;
    traceFrom = idFrom;
    traceTo = idTo;
  } else if (n === 6 && is(b, kf, kt, K.spanId)) {
    if (!idAt(b, v, end)) return false;
    spanFrom = idFrom;
    spanTo = idTo;
  } else if (n === 12 && is(b, kf, kt, K.parentSpanId)) {
    if (!idAt(b, v, end)) return false;
    parentFrom = idFrom;
    parentTo = idTo;
  } else if (n === 4 && is(b, kf, kt, K.name)) {
    name = internName(out, b, v, end, NONE);
    if (name < 0) return false;
  } else if (n === 17 && is(b, kf, kt, K.start)) {
    start = micros(b, v, end);
    if (Number.isNaN(start)) return false;
  } else if (n === 15 && is(b, kf, kt, K.end)) {
    finish = micros(b, v, end);
    if (Number.isNaN(finish)) return false;
  } else if (n === 10 && is(b, kf, kt, K.attributes)) {
    if (keyValues(b, v, end, false) < 0) return false;
  } else if (n === 6 && is(b, kf, kt, K.status)) {
    error = false;
    if (object(b, v, end, statusField) < 0) return false;
  } else return value(b, v, end);
  return true;
}

const COMPACT = {
  trace: keyBytes('{"traceId":"'),
  span: keyBytes('","spanId":"'),
  parent: keyBytes('","parentSpanId":"'),
  name: keyBytes('","name":"'),
  kind: keyBytes('","kind":'),
  start: keyBytes(',"startTimeUnixNano":'),
  startNoKind: keyBytes('","startTimeUnixNano":'),
  end: keyBytes(',"endTimeUnixNano":'),
  attributes: keyBytes(',"attributes":'),
  status: keyBytes(',"status":'),
};

/**
 * A span written as exporters write it (compact, its keys in the order of the proto: traceId, spanId,
 * parentSpanId?, name, kind?, the two times, attributes, status, and nothing else) read by comparing
 * the bytes between its values, without walking the object key by key: what `object(…, spanField)`
 * would read of it. -1 (the caller resets and walks the object) for any other shape.
 */
function compactSpan(b: Uint8Array, i: number, end: number): number {
  if (!startsWith(b, i, end, COMPACT.trace)) return -1;
  let at = i + COMPACT.trace.length;
  let close = plainString(b, at, end);
  if (close < 0) return -1;
  traceFrom = at;
  traceTo = close;
  if (!startsWith(b, close, end, COMPACT.span)) return -1;
  at = close + COMPACT.span.length;
  close = plainString(b, at, end);
  if (close < 0) return -1;
  spanFrom = at;
  spanTo = close;
  if (startsWith(b, close, end, COMPACT.parent)) {
    at = close + COMPACT.parent.length;
    close = plainString(b, at, end);
    if (close < 0) return -1;
    parentFrom = at;
    parentTo = close;
  }
  if (!startsWith(b, close, end, COMPACT.name)) return -1;
  at = close + COMPACT.name.length;
  close = plainString(b, at, end);
  if (close < 0) return -1;
  name = close === at ? out.internWord(NONE) : out.internBytes(b, at, close);
  if (startsWith(b, close, end, COMPACT.kind)) {
    // One digit: any other kind is walked (and checked) by the slow walk.
    at = close + COMPACT.kind.length;
    const d = b[at]!;
    if (d < 0x30 || d > 0x39 || !startsWith(b, at + 1, end, COMPACT.start)) return -1;
    at += 1 + COMPACT.start.length;
  } else if (startsWith(b, close, end, COMPACT.startNoKind)) at = close + COMPACT.startNoKind.length;
  else return -1;
  start = micros(b, at, end);
  if (Number.isNaN(start) || !startsWith(b, cursor.at, end, COMPACT.end)) return -1;
  finish = micros(b, cursor.at + COMPACT.end.length, end);
  if (Number.isNaN(finish) || !startsWith(b, cursor.at, end, COMPACT.attributes)) return -1;
  if (keyValues(b, cursor.at + COMPACT.attributes.length, end, false) < 0) return -1;
  if (!startsWith(b, cursor.at, end, COMPACT.status)) return -1;
  error = false;
  at = object(b, cursor.at + COMPACT.status.length, end, statusField);
  if (at < 0 || b[at] !== CLOSE) return -1;
  return (cursor.at = at + 1);
}

/** One span at `i` into a row; false when the slow path must read it. */
function span(i: number): boolean {
  const b = buf;
  const end = limit;
  traceFrom = spanFrom = parentFrom = name = -1;
  start = finish = NaN;
  error = false;
  pairCount = 0;
  let e = compactSpan(b, i, end);
  if (e < 0) {
    // Whatever the compact reading wrote is read again from the start.
    traceFrom = spanFrom = parentFrom = name = -1;
    start = finish = NaN;
    error = false;
    pairCount = 0;
    e = object(b, i, end, spanField);
  }
  if (e < 0 || traceFrom < 0 || spanFrom < 0 || Number.isNaN(start) || Number.isNaN(finish)) return false;
  const trace = idIndex(b, traceFrom, traceTo, true);
  const id = idIndex(b, spanFrom, spanTo, false);
  if (trace < 0 || id < 0) return false;
  let parent = -1;
  if (parentFrom >= 0 && parentTo > parentFrom) {
    // All zeros in hex is no parent; any other id the slow path cannot take is left to it.
    parent = out.idOfBytes(b, parentFrom, parentTo, false);
    if (parent === -2) return false;
  }
  out.rowOf(
    trace,
    id,
    parent,
    service,
    name < 0 ? out.internWord(NONE) : name,
    start,
    Math.max(0, finish - start),
    error,
  );
  // Resource attributes first, so a span attribute of the same key wins.
  for (let k = 0; k < resourcePairCount; k++) out.tag(resourcePairs[2 * k]!, resourcePairs[2 * k + 1]!);
  for (let k = 0; k < pairCount; k++) out.tag(pairs[2 * k]!, pairs[2 * k + 1]!);
  cursor.at = e;
  return true;
}

/** The spans of a scopeSpans list at `i`. */
function scopes(b: Uint8Array, i: number, end: number): number {
  return list(b, i, end, (v) => {
    let spans = false;
    return (
      object(b, v, end, (kf, kt, x) => {
        if (!is(b, kf, kt, K.spans)) return value(b, x, end);
        // A second list of spans would need JSON's last-wins: the slow path.
        if (spans) return false;
        spans = true;
        return list(b, x, end, span) >= 0;
      }) >= 0
    );
  });
}

/**
 * Reads the ResourceSpans element that starts at `b[from]` (and ends before `end`) into `builder`:
 * returns the position after it, or -1 when the slow path must read it (the caller then drops the
 * rows written since it began).
 */
export function scanResourceSpans(b: Uint8Array, from: number, end: number, builder: SpanTableBuilder): number {
  out = builder;
  buf = b;
  limit = end;
  resourcePairCount = 0;
  service = -1;
  let resource = false;
  let scopeKeys = 0;
  const e = object(b, from, end, (kf, kt, v) => {
    if (is(b, kf, kt, K.resource)) {
      // A resource after the spans, or twice, is left to the slow path.
      if (resource || scopeKeys > 0) return false;
      resource = true;
      return (
        object(b, v, end, (rf, rt, x) => {
          if (!is(b, rf, rt, K.attributes)) return value(b, x, end);
          return keyValues(b, x, end, true) >= 0;
        }) >= 0
      );
    }
    if (is(b, kf, kt, K.scopeSpans) || is(b, kf, kt, K.ils)) {
      // Both names, or one twice, would need the slow path's choice.
      if (++scopeKeys > 1) return false;
      // An empty service.name reads as none, as in the slow path.
      if (service < 0 || service === out.internWord('')) service = out.internWord('unknown_service');
      return scopes(b, v, end) >= 0;
    }
    return value(b, v, end);
  });
  return e;
}
