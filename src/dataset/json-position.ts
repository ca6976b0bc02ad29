import { isBlank } from './json-bytes.js';

/**
 * Where JSON text first goes wrong, for messages: JSON.parse names a position for some mistakes
 * ("… at position 12") but not for others ("Unexpected token 'x', …"), and a person fixing a file
 * needs the line and column of every mistake. Run only after JSON.parse has refused the text.
 */

/** The offset of JSON.parse's mistake in `text`: the one its message gives, else the first place the text is not JSON. */
export function mistakeOffset(text: string, message: string): number {
  const given = /position (\d+)/.exec(message)?.[1];
  if (given !== undefined) return Number(given);
  return firstInvalid(text);
}

/** The offset of the first character that makes `text` not one JSON value (text.length when it ends too soon). */
export function firstInvalid(text: string): number {
  let i = 0;
  const n = text.length;
  const blank = () => {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
  };
  const digits = () => {
    const from = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > from;
  };
  // Iterative over a stack of open containers: any depth, no recursion.
  const stack: number[] = [];
  for (;;) {
    // A value at i.
    blank();
    if (i >= n) return n;
    const c = text[i]!;
    if (c === '{' || c === '[') {
      i++;
      blank();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c === '{' ? 0x7d : 0x5d);
        if (c === '{') {
          if (!key()) return i;
        }
        continue;
      }
    } else if (c === '"') {
      if (!string()) return i;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return i >= n ? n : i;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else if (!digits()) return i;
      if (text[i] === '.') {
        i++;
        if (!digits()) return i;
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        if (!digits()) return i;
      }
    } else return i;
    // After a value: close containers or go on to the next member.
    for (;;) {
      blank();
      if (stack.length === 0) return i;
      if (i >= n) return n;
      const close = stack[stack.length - 1]!;
      if (text.charCodeAt(i) === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      if (close === 0x7d && !key()) return i;
      break;
    }
  }

  function string(): boolean {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
        continue;
      }
      i++;
    }
    return false;
  }

  /** A key and its colon, leaving i at the value. */
  function key(): boolean {
    blank();
    if (text[i] !== '"' || !string()) return false;
    blank();
    if (text[i] !== ':') return false;
    i++;
    return true;
  }
}
