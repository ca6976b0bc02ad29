import { openBytes } from './open.js';

/** One element of a top-level JSON array, as bytes, with where it starts in the file. */
export interface ArrayElement {
  bytes: Buffer;
  index: number;
  line: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Streams the elements of a file (gzipped or not) that holds one JSON array, so a large export never
 * has to be in memory as one string: the scanner follows strings and nesting over the bytes as they
 * arrive (a string is skipped to its closing quote with indexOf) and hands out each top-level
 * element's bytes, gathered as a list of pieces and joined once. It checks the structure only as far
 * as it must to find element boundaries; each element's own JSON is checked by its reader.
 * (Written by hand: streaming JSON libraries give no positions to report.)
 */
export async function* jsonArrayElements(path: string): AsyncGenerator<ArrayElement> {
  let depth = 0;
  let inString = false;
  let line = 1;
  let index = 0;
  let pieces: Buffer[] = [];
  let elementLine = 1;
  let hasContent = false;
  let started = false;
  let ended = false;
  const fail = (what: string) => new SyntaxError(`line ${line}: ${what}`);
  for await (const chunk of (await openBytes(path)) as AsyncIterable<Buffer>) {
    const n = chunk.length;
    let from = depth >= 1 ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (inString) {
        // To the closing quote: one not preceded by an odd run of backslashes.
        let q = chunk.indexOf(QUOTE, i);
        while (q >= 0) {
          let k = q - 1;
          let slashes = 0;
          while (k >= i && chunk[k] === BACKSLASH) {
            slashes++;
            k--;
          }
          // A run that reaches back to the chunk's start may continue in the previous chunk.
          if (k < i && i === 0 && slashes > 0) slashes += trailingBackslashes(pieces);
          if (slashes % 2 === 0) break;
          q = chunk.indexOf(QUOTE, q + 1);
        }
        const end = q < 0 ? n : q;
        for (let j = chunk.indexOf(NEWLINE, i); j >= 0 && j < end; j = chunk.indexOf(NEWLINE, j + 1)) line++;
        if (q < 0) {
          i = n;
          break;
        }
        inString = false;
        i = q + 1;
        continue;
      }
      const c = chunk[i]!;
      if (c === NEWLINE) {
        line++;
        i++;
        continue;
      }
      if (c === 0x20 || c === 0x0d || c === 0x09) {
        i++;
        continue;
      }
      if (ended) throw fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} after the end of the array`);
      if (!started) {
        if (c !== 0x5b) throw fail('expected a JSON array');
        started = true;
        depth = 1;
        from = i + 1;
        i++;
        continue;
      }
      if (depth === 1 && (c === 0x2c || c === 0x5d)) {
        pieces.push(chunk.subarray(from, i));
        const bytes = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
        pieces = [];
        from = i + 1;
        if (hasContent) yield { bytes, index: index++, line: elementLine };
        else if (c === 0x2c || index > 0) throw fail('an empty element in the array');
        hasContent = false;
        if (c === 0x5d) {
          depth = 0;
          ended = true;
        }
        i++;
        continue;
      }
      if (depth === 1 && !hasContent) {
        hasContent = true;
        elementLine = line;
      }
      if (c === QUOTE) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) depth--;
      i++;
    }
    if (depth >= 1 && from >= 0 && from < n) pieces.push(chunk.subarray(from));
  }
  if (!started) throw fail('expected a JSON array, found nothing');
  if (!ended) throw fail('the array is not closed (the file is cut short?)');
}

/** How many backslashes end the element's bytes so far (a string's escape split across chunks). */
function trailingBackslashes(pieces: readonly Buffer[]): number {
  let count = 0;
  for (let p = pieces.length - 1; p >= 0; p--) {
    const piece = pieces[p]!;
    for (let k = piece.length - 1; k >= 0; k--) {
      if (piece[k] !== BACKSLASH) return count;
      count++;
    }
  }
  return count;
}
