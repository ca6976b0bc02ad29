import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { mistakeOffset } from '../../dataset/json-position.js';
import { readSeedInto } from '../../dataset/seed-spans.js';
import { SourceError } from '../../errors.js';
import { JAEGER_FIX, readJaegerJson } from '../jaeger/json.js';
import { readOtlpFile } from '../otlp/read.js';
import type { SpanTableBuilder } from '../../dataset/table.js';
import { readZipkinJson, ZIPKIN_FIX } from '../zipkin/json.js';
import { FORMATS_READ, detectFormat, type Detection, type FileFormat } from './detect.js';

/** The whole text of a file, gunzipped when it is gzip. */
async function wholeText(file: string, gzip: boolean): Promise<string> {
  const raw = createReadStream(file);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  } catch (error) {
    throw new SourceError(
      `${file}: cannot be read (${(error as Error).message})`,
      'check that the file is whole (a gzip file cut short cannot be read)',
    );
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON.parse with the mistake's line and column, for the formats read whole. */
function parseJson(text: string, file: string, label: string, fix: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const before = text.slice(0, mistakeOffset(body, message) + text.length - body.length).split('\n');
    const where = `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
    throw new SourceError(`${where}: read as ${label}, but it is not valid JSON (${message})`, fix);
  }
}

/** A file in no known format: one line saying what it looks like and what is read. */
export function unknownFormat(file: string, detection: Extract<Detection, { format: 'unknown' }>): SourceError {
  return new SourceError(
    `${file}: not a trace file trace-differ reads: ${detection.looksLike}. Read are: ${FORMATS_READ}`,
    'export the traces in one of those formats',
  );
}

/**
 * Reads the spans of one trace file (any format but trace-differ's own datasets, which carry their
 * provenance and are loaded whole) into the sink. Returns the format recognised.
 */
export async function readTraceFile(file: string, sink: SpanTableBuilder): Promise<Exclude<FileFormat, 'dataset'>> {
  const detection = await detectFormat(file);
  switch (detection.format) {
    case 'unknown':
      throw unknownFormat(file, detection);
    case 'dataset':
      throw new SourceError(
        `${file}: a trace-differ dataset cannot be mixed with other trace files`,
        'pass the dataset file on its own',
      );
    case 'otlp':
      await readOtlpFile(file, sink);
      return 'otlp';
    case 'jaeger': {
      const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, JAEGER_FIX);
      readJaegerJson(doc, `${file} (${detection.label})`, sink);
      return 'jaeger';
    }
    case 'zipkin': {
      const doc = parseJson(await wholeText(file, detection.gzip), file, detection.label, ZIPKIN_FIX);
      readZipkinJson(doc, `${file} (${detection.label})`, sink);
      return 'zipkin';
    }
    case 'seed':
      // The seed's reader streams and checks its own shape, straight into the one builder.
      await readSeedInto(file, sink);
      return 'seed';
  }
}
