import { SpanTableBuilder, spansOfTable } from '../../../src/dataset/table.js';
import { context, trace, SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/config/index.js';
import { diff } from '../../../src/diff/index.js';
import { SourceError, UserError } from '../../../src/errors.js';
import { isOtlpFile, loadOtlpDataset, parseFilter, readOtlpFile } from '../../../src/sources/otlp/index.js';

/**
 * Fixtures come from the real OpenTelemetry JS SDK at test time: a small shop whose behaviour the
 * test changes between two runs (payment slower, inventory failing sometimes, recommendations no
 * longer called), serialised with the SDK's own OTLP/JSON serializer.
 */
interface Behaviour {
  paymentMs: number;
  inventoryFailsEvery: number;
  callsRecommendations: boolean;
}

function runShop(behaviour: Behaviour, iterations: number): string[] {
  const lines: string[] = [];
  const services = ['frontend', 'payment', 'inventory', 'recommendations'];
  const exporters = new Map<string, InMemorySpanExporter>();
  const tracers = new Map(
    services.map((service) => {
      const exporter = new InMemorySpanExporter();
      exporters.set(service, exporter);
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment': 'test' }),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
      });
      return [service, provider.getTracer('shop')] as const;
    }),
  );
  let clock = Date.UTC(2026, 10, 24);
  for (let i = 0; i < iterations; i++) {
    const start = (clock += 1000);
    const root = tracers.get('frontend')!.startSpan('GET /checkout', {
      startTime: start,
      attributes: { 'http.route': '/checkout', 'user.tier': i % 3 === 0 ? 'gold' : 'basic' },
    });
    const ctx = trace.setSpan(context.active(), root);
    const jitter = (i * 7919) % 13;
    const pay = tracers.get('payment')!.startSpan('charge', { startTime: start + 1 }, ctx);
    pay.end(start + 1 + behaviour.paymentMs + jitter);
    const inv = tracers
      .get('inventory')!
      .startSpan('reserve', { startTime: start + 2, attributes: { 'items.count': 3 } }, ctx);
    if (behaviour.inventoryFailsEvery && i % behaviour.inventoryFailsEvery === 0)
      inv.setStatus({ code: SpanStatusCode.ERROR, message: 'out of stock' });
    inv.addEvent('reserved');
    inv.end(start + 10 + jitter);
    if (behaviour.callsRecommendations)
      tracers
        .get('recommendations')!
        .startSpan('suggest', { startTime: start + 3 }, ctx)
        .end(start + 20 + jitter);
    root.end(start + 50 + behaviour.paymentMs + jitter);
  }
  // One export request per service, as a Collector file exporter writes one JSON line per batch.
  for (const exporter of exporters.values()) {
    const spans = exporter.getFinishedSpans();
    if (spans.length) lines.push(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
  }
  return lines;
}

const dir = await mkdtemp(join(tmpdir(), 'td-otlp-'));
const before = join(dir, 'before.jsonl');
const after = join(dir, 'after.json.gz');
await writeFile(
  before,
  `${runShop({ paymentMs: 40, inventoryFailsEvery: 0, callsRecommendations: true }, 200).join('\n')}\n`,
);
const afterLines = runShop({ paymentMs: 80, inventoryFailsEvery: 4, callsRecommendations: false }, 200);
// A single pretty-printed document, gzipped: the other shape the reader takes.
const merged = {
  resourceSpans: afterLines.flatMap((l) => (JSON.parse(l) as { resourceSpans: unknown[] }).resourceSpans),
};
await writeFile(after, gzipSync(JSON.stringify(merged, null, 2)));

describe('reading OTLP JSON written by the OpenTelemetry SDK', () => {
  it('maps service, operation, parents, times, errors and attributes', async () => {
    const dataset = await loadOtlpDataset(before, { queryId: 'shop' });
    expect(spansOfTable(dataset.table)).toHaveLength(800);
    const root = spansOfTable(dataset.table).find((s) => s.operation === 'GET /checkout')!;
    const child = spansOfTable(dataset.table).find((s) => s.parentSpanId === root.spanId && s.service === 'payment')!;
    expect(root).toMatchObject({
      service: 'frontend',
      error: false,
      tags: { 'http.route': '/checkout', 'deployment.environment': 'test' },
    });
    expect(root.parentSpanId).toBeUndefined();
    expect(child.traceId).toBe(root.traceId);
    expect(child.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(child.durationUs).toBeGreaterThanOrEqual(40_000);
    expect(spansOfTable(dataset.table).find((s) => s.service === 'inventory')!.tags['items.count']).toBe('3');
    expect(dataset.provenance).toMatchObject({ source: 'otlp', origin: before });
    expect(await isOtlpFile(before)).toBe(true);
    expect(await isOtlpFile(after)).toBe(true);
  });

  it('finds exactly what changed between the two runs: slower payment, inventory errors, recommendations gone', async () => {
    const settings = { ...DEFAULT_SETTINGS, groupBy: [['service', 'operation']] };
    const result = diff({
      baseline: [await loadOtlpDataset(before, { queryId: 'shop' })],
      current: await loadOtlpDataset(after, { queryId: 'shop' }),
      query: { id: 'shop', name: 'Shop', query: '' },
      settings,
    });
    const found = result.findings.map((f) => `${f.key} ${f.value} ${f.metric}`).sort();
    expect(found).toEqual([
      'edge frontend:GET /checkout -> recommendations:suggest missing',
      'service+operation frontend / GET /checkout latency.p95',
      'service+operation inventory / reserve error-rate',
      'service+operation payment / charge latency.p95',
      'service+operation recommendations / suggest missing',
    ]);
  });

  it('reads a directory and de-duplicates spans repeated across files', async () => {
    const folder = join(dir, 'folder');
    await mkdir(folder);
    await writeFile(join(folder, 'a.jsonl'), await import('node:fs/promises').then((fs) => fs.readFile(before)));
    await writeFile(join(folder, 'b.jsonl'), await import('node:fs/promises').then((fs) => fs.readFile(before)));
    expect(spansOfTable((await loadOtlpDataset(folder, { queryId: 'shop' })).table)).toHaveLength(800);
    expect(spansOfTable((await loadOtlpDataset(join(folder, '*.jsonl'), { queryId: 'shop' })).table)).toHaveLength(800);
  });

  it('selects spans with a filter', async () => {
    const dataset = await loadOtlpDataset(before, {
      queryId: 'shop',
      filter: 'service.name IN ("payment", "inventory") AND status = "ok"',
    });
    expect(new Set(spansOfTable(dataset.table).map((s) => s.service))).toEqual(new Set(['payment', 'inventory']));
    expect(() => parseFilter('service.name ~ "x"')).toThrow(UserError);
    expect(() => parseFilter('service.name = "a" AND bogus')).toThrow(
      'filter "service.name = \\"a\\" AND bogus" cannot be read at character 24: "bogus"',
    );
  });
});

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', '..', '..', 'dist', 'cli', 'index.js'), ...args],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

describe('OTLP in the CLI and in a config', () => {
  it('trace-differ diff takes OTLP files directly and finds exactly the changes', async () => {
    const r = await cli(['diff', before, after, '--group-by', 'service+operation', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      outcomes: { result: { findings: { key: string; value: string; metric: string }[] } }[];
    };
    expect(report.outcomes[0]!.result.findings.map((f) => `${f.value} ${f.metric}`).sort()).toEqual([
      'frontend / GET /checkout latency.p95',
      'frontend:GET /checkout -> recommendations:suggest missing',
      'inventory / reserve error-rate',
      'payment / charge latency.p95',
      'recommendations / suggest missing',
    ]);
  });

  it('collects a query of an otlp source with its filter, and diffs the next collection against it', async () => {
    const work = await mkdtemp(join(tmpdir(), 'td-otlp-config-'));
    await mkdir(join(work, 'exports'));
    await writeFile(
      join(work, 'trace-differ.yml'),
      [
        'version: 1',
        'source:',
        '  otlp: { path: exports/*.jsonl* }',
        'defaults:',
        '  group-by: [operation]',
        'queries:',
        '  - id: payment',
        '    filter: service.name = "payment"',
        '  - id: inventory',
        '    filter: service.name IN ("inventory") AND items.count = "3"',
        '',
      ].join('\n'),
    );
    const { copyFile, rm } = await import('node:fs/promises');
    await copyFile(before, join(work, 'exports', 'run.jsonl'));
    const first = await cli(['collect', '--config', 'trace-differ.yml', '--store', 'store', '--format', 'text'], work);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('[payment] read 200 spans of 200 traces from exports/*.jsonl*');
    expect(first.stderr).toContain('[inventory] read 200 spans of 200 traces from exports/*.jsonl*');

    await rm(join(work, 'exports', 'run.jsonl'));
    await copyFile(after, join(work, 'exports', 'run.jsonl.gz'));
    const second = await cli(['collect', '--config', 'trace-differ.yml', '--store', 'store', '--format', 'json'], work);
    expect(second.code).toBe(1);
    const report = JSON.parse(second.stdout) as {
      outcomes: { query: { id: string }; result: { findings: { value: string; metric: string }[] } }[];
    };
    const found = Object.fromEntries(
      report.outcomes.map((o) => [o.query.id, o.result.findings.map((f) => `${f.value} ${f.metric}`)]),
    );
    expect(found).toEqual({ payment: ['charge latency.p95'], inventory: ['reserve error-rate'] });
  });
});

describe('the edge cases of the OTLP spec', () => {
  const doc = (resource: object, span: object) =>
    JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [{ spans: [span] }] }] });
  const base = {
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId: 'eee19b7ec3c1b174',
    name: 'op',
    startTimeUnixNano: '1544712660000000000',
    endTimeUnixNano: '1544712661000000999',
  };

  it('names a missing service unknown_service, keeps 64-bit integers exact, and ignores events and links', async () => {
    const file = join(dir, 'edge.json');
    await writeFile(
      file,
      doc(
        {},
        {
          ...base,
          attributes: [
            { key: 'big', value: { intValue: '9007199254740993' } },
            { key: 'list', value: { arrayValue: { values: [{ boolValue: true }, { doubleValue: 1.5 }] } } },
          ],
          events: [{ name: 'e' }],
          links: [{ traceId: 'x' }],
          status: { code: 'STATUS_CODE_ERROR' },
        },
      ),
    );
    const [span] = spansOfTable((await loadOtlpDataset(file, { queryId: 'x' })).table);
    expect(span).toMatchObject({
      service: 'unknown_service',
      error: true,
      startUs: 1544712660000000,
      durationUs: 1000000,
      tags: { big: '9007199254740993', list: '[true,1.5]' },
    });
  });

  it('reports invalid JSON and a wrong shape with the file and the position', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, `${doc({}, base)}\n{"resourceSpans": [\n`);
    await expect(loadOtlpDataset(bad, { queryId: 'x' })).rejects.toThrow(
      `${bad}:2:1: not valid JSON (the document that starts here is cut off at line 3)`,
    );
    const wrong = join(dir, 'wrong.json');
    await writeFile(wrong, '{"spans": []}');
    await expect(loadOtlpDataset(wrong, { queryId: 'x' })).rejects.toThrow(SourceError);
    await expect(loadOtlpDataset(wrong, { queryId: 'x' })).rejects.toThrow(
      `${wrong}: not a trace file trace-differ reads: it looks like a JSON object with keys "spans"`,
    );
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "resourceSpans": [\n    {,}\n  ]\n}\n');
    await expect(loadOtlpDataset(broken, { queryId: 'x' })).rejects.toThrow(
      `${broken}:3:6: not valid JSON (Expected property name or '}' in JSON at position 1`,
    );
  });

  it('names the element of a wrong shape with its JSON path, line and column', async () => {
    const file = join(dir, 'shape.jsonl');
    await writeFile(
      file,
      [
        doc({}, base),
        doc({}, base),
        JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...base, attributes: { a: 1 } }] }] }] }),
      ].join('\n'),
    );
    await expect(loadOtlpDataset(file, { queryId: 'x' })).rejects.toThrow(
      `${file}:3:19: resourceSpans[0].scopeSpans[0].spans[0].attributes is an object, expected a list`,
    );
    const list = join(dir, 'list.json');
    await writeFile(list, '[{"resourceSpans": []}]');
    await expect(loadOtlpDataset(list, { queryId: 'x' })).rejects.toThrow(
      `${list}:1:1: not valid JSON (the document is a list; expected an object with resourceSpans)`,
    );
    const noIds = join(dir, 'no-ids.json');
    await writeFile(noIds, doc({}, { name: 'op', startTimeUnixNano: '1', endTimeUnixNano: '2' }));
    await expect(loadOtlpDataset(noIds, { queryId: 'x' })).rejects.toThrow(
      'resourceSpans[0].scopeSpans[0].spans[0] has no traceId or spanId (the spec requires both)',
    );
  });

  it('streams: the spans of the first resourceSpans come out before the rest of the document is read', async () => {
    const file = join(dir, 'cut.json');
    const whole = doc({ attributes: [{ key: 'service.name', value: { stringValue: 'early' } }] }, base);
    // The first element is whole; the file is cut off in the second.
    await writeFile(file, `${whole.slice(0, -2)}, {"scopeSpans": [{"spans": [`);
    const builder = new SpanTableBuilder();
    await expect(readOtlpFile(file, builder)).rejects.toThrow(
      'not valid JSON (the document that starts here is cut off',
    );
    expect(spansOfTable(builder.finish()).map((s) => s.service)).toEqual(['early']);
  });

  it('renders every OTLP value type to a stable string, and a span attribute wins over the resource', async () => {
    const file = join(dir, 'values.json');
    const kv = (key: string, value: object) => ({ key, value });
    await writeFile(
      file,
      doc(
        {
          attributes: [
            kv('service.name', { stringValue: 'checkout' }),
            kv('host.name', { stringValue: 'resource-host' }),
            kv('region', { stringValue: 'eu' }),
          ],
        },
        {
          ...base,
          traceId: 'W47/95gDgQPSabYzgT/GDA==',
          spanId: '7uGbfsPBsXQ=',
          parentSpanId: '',
          status: { code: 2 },
          attributes: [
            kv('host.name', { stringValue: 'span-host' }),
            kv('s', { stringValue: 'text' }),
            kv('i', { intValue: '-9223372036854775808' }),
            kv('n', { intValue: 42 }),
            kv('d', { doubleValue: 0.25 }),
            kv('b', { boolValue: false }),
            kv('bytes', { bytesValue: 'AQID' }),
            kv('arr', { arrayValue: { values: [{ stringValue: 'x' }, { intValue: '1' }, {}] } }),
            kv('kv', { kvlistValue: { values: [kv('z', { boolValue: true }), kv('a', { doubleValue: 2 })] } }),
            kv('empty', {}),
          ],
        },
      ),
    );
    const [span] = spansOfTable((await loadOtlpDataset(file, { queryId: 'x' })).table);
    expect(span).toMatchObject({
      service: 'checkout',
      // base64 ids (some exporters write them so) become the spec's lowercase hex.
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      error: true,
      tags: {
        'host.name': 'span-host',
        region: 'eu',
        s: 'text',
        i: '-9223372036854775808',
        n: '42',
        d: '0.25',
        b: 'false',
        bytes: 'AQID',
        arr: '["x","1",null]',
        kv: '{"a":2,"z":true}',
        empty: 'null',
      },
    });
    expect(span!.parentSpanId).toBeUndefined();
  });

  it("reads Tempo's batches and Jaeger's api/v3 result envelope", async () => {
    const tempo = join(dir, 'tempo.json');
    const resourceSpans = (JSON.parse(doc({}, base)) as { resourceSpans: unknown[] }).resourceSpans;
    await writeFile(tempo, JSON.stringify({ batches: resourceSpans }));
    const jaeger = join(dir, 'jaeger.json');
    await writeFile(
      jaeger,
      `${JSON.stringify({ result: { resourceSpans } })}\n${JSON.stringify({ result: { resourceSpans: [] } })}\n`,
    );
    expect(spansOfTable((await loadOtlpDataset(tempo, { queryId: 'x' })).table).map((s) => s.spanId)).toEqual([
      'eee19b7ec3c1b174',
    ]);
    expect(spansOfTable((await loadOtlpDataset(jaeger, { queryId: 'x' })).table).map((s) => s.spanId)).toEqual([
      'eee19b7ec3c1b174',
    ]);
    expect(await isOtlpFile(jaeger)).toBe(true);
  });

  it('reads an error status only from code 2 or STATUS_CODE_ERROR', async () => {
    const file = join(dir, 'status.jsonl');
    const codes = [0, 1, 2, 'STATUS_CODE_OK', 'STATUS_CODE_ERROR', 'STATUS_CODE_UNSET'];
    await writeFile(
      file,
      codes.map((code, i) => doc({}, { ...base, spanId: `${i + 1}`.padStart(16, '0'), status: { code } })).join('\n'),
    );
    const spans = spansOfTable((await loadOtlpDataset(file, { queryId: 'x' })).table);
    expect(spans.map((s) => s.error)).toEqual([false, false, true, false, true, false]);
  });
});
