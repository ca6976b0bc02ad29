import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spansOfTable } from '../../src/dataset/table.js';
import { groupEdges } from '../../src/diff/group.js';
import { readSpanFiles } from '../../src/sources/files/spans.js';

const dir = await mkdtemp(join(tmpdir(), 'td-edges-'));

/** A span as Jaeger's storage fixtures write it (OTLP JSON: padded hex ids, scope {}, events, an empty status). */
function jaegerSpan(trace: number, span: number, parent: number | undefined, name: string) {
  return {
    traceId: trace.toString(16).padStart(32, '0'),
    spanId: span.toString(16).padStart(16, '0'),
    ...(parent === undefined ? {} : { parentSpanId: parent.toString(16).padStart(16, '0') }),
    name,
    startTimeUnixNano: '1485449191639875000',
    endTimeUnixNano: '1485449191639975000',
    events: [{ timeUnixNano: '1485449191639875000' }],
    status: {},
  };
}

function resource(service: string, spans: object[]) {
  return {
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [{ scope: {}, spans }],
  };
}

describe('call edges of real-world-shaped exports', () => {
  it("Jaeger's fixtures: span ids repeat across traces, children come before parents, and each edge stays in its trace", async () => {
    // Trace 0x11: frontend:checkout (1) -> cart:get (2) -> db:select (3).
    // Trace 0x12 reuses span ids 1..3: billing:charge (1) -> ledger:write (2), and a span 3 whose parent is not exported.
    const first = join(dir, 'jaeger-a.json');
    const second = join(dir, 'jaeger-b.json');
    await writeFile(
      first,
      JSON.stringify(
        {
          resourceSpans: [
            resource('db', [jaegerSpan(0x11, 3, 2, 'select')]),
            resource('ledger', [jaegerSpan(0x12, 2, 1, 'write')]),
            resource('cart', [jaegerSpan(0x11, 2, 1, 'get')]),
          ],
        },
        null,
        2,
      ),
    );
    await writeFile(
      second,
      JSON.stringify({
        resourceSpans: [
          resource('billing', [jaegerSpan(0x12, 1, undefined, 'charge'), jaegerSpan(0x12, 3, 9, 'orphan')]),
          resource('frontend', [jaegerSpan(0x11, 1, undefined, 'checkout')]),
        ],
      }),
    );
    const dataset = await readSpanFiles([first, second], { queryId: 'q' });
    expect(dataset.table.size).toBe(6);
    expect(dataset.coverage.tracesFetched).toBe(2);
    const edges = groupEdges(dataset.table);
    expect([...edges.keys()].sort()).toEqual([
      'billing:charge -> ledger:write',
      'cart:get -> db:select',
      'frontend:checkout -> cart:get',
    ]);
    for (const bucket of edges.values()) expect(bucket.sorted.length).toBe(1);
    // The same files in the other order: the same edges.
    const again = await readSpanFiles([second, first], { queryId: 'q' });
    expect(again.table).toEqual(dataset.table);
  });

  it("opentelemetry-proto's example: upper-case hex ids, nanoseconds as JSON numbers, a parent outside the export", async () => {
    const path = join(dir, 'proto-example.json');
    const span = (spanId: string, parentSpanId: string, name: string) => ({
      traceId: '5B8EFFF798038103D269B633813FC60C',
      spanId,
      parentSpanId,
      name,
      startTimeUnixNano: 1544712660000000000,
      endTimeUnixNano: 1544712661000000000,
      kind: 2,
      attributes: [{ key: 'my.span.attr', value: { stringValue: 'some value' } }],
    });
    await writeFile(
      path,
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'my.service' } }] },
            scopeSpans: [
              {
                scope: { name: 'my.library', version: '1.0.0', attributes: [] },
                spans: [
                  span('EEE19B7EC3C1B174', 'EEE19B7EC3C1B173', "I'm a server span"),
                  span('EEE19B7EC3C1B175', 'eee19b7ec3c1b174', "I'm a client span"),
                ],
              },
            ],
          },
        ],
      }),
    );
    const dataset = await readSpanFiles([path], { queryId: 'q' });
    const spans = spansOfTable(dataset.table);
    expect(spans.map((s) => s.spanId)).toEqual(['eee19b7ec3c1b174', 'eee19b7ec3c1b175']);
    expect(spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      parentSpanId: 'eee19b7ec3c1b173',
      durationUs: 1_000_000,
      tags: { 'my.span.attr': 'some value', 'service.name': 'my.service' },
    });
    // Upper- and lower-case spellings of one id are one span: the client span's parent is found.
    expect([...groupEdges(dataset.table).keys()]).toEqual([
      "my.service:I'm a server span -> my.service:I'm a client span",
    ]);
  });

  it('reads base64 ids (some OTLP exporters) as the hex of their bytes', async () => {
    const path = join(dir, 'base64.jsonl');
    const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
    const trace = '0af7651916cd43dd8448eb211c80319c';
    const spans = [
      {
        traceId: b64(trace),
        spanId: b64('b7ad6b7169203331'),
        name: 'root',
        startTimeUnixNano: '1000',
        endTimeUnixNano: '9000',
      },
      {
        traceId: trace,
        spanId: '00f067aa0ba902b7',
        parentSpanId: b64('b7ad6b7169203331'),
        name: 'child',
        startTimeUnixNano: '2000',
        endTimeUnixNano: '3000',
      },
    ];
    await writeFile(path, `${JSON.stringify({ resourceSpans: [resource('svc', spans)] })}\n`);
    const dataset = await readSpanFiles([path], { queryId: 'q' });
    expect(dataset.table.traceIds).toEqual([trace]);
    expect([...groupEdges(dataset.table).keys()]).toEqual(['svc:root -> svc:child']);
  });
});
