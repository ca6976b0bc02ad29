import { createReadStream } from 'node:fs';
import { glob, open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Span } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import { attributes, hexId, nanosToMicros, type KeyValue } from './values.js';

interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: KeyValue[];
  status?: { code?: number | string };
}
interface ScopeSpans {
  spans?: OtlpSpan[];
}
interface ResourceSpans {
  resource?: { attributes?: KeyValue[] };
  scopeSpans?: ScopeSpans[];
  instrumentationLibrarySpans?: ScopeSpans[];
}
interface ExportRequest {
  resourceSpans?: ResourceSpans[];
  /** Tempo answers a trace as { batches: [...] } in some versions: the same ResourceSpans. */
  batches?: ResourceSpans[];
}

const GZIP = Buffer.from([0x1f, 0x8b]);

/** The OTLP files a path names: a file, a directory (recursive), or a glob. */
export async function otlpFiles(path: string, basePath = process.cwd()): Promise<string[]> {
  const full = isAbsolute(path) ? path : resolve(basePath, path);
  const info = await stat(full).catch(() => undefined);
  if (info?.isFile()) return [full];
  if (info?.isDirectory()) {
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.(json|jsonl|ndjson)(\.gz)?$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  }
  const matches: string[] = [];
  for await (const m of glob(path, { cwd: basePath })) matches.push(isAbsolute(m) ? m : resolve(basePath, m));
  if (matches.length === 0) {
    throw new SourceError(
      `no OTLP files at ${path}`,
      'point source.otlp.path at a file, a folder or a glob of OTLP JSON exports (e.g. traces/*.jsonl)',
    );
  }
  return matches.sort();
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer.equals(GZIP);
  } finally {
    await handle.close();
  }
}

async function textStream(file: string): Promise<Readable> {
  const raw = createReadStream(file);
  return (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
}

/** Whether a file looks like OTLP JSON (its first object has resourceSpans or batches). Cheap: reads the start. */
export async function isOtlpFile(file: string): Promise<boolean> {
  try {
    const stream = await textStream(file);
    let head = '';
    for await (const chunk of stream) {
      head += String(chunk);
      if (head.length > 4096) break;
    }
    stream.destroy();
    return /"(resourceSpans|batches)"\s*:/.test(head);
  } catch {
    return false;
  }
}

function* spansOf(request: ExportRequest, where: string): Generator<Span> {
  const resources = request.resourceSpans ?? request.batches;
  if (!Array.isArray(resources))
    throw new SourceError(
      `${where}: not an OTLP trace export (no resourceSpans)`,
      'export traces as OTLP JSON (ExportTraceServiceRequest)',
    );
  for (const rs of resources) {
    const resource = attributes(rs.resource?.attributes);
    const service = resource['service.name'] || 'unknown_service';
    for (const scope of rs.scopeSpans ?? rs.instrumentationLibrarySpans ?? []) {
      for (const s of scope.spans ?? []) {
        const spanId = hexId(s.spanId);
        const traceId = hexId(s.traceId);
        const start = nanosToMicros(s.startTimeUnixNano);
        const end = nanosToMicros(s.endTimeUnixNano);
        if (!spanId || !traceId || start === undefined || end === undefined) continue;
        const parent = hexId(s.parentSpanId);
        const code = s.status?.code;
        const span: Span = {
          spanId,
          traceId,
          service,
          operation: s.name ?? '(none)',
          startUs: start,
          durationUs: Math.max(0, end - start),
          error: code === 2 || code === 'STATUS_CODE_ERROR',
          // Resource attributes first, so a span attribute of the same key wins.
          tags: { ...resource, ...attributes(s.attributes) },
        };
        if (parent) span.parentSpanId = parent;
        yield span;
      }
    }
  }
}

/**
 * Streams the spans of OTLP JSON files: JSON Lines (one ExportTraceServiceRequest per line, as the
 * Collector's file exporter writes) line by line; a single JSON document is parsed whole.
 */
export async function* readOtlpFile(file: string): AsyncGenerator<Span> {
  const stream = await textStream(file);
  let first = '';
  let lineNumber = 0;
  let document: string[] | undefined;
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNumber++;
      if (document) {
        document.push(line);
        continue;
      }
      if (line.trim() === '') continue;
      if (!first) first = line;
      let parsed: ExportRequest;
      try {
        parsed = JSON.parse(line) as ExportRequest;
      } catch (error) {
        // Not one document per line: a pretty-printed single document. Collect it whole.
        if (lineNumber === 1 || first === line) {
          document = [line];
          continue;
        }
        throw new SourceError(
          `${file}:${lineNumber}: not valid JSON (${(error as Error).message})`,
          'each line of a JSON Lines export must be one OTLP request',
        );
      }
      yield* spansOf(parsed, `${file}:${lineNumber}`);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      `${file}: cannot be read (${(error as Error).message})`,
      'check that the file is OTLP JSON, optionally gzipped',
    );
  }
  if (document) {
    let parsed: ExportRequest;
    try {
      parsed = JSON.parse(document.join('\n')) as ExportRequest;
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message)?.[1];
      let where = file;
      if (at !== undefined) {
        const before = document.join('\n').slice(0, Number(at));
        const lines = before.split('\n');
        where = `${file}:${lines.length}:${lines[lines.length - 1]!.length + 1}`;
      }
      throw new SourceError(
        `${where}: not valid JSON (${message})`,
        'export traces as OTLP JSON (ExportTraceServiceRequest)',
      );
    }
    yield* spansOf(parsed, file);
  }
}
