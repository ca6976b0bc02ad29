import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/config/index.js';
import { spansOfTable } from '../../../src/dataset/table.js';
import type { Dataset } from '../../../src/dataset/types.js';
import { diff } from '../../../src/diff/index.js';
import type { DiffResult } from '../../../src/diff/types.js';
import { SourceError } from '../../../src/errors.js';
import { classify, detectFormat, loadTraceFiles } from '../../../src/sources/files/index.js';
import { sharedServerId } from '../../../src/sources/zipkin/json.js';

/**
 * The same two checkout traces written in every file format trace-differ reads, in the shapes of
 * the upstream projects' own fixtures (Jaeger's internal/uimodel fixtures and api_v3 snapshots,
 * zipkin-lens/testdata, Tempo's vulture testdata): base64 ids in Tempo's answer, 64-bit trace ids
 * written short by Jaeger and Zipkin, a Zipkin server span sharing its client's id, errors as
 * Jaeger's error tag, Zipkin's error tag and otel.status_code=ERROR.
 *
 * Counted by hand from the fixtures:
 *   trace 1: frontend GET /checkout → frontend HTTP POST → checkout POST /pay → checkout charge (error)
 *                                                                           → checkout SELECT
 *   trace 2: frontend GET /checkout (error) → frontend HTTP POST → checkout POST /pay → checkout charge
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);

const SERVICES = { frontend: [4, 1], checkout: [5, 1] };
const OPERATIONS = {
  'GET /checkout': [2, 1],
  'HTTP POST': [2, 0],
  'POST /pay': [2, 0],
  charge: [2, 1],
  SELECT: [1, 0],
};
const EDGES = {
  'frontend:GET /checkout -> frontend:HTTP POST': 2,
  'frontend:HTTP POST -> checkout:POST /pay': 2,
  'checkout:POST /pay -> checkout:charge': 2,
  'checkout:POST /pay -> checkout:SELECT': 1,
};
/** Zipkin servers lower-case span names. */
const lower = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
const lowerEdges = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/:([^:]+?)(?= ->|$)/g, (m) => m.toLowerCase()), v]));

const settings = { ...DEFAULT_SETTINGS, groupBy: [['service'], ['operation']] };

function compare(baseline: Dataset, current: Dataset): DiffResult {
  return diff({ baseline: [baseline], current, query: { id: 'files', name: 'files', query: '' }, settings });
}

/** The current side's counts of a diff: [spans, errors] per value of each key, and edge counts. */
function counts(result: DiffResult) {
  const of = (key: string) => {
    const group = result.groups.find((g) => g.key === key)!;
    expect(group.new).toEqual([]);
    expect(group.missing).toEqual([]);
    return Object.fromEntries(group.changed.map((c) => [c.value, [c.current.occurrence, c.current.errors]]));
  };
  expect(result.edges.new).toEqual([]);
  expect(result.edges.missing).toEqual([]);
  return {
    services: of('service'),
    operations: of('operation'),
    edges: Object.fromEntries(result.edges.changed.map((c) => [c.value, c.current.occurrence])),
  };
}

const load = (path: string) => loadTraceFiles(path, { queryId: 'files' });
const spansOf = (d: Dataset) => spansOfTable(d.table);

describe('trace files of every format give the same spans, services, operations, errors and call edges', () => {
  let reference: Dataset;
  let gz: string;
  beforeAll(async () => {
    reference = await load(fixture('jaeger-ui-download.json'));
    gz = await mkdtemp(join(tmpdir(), 'td-files-'));
  });

  it('reads the Jaeger UI download to the hand-counted values', () => {
    expect(spansOf(reference)).toHaveLength(9);
    expect(new Set(spansOf(reference).map((s) => s.traceId))).toEqual(
      new Set(['0af7651916cd43dd8448eb211c80319c', '000000000000000000f067aa0ba902b7']),
    );
    expect(counts(compare(reference, reference))).toEqual({ services: SERVICES, operations: OPERATIONS, edges: EDGES });
    const charge = spansOf(reference).find((s) => s.operation === 'charge' && s.error)!;
    expect(charge.tags).toMatchObject({ error: 'true', 'http.status_code': '500', hostname: 'checkout-1' });
    expect(charge.host).toBe('checkout-1');
  });

  it.each([
    ['jaeger-traces', 'a folder of single Jaeger traces'],
    ['jaeger-spans.json', 'Jaeger spans with the process inline, in reverse order'],
    ['jaeger-api-v3.json', "Jaeger's api_v3 answer"],
    ['tempo-v2-trace.json', "Tempo's /api/v2/traces answer with base64 ids"],
    ['tempo-v1-trace.json', "Tempo's /api/traces answer"],
    ['tempo-batches.json', "Tempo's older answer (batches)"],
  ])('%s (%s), plain and gzipped', async (name) => {
    const plain = await load(fixture(name));
    expect(counts(compare(reference, plain))).toEqual({ services: SERVICES, operations: OPERATIONS, edges: EDGES });
    if (name.endsWith('.json')) {
      const zipped = join(gz, `${name}.gz`);
      await writeFile(zipped, gzipSync(await readFile(fixture(name))));
      expect(spansOf(await load(zipped))).toEqual(spansOf(plain));
    }
  });

  it('reads Zipkin lists of traces and of spans alike, with the shared server span as its client’s child', async () => {
    const traces = await load(fixture('zipkin-traces.json'));
    const spans = await load(fixture('zipkin-spans.json'));
    expect(spansOf(traces)).toHaveLength(9);
    expect(counts(compare(traces, spans))).toEqual({
      services: SERVICES,
      operations: lower(OPERATIONS),
      edges: lowerEdges(EDGES),
    });
    // The server half of the shared id 00f067aa0ba902b7 has an id of its own and the client as parent.
    const t1 = '0af7651916cd43dd8448eb211c80319c';
    const server = spansOf(traces).find((s) => s.traceId === t1 && s.operation === 'post /pay')!;
    expect(server.spanId).toBe(sharedServerId(t1, '00f067aa0ba902b7'));
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    expect(spansOf(traces).find((s) => s.traceId === t1 && s.operation === 'select')!.parentSpanId).toBe(server.spanId);
    // Zipkin's error tag (any value) and otel.status_code=ERROR.
    expect(
      spansOf(traces)
        .filter((s) => s.error)
        .map((s) => s.operation)
        .sort(),
    ).toEqual(['charge', 'get /checkout']);
    const zipped = join(gz, 'zipkin.json.gz');
    await writeFile(zipped, gzipSync(await readFile(fixture('zipkin-traces.json'))));
    expect(spansOf(await load(zipped))).toEqual(spansOf(traces));
  });

  it('reads one Zipkin span alone', async () => {
    const spans = spansOf(await load(fixture('zipkin-span.json')));
    expect(spans).toEqual([
      expect.objectContaining({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        service: 'frontend',
        operation: 'get /checkout',
        durationUs: 250000,
        error: false,
      }),
    ]);
  });

  it('gives the same dataset whatever the order of the traces and files', async () => {
    const doc = JSON.parse(await readFile(fixture('jaeger-ui-download.json'), 'utf8')) as { data: unknown[] };
    const reversed = join(gz, 'reversed.json');
    await writeFile(reversed, JSON.stringify({ data: [...doc.data].reverse() }));
    expect(spansOf(await load(reversed))).toEqual(spansOf(reference));
  });
});

describe('recognising a file from its content', () => {
  it.each([
    ['jaeger-ui-download.json', 'jaeger', 'Jaeger JSON (UI download / /api/traces answer)'],
    ['jaeger-traces/trace-1.json', 'jaeger', 'Jaeger JSON (one trace)'],
    ['jaeger-spans.json', 'jaeger', 'Jaeger JSON (a list of spans)'],
    ['zipkin-traces.json', 'zipkin', 'Zipkin v2 JSON (a list of traces)'],
    ['zipkin-spans.json', 'zipkin', 'Zipkin v2 JSON (a list of spans)'],
    ['zipkin-span.json', 'zipkin', 'Zipkin v2 JSON (one span)'],
    ['tempo-v2-trace.json', 'otlp', "OTLP JSON (Tempo's /api/v2/traces answer)"],
    ['tempo-batches.json', 'otlp', "OTLP JSON (Tempo's older /api/traces answer, batches)"],
    ['jaeger-api-v3.json', 'otlp', "OTLP JSON (Jaeger's api_v3 answer)"],
  ])('%s is %s: %s', async (name, format, label) => {
    expect(await detectFormat(fixture(name))).toEqual({ format, label, gzip: false });
  });

  it('refuses a file in no known format in one line that says what it looks like and what is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-unknown-'));
    const cases: [string, string, string][] = [
      ['object.json', '{"name": "checkout", "latency": 12}', 'it looks like a JSON object with keys "name", "latency"'],
      ['list.json', '[1, 2, 3]', 'it looks like a JSON list, in no trace format'],
      ['text.csv', 'trace,span,duration\n', 'it is not JSON (it starts with "trace,span,duration\\n")'],
      ['empty.json', '', 'it is empty'],
      [
        'search.json',
        '{"traces":[{"traceID":"2f3e0cee77ae5dc9c17ade3689eb2e54","rootServiceName":"checkout"}]}',
        'it looks like a Tempo search answer (trace ids, no spans)',
      ],
    ];
    for (const [name, text, looks] of cases) {
      const file = join(dir, name);
      await writeFile(file, text);
      const error = await load(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SourceError);
      const message = (error as SourceError).message;
      expect(message).toContain(`${file}: not a trace file trace-differ reads: ${looks}`);
      expect(message).toContain('Jaeger JSON (UI download');
      expect(message).toContain('Zipkin v2 JSON');
      expect(message.split('\n')).toHaveLength(1);
    }
  });

  it('names binary bytes and a corrupt gzip file without quoting their bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-binary-'));
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 255));
    const corrupt = gzipSync(await readFile(fixture('zipkin-spans.json')));
    for (let i = 12; i < corrupt.length; i++) corrupt[i]! ^= 0x5a;
    const cases: [string, Buffer, string][] = [
      ['binary.ndjson', bytes, 'it is binary, not JSON text'],
      ['corrupt.json.gz', corrupt, 'it is gzip, but its data cannot be decompressed ('],
    ];
    for (const [name, content, looks] of cases) {
      const file = join(dir, name);
      await writeFile(file, content);
      const error = (await load(file).catch((e: unknown) => e)) as SourceError;
      expect(error.message).toContain(`${file}: not a trace file trace-differ reads: ${looks}`);
      // eslint-disable-next-line no-control-regex
      expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    }
  });

  it('says which format was recognised when a file of it is broken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-broken-'));
    const file = join(dir, 'cut.json');
    await writeFile(file, '{"data": [{"traceID": "1", "spans": [{"spanID": "2", "operationName": "x",\n  }]}]}');
    await expect(load(file)).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3: read as Jaeger JSON \\(UI download`),
    );
    const noTime = join(dir, 'no-time.json');
    await copyFile(fixture('zipkin-span.json'), noTime);
    const span = JSON.parse(await readFile(noTime, 'utf8')) as Record<string, unknown>;
    delete span.timestamp;
    await writeFile(noTime, JSON.stringify({ ...span, name: 'x' }));
    await expect(load(noTime)).rejects.toThrow(`${noTime} (Zipkin v2 JSON (one span)): (the span) has no timestamp`);
  });

  it('classifies from keys, not from the order they come in', () => {
    expect(classify('{"spans":[{"operationName":"a","spanID":"1"}],"traceID":"1"}')).toMatchObject({
      format: 'jaeger',
    });
    expect(classify('[{"name":"a","id":"1","traceId":"1"}]')).toMatchObject({ format: 'zipkin' });
  });
});
