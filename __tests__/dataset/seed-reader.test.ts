import { fc, test } from '@fast-check/vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSpansFile } from '../../src/dataset/index.js';
import { spansOfTable } from '../../src/dataset/table.js';

const dir = await mkdtemp(join(tmpdir(), 'td-seed-'));
let files = 0;
const file = async (text: string | Buffer, ext = 'ndjson') => {
  const path = join(dir, `f${++files}.${ext}`);
  await writeFile(path, text);
  return path;
};

/** Seed records of every kind of content: escapes, non-ASCII, U+2028, numbers and booleans as tag values. */
const record = fc.record({
  'span-id': fc.string({ minLength: 1, maxLength: 20 }),
  'trace-id': fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  'parent-span-id': fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  'span-name': fc.option(fc.string({ maxLength: 20, unit: 'binary' }), { nil: undefined }),
  'start-time-micros': fc.integer({ min: 0, max: 2 ** 52 }),
  'end-time-micros': fc.integer({ min: 0, max: 2 ** 52 }),
  'is-error': fc.constantFrom(true, false, 'true', 'false'),
  tags: fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.oneof(fc.string({ maxLength: 12, unit: 'binary' }), fc.integer(), fc.boolean()),
    { maxKeys: 4 },
  ),
  reporter: fc.record({ name: fc.string({ maxLength: 10 }), hostname: fc.string({ maxLength: 10 }) }),
});

describe("the seed's NDJSON reader", () => {
  test.prop([fc.array(record, { maxLength: 20 })], { numRuns: 60 })(
    'reads a record the same on the fast byte path and through JSON.parse (an unknown key takes the latter)',
    async (records) => {
      const plain = await file(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
      // An extra key the fast path does not know sends every record through JSON.parse.
      const slow = await file(records.map((r) => `${JSON.stringify({ ...r, extra: [1, { x: 2 }] })}\n`).join(''));
      expect((await readSpansFile(plain)).table).toEqual((await readSpansFile(slow)).table);
    },
  );

  it('does not split a line at U+2028 or U+2029 inside a string', async () => {
    const name = 'pay\u2028ment\u2029done';
    const path = await file(
      `${JSON.stringify({ 'span-id': 'a1', 'span-name': name, 'start-time-micros': 1, 'end-time-micros': 2 })}\n`,
    );
    expect(spansOfTable((await readSpansFile(path)).table).map((s) => s.operation)).toEqual([name]);
  });

  it('reads gzipped NDJSON and JSON arrays, whatever the file is called', async () => {
    const line = JSON.stringify({ 'span-id': 'a1', 'start-time-micros': 1, 'end-time-micros': 5 });
    const z = promisify(gzip);
    for (const text of [`${line}\n`, `[${line}]`]) {
      const path = await file(await z(text), 'data');
      expect((await readSpansFile(path)).table.size).toBe(1);
    }
  });

  it('answers a null, a list or a number where a span belongs with its file:line:col', async () => {
    const array = await file('[\n  null\n]', 'json');
    await expect(readSpansFile(array)).rejects.toThrow(
      `${array}:2:1: span 1: not a span: expected an object, found null`,
    );
    const lines = await file('{"span-id":"a","start-time-micros":1,"end-time-micros":2}\n[1]\n');
    await expect(readSpansFile(lines)).rejects.toThrow(`${lines}:2:1: not a span: expected an object, found a list`);
  });

  it('rejects a time that is not a finite number of microseconds, naming the field where it is', async () => {
    const huge = '9'.repeat(400);
    const path = await file(`[{"span-id": "a",\n "start-time-micros": ${huge}, "end-time-micros": 2}]\n`, 'json');
    await expect(readSpansFile(path)).rejects.toThrow(
      `${path}:2:2: span 1: "start-time-micros" is Infinity; expected a finite number of microseconds since the epoch`,
    );
    const text = await file(`{"span-id": "a", "start-time-micros": "soon", "end-time-micros": 2}\n`);
    await expect(readSpansFile(text)).rejects.toThrow(`${text}:1:18: "start-time-micros" is "soon"`);
  });

  it('reads a line of any length in one piece (joined once, not grown chunk by chunk), the chunks around it too', async () => {
    // Text that differs from chunk to chunk: a piece of a line kept from a chunk read over would show.
    const long = Array.from({ length: 300_000 }, (_, k) => `${k % 997}`.padStart(10, '-')).join('');
    const line = (id: string, name: string) =>
      JSON.stringify({
        'span-id': id,
        'trace-id': 't',
        'span-name': name,
        'start-time-micros': 1,
        'end-time-micros': 2,
      });
    const short = (prefix: string) =>
      Array.from({ length: 5000 }, (_, k) => line(`${prefix}${k}`, `op-${k}`)).join('\n');
    const path = await file(`${short('s')}\n${line('zz', long)}\n${short('u')}\n`);
    const spans = spansOfTable((await readSpansFile(path)).table);
    expect(spans).toHaveLength(10_001);
    expect(spans.find((s) => s.spanId === 'zz')!.operation).toBe(long);
    expect(new Set(spans.map((s) => s.operation)).size).toBe(5001);
  });
});
