import { createReadStream } from 'node:fs';

/** One element of a top-level JSON array, as text, with where it starts in the file. */
export interface ArrayElement {
  text: string;
  index: number;
  line: number;
}

/**
 * Streams the elements of a file that holds one JSON array, so a large export never has to be in
 * memory as one string: the scanner follows strings and nesting as the text arrives and hands out
 * each top-level element for `JSON.parse` on its own. It checks the structure only as far as it must
 * to find element boundaries; each element's own JSON is checked by the parser. (Written by hand for
 * the same reason as the OTLP reader's: streaming JSON libraries give no positions to report.)
 */
export async function* jsonArrayElements(
  path: string,
  text: AsyncIterable<string> = createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>,
): AsyncGenerator<ArrayElement> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let index = 0;
  let current: string[] = [];
  let elementLine = 1;
  let started = false;
  let ended = false;
  const fail = (what: string) => new SyntaxError(`line ${line}: ${what}`);
  for await (const chunk of text) {
    let from = depth >= 1 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (ch === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
      if (ended) throw fail(`unexpected ${JSON.stringify(ch)} after the end of the array`);
      if (!started) {
        if (ch !== '[') throw fail('expected a JSON array');
        started = true;
        depth = 1;
        from = i + 1;
        continue;
      }
      if (depth === 1 && (ch === ',' || ch === ']')) {
        current.push(chunk.slice(from, i));
        const text = current.join('').trim();
        current = [];
        from = i + 1;
        if (text) yield { text, index: index++, line: elementLine };
        else if (ch === ',' || index > 0) throw fail(`an empty element in the array`);
        if (ch === ']') {
          depth = 0;
          ended = true;
        }
        continue;
      }
      if (depth === 1 && current.length === 0 && chunk.slice(from, i).trim() === '') elementLine = line;
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth >= 1 && from >= 0) current.push(chunk.slice(from));
  }
  if (!started) throw fail('expected a JSON array, found nothing');
  if (!ended) throw fail('the array is not closed (the file is cut short?)');
}
