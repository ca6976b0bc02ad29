import { fc, test } from '@fast-check/vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpanTableBuilder, canonicalTable } from '../../../src/dataset/table.js';
import { InputError, SourceError } from '../../../src/errors.js';
import { readSpanFiles } from '../../../src/sources/files/spans.js';
import { DATASET_WEIGHT, readInWorker, workersAvailable, worthAWorker } from '../../../src/sources/files/worker.js';
import { writeDatasetFile } from '../../../src/dataset/file.js';
import { readOtlpFile } from '../../../src/sources/otlp/index.js';
import { DEFAULT_SETTINGS } from '../../../src/config/index.js';
import { diff } from '../../../src/diff/index.js';

const dir = await mkdtemp(join(tmpdir(), 'td-bytes-'));
let files = 0;
const file = async (text: string, ext: string) => {
  const path = join(dir, `f${++files}.${ext}`);
  await writeFile(path, text);
  return path;
};

const seedLine = (k: number, extra = '') =>
  `{"span-id":"${(k + 1).toString(16).padStart(16, '0')}","trace-id":"${(Math.floor(k / 8) + 1).toString(16).padStart(32, '0')}","span-name":"op-${k % 7}","start-time-micros":${1_700_000_000_000_000 + k},"end-time-micros":${1_700_000_000_000_100 + k},"is-error":false,"tags":{"customer":"c${k % 50}"},"reporter":{"name":"svc-${k % 3}"}${extra}}`;

const otlpLine = (k: number, spans = 20) =>
  JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${k % 3}` } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: Array.from({ length: spans }, (_, j) => ({
              traceId: (k + 1).toString(16).padStart(32, '0'),
              spanId: (k * spans + j + 1).toString(16).padStart(16, '0'),
              ...(j > 0 ? { parentSpanId: (k * spans + 1).toString(16).padStart(16, '0') } : {}),
              name: `op-${j % 5}`,
              kind: 2,
              startTimeUnixNano: `${1_700_000_000_000_000_000 + j * 1000}`,
              endTimeUnixNano: `${1_700_000_000_000_500_000 + j * 1000}`,
              attributes: [{ key: 'customer', value: { stringValue: `c${k % 11}` } }],
              status: j === 3 ? { code: 2 } : {},
            })),
          },
        ],
      },
    ],
  });

describe('reading a side in a worker thread', () => {
  it('gives the table read in this thread, for every format and a mix of them', async () => {
    const ndjson = await file(Array.from({ length: 400 }, (_, k) => seedLine(k)).join('\n'), 'ndjson');
    const array = await file(`[\n${Array.from({ length: 300 }, (_, k) => seedLine(k + 1000)).join(',\n')}\n]`, 'json');
    const otlp = await file(Array.from({ length: 30 }, (_, k) => otlpLine(k)).join('\n'), 'jsonl');
    const dataset = join(dir, 'side.tdds');
    await writeDatasetFile(dataset, await readSpanFiles([ndjson, otlp], { queryId: 'q', inThread: true }));
    for (const paths of [[ndjson], [array], [otlp], [dataset], [ndjson, array, otlp]]) {
      const here = await readSpanFiles(paths, { queryId: 'q', inThread: true });
      const there = await readInWorker(paths, { queryId: 'q' });
      // The ids came as lists of words: their strings are not made until read.
      expect(Object.getOwnPropertyDescriptor(there.table, 'spanIds')?.get).toBeTypeOf('function');
      expect(there.table.ids?.span.count).toBe(here.table.spanIds.length);
      expect(there.table.size).toBeGreaterThan(0);
      expect(there.table).toEqual(here.table);
      expect(there.coverage).toEqual(here.coverage);
      expect({ ...there.provenance, collectedAt: '' }).toEqual({ ...here.provenance, collectedAt: '' });
    }
  });

  it('groups the side there when told the keys, and the diff is the one of the side read here', async () => {
    const before = await file(Array.from({ length: 40 }, (_, k) => otlpLine(k)).join('\n'), 'jsonl');
    const after = await file(Array.from({ length: 40 }, (_, k) => otlpLine(k + 3)).join('\n'), 'jsonl');
    const groupBy = [['service'], ['operation'], ['customer', 'service']];
    const settings = { ...DEFAULT_SETTINGS, minSamples: 5, groupBy };
    const query = { id: 'q', name: 'q', query: '' };
    const here = await Promise.all([before, after].map((p) => readSpanFiles([p], { queryId: 'q', inThread: true })));
    const there = await Promise.all([before, after].map((p) => readInWorker([p], { queryId: 'q', groupBy })));
    // Grouped in the worker: grouping here again would be a no-op.
    const expected = diff({ baseline: [here[0]!], current: here[1]!, query, settings });
    const got = diff({ baseline: [there[0]!], current: there[1]!, query, settings });
    expect(expected.edges.changed.length + expected.groups[2]!.changed.length).toBeGreaterThan(0);
    // The same but for when each side was read.
    const timeless = (r: typeof got) => JSON.stringify(r).replace(/"collectedAt":"[^"]*"/g, '');
    expect(timeless(got)).toBe(timeless(expected));
  });

  // (One core: no worker is worth starting.)
  it.skipIf(!workersAvailable())(
    'is started for a dataset file of a sixteenth of the bytes a JSON side needs',
    async () => {
      // Only the sizes are read: a dataset file holds ~16× the spans of as many bytes of JSON.
      const bytes = Buffer.alloc((1 << 20) + 4096);
      const json = await file('', 'ndjson');
      const dataset = join(dir, 'large.tdds');
      await writeFile(json, bytes);
      await writeFile(dataset, bytes);
      expect(await worthAWorker([json])).toBe(false);
      expect(await worthAWorker([dataset], DATASET_WEIGHT)).toBe(true);
      expect(await worthAWorker(Array.from({ length: 16 }, () => json))).toBe(true);
    },
  );

  it('answers a mistake with the error this thread would throw: its class, message and fix', async () => {
    const bad = await file(
      `${seedLine(1)}\n{"span-id": "a", "start-time-micros": "soon", "end-time-micros": 2}\n`,
      'ndjson',
    );
    const here = await readSpanFiles([bad], { queryId: 'q', inThread: true }).catch((e: unknown) => e);
    const there = await readInWorker([bad], { queryId: 'q' }).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(InputError);
    expect(there).toBeInstanceOf(InputError);
    expect((there as InputError).message).toBe((here as InputError).message);
    expect((there as InputError).fix).toBe((here as InputError).fix);
    expect((there as InputError).message).toContain(`${bad}:2:18: "start-time-micros" is "soon"`);
  });
});

describe('a mistake deep in a large file', () => {
  // Several MiB: the mistake lies chunks away from the start, and elements cross chunk boundaries.
  const LINES = 30_000;

  it('is named with its line and column in NDJSON', async () => {
    const lines = Array.from({ length: LINES }, (_, k) => seedLine(k));
    lines[LINES - 7] = seedLine(LINES - 7).replace('"start-time-micros":', '"start-time-micros":x');
    const path = await file(lines.join('\n'), 'ndjson');
    const column = lines[LINES - 7]!.indexOf('x') + 1;
    await expect(readSpanFiles([path], { queryId: 'q', inThread: true })).rejects.toThrow(
      `${path}:${LINES - 6}:${column}: not valid JSON`,
    );
  });

  it('is named with its line, column and element in a JSON array', async () => {
    const lines = Array.from({ length: LINES }, (_, k) => seedLine(k));
    const huge = '9'.repeat(400);
    lines[LINES - 3] = seedLine(LINES - 3).replace(/"end-time-micros":\d+/, `"end-time-micros":${huge}`);
    const path = await file(`[\n${lines.join(',\n')}\n]`, 'json');
    const column = lines[LINES - 3]!.indexOf('"end-time-micros"') + 1;
    await expect(readSpanFiles([path], { queryId: 'q', inThread: true })).rejects.toThrow(
      `${path}:${LINES - 1}:${column}: span ${LINES - 2}: "end-time-micros" is Infinity; expected a finite number`,
    );
    const cut = await file(`[\n${lines.slice(0, 5000).join(',\n')},\n{"span-id":`, 'json');
    await expect(readSpanFiles([cut], { queryId: 'q', inThread: true })).rejects.toThrow(
      `${cut}: not valid JSON (line 5002: the array is not closed`,
    );
  });

  it('is named with its line and column in OTLP JSON Lines, and a time beyond 20 digits is refused there', async () => {
    const lines = Array.from({ length: 3000 }, (_, k) => otlpLine(k, 10));
    lines[2990] = lines[2990]!.replace('"startTimeUnixNano":"', `"startTimeUnixNano":"${'9'.repeat(400)}`);
    const path = await file(lines.join('\n'), 'jsonl');
    await expect(readOtlpFile(path, new SpanTableBuilder())).rejects.toThrow(
      `${path}:2991:19: resourceSpans[0].scopeSpans[0].spans[0] has no startTimeUnixNano or endTimeUnixNano as a whole number`,
    );
    lines[2990] = otlpLine(2990, 10).replace('"kind":2', '"kind":2x');
    const broken = await file(lines.join('\n'), 'jsonl');
    const column = lines[2990]!.indexOf('2x') + 2;
    await expect(readOtlpFile(broken, new SpanTableBuilder())).rejects.toThrow(
      `${broken}:2991:${column}: not valid JSON`,
    );
  });
});

/** OTLP spans of every kind of content the fast path must read as the slow path does, or decline. */
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const id = (n: number) =>
  fc.oneof(
    hex(n),
    hex(n).map((s) => s.toUpperCase()),
    hex(n / 2),
    fc.constant('0'.repeat(n)),
    fc.constant(''),
    hex(n).map((s) => Buffer.from(s, 'hex').toString('base64')),
    fc.string({ maxLength: 6 }),
  );
const anyValue = fc.oneof(
  fc.record({ stringValue: fc.string({ maxLength: 8, unit: 'binary' }) }),
  fc.record({ intValue: fc.oneof(fc.integer().map(String), fc.integer(), fc.constant('0012')) }),
  fc.record({ boolValue: fc.boolean() }),
  fc.record({ doubleValue: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({
    arrayValue: fc.record({
      values: fc.array(fc.record({ stringValue: fc.string({ maxLength: 3 }) }), { maxLength: 2 }),
    }),
  }),
  fc.constant({}),
  fc.record({ stringValue: fc.string({ maxLength: 3 }), intValue: fc.constant('7') }),
);
const attribute = fc.record(
  { key: fc.oneof(fc.constantFrom('service.name', 'customer', 'a', ''), fc.string({ maxLength: 5 })), value: anyValue },
  { requiredKeys: ['key'] },
);
/** Times as exporters write them, and now and then one the byte path must leave to the slow path. */
const nanos = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String), weight: 20 },
  { arbitrary: fc.constantFrom('', '12a', '-5', ' 5', '1e3', '9'.repeat(20), '1'.repeat(21), 1_700_000), weight: 1 },
);
/** Spans with their keys in the order of the proto (as exporters write them, read by comparing bytes), or with `kind` last. */
const otlpSpan = fc
  .record(
    {
      traceId: id(32),
      spanId: id(16),
      parentSpanId: id(16),
      name: fc.string({ maxLength: 10, unit: 'binary' }),
      kind: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(12, 'SPAN_KIND_SERVER')),
      startTimeUnixNano: nanos,
      endTimeUnixNano: nanos,
      attributes: fc.array(attribute, { maxLength: 3 }),
      status: fc.oneof(
        fc.constant({}),
        fc.record({ code: fc.constantFrom(0, 1, 2, 'STATUS_CODE_ERROR', 'STATUS_CODE_OK') }),
        fc.record({ code: fc.constant(2), message: fc.string({ maxLength: 4 }) }),
      ),
    },
    { requiredKeys: ['traceId', 'spanId', 'startTimeUnixNano', 'endTimeUnixNano'] },
  )
  .chain((span) =>
    fc.boolean().map((kindLast) => {
      if (!kindLast || !('kind' in span)) return span;
      const { kind, ...rest } = span;
      return { ...rest, kind };
    }),
  );
const resourceSpans = fc.record({
  resource: fc.record({ attributes: fc.array(attribute, { maxLength: 3 }) }),
  scopeSpans: fc.array(
    fc.record({ scope: fc.record({ name: fc.string({ maxLength: 3 }) }), spans: fc.array(otlpSpan, { maxLength: 4 }) }),
    {
      maxLength: 2,
    },
  ),
});

/** What a reader makes of a file: its canonical table, or its mistake's message. */
async function outcome(path: string): Promise<unknown> {
  const builder = new SpanTableBuilder();
  try {
    await readOtlpFile(path, builder);
    return canonicalTable(builder.finish());
  } catch (error) {
    return error instanceof SourceError ? error.message.replace(path, 'FILE') : error;
  }
}

describe("the OTLP reader's byte path", () => {
  test.prop([fc.array(resourceSpans, { minLength: 1, maxLength: 3 })], { numRuns: 80 })(
    'reads an element as JSON.parse and the object reader do (the resource written last sends it there)',
    async (elements) => {
      const fast = await file(JSON.stringify({ resourceSpans: elements }), 'json');
      // The resource after the spans: the byte path declines the element, and the object reader reads it.
      const reordered = elements.map(({ resource, scopeSpans }) => ({ scopeSpans, resource }));
      const slow = await file(JSON.stringify({ resourceSpans: reordered }), 'json');
      expect(await outcome(fast)).toEqual(await outcome(slow));
    },
  );
});
