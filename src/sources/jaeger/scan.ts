import { NONE } from '../../vocabulary.js';
import { utf8 } from '../../dataset/dictionary.js';
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
  sameHexValue,
  skipContainer,
  string,
  template,
  value,
  wholeMicros,
  wholeNumber,
} from '../../dataset/json-scan.js';
import { OPEN_LIST, QUOTE } from '../../dataset/json-bytes.js';
import { grown, type SpanTableBuilder } from '../../dataset/table.js';

/**
 * The fast path of the Jaeger reader: one trace of the answer's `data` (or of a list of traces) read
 * straight from its bytes into the builder, with no object per span. A trace's `processes` come after
 * its `spans` (as the query service writes them), so the trace is walked once to find both, the
 * processes are read, then the spans. It takes the shapes Jaeger writes (hex ids, times in whole
 * microseconds, tags of strings, booleans and whole numbers, the process by id); on anything else —
 * or a mistake — it answers -1, the caller drops the rows it wrote, and the element goes through
 * JSON.parse and `readJaegerElement`, which reads every valid trace and names every mistake. Both
 * give the same rows (`__tests__/sources/files/jaeger-scan.test.ts`).
 */

const K = {
  traceID: keyBytes('traceID'),
  spanID: keyBytes('spanID'),
  parentSpanID: keyBytes('parentSpanID'),
  operationName: keyBytes('operationName'),
  references: keyBytes('references'),
  refType: keyBytes('refType'),
  childOf: keyBytes('CHILD_OF'),
  startTime: keyBytes('startTime'),
  duration: keyBytes('duration'),
  tags: keyBytes('tags'),
  processID: keyBytes('processID'),
  process: keyBytes('process'),
  spans: keyBytes('spans'),
  processes: keyBytes('processes'),
  serviceName: keyBytes('serviceName'),
  key: keyBytes('key'),
  value: keyBytes('value'),
  error: keyBytes('error'),
  statusCode: keyBytes('otel.status_code'),
  hostname: keyBytes('hostname'),
};

// The trace and span being read: module state, as in the OTLP scanner (a closure per span costs more than the scan).
let out: SpanTableBuilder;
let buf: Uint8Array = new Uint8Array(0);
let limit = 0;
/** The trace's own traceID, its spans list and its processes object: positions, -1 when absent. */
let traceFrom = -1;
let traceTo = 0;
let spansAt = -1;
let processesAt = -1;

/** Processes: their id's bytes, service, host and a slice of `processTags` ([column, value] pairs). */
let processCount = 0;
let processIdFrom = new Int32Array(16);
let processIdTo = new Int32Array(16);
let processService = new Int32Array(16);
let processHost = new Int32Array(16);
let processTagFrom = new Int32Array(17);
let processTags = new Int32Array(64);
let processTagCount = 0;

/** Tags being read: into `pairs` from `pairBase`, with the last value of the keys that mean something. */
let pairs = new Int32Array(64);
let pairCount = 0;
let tagColumn = -1;
let tagValue = -2;
let tagKeyIs = 0;
let lastError = -1;
let lastStatus = -1;
let lastHost = -1;

/** The span: field positions, -1 when absent. */
let spanTraceFrom = -1;
let spanTraceTo = 0;
let spanFrom = -1;
let spanTo = 0;
let oldParentFrom = -1;
let oldParentTo = 0;
let operation = -1;
let start = NaN;
let duration = NaN;
let processFrom = -1;
let processTo = 0;
/** The parent chosen from `references` (span id bytes), and whether it came from a CHILD_OF. */
let refParentFrom = -1;
let refParentTo = 0;
let refChildOf = false;
/** The reference being read. */
let refTraceFrom = -1;
let refTraceTo = 0;
let refSpanFrom = -1;
let refSpanTo = 0;
let refIsChildOf = false;

/** `a`, or a copy with room for `need` (at least twice as long). */
function room(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  return need <= a.length ? a : grown(a, Math.max(need, a.length * 2));
}

/** The key b[from, to) of a tag (no escapes): its column, and whether it is one that means something. */
function tagKey(b: Uint8Array, from: number, to: number): void {
  tagKeyIs = is(b, from, to, K.error) ? 1 : is(b, from, to, K.statusCode) ? 2 : is(b, from, to, K.hostname) ? 3 : 0;
  // An empty key is no tag, as in the slow path.
  tagColumn = to === from ? -2 : out.tagColumnBytes(b, from, to);
}

/** A tag written compactly with a string value: `{"key":"…","type":"string","value":"…"}`. */
const PLAIN_TAG = ['{"key":"', '","type":"string","value":"', '"}'].map(keyBytes);
/** A reference written compactly: `{"refType":"CHILD_OF","traceID":"…","spanID":"…"}`. */
const PLAIN_REFERENCE = ['{"refType":"CHILD_OF","traceID":"', '","spanID":"', '"}'].map(keyBytes);
const found = new Int32Array(4);

/**
 * A tag of the shape Jaeger writes (compact, type string, no escapes) read by comparing its bytes,
 * without walking its object: as `object(…, tagField)` would read it. False (nothing read) otherwise.
 */
function plainTag(b: Uint8Array, v: number, end: number): boolean {
  if (template(b, v, end, PLAIN_TAG, found) < 0) return false;
  tagKey(b, found[0]!, found[1]!);
  tagValue = out.internBytes(b, found[2]!, found[3]!);
  return true;
}

/** A member of a tag {key, type, value}: the value as the slow path renders it (string, boolean, whole number, null). */
function tagField(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (is(b, kf, kt, K.key)) {
    const close = string(b, x, end);
    if (close < 0) return false;
    // A key with escapes is left to the slow path.
    if (cursor.escapes) return false;
    tagKey(b, x + 1, close);
    return true;
  }
  if (!is(b, kf, kt, K.value)) return value(b, x, end);
  const c = b[x];
  if (c === QUOTE) {
    tagValue = internString(out, b, x, end);
    return tagValue >= 0;
  }
  if (c === 0x74 || c === 0x66 || c === 0x6e) {
    const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
    if (!literal(b, x, end, word)) return false;
    tagValue = out.internWord(word);
    return true;
  }
  const whole = wholeNumber(b, x, end);
  if (whole >= 0) {
    tagValue = out.internBytes(b, x, whole);
    return true;
  }
  // Any other number renders as JavaScript writes it (`1.50` as 1.5), as in the slow path.
  const n = number(b, x, end);
  if (n < 0) return false;
  tagValue = out.intern(String(Number(utf8(b, x, n))));
  return true;
}

/** One tag of a list into `pairs`; false to give up. */
function tag(v: number): boolean {
  tagColumn = -1;
  tagValue = -2;
  tagKeyIs = 0;
  if (!plainTag(buf, v, limit) && object(buf, v, limit, tagField) < 0) return false;
  // A tag without a key is no tag, as in the slow path; a missing value renders as null.
  if (tagColumn === -2) return true;
  if (tagColumn < 0) return false;
  if (tagValue === -2) tagValue = out.internWord('null');
  pairs = room(pairs, 2 * pairCount + 2);
  pairs[2 * pairCount] = tagColumn;
  pairs[2 * pairCount + 1] = tagValue;
  pairCount++;
  if (tagKeyIs === 1) lastError = tagValue;
  else if (tagKeyIs === 2) lastStatus = tagValue;
  else if (tagKeyIs === 3) lastHost = tagValue;
  return true;
}

/** A list of tags at `i` into `pairs` (from pairCount 0); the end, or -1. */
function tags(b: Uint8Array, i: number, end: number): number {
  pairCount = 0;
  lastError = lastStatus = lastHost = -1;
  // null is no tags, as in the slow path.
  if (b[i] === 0x6e) return literal(b, i, end, 'null') ? cursor.at : -1;
  return list(b, i, end, tag);
}

function processField(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (is(b, kf, kt, K.serviceName)) {
    processService[processCount] = internName(out, b, x, end, 'unknown_service');
    return processService[processCount]! >= 0;
  }
  if (is(b, kf, kt, K.tags)) {
    if (tags(b, x, end) < 0) return false;
    processTags = room(processTags, 2 * (processTagCount + pairCount));
    // A copy by hand: subarray would make an object per process.
    for (let k = 0; k < 2 * pairCount; k++) processTags[2 * processTagCount + k] = pairs[k]!;
    processTagCount += pairCount;
    processHost[processCount] = lastHost;
    return true;
  }
  return value(b, x, end);
}

/** How many lists of tags the process being read has given (module state: a closure per process would cost). */
let processTagLists = 0;

function processMember(pf: number, pt: number, y: number): boolean {
  // A second list of tags would need JSON's last-wins: the slow path.
  if (is(buf, pf, pt, K.tags) && ++processTagLists > 1) return false;
  return processField(pf, pt, y);
}

/** One member of `processes`: its id, then the process. */
function process(kf: number, kt: number, x: number): boolean {
  const n = processCount;
  if (n + 2 > processIdFrom.length) {
    processIdFrom = room(processIdFrom, n + 2);
    processIdTo = room(processIdTo, n + 2);
    processService = room(processService, n + 2);
    processHost = room(processHost, n + 2);
    processTagFrom = room(processTagFrom, n + 3);
  }
  processIdFrom[n] = kf;
  processIdTo[n] = kt;
  processService[n] = out.internWord('unknown_service');
  processHost[n] = -1;
  processTagFrom[n] = processTagCount;
  processTagLists = 0;
  if (object(buf, x, limit, processMember) < 0) return false;
  processCount++;
  processTagFrom[processCount] = processTagCount;
  return true;
}

function referenceField(kf: number, kt: number, x: number): boolean {
  const b = buf;
  const end = limit;
  if (is(b, kf, kt, K.refType)) {
    const close = string(b, x, end);
    if (close < 0 || cursor.escapes) return false;
    refIsChildOf = is(b, x + 1, close, K.childOf);
    return true;
  }
  if (is(b, kf, kt, K.traceID) || is(b, kf, kt, K.spanID)) {
    const close = string(b, x, end);
    if (close < 0 || cursor.escapes) return false;
    if (kt - kf === 7) {
      refTraceFrom = x + 1;
      refTraceTo = close;
    } else {
      refSpanFrom = x + 1;
      refSpanTo = close;
    }
    return true;
  }
  return value(b, x, end);
}

/**
 * A reference of the shape Jaeger writes (compact, CHILD_OF, ids without escapes) read by comparing
 * its bytes, without walking its object: as `object(…, referenceField)` would read it. False
 * (nothing read) for any other shape.
 */
function plainReference(b: Uint8Array, v: number, end: number): boolean {
  if (template(b, v, end, PLAIN_REFERENCE, found) < 0) return false;
  refIsChildOf = true;
  refTraceFrom = found[0]!;
  refTraceTo = found[1]!;
  refSpanFrom = found[2]!;
  refSpanTo = found[3]!;
  return true;
}

/** One reference: the first CHILD_OF in the span's own trace is its parent, else the first in its trace. */
function reference(v: number): boolean {
  refTraceFrom = refSpanFrom = -1;
  refIsChildOf = false;
  if (!plainReference(buf, v, limit) && object(buf, v, limit, referenceField) < 0) return false;
  if (refTraceFrom >= 0) {
    // In the span's own trace only when spelled as its trace id is: any other spelling is the slow path's to compare.
    const tf = spanTraceFrom >= 0 ? spanTraceFrom : traceFrom;
    const tt = spanTraceFrom >= 0 ? spanTraceTo : traceTo;
    if (tf < 0) return false;
    if (!sameBytes(buf, refTraceFrom, refTraceTo, tf, tt)) return true;
  }
  if (refParentFrom < 0 || (refIsChildOf && !refChildOf)) {
    refParentFrom = refSpanFrom;
    refParentTo = refSpanTo;
    refChildOf = refIsChildOf;
    // A reference without a span id would be the slow path's pick: leave it to it.
    if (refSpanFrom < 0) return false;
  }
  return true;
}

let referenceLists = 0;
let tagLists = 0;

function spanField(kf: number, kt: number, v: number): boolean {
  const b = buf;
  const end = limit;
  const n = kt - kf;
  if (n === 7 && is(b, kf, kt, K.traceID)) {
    const close = string(b, v, end);
    // References read before the span's own trace id were compared with the trace's: the slow path's to redo.
    if (close < 0 || cursor.escapes || referenceLists > 0) return false;
    spanTraceFrom = v + 1;
    spanTraceTo = close;
  } else if (n === 6 && is(b, kf, kt, K.spanID)) {
    const close = string(b, v, end);
    if (close < 0 || cursor.escapes) return false;
    spanFrom = v + 1;
    spanTo = close;
  } else if (n === 12 && is(b, kf, kt, K.parentSpanID)) {
    const close = string(b, v, end);
    if (close < 0 || cursor.escapes) return false;
    oldParentFrom = v + 1;
    oldParentTo = close;
  } else if (n === 13 && is(b, kf, kt, K.operationName)) {
    operation = internName(out, b, v, end, NONE);
    if (operation < 0) return false;
  } else if (n === 10 && is(b, kf, kt, K.references)) {
    // References come before the span's traceID in no export; a second list needs JSON's last-wins.
    if (++referenceLists > 1) return false;
    refParentFrom = -1;
    refChildOf = false;
    if (b[v] === 0x6e) return literal(b, v, end, 'null');
    return list(b, v, end, reference) >= 0;
  } else if (n === 9 && is(b, kf, kt, K.startTime)) {
    start = wholeMicros(b, v, end);
    if (Number.isNaN(start)) return false;
  } else if (n === 8 && is(b, kf, kt, K.duration)) {
    duration = wholeMicros(b, v, end);
    if (Number.isNaN(duration)) return false;
  } else if (n === 4 && is(b, kf, kt, K.tags)) {
    if (++tagLists > 1) return false;
    if (tags(b, v, end) < 0) return false;
  } else if (n === 9 && is(b, kf, kt, K.processID)) {
    const close = string(b, v, end);
    if (close < 0 || cursor.escapes) return false;
    processFrom = v + 1;
    processTo = close;
  } else if (n === 7 && is(b, kf, kt, K.process)) {
    // A process inline (the list-of-spans shape) is read by the slow path.
    return false;
  } else return value(b, v, end);
  return true;
}

/** The index of the id in b[from, to), as the slow path makes it; -1 for none (all zeros), -2 when the slow path must decide. */
function idIndex(b: Uint8Array, from: number, to: number, trace: boolean): number {
  return out.idOfBytes(b, from, to, trace);
}

/** One span into a row; false when the slow path must read it. */
function span(v: number): boolean {
  const b = buf;
  spanTraceFrom = spanFrom = oldParentFrom = operation = processFrom = refParentFrom = -1;
  start = NaN;
  duration = 0;
  referenceLists = tagLists = 0;
  pairCount = 0;
  lastError = lastStatus = -1;
  const e = object(b, v, limit, spanField);
  // Tags are read into `pairs` by the span's own list only; no list leaves none.
  if (tagLists === 0) pairCount = 0;
  if (e < 0 || spanFrom < 0 || Number.isNaN(start)) return false;
  const tf = spanTraceFrom >= 0 ? spanTraceFrom : traceFrom;
  const tt = spanTraceFrom >= 0 ? spanTraceTo : traceTo;
  if (tf < 0) return false;
  const trace = idIndex(b, tf, tt, true);
  const id = idIndex(b, spanFrom, spanTo, false);
  if (trace < 0 || id < 0) return false;
  let parentFrom = refParentFrom;
  let parentTo = refParentTo;
  let parent = parentFrom >= 0 ? idIndex(b, parentFrom, parentTo, false) : -1;
  if (parent === -1 && oldParentFrom >= 0) {
    parentFrom = oldParentFrom;
    parentTo = oldParentTo;
    parent = idIndex(b, parentFrom, parentTo, false);
  }
  if (parent === -2) return false;
  // A span that names itself as its parent has none (as the slow path reads it); ids are compared by value.
  if (parent >= 0) {
    const same = sameHexValue(b, parentFrom, parentTo, spanFrom, spanTo);
    if (same === undefined) return false;
    if (same) parent = -1;
  }
  let p = -1;
  if (processFrom >= 0) {
    // The last process of that id wins, as in JSON.parse.
    for (let k = processCount - 1; k >= 0 && p < 0; k--)
      if (sameBytes(b, processIdFrom[k]!, processIdTo[k]!, processFrom, processTo)) p = k;
  }
  const error = lastError === out.internWord('true') || lastStatus === out.internWord('ERROR');
  out.rowOf(
    trace,
    id,
    parent,
    p < 0 ? out.internWord('unknown_service') : processService[p]!,
    operation < 0 ? out.internWord(NONE) : operation,
    start,
    Math.max(0, duration),
    error,
    p < 0 ? -1 : processHost[p]!,
  );
  // The process's tags first, so a span tag of the same key wins.
  if (p >= 0)
    for (let k = processTagFrom[p]!; k < processTagFrom[p + 1]!; k++)
      out.tag(processTags[2 * k]!, processTags[2 * k + 1]!);
  for (let k = 0; k < pairCount; k++) out.tag(pairs[2 * k]!, pairs[2 * k + 1]!);
  cursor.at = e;
  return true;
}

function traceField(kf: number, kt: number, v: number): boolean {
  const b = buf;
  const end = limit;
  if (is(b, kf, kt, K.traceID)) {
    const close = string(b, v, end);
    if (close < 0 || cursor.escapes || traceFrom >= 0) return false;
    traceFrom = v + 1;
    traceTo = close;
    return true;
  }
  if (is(b, kf, kt, K.spans) || is(b, kf, kt, K.processes)) {
    // Either twice would need JSON's last-wins: the slow path.
    if (kt - kf === 5) {
      if (spansAt >= 0 || b[v] !== OPEN_LIST) return false;
      spansAt = v;
      if (guessing && Buffer.isBuffer(b)) {
        // The end of the spans guessed by the bytes Jaeger writes after them: `],"processes":{`
        // cannot be inside a string (its quote would be escaped), and the guess is checked when
        // the spans are read (`scanJaegerTrace`). One native search instead of a walk through them.
        const at = b.indexOf(SPANS_END, v);
        if (at >= 0 && at + SPANS_END.length < end) {
          spansEnd = cursor.at = at + 1;
          return true;
        }
        guessMissed = true;
      }
      // Checked as they are read, once the processes are known.
      return skipContainer(b, v, end) >= 0;
    } else {
      if (processesAt >= 0) return false;
      processesAt = v;
    }
  }
  return value(b, v, end);
}

/** What Jaeger writes between a trace's spans and its processes. */
const SPANS_END = Buffer.from('],"processes":{', 'latin1');
/**
 * The end of the spans as guessed (-1: found by a walk); whether to guess, whether the bytes were
 * not there, and the builder for which guessing stopped (a file of another layout: one guess in
 * vain a trace would cost a search through the rest of the chunk).
 */
let spansEnd = -1;
let guessing = true;
let guessMissed = false;
let guessStopped: SpanTableBuilder | undefined;

/**
 * Reads the trace that starts at `b[from]` (and ends before `end`) into `builder`: returns the
 * position after it, or -1 when the slow path must read it (the caller then drops the rows written).
 */
export function scanJaegerTrace(b: Uint8Array, from: number, end: number, builder: SpanTableBuilder): number {
  const rows = builder.size;
  guessing = guessStopped !== builder;
  guessMissed = false;
  let e = scanTrace(b, from, end, builder);
  if (e === -2) {
    // Read with a guess that may be wrong: read again by a walk through the spans.
    builder.truncate(rows);
    guessing = false;
    e = scanTrace(b, from, end, builder);
    // The walk read it: the guess was wrong (a file of another layout).
    if (e >= 0) guessMissed = true;
  }
  if (guessMissed && e >= 0) guessStopped = builder;
  return e;
}

/** As scanJaegerTrace; -2 when it read with a guess of the spans' end and either failed or found the guess wrong. */
function scanTrace(b: Uint8Array, from: number, end: number, builder: SpanTableBuilder): number {
  out = builder;
  buf = b;
  limit = end;
  traceFrom = spansAt = processesAt = spansEnd = -1;
  processCount = processTagCount = 0;
  processTagFrom[0] = 0;
  const e = object(b, from, end, traceField);
  if (e < 0 || spansAt < 0) return spansEnd >= 0 ? -2 : -1;
  if (processesAt >= 0 && object(b, processesAt, end, process) < 0) return spansEnd >= 0 ? -2 : -1;
  const spansTo = list(b, spansAt, end, span);
  if (spansTo < 0) return spansEnd >= 0 ? -2 : -1;
  if (spansEnd >= 0 && spansTo !== spansEnd) return -2;
  return e;
}
