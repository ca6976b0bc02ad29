import { BACKSLASH, CLOSE, CLOSE_LIST, COLON, COMMA, isBlank, OPEN, OPEN_LIST, QUOTE } from './json-bytes.js';
import { openBytes, reusedChunks } from './open.js';

/**
 * How a reader takes the elements of a top-level JSON array (see `readJsonArray`).
 */
export interface ArrayElementReader {
  /**
   * Reads the element that starts at `b[from]` straight from the bytes, if it can: returns the
   * position just after it, or -1 (nothing written) when it cannot, or when the element does not
   * end before `limit` (the end of the bytes at hand). Must not look at or past `limit`.
   */
  fast(b: Buffer, from: number, limit: number): number;
  /** Reads the element `b[from, to)` (framed by its JSON structure), the `index`-th (from 0), that starts at byte `offset` of the file. */
  slow(b: Buffer, from: number, to: number, index: number, offset: number): Promise<void> | void;
}

/** A mistake in the array's own structure, at byte `offset` of the (gunzipped) content. */
export class ArrayStructureError extends Error {
  constructor(
    readonly what: string,
    readonly offset: number,
    /** Valid JSON of the wrong shape (the key `within` names no list, or is given twice), not broken JSON. */
    readonly shape = false,
  ) {
    super(what);
  }
}

/** The end of one JSON value, found over chunks: strings followed, nesting counted, nothing else checked. */
export class ValueEnd {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;

  reset(): void {
    this.depth = 0;
    this.inString = this.escaped = this.started = false;
  }

  /** The position after the value in `b[from, to)`, or -1 when it goes on past `to`. */
  scan(b: Buffer, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const c = b[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.depth === 0) return i + 1;
        }
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
        this.started = true;
      } else if (c === OPEN || c === OPEN_LIST) {
        this.depth++;
        this.started = true;
      } else if (c === CLOSE || c === CLOSE_LIST) {
        if (this.depth === 0) return i;
        if (--this.depth === 0) return i + 1;
      } else if (this.depth === 0 && (c === COMMA || isBlank(c))) {
        if (this.started) return i;
      } else this.started = true;
    }
    return -1;
  }
}

/**
 * Streams the elements of a JSON array in a file (gzipped or not) into a reader, so a large export is
 * never in memory whole: the file is the array, or, with `within`, an object whose key `within` holds
 * it (Jaeger's `{"data": [...], "total": …}`; the object's other values are passed over). Each
 * element is first offered to the reader's fast path where it lies in the chunk read; only an
 * element the fast path declines, or one that runs over the end of a chunk, is framed by following
 * its strings and nesting, gathered as a list of pieces and joined once (a single element of any
 * size costs linear time). Structure mistakes are thrown as ArrayStructureError with their byte
 * offset: the line is counted only then (`lineAt`). Returns whether the array was there (with
 * `within`, the object may have no such key: nothing was read then).
 * (Written by hand: streaming JSON libraries give no positions to report, and make an object per value.)
 */
export async function readJsonArray(path: string, reader: ArrayElementReader, within?: string): Promise<boolean> {
  /** 0: before '[', 1: after '[', 2: expecting an element, 3: after an element, 4: after ']'. */
  let state = 0;
  /**
   * With `within`, the object around the array: 0 before '{', 1 expecting a key, 2 in a key, 3
   * expecting ':', 4 expecting a value, 5 after a value, 6 after '}'; 7 inside the array (`state`).
   */
  let outer = within === undefined ? 7 : 0;
  let key: number[] = [];
  let keyEscaped = false;
  let found = false;
  /** Passing over a value of the object that runs on into the next chunk. */
  let skipping = false;
  const wanted = within === undefined ? [] : [...Buffer.from(within, 'utf8')];
  let index = 0;
  /** File offset of the current chunk's first byte. */
  let base = 0;
  let pieces: Buffer[] | undefined;
  let pieceOffset = 0;
  const framer = new ValueEnd();
  const fail = (what: string, at: number) => new ArrayStructureError(what, at);
  const element = async (b: Buffer, from: number, to: number, offset: number) => {
    if (reader.fast(b, from, to) < 0) await reader.slow(b, from, to, index, offset);
    index++;
    state = 3;
  };
  // Chunks are views of one Buffer read into again (open.ts): the pieces of an element kept over chunks are copied.
  for await (const chunk of reusedChunks(path)) {
    const n = chunk.length;
    // A byte-order mark (as some Windows tools write) is not part of the JSON.
    let i = base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    if (pieces) {
      const end = framer.scan(chunk, 0, n);
      if (end < 0) {
        pieces.push(Buffer.from(chunk));
        base += n;
        continue;
      }
      pieces.push(chunk.subarray(0, end));
      const whole = Buffer.concat(pieces);
      pieces = undefined;
      await element(whole, 0, whole.length, pieceOffset);
      i = end;
    } else if (skipping) {
      const end = framer.scan(chunk, 0, n);
      if (end < 0) {
        base += n;
        continue;
      }
      skipping = false;
      outer = 5;
      i = end;
    }
    while (i < n) {
      const c = chunk[i]!;
      if (outer === 2) {
        // A key of the object around the array, byte by byte (it may run over two chunks).
        if (keyEscaped) keyEscaped = false;
        else if (c === BACKSLASH) keyEscaped = true;
        else if (c === QUOTE) outer = 3;
        if (outer === 2) key.push(c);
        i++;
        continue;
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (outer < 7) {
        if (outer === 0) {
          if (c !== OPEN) throw fail(`expected a JSON object with a list "${within}"`, base + i);
          outer = 1;
        } else if (outer === 1 && c === QUOTE) {
          key = [];
          outer = 2;
        } else if (outer === 1 && c === CLOSE) outer = 6;
        else if (outer === 3 && c === COLON) outer = 4;
        else if (outer === 4) {
          const isWanted = key.length === wanted.length && key.every((k, j) => k === wanted[j]);
          if (isWanted && found) throw new ArrayStructureError(`"${within}" is given twice`, base + i, true);
          if (isWanted && c !== OPEN_LIST) throw new ArrayStructureError(`"${within}" is not a list`, base + i, true);
          if (isWanted) {
            found = true;
            outer = 7;
            state = 1;
            i++;
            continue;
          }
          framer.reset();
          const end = framer.scan(chunk, i, n);
          if (end < 0) {
            skipping = true;
            break;
          }
          outer = 5;
          i = end;
          continue;
        } else if (outer === 5 && c === COMMA) outer = 1;
        else if (outer === 5 && c === CLOSE) outer = 6;
        else
          throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} in the object around "${within}"`, base + i);
        i++;
        continue;
      }
      if (state === 2 || (state === 1 && c !== CLOSE_LIST)) {
        if (c === COMMA || c === CLOSE_LIST) throw fail('an empty element in the array', base + i);
        let end = reader.fast(chunk, i, n);
        if (end >= 0) {
          index++;
          state = 3;
          i = end;
          continue;
        }
        framer.reset();
        end = framer.scan(chunk, i, n);
        if (end < 0) {
          pieces = [Buffer.from(chunk.subarray(i))];
          pieceOffset = base + i;
          break;
        }
        await reader.slow(chunk, i, end, index++, base + i);
        state = 3;
        i = end;
        continue;
      }
      if (state === 0) {
        if (c !== OPEN_LIST) throw fail('expected a JSON array', base + i);
        state = 1;
      } else if (state === 1 || (state === 3 && c === CLOSE_LIST)) {
        state = 4;
        // The array was a value of the object around it: back to that object.
        if (within !== undefined) outer = 5;
      } else if (state === 3 && c === COMMA) state = 2;
      else if (state === 3)
        throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after an element`, base + i);
      else throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after the end of the array`, base + i);
      i++;
    }
    base += n;
  }
  if (within !== undefined) {
    if (outer === 0) throw fail(`expected a JSON object with a list "${within}", found nothing`, base);
    if (outer !== 6) throw fail('the document is not closed (the file is cut short?)', base);
    return found;
  }
  if (state === 0) throw fail('expected a JSON array, found nothing', base);
  if (state !== 4) throw fail('the array is not closed (the file is cut short?)', base);
  return true;
}

/** The line and column (1-based) of byte `offset` of a file's content, counted by reading it again: for messages only. */
export async function lineAt(path: string, offset: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let lineStart = 0;
  let base = 0;
  const stream = await openBytes(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const stop = Math.min(chunk.length, offset - base);
      for (let nl = chunk.indexOf(0x0a); nl >= 0 && nl < stop; nl = chunk.indexOf(0x0a, nl + 1)) {
        line++;
        lineStart = base + nl + 1;
      }
      base += chunk.length;
      if (base >= offset) break;
    }
  } finally {
    stream.destroy();
  }
  return { line, column: offset - lineStart + 1 };
}
