import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/dataset/dictionary.js';
import { firstInvalid } from '../../src/dataset/json-position.js';

/** No lone surrogate (String.prototype.isWellFormed is past the project's ES2023 library). */
const wellFormed = (s: string) => !/\p{Surrogate}/u.test(s);

describe('the dictionary fed with bytes and strings', () => {
  test.prop([fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 40 })])(
    'gives one entry to a string and its UTF-8 bytes, and distinct entries to distinct strings',
    (strings) => {
      const d = new Dictionary();
      const ids = strings.map((s, k) => {
        const bytes = Buffer.from(s, 'utf8');
        // Well-formed strings arrive either way; a lone surrogate has no UTF-8, so only as a string.
        return k % 2 === 0 && wellFormed(s) ? d.internBytes(bytes, 0, bytes.length) : d.intern(s);
      });
      strings.forEach((s, k) => expect(d.keys[ids[k]!]).toBe(s));
      expect(new Set(d.keys).size).toBe(d.keys.length);
      strings.forEach((s, k) => expect(d.intern(s)).toBe(ids[k]));
    },
  );

  it('keeps a lone surrogate apart from the replacement character', () => {
    const d = new Dictionary();
    expect(d.intern('a\ud800')).not.toBe(d.intern('a\ufffd'));
  });
});

describe('where JSON text goes wrong', () => {
  it('names the first character that is not JSON, or the end when the text stops short', () => {
    expect(firstInvalid('{"a": x}')).toBe(6);
    expect(firstInvalid('{"a": 1,}')).toBe(8);
    expect(firstInvalid('[1, 2')).toBe(5);
    expect(firstInvalid('{"a": "b\\q"}')).toBe(9);
    expect(firstInvalid('{"a": 1} 2')).toBe(9);
    expect(firstInvalid('{"a": [1, {"b": tru}]}')).toBe(19);
  });
});
