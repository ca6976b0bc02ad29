import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/dataset/dictionary.js';
import { SpanTableBuilder } from '../../src/dataset/table.js';
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

  it('finds each of thousands of keys again, its recent slot long taken by others (and the arena grown meanwhile)', () => {
    const d = new Dictionary();
    const words = Array.from({ length: 5000 }, (_, k) => `customer-${(k * 7919) % 5000}-${'x'.repeat(k % 9)}`);
    const ids = words.map((w) => {
      const bytes = Buffer.from(` ${w} `, 'latin1');
      return d.internBytes(bytes, 1, bytes.length - 1);
    });
    for (let k = words.length - 1; k >= 0; k -= 3) {
      const bytes = Buffer.from(words[k]!, 'latin1');
      expect(d.internBytes(bytes, 0, bytes.length)).toBe(ids[k]);
      expect(d.keys[ids[k]!]).toBe(words[k]);
    }
    expect(d.size).toBe(5000);
  });

  it('keeps a lone surrogate apart from the replacement character', () => {
    const d = new Dictionary();
    expect(d.intern('a\ud800')).not.toBe(d.intern('a\ufffd'));
  });

  it('gives a word the same entry whichever way it comes, interning it at its first use', () => {
    const d = new Dictionary();
    const none = d.internWord('(none)');
    expect(d.keys).toEqual(['(none)']);
    const bytes = Buffer.from('true');
    const t = d.internBytes(bytes, 0, 4);
    expect(d.internWord('true')).toBe(t);
    expect(d.internWord('(none)')).toBe(none);
    expect(d.intern('(none)')).toBe(none);
    expect(d.keys).toEqual(['(none)', 'true']);
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

describe('ids given as bytes', () => {
  const hex = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
  const id = fc.oneof(
    hex(16),
    hex(32),
    hex(8),
    fc.constantFrom('0'.repeat(16), '0'.repeat(32), '0'.repeat(8)),
    hex(16).map((h) => Buffer.from(h, 'hex').toString('base64')),
    fc.string({ maxLength: 24, unit: 'binary' }).filter((s) => s !== '' && wellFormed(s)),
  );
  test.prop([fc.array(id, { minLength: 1, maxLength: 20 })])('are spelled as the same ids given as strings', (ids) => {
    const fromStrings = new SpanTableBuilder();
    const fromBytes = new SpanTableBuilder();
    for (const s of ids) {
      fromStrings.row(s, s, s, 0, 0, 1, 1, false);
      const b = Buffer.from(s, 'utf8');
      const span = fromBytes.spanIdBytes(b, 0, b.length);
      fromBytes.rowOf(fromBytes.traceIdBytes(b, 0, b.length), span, span, 0, 0, 1, 1, false);
    }
    const a = fromStrings.finish();
    const b = fromBytes.finish();
    expect(b.traceIds).toEqual(a.traceIds);
    expect(b.spanIds).toEqual(a.spanIds);
    expect(b.trace).toEqual(a.trace);
    expect(b.span).toEqual(a.span);
  });
});
