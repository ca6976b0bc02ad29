import { fc, test } from '@fast-check/vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpanTableBuilder, canonicalTable } from '../../../src/dataset/table.js';
import { SourceError } from '../../../src/errors.js';
import { readTraceFile } from '../../../src/sources/files/read.js';
import { scanJaegerTrace } from '../../../src/sources/jaeger/scan.js';

/**
 * Jaeger traces are read from their bytes where the byte path takes them, and through JSON.parse
 * where it does not: both must give the same rows. A trace whose `spans` key is written twice goes
 * the slow way (JSON's last-wins), so the same traces written both ways are compared.
 */

const dir = await mkdtemp(join(tmpdir(), 'td-jaeger-'));
let files = 0;
const file = async (text: string) => {
  const path = join(dir, `f${++files}.json`);
  await writeFile(path, text);
  return path;
};

/** What the reader makes of a file: its canonical table, or its mistake's message. */
async function outcome(path: string): Promise<unknown> {
  const builder = new SpanTableBuilder();
  try {
    await readTraceFile(path, builder);
    return canonicalTable(builder.finish());
  } catch (error) {
    return error instanceof SourceError ? error.message.replace(path, 'FILE') : error;
  }
}

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const id = (n: number) =>
  fc.oneof(
    // Mostly what Jaeger writes, so that whole traces take the byte path; the rest sends a trace to JSON.parse.
    { weight: 40, arbitrary: hex(n) },
    hex(n).map((s) => s.toUpperCase()),
    hex(n / 2),
    fc.constant('0'.repeat(n)),
    fc.constant(''),
    fc.string({ maxLength: 4 }),
  );
const tagValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
  { weight: 4, arbitrary: fc.constantFrom('true', 'ERROR', 'false') },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.integer() },
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.constant({ nested: 1 }),
);
const tag = fc.record(
  {
    key: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('error', 'otel.status_code', 'hostname', 'customer', '') },
      fc.string({ maxLength: 4 }),
    ),
    type: fc.constant('string'),
    value: tagValue,
  },
  { requiredKeys: ['key'] },
);
const reference = (traceId: string) =>
  fc.record(
    {
      refType: fc.constantFrom('CHILD_OF', 'FOLLOWS_FROM'),
      traceID: fc.oneof({ weight: 4, arbitrary: fc.constant(traceId) }, id(32)),
      spanID: id(16),
    },
    { requiredKeys: ['refType'] },
  );
const span = (traceId: string) =>
  fc.record(
    {
      traceID: fc.oneof({ weight: 5, arbitrary: fc.constant(traceId) }, id(32)),
      spanID: id(16),
      flags: fc.constant(1),
      operationName: fc.oneof(fc.string({ maxLength: 8, unit: 'binary' }), fc.constant('')),
      references: fc.array(reference(traceId), { maxLength: 3 }),
      parentSpanID: id(16),
      startTime: fc.oneof(
        { weight: 30, arbitrary: fc.integer({ min: 0, max: 2 ** 52 }).map((x) => 1_600_000_000_000_000 + x) },
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constant('1700000000000000'),
      ),
      duration: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: -5, max: 10 ** 7 }) }, fc.constant(null)),
      tags: fc.oneof({ weight: 5, arbitrary: fc.array(tag, { maxLength: 4 }) }, fc.constant(null)),
      logs: fc.constant([]),
      processID: fc.constantFrom('p1', 'p2', 'p9'),
      warnings: fc.constant(null),
    },
    { requiredKeys: ['spanID', 'startTime'] },
  );
const process = fc.record(
  {
    serviceName: fc.oneof(fc.constantFrom('web', 'db', ''), fc.string({ maxLength: 4, unit: 'binary' })),
    tags: fc.array(tag, { maxLength: 3 }),
  },
  { requiredKeys: ['serviceName'] },
);
const trace = hex(32).chain((traceId) =>
  fc.record(
    {
      traceID: fc.constant(traceId),
      spans: fc.array(span(traceId), { maxLength: 5 }),
      processes: fc.record({ p1: process, p2: process }, { requiredKeys: [] }),
      warnings: fc.constant(null),
    },
    { requiredKeys: ['spans'] },
  ),
);

/** The same trace, with `spans` written twice (an empty list first): JSON.parse keeps the second, the byte path declines it. */
const slowly = (t: object) => `{"spans":[],${JSON.stringify(t).slice(1)}`;

describe("the Jaeger reader's byte path", () => {
  test.prop([fc.array(trace, { minLength: 1, maxLength: 3 })], { numRuns: 150 })(
    'reads a trace as JSON.parse and the object reader do',
    async (generated) => {
      // A plain trace first, so that the file is recognised as Jaeger whatever else is generated.
      const plain = {
        traceID: '1'.repeat(32),
        spans: [{ traceID: '1'.repeat(32), spanID: '2'.repeat(16), operationName: 'x', startTime: 1, processID: 'p' }],
        processes: { p: { serviceName: 's' } },
      };
      const traces = [plain, ...generated];
      const fast = await file(JSON.stringify({ data: traces, total: traces.length }));
      const slow = await file(`{"data":[${traces.map(slowly).join(',')}],"total":${traces.length}}`);
      expect(await outcome(fast)).toEqual(await outcome(slow));
    },
  );

  it('takes the shape Jaeger writes, and declines a trace it would have to guess about', () => {
    const t = {
      traceID: 'a'.repeat(32),
      spans: [
        {
          traceID: 'a'.repeat(32),
          spanID: 'b'.repeat(16),
          operationName: 'GET /',
          references: [],
          startTime: 1_700_000_000_000_000,
          duration: 12,
          tags: [{ key: 'error', type: 'bool', value: true }],
          processID: 'p1',
        },
      ],
      processes: { p1: { serviceName: 'web', tags: [{ key: 'hostname', type: 'string', value: 'h1' }] } },
    };
    const read = (text: string) => {
      const b = new SpanTableBuilder();
      const buffer = Buffer.from(`${text} `);
      return { end: scanJaegerTrace(buffer, 0, buffer.length, b), size: b.size, table: b.finish() };
    };
    const text = JSON.stringify(t);
    const fast = read(text);
    expect(fast.end).toBe(text.length);
    expect(fast.size).toBe(1);
    expect(fast.table.error[0]).toBe(1);
    expect(fast.table.strings[fast.table.host[0]!]).toBe('h1');
    // The OpenTelemetry status is an error too; a span's tag wins over its process's tag of the same key.
    const otel = read(
      text.replace(
        '{"key":"error","type":"bool","value":true}',
        '{"key":"otel.status_code","type":"string","value":"ERROR"},{"key":"hostname","type":"string","value":"h2"}',
      ),
    ).table;
    expect(otel.error[0]).toBe(1);
    expect(otel.strings[otel.tags[otel.tagKeys.indexOf('hostname')]![0]!]).toBe('h2');
    expect(otel.strings[otel.host[0]!]).toBe('h1');
    // A span that names itself as its parent (in another case) has none, as the slow path reads it.
    const self = text.replace('"references":[]', `"references":[{"refType":"CHILD_OF","spanID":"${'B'.repeat(16)}"}]`);
    const selfish = read(self);
    expect(selfish.end).toBe(self.length);
    expect(canonicalTable(selfish.table).parent[0]).toBe(-1);
    expect(canonicalTable(selfish.table).parentSpan[0]).toBe(-1);
    // An inline process (a list of spans), a float time, spans given twice: left to JSON.parse.
    expect(read(text.replace('"processID":"p1"', '"process":{"serviceName":"x"}')).end).toBe(-1);
    expect(read(text.replace('1700000000000000', '1700000000000000.5')).end).toBe(-1);
    expect(read(slowly(t)).end).toBe(-1);
  });

  it('finds the processes after the spans whatever the spans hold and wherever the processes are', async () => {
    const trace = (n: number, layout: 'after' | 'before' | 'nested' | 'none') => {
      const traceID = String(n).repeat(32);
      const span = {
        traceID,
        spanID: String(n).repeat(16),
        operationName: `op${n}`,
        startTime: 1_700_000_000_000_000 + n,
        processID: 'p1',
        // The bytes that follow the spans, inside a span: the guess of where they end is wrong.
        ...(layout === 'nested' ? { x: [1], processes: { p1: { serviceName: 'not-this' } } } : {}),
      };
      const processes = { p1: { serviceName: `svc${n}` } };
      if (layout === 'none') return { traceID, spans: [span] };
      return layout === 'before' ? { traceID, processes, spans: [span] } : { traceID, spans: [span], processes };
    };
    const nested = JSON.stringify(trace(1, 'nested'));
    const b = new SpanTableBuilder();
    const buffer = Buffer.from(`${nested} `);
    expect(scanJaegerTrace(buffer, 0, buffer.length, b)).toBe(nested.length);
    expect(b.finish().strings).toContain('svc1');
    for (const layouts of [
      ['after', 'nested', 'after'],
      ['before', 'after', 'before'],
      ['none', 'after', 'none'],
    ] as const) {
      const traces = layouts.map((layout, k) => trace(k + 1, layout));
      const fast = await file(JSON.stringify({ data: traces }));
      const slow = await file(`{"data":[${traces.map(slowly).join(',')}]}`);
      const read = await outcome(fast);
      expect(read).toEqual(await outcome(slow));
      expect(JSON.stringify(read)).not.toContain('not-this');
    }
  });
});
