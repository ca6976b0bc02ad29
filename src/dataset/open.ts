import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const GZIP = [0x1f, 0x8b];

/** The first bytes of a file (at most `n`), as they are on disk. */
export async function headBytes(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** `n` bytes of a file from `offset` (fewer at its end), and that offset. */
export async function bytesAt(path: string, offset: number, n: number): Promise<{ bytes: Buffer; offset: number }> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(n), 0, n, offset);
    return { bytes: buffer.subarray(0, bytesRead), offset };
  } finally {
    await handle.close();
  }
}

/** Whether a file is gzipped (by its magic bytes, whatever its name). */
export async function isGzipped(path: string): Promise<boolean> {
  const head = await headBytes(path, 2);
  return head.length === 2 && head[0] === GZIP[0] && head[1] === GZIP[1];
}

/** A part of a file, bytes [start, end): a line-oriented file read by two threads at once (sources/files/spans.ts). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A file's bytes as a stream of Buffers, gunzipped when it is gzipped: every reader accepts either.
 * With a range, only those bytes of a plain file (a gzip stream cannot be entered midway).
 */
export async function openBytes(path: string, range?: ByteRange): Promise<Readable> {
  if (range) return createReadStream(path, { highWaterMark: 1 << 20, start: range.start, end: range.end - 1 });
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  return (await isGzipped(path)) ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
}

/**
 * As `openBytes`, for a reader that keeps no chunk past its turn: a plain file is read into one
 * Buffer, used again for every chunk, so each chunk is valid only until the next is asked for (a
 * reader copies what it keeps). A stream makes a Buffer a chunk: a few hundred MiB of them, made
 * and dropped, cost a full garbage collection every ~15 MiB. Gzip is read as by `openBytes`.
 */
export async function* reusedChunks(path: string, range?: ByteRange): AsyncGenerator<Buffer> {
  if (!range && (await isGzipped(path))) {
    yield* (await openBytes(path)) as AsyncIterable<Buffer>;
    return;
  }
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(1 << 20);
    let at = range?.start ?? 0;
    const end = range?.end ?? Infinity;
    while (at < end) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The first non-blank bytes of a file's content (gunzipped), for telling formats apart. */
export async function contentHead(path: string, n = 4096): Promise<string> {
  const stream = await openBytes(path);
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, n).toString('utf8');
}
