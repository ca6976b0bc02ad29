import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { MAGIC } from '../../dataset/format.js';
import { printable } from '../../text.js';

/**
 * Which trace format a file holds, recognised from its content (never its name), gzipped or not.
 * The start of the file is enough: each format has keys no other has.
 */
export type FileFormat = 'dataset' | 'otlp' | 'jaeger' | 'zipkin' | 'seed';

export type Classified =
  /** `label`: what was recognised, for messages ("Jaeger JSON (UI download / /api/traces answer)"). */
  | { format: FileFormat; label: string }
  /** `looksLike`: what the file looks like, for the one-line refusal. */
  | { format: 'unknown'; looksLike: string };

export type Detection = Classified & { gzip: boolean };

/** Every format read, as the refusal of an unknown file lists them. */
export const FORMATS_READ =
  "trace-differ datasets, OTLP JSON or JSON Lines (Collector, SDKs, Tempo's /api/traces and /api/v2/traces answers, Jaeger api_v3), Jaeger JSON (UI download, /api/traces answer, span lists), Zipkin v2 JSON (a list of spans or of traces, one span), and the seed's span JSON/NDJSON; each gzipped or not";

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file, gunzipped when it is gzip. */
async function head(file: string): Promise<{ text: string; gzip: boolean; damage?: string }> {
  const handle = await open(file, 'r');
  let magic: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    magic = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const gzip = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  const raw = createReadStream(file, gzip ? {} : { end: HEAD_BYTES - 1 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  let length = 0;
  let damage: string | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= HEAD_BYTES) break;
    }
  } catch (error) {
    // A gzip stream cut short gives what came before the cut, and the reader reports where it ends;
    // corrupt data gives nothing to recognise.
    damage = (error as Error).message;
  } finally {
    raw.destroy();
    stream.destroy();
  }
  return { text: Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'), gzip, ...(damage ? { damage } : {}) };
}

/** The keys (strings followed by a colon) in a piece of JSON: a heuristic, but each format's keys are distinctive. */
function keysIn(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/"((?:[^"\\\n]|\\.){1,64})"\s*:/g)) keys.add(m[1]!);
  return keys;
}

/** Classifies the start of a file. Exported for tests; `detectFormat` reads the file. */
export function classify(text: string): Classified {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith(MAGIC)) return { format: 'dataset', label: 'a trace-differ dataset' };
  const keys = keysIn(body);
  const has = (...names: string[]) => names.every((n) => keys.has(n));
  const first = body[0];
  if (has('resourceSpans') || has('batches')) {
    const label = has('trace')
      ? "OTLP JSON (Tempo's /api/v2/traces answer)"
      : has('result')
        ? "OTLP JSON (Jaeger's api_v3 answer)"
        : has('batches')
          ? "OTLP JSON (Tempo's older /api/traces answer, batches)"
          : 'OTLP JSON';
    return { format: 'otlp', label };
  }
  if (has('spanID') && (has('operationName') || has('startTime'))) {
    const label =
      first === '['
        ? has('spans')
          ? 'Jaeger JSON (a list of traces)'
          : 'Jaeger JSON (a list of spans)'
        : has('data')
          ? 'Jaeger JSON (UI download / /api/traces answer)'
          : 'Jaeger JSON (one trace)';
    return { format: 'jaeger', label };
  }
  if (has('span-id')) return { format: 'seed', label: "span JSON in the seed's shape" };
  // An empty file or list holds no spans in any format: read as such (a file split into parts may leave one
  // empty); a side with no spans at all is refused where the sides are compared.
  if (body === '' || /^\[\s*\]\s*$/.test(body)) return { format: 'seed', label: 'no spans (an empty file or list)' };
  if (has('traceId', 'id') && (has('timestamp') || has('localEndpoint') || has('name'))) {
    const label = /^\[\s*\[/.test(body)
      ? 'Zipkin v2 JSON (a list of traces)'
      : first === '['
        ? 'Zipkin v2 JSON (a list of spans)'
        : 'Zipkin v2 JSON (one span)';
    return { format: 'zipkin', label };
  }
  // An empty list is an empty list of spans in any format: read it as such, and the side has no spans.
  if (/^\[\s*\]\s*$/.test(body)) return { format: 'seed', label: 'an empty JSON list' };
  return { format: 'unknown', looksLike: describe(body, keys) };
}

function describe(body: string, keys: Set<string>): string {
  if (body === '') return 'it is empty';
  if (has(keys, 'traces') && (has(keys, 'rootServiceName') || has(keys, 'traceID'))) {
    return "it looks like a Tempo search answer (trace ids, no spans): fetch each trace from /api/v2/traces/{id}, or configure a 'tempo' source";
  }
  const first = body[0];
  const names = [...keys].slice(0, 6).map((k) => printable(JSON.stringify(k.slice(0, 40))));
  const some = names.length ? ` with keys ${names.join(', ')}${keys.size > names.length ? ', …' : ''}` : '';
  if (first === '{') return `it looks like a JSON object${some}, in no trace format trace-differ reads`;
  if (first === '[') return `it looks like a JSON list${some}, in no trace format trace-differ reads`;
  // Bytes that are not text are not quoted: they would reach a terminal or a log.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/.test(body.slice(0, 512))) return 'it is binary, not JSON text';
  return `it is not JSON (it starts with ${JSON.stringify(body.slice(0, 24))})`;
}

const has = (keys: Set<string>, name: string) => keys.has(name);

/** Detects the format of a file from its first 64 KiB (after gunzip). */
export async function detectFormat(file: string): Promise<Detection> {
  const { text, gzip, damage } = await head(file);
  if (damage)
    return { format: 'unknown', looksLike: `it is gzip, but its data cannot be decompressed (${damage})`, gzip };
  return { ...classify(text), gzip };
}
