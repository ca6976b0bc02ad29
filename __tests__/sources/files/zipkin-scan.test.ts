import { fc, test } from '@fast-check/vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpanTableBuilder, canonicalTable, spansOfTable } from '../../../src/dataset/table.js';
import { SourceError } from '../../../src/errors.js';
import { readTraceFile } from '../../../src/sources/files/read.js';
import { sharedServerId } from '../../../src/sources/zipkin/json.js';
import { scanZipkinTrace } from '../../../src/sources/zipkin/scan.js';

/**
 * Zipkin traces (lists of spans) are read from their bytes where the byte path takes them, and
 * through JSON.parse where it does not: both must give the same rows, shared server spans included.
 * A span whose `tags` key is written twice (an empty object first) goes the slow way (JSON's
 * last-wins), so the same traces written both ways are compared.
 */

const dir = await mkdtemp(join(tmpdir(), 'td-zipkin-'));
let files = 0;
const file = async (text: string) => {
  const path = join(dir, `f${++files}.json`);
  await writeFile(path, text);
  return path;
};

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
const odd = (n: number) =>
  fc.oneof(
    hex(n).map((s) => s.toUpperCase()),
    hex(n / 2),
    fc.constant('0'.repeat(n)),
    fc.string({ maxLength: 3 }),
  );
const tagValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 5, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.constantFrom('ERROR', 'true') },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([1]),
);
const tags = fc.dictionary(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('error', 'otel.status_code', 'span.kind', 'customer') },
    fc.string({ maxLength: 4 }),
  ),
  tagValue,
  { maxKeys: 3 },
);

/** A trace: a root, clients and servers that share their client's id (B3), and their children. */
const trace = fc
  .record({
    traceId: fc.oneof({ weight: 8, arbitrary: hex(32) }, odd(32)),
    ids: fc.array(fc.oneof({ weight: 15, arbitrary: hex(16) }, odd(16)), { minLength: 1, maxLength: 6 }),
    spans: fc.array(
      fc.record(
        {
          who: fc.nat(5),
          parent: fc.nat(5),
          kind: fc.constantFrom('CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER', 'server', undefined),
          name: fc.oneof(fc.string({ maxLength: 6, unit: 'binary' }), fc.constant('')),
          timestamp: fc.oneof(
            { weight: 10, arbitrary: fc.integer({ min: 0, max: 2 ** 52 }).map((x) => 1_600_000_000_000_000 + x) },
            fc.double({ min: 0, max: 1e3, noNaN: true }),
          ),
          duration: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -3, max: 10 ** 6 }) }, fc.constant(null)),
          service: fc.constantFrom('web', 'api', '', undefined),
          tags,
          root: fc.boolean(),
        },
        { requiredKeys: ['who', 'parent', 'timestamp', 'root', 'tags'] },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ traceId, ids, spans }) =>
    spans.map((s) => ({
      traceId,
      id: ids[s.who % ids.length]!,
      ...(s.root ? {} : { parentId: ids[s.parent % ids.length]! }),
      ...(s.kind ? { kind: s.kind } : {}),
      ...(s.name !== undefined ? { name: s.name } : {}),
      timestamp: s.timestamp,
      ...(s.duration !== undefined ? { duration: s.duration } : {}),
      localEndpoint: s.service === undefined ? { ipv4: '10.0.0.1' } : { serviceName: s.service },
      tags: s.tags,
    })),
  );

/** The same span, with `tags` written twice (an empty object first): JSON.parse keeps the second, the byte path declines it. */
const slowly = (span: Record<string, unknown>) => `{"tags":{},${JSON.stringify(span).slice(1)}`;

describe("the Zipkin reader's byte path", () => {
  test.prop([fc.array(trace, { minLength: 1, maxLength: 3 })], { numRuns: 150 })(
    'reads a trace as JSON.parse and the object reader do, shared server spans included',
    async (traces) => {
      // A plain trace first, so that the file is recognised as Zipkin whatever else is generated.
      const plain = [{ traceId: '1'.repeat(32), id: '2'.repeat(16), name: 'x', timestamp: 1, localEndpoint: {} }];
      const all = [plain, ...traces];
      const fast = await file(JSON.stringify(all));
      const slow = await file(`[${all.map((t) => `[${t.map(slowly).join(',')}]`).join(',')}]`);
      expect(await outcome(fast)).toEqual(await outcome(slow));
    },
  );

  it('gives the server half of a shared id an id of its own, and its children in its service to it', () => {
    const t = '0af7651916cd43dd8448eb211c80319c';
    const spans = [
      {
        traceId: t,
        id: 'aaaaaaaaaaaaaaaa',
        kind: 'CLIENT',
        name: 'post',
        timestamp: 1,
        duration: 9,
        localEndpoint: { serviceName: 'web' },
      },
      {
        traceId: t,
        id: 'aaaaaaaaaaaaaaaa',
        kind: 'SERVER',
        shared: true,
        name: 'pay',
        timestamp: 2,
        duration: 7,
        localEndpoint: { serviceName: 'api' },
        tags: { 'otel.status_code': 'ERROR' },
      },
      {
        traceId: t,
        id: 'bbbbbbbbbbbbbbbb',
        parentId: 'aaaaaaaaaaaaaaaa',
        name: 'select',
        timestamp: 3,
        duration: 1,
        localEndpoint: { serviceName: 'api' },
      },
    ];
    const b = new SpanTableBuilder();
    const bytes = Buffer.from(`${JSON.stringify(spans)} `);
    expect(scanZipkinTrace(bytes, 0, bytes.length, b)).toBe(bytes.length - 1);
    const read = spansOfTable(canonicalTable(b.finish()));
    const server = read.find((s) => s.operation === 'pay')!;
    expect(server).toMatchObject({
      spanId: sharedServerId(t, 'aaaaaaaaaaaaaaaa'),
      parentSpanId: 'aaaaaaaaaaaaaaaa',
      error: true,
    });
    expect(server.tags['span.kind']).toBe('server');
    expect(read.find((s) => s.operation === 'select')!.parentSpanId).toBe(server.spanId);
    // A list of loose spans (not a trace) is the slow path's.
    expect(scanZipkinTrace(Buffer.from(`${JSON.stringify(spans[0])} `), 0, 10, new SpanTableBuilder())).toBe(-1);
  });
});
