import { createHash } from 'node:crypto';
import { checksumOf, checksumStart } from './checksum.js';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { assembleDataset } from './assemble.js';
import { BodyDecoder, encodeBody, FORMAT_VERSION, MAGIC, type DatasetHeader } from './format.js';
import { decodeV2, encodeV2, V2 } from './format-v2.js';
import { SpanTableBuilder } from './table.js';
import type { Dataset, LoadResult } from './types.js';
import { printable } from '../text.js';

const gzipAsync = promisify(gzip);

/** Encodes a whole dataset file (the current format, 2) into one buffer. */
export async function encodeDataset(dataset: Dataset): Promise<Buffer> {
  return encodeV2(dataset);
}

/** Encodes a dataset in format 1, as trace-differ wrote it before format 2 (kept to test that old caches still read). */
export async function encodeDatasetV1(dataset: Dataset): Promise<Buffer> {
  const body = await gzipAsync(Buffer.from(encodeBody(dataset.table)), { level: 9 });
  const header: DatasetHeader = {
    format: MAGIC,
    version: 1,
    provenance: dataset.provenance,
    coverage: dataset.coverage,
    spans: dataset.table.size,
    bodyBytes: body.length,
    bodySha256: createHash('sha256').update(body).digest('hex'),
  };
  header.sha256 = checksumOf(header, body);
  return Buffer.concat([Buffer.from(`${MAGIC} 1\n${JSON.stringify(header)}\n`), body]);
}

/** Writes a dataset file atomically (a reader never sees half a file). */
export async function writeDatasetFile(path: string, dataset: Dataset): Promise<{ bytes: number }> {
  const data = await encodeDataset(dataset);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
  return { bytes: data.length };
}

/** Whether the file starts with the dataset magic (cheap: reads 32 bytes). */
export async function isDatasetFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(MAGIC.length), 0, MAGIC.length, 0);
    return bytesRead === MAGIC.length && buffer.toString('latin1') === MAGIC;
  } finally {
    await handle.close();
  }
}

/** Reads the magic line and the header (both short) without reading the body; format 2 answers its version only. */
async function readHeader(
  path: string,
): Promise<{ header: DatasetHeader; bodyOffset: number } | { version: typeof V2 } | string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256 * 1024), 0, 256 * 1024, 0);
    const chunk = buffer.subarray(0, bytesRead);
    const first = chunk.indexOf(10);
    if (first < 0 || !chunk.subarray(0, first).toString('latin1').startsWith(`${MAGIC} `))
      return 'it is not a trace-differ dataset (no magic line)';
    const version = Number(chunk.subarray(MAGIC.length + 1, first).toString('latin1'));
    if (!Number.isInteger(version)) return 'its format version is unreadable';
    if (version > FORMAT_VERSION) {
      return `it was written by a newer trace-differ (format ${version}; this one reads up to ${FORMAT_VERSION}): upgrade trace-differ to read it`;
    }
    // Format 1 is the first; an older number has no migration because none was ever written.
    if (version < 1)
      return `its format version ${version} is older than any this trace-differ reads (1 to ${FORMAT_VERSION}): collect it again`;
    if (version === V2) return { version: V2 };
    // A header longer than the bytes read here is refused before anything is allocated for it.
    const second = chunk.indexOf(10, first + 1);
    if (second < 0) return 'its header is truncated';
    let header: DatasetHeader;
    try {
      header = JSON.parse(chunk.subarray(first + 1, second).toString('utf8')) as DatasetHeader;
    } catch {
      return 'its header is not valid JSON';
    }
    if (header.format !== MAGIC || header.version !== version || typeof header.bodySha256 !== 'string')
      return 'its header is malformed';
    return { header, bodyOffset: second + 1 };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a dataset file, streaming its body, and checks its version, length, checksum and span
 * count. A problem is answered as `{ ok: false, problem }` naming the file, never thrown: the
 * caller sets the file aside and goes on.
 */
export async function readDatasetFile(path: string): Promise<LoadResult> {
  const fail = (why: string): LoadResult => ({ ok: false, problem: `dataset ${path} was set aside: ${why}` });
  let head;
  try {
    head = await readHeader(path);
  } catch (error) {
    return fail(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (typeof head === 'string') return fail(head);
  if ('version' in head) {
    try {
      return { ok: true, dataset: await decodeV2(await readFile(path)) };
    } catch (error) {
      const message = (error as Error).message;
      return fail(message.startsWith('it') ? message : `its body is corrupt (${message})`);
    }
  }
  const { header, bodyOffset } = head;
  const hash = createHash('sha256');
  // Over the header and the body; files written before `sha256` existed are checked on their body alone.
  const whole = typeof header.sha256 === 'string' ? checksumStart(header) : undefined;
  let bodyBytes = 0;
  const builder = new SpanTableBuilder();
  const decoder = new BodyDecoder(builder);
  try {
    const raw = createReadStream(path, { start: bodyOffset });
    raw.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      whole?.update(chunk as Buffer);
      bodyBytes += (chunk as Buffer).length;
    });
    // pipeline() carries an error of any stage (a corrupt gzip stream above all) to this one await.
    await pipeline(raw, createGunzip(), async (source: AsyncIterable<Buffer>) => {
      const text = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of source) {
        const lines = (rest + text.write(chunk)).split('\n');
        rest = lines.pop()!;
        for (const line of lines) decoder.line(line);
      }
      decoder.line(rest + text.end());
    });
  } catch (error) {
    if (bodyBytes !== header.bodyBytes) return fail(`it is truncated (${bodyBytes} of ${header.bodyBytes} body bytes)`);
    return fail(`its body is corrupt (${printable((error as Error).message)})`);
  }
  if (bodyBytes !== header.bodyBytes)
    return fail(`its body is ${bodyBytes} bytes, the header says ${header.bodyBytes}`);
  if (whole && whole.digest('hex') !== header.sha256)
    return fail('its checksum does not match (the header or the body was altered)');
  if (hash.digest('hex') !== header.bodySha256) return fail('its checksum does not match (the body was altered)');
  if (decoder.rows !== header.spans) return fail(`it holds ${decoder.rows} spans, the header says ${header.spans}`);
  return {
    ok: true,
    dataset: assembleDataset(builder, { provenance: header.provenance, coverage: header.coverage, window: false }),
  };
}
