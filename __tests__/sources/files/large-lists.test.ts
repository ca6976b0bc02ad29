import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalTable, SpanTableBuilder, spansOfTable } from '../../../src/dataset/table.js';
import { SourceError } from '../../../src/errors.js';
import { loadTraceFiles } from '../../../src/sources/files/index.js';
import { readJaegerJson } from '../../../src/sources/jaeger/json.js';
import { readZipkinJson } from '../../../src/sources/zipkin/json.js';

/**
 * Jaeger and Zipkin files are read a list element (a trace) at a time, never as one text: an export
 * of a million spans is more than one JavaScript string can hold. These files are a few MiB, so that
 * elements and the values around the list run over the reader's 1 MiB chunks; each is read as the
 * whole document, parsed at once, reads.
 */

const hex = (n: number, seed: number) => (seed * 2654435761).toString(16).padStart(n, '0').slice(-n);

function jaegerTrace(t: number) {
  const traceID = hex(32, t + 1);
  const spans = Array.from({ length: 8 }, (_, k) => ({
    traceID,
    spanID: hex(16, t * 8 + k + 1),
    operationName: `/api/op-${(t + k) % 7}`,
    references: k ? [{ refType: 'CHILD_OF', traceID, spanID: hex(16, t * 8 + 1) }] : [],
    startTime: 1_700_000_000_000_000 + t * 1000 + k,
    duration: 1000 + ((t * 31 + k * 7) % 500),
    tags: [
      { key: 'customer', type: 'string', value: `customer-${t % 13}` },
      ...(k === 3 && t % 5 === 0 ? [{ key: 'error', type: 'bool', value: true }] : []),
    ],
    logs: [],
    processID: `p${1 + (k % 2)}`,
    warnings: null,
  }));
  return { traceID, spans, processes: { p1: { serviceName: 'web', tags: [] }, p2: { serviceName: 'db', tags: [] } } };
}

function zipkinTrace(t: number) {
  const traceId = hex(32, t + 1);
  const client = hex(16, t * 4 + 1);
  return [
    {
      traceId,
      id: client,
      kind: 'CLIENT',
      name: 'get',
      timestamp: 1_700_000_000_000_000 + t,
      duration: 900,
      localEndpoint: { serviceName: 'web' },
    },
    // The server half shares its client's id, as Zipkin's instrumentations write it.
    {
      traceId,
      id: client,
      kind: 'SERVER',
      shared: true,
      name: 'get',
      timestamp: 1_700_000_000_000_010 + t,
      duration: 800,
      localEndpoint: { serviceName: 'api' },
    },
    {
      traceId,
      id: hex(16, t * 4 + 2),
      parentId: client,
      name: 'select',
      timestamp: 1_700_000_000_000_020 + t,
      duration: 100 + (t % 50),
      localEndpoint: { serviceName: 'api' },
      tags: { customer: `c-${t % 5}` },
    },
  ];
}

/** The spans the whole document gives when parsed at once (the way these formats were read before). */
function parsedWhole(text: string, read: typeof readJaegerJson): ReturnType<typeof spansOfTable> {
  const builder = new SpanTableBuilder();
  read(JSON.parse(text), 'whole', builder);
  return spansOfTable(canonicalTable(builder.finish()));
}

const load = async (file: string) => spansOfTable((await loadTraceFiles(file, { queryId: 'lists' })).table);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-lists-'));
});

describe('Jaeger and Zipkin files read a trace at a time', () => {
  it("reads Jaeger's answer with values around its data list that run over the reader's chunks", async () => {
    const data = Array.from({ length: 900 }, (_, t) => jaegerTrace(t));
    // A long value after `data` (passed over across a chunk boundary), as Jaeger writes `errors` last.
    const text = `{"total": 900,\n"data": ${JSON.stringify(data, null, 1)},\n"limit": 0, "offset": 0, "errors": ${JSON.stringify(['x'.repeat(1_500_000)])}}`;
    expect(text.length).toBeGreaterThan(3 << 20);
    const file = join(dir, 'answer.json');
    await writeFile(file, text);
    const spans = await load(file);
    expect(spans).toHaveLength(900 * 8);
    expect(spans).toEqual(parsedWhole(text, readJaegerJson));
    const zipped = join(dir, 'answer.json.gz');
    await writeFile(zipped, gzipSync(text));
    expect(await load(zipped)).toEqual(spans);
  });

  it('reads a list of Jaeger traces, and a list of spans with their process inline, after a byte-order mark', async () => {
    const traces = Array.from({ length: 600 }, (_, t) => jaegerTrace(t));
    const text = JSON.stringify(traces, null, 2);
    const file = join(dir, 'traces.json');
    await writeFile(file, `\uFEFF${text}`);
    expect(await load(file)).toEqual(parsedWhole(text, readJaegerJson));
    const inline = traces
      .slice(0, 50)
      .flatMap((t) => t.spans.map(({ processID, ...s }) => ({ ...s, process: t.processes[processID as 'p1'] })));
    const spansFile = join(dir, 'spans.json');
    await writeFile(spansFile, JSON.stringify(inline));
    expect(await load(spansFile)).toEqual(parsedWhole(JSON.stringify(inline), readJaegerJson));
  });

  it('matches the shared Zipkin span within its trace, in a list of traces and in a flat list of spans alike', async () => {
    const traces = Array.from({ length: 9000 }, (_, t) => zipkinTrace(t));
    const text = JSON.stringify(traces);
    expect(text.length).toBeGreaterThan(2 << 20);
    const file = join(dir, 'zipkin-traces.json');
    await writeFile(file, text);
    const spans = await load(file);
    expect(spans).toEqual(parsedWhole(text, readZipkinJson));
    // The flat list holds each trace's spans far apart: the client half in the first part, the rest in the second.
    const flat = [...traces.map((t) => t[0]), ...traces.flatMap((t) => t.slice(1))];
    const flatFile = join(dir, 'zipkin-spans.json');
    await writeFile(flatFile, JSON.stringify(flat));
    expect(await load(flatFile)).toEqual(spans);
    const select = spans.find((s) => s.operation === 'select')!;
    const server = spans.find((s) => s.spanId === select.parentSpanId)!;
    expect(server).toMatchObject({ service: 'api', operation: 'get', parentSpanId: hex(16, 1) });
  });

  it.each([
    [
      'a list where data belongs',
      '{"total": 1,\n  "data": {"traceID": "1", "spans": [{"spanID": "2", "operationName": "x"}]}}',
      ':2:11: read as Jaeger JSON (UI download / /api/traces answer), but "data" is not a list',
    ],
    [
      'a document cut short',
      `{"data": [${JSON.stringify(jaegerTrace(1))},\n  {"traceID": "ab", "spans": [`,
      'but it is not valid JSON (the document is not closed (the file is cut short?))',
    ],
    [
      'a broken trace',
      `{"data": [${JSON.stringify(jaegerTrace(1))},\n  {"traceID": "ab", "spans": [}]}`,
      ':2:31: read as Jaeger JSON (UI download / /api/traces answer), but it is not valid JSON (',
    ],
  ])('names the file, line and column of %s', async (_, text, expected) => {
    const file = join(dir, 'broken.json');
    await writeFile(file, text);
    const error = (await loadTraceFiles(file, { queryId: 'lists' }).catch((e: unknown) => e)) as SourceError;
    expect(error).toBeInstanceOf(SourceError);
    expect(error.message).toContain(`${file}${expected.startsWith(':') ? '' : ':'}`);
    expect(error.message).toContain(expected);
    expect(error.message.split('\n')).toHaveLength(1);
  });
});
