import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  compareIds,
  IdDictionary,
  IdLog,
  idListBytes,
  idListOf,
  idListOfBytes,
  idStrings,
  idText,
  sortByIds,
} from '../../src/dataset/id-list.js';
import {
  canonicalTable,
  compareStrings,
  concatTables,
  SpanTableBuilder,
  spansOfTable,
  tableOf,
} from '../../src/dataset/table.js';
import type { Span } from '../../src/dataset/types.js';

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
/** Span ids as the table spells them: nearly all 16 hex digits, some 32, some kept as written. */
const spanId = fc.oneof(
  { weight: 8, arbitrary: hex(16) },
  { weight: 1, arbitrary: hex(32) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
);
/** Trace ids: 32 hex digits, some of them a widened 64-bit id (16 leading zeros), some text. */
const traceId = fc.oneof(
  { weight: 6, arbitrary: hex(32) },
  { weight: 3, arbitrary: hex(16).map((h) => h.padStart(32, '0')) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
);

describe('ids held as words', () => {
  test.prop([fc.array(spanId, { maxLength: 60 }), fc.array(traceId, { maxLength: 60 })])(
    'give back the strings they were made from, in order of first appearance, one index per distinct id',
    (spans, traces) => {
      for (const [ids, width] of [
        [spans, 16],
        [traces, 32],
      ] as const) {
        const d = new IdDictionary(width);
        const indices = ids.map((id) => d.intern(id));
        const distinct = [...new Set(ids)];
        expect(idStrings(d.list())).toEqual(distinct);
        ids.forEach((id, k) => expect(indices[k]).toBe(distinct.indexOf(id)));
        distinct.forEach((id, i) => expect(idText(d.list(), i)).toBe(id));
        expect(idStrings(idListOf(distinct, width))).toEqual(distinct);
      }
    },
  );

  test.prop([fc.uniqueArray(traceId, { maxLength: 300 }), fc.boolean()])(
    'sort and compare as their strings do (code-unit order), with or without text ids among them',
    (ids, hexOnly) => {
      const chosen = hexOnly ? ids.filter((id) => /^[0-9a-f]{32}$/.test(id)) : ids;
      const list = idListOf(chosen, 32);
      const items = Int32Array.from(chosen, (_, i) => i);
      const sorted = Array.from(sortByIds(list, items), (i) => chosen[i]!);
      expect(sorted).toEqual([...chosen].sort(compareStrings));
      for (let k = 0; k + 1 < chosen.length; k++)
        expect(Math.sign(compareIds(list, k, k + 1))).toBe(Math.sign(compareStrings(chosen[k]!, chosen[k + 1]!)));
    },
  );

  it('sort a thousand ids that share their leading words (widened 64-bit trace ids) and buckets', () => {
    // Ids that differ only in their last word, and many in one bucket of its upper half: the
    // bucket pass, its comparison fallback and the skipping of shared words all run.
    const ids = Array.from({ length: 1000 }, (_, k) =>
      (k % 3 === 0 ? `0000${k.toString(16)}` : ((k * 2654435761) % 2 ** 32).toString(16)).padStart(32, '0'),
    );
    const unique = [...new Set(ids)];
    const list = idListOf(unique, 32);
    const sorted = Array.from(
      sortByIds(
        list,
        Int32Array.from(unique, (_, i) => i),
      ),
      (i) => unique[i]!,
    );
    expect(sorted).toEqual([...unique].sort(compareStrings));
  });

  test.prop([fc.array(hex(16), { minLength: 1, maxLength: 30 })])(
    'are written as the bytes of their hex and read back from them',
    (ids) => {
      const list = idListOf(ids, 16);
      const bytes = idListBytes(list);
      expect(Buffer.from(bytes).toString('hex')).toBe(ids.join(''));
      expect(idStrings(idListOfBytes(bytes, 16, ids.length))).toEqual(ids);
    },
  );
});

describe('ids logged as they come and interned at the end', () => {
  const same = (ids: string[]) => {
    const log = new IdLog(16);
    const dictionary = new IdDictionary(16);
    const numbers = ids.map((id) => log.intern(id));
    const expected = ids.map((id) => dictionary.intern(id));
    const { list, index } = log.resolve();
    expect(idStrings(list)).toEqual(idStrings(dictionary.list()));
    expect(Array.from(numbers, (n) => index[n])).toEqual(expected);
    numbers.forEach((n, k) => expect(log.text(n)).toBe(ids[k]));
  };

  test.prop([fc.array(spanId, { maxLength: 80 }).chain((ids) => fc.shuffledSubarray([...ids, ...ids]))])(
    'get the numbers a dictionary gives (order of first appearance), repeats and text ids included',
    same,
  );

  it('do so over many partitions, with ids repeated far apart', () => {
    const ids = Array.from({ length: 30_000 }, (_, k) => {
      const n = k % 7 === 0 ? Math.floor(k / 3) : k;
      return k % 1001 === 0 ? `text-${n % 5}` : ((n * 2654435761) % 2 ** 32).toString(16).padStart(16, '0');
    });
    same(ids);
  });

  it('keep a text id (logged as zero words) apart from the id of only zeros after it', () => {
    same(['not-hex', '0000000000000000', 'not-hex', '0000000000000000', 'also not hex']);
  });

  it('log an id met lately once (a parent named right after its span)', () => {
    const log = new IdLog(16);
    const span = log.intern('00000000000000aa');
    log.intern('00000000000000bb');
    expect(log.intern('00000000000000aa')).toBe(span);
    expect(log.resolve().list.count).toBe(2);
  });
});

describe('ids read from bytes', () => {
  const anyHex = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: n, maxLength: n });
  test.prop([fc.array(fc.integer({ min: 1, max: 40 }).chain(anyHex), { minLength: 1, maxLength: 20 })])(
    'of hex of any length up to 40 digits, either case, are the ids the same strings give',
    (ids) => {
      const fromStrings = new SpanTableBuilder();
      const fromBytes = new SpanTableBuilder();
      for (const s of ids) {
        fromStrings.row(s, s, undefined, 0, 0, 1, 1, false);
        const b = Buffer.from(s, 'latin1');
        fromBytes.rowOf(
          fromBytes.traceIdBytes(b, 0, b.length),
          fromBytes.spanIdBytes(b, 0, b.length),
          -1,
          0,
          0,
          1,
          1,
          false,
        );
      }
      const a = fromStrings.finish();
      const b = fromBytes.finish();
      expect(b.traceIds).toEqual(a.traceIds);
      expect(b.spanIds).toEqual(a.spanIds);
      expect(b.trace).toEqual(a.trace);
      expect(b.span).toEqual(a.span);
    },
  );

  it('tell an id of only zeros (none, in OTLP) and a shape hex does not cover', () => {
    const out = new SpanTableBuilder();
    const b = Buffer.from('0000000000000000|000|00ab|0123456789abcdef0|xyz', 'latin1');
    expect(out.spanIdHex(b, 0, 16)).toBe(-1);
    expect(out.spanIdHex(b, 17, 20)).toBe(-1);
    expect(out.spanIdHex(b, 21, 25)).toBe(0);
    expect(out.spanIdHex(b, 26, 43)).toBe(-2);
    expect(out.traceIdHex(b, 26, 43)).toBe(0);
    expect(out.spanIdHex(b, 44, 47)).toBe(-2);
    expect(out.finish().size).toBe(0);
  });
});

describe('tables added to a builder', () => {
  const spans = fc
    .array(fc.record({ traceId: fc.oneof(traceId, hex(16)), spanId, parent: fc.nat(), start: fc.nat(1000) }), {
      maxLength: 40,
    })
    .map((rows) =>
      rows.map((r, k): Span => ({
        traceId: r.traceId,
        spanId: r.spanId,
        ...(k > 0 && r.parent % 3 > 0 ? { parentSpanId: rows[r.parent % k]!.spanId } : {}),
        service: `s${k % 3}`,
        operation: 'op',
        startUs: r.start,
        durationUs: 1,
        error: false,
        tags: { customer: `c${k % 2}` },
      })),
    );

  test.prop([spans, spans])(
    "give the table their spans would, and pooled keep each table's traces apart",
    (first, second) => {
      const a = tableOf(first);
      const b = tableOf(second);
      const again = new SpanTableBuilder();
      again.addTable(a);
      expect(canonicalTable(again.finish())).toEqual(a);
      const pooled = new SpanTableBuilder();
      [a, b].forEach((t, k) => spansOfTable(t).forEach((s) => pooled.add({ ...s, traceId: `${k}/${s.traceId}` })));
      expect(concatTables([a, b])).toEqual(canonicalTable(pooled.finish()));
    },
  );
});
