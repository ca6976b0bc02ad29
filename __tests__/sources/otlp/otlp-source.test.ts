import { context, trace, SpanStatusCode } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/config/index.js';
import { diff } from '../../../src/diff/index.js';
import { SourceError, UserError } from '../../../src/errors.js';
import { isOtlpFile, loadOtlpDataset, parseFilter } from '../../../src/sources/otlp/index.js';

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
    expect(dataset.spans).toHaveLength(800);
    const root = dataset.spans.find((s) => s.operation === 'GET /checkout')!;
    const child = dataset.spans.find((s) => s.parentSpanId === root.spanId && s.service === 'payment')!;
    expect(root).toMatchObject({
      service: 'frontend',
      error: false,
      tags: { 'http.route': '/checkout', 'deployment.environment': 'test' },
    });
    expect(root.parentSpanId).toBeUndefined();
    expect(child.traceId).toBe(root.traceId);
    expect(child.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(child.durationUs).toBeGreaterThanOrEqual(40_000);
    expect(dataset.spans.find((s) => s.service === 'inventory')!.tags['items.count']).toBe('3');
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
    expect((await loadOtlpDataset(folder, { queryId: 'shop' })).spans).toHaveLength(800);
    expect((await loadOtlpDataset(join(folder, '*.jsonl'), { queryId: 'shop' })).spans).toHaveLength(800);
  });

  it('selects spans with a filter', async () => {
    const dataset = await loadOtlpDataset(before, {
      queryId: 'shop',
      filter: 'service.name IN ("payment", "inventory") AND status = "ok"',
    });
    expect(new Set(dataset.spans.map((s) => s.service))).toEqual(new Set(['payment', 'inventory']));
    expect(() => parseFilter('service.name ~ "x"')).toThrow(UserError);
    expect(() => parseFilter('service.name = "a" AND bogus')).toThrow(
      'filter "service.name = \\"a\\" AND bogus" cannot be read at character 24: "bogus"',
    );
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
    const [span] = (await loadOtlpDataset(file, { queryId: 'x' })).spans;
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
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid JSON`),
    );
    const wrong = join(dir, 'wrong.json');
    await writeFile(wrong, '{"spans": []}');
    await expect(loadOtlpDataset(wrong, { queryId: 'x' })).rejects.toThrow(SourceError);
    await expect(loadOtlpDataset(wrong, { queryId: 'x' })).rejects.toThrow(
      'not an OTLP trace export (no resourceSpans)',
    );
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "resourceSpans": [\n    {,}\n  ]\n}\n');
    await expect(loadOtlpDataset(broken, { queryId: 'x' })).rejects.toThrow(/broken\.json:3:\d+: not valid JSON/);
  });
});
