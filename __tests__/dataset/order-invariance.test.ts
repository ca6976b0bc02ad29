import { fc, test } from '@fast-check/vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/index.js';
import { spansOfTable, tableOf } from '../../src/dataset/table.js';
import type { Dataset, Span } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { generateTraffic } from '../../src/simulator/traffic.js';
import { readSpanFiles } from '../../src/sources/files/spans.js';
import { EXTENSION, writeAs, type Format } from '../support/span-formats.js';
import { datasetOf, START_US } from '../diff/datasets.js';

const SETTINGS = {
  ...DEFAULT_SETTINGS,
  groupBy: [['service'], ['operation'], ['customer'], ['service', 'operation']],
};
const QUERY = { id: 'q', name: 'Checkout', query: 'q' };
const FORMATS: Format[] = ['seed-array', 'ndjson', 'otlp-lines', 'otlp-document'];

const baselineSpans = generateTraffic({ seed: 1, traces: 120, startUs: START_US, windowMinutes: 10 });
const currentSpans = generateTraffic({
  seed: 2,
  traces: 120,
  startUs: START_US,
  windowMinutes: 10,
  scenario: {
    slower: [{ service: 'android', operation: '/api/make-payment', percent: 40 }],
    removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
    addCall: [{ from: 'api-server:make-payment', to: 'fraud:score' }],
  },
});

/** The result without what may differ between two reads of the same spans: where and when they were read. */
function comparable(r: DiffResult): string {
  const side = (s: DiffResult['current'] | null) =>
    s ? { ...s, collectedAt: undefined, snapshotId: undefined, spansFrom: undefined, spansTo: undefined } : s;
  return JSON.stringify({ ...r, current: side(r.current), baseline: side(r.baseline) });
}

const reference = comparable(
  diff({ baseline: [datasetOf(baselineSpans)], current: datasetOf(currentSpans), query: QUERY, settings: SETTINGS }),
);

/** A deterministic shuffle, so fast-check shrinks a failing case to a seed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Writes the spans, in this order, over files of these formats (cut at the given fractions), and reads them back as one side. */
async function throughFiles(
  spans: readonly Span[],
  formats: readonly Format[],
  cuts: readonly number[],
): Promise<Dataset> {
  const dir = await mkdtemp(join(tmpdir(), 'td-order-'));
  dirs.push(dir);
  const at = [0, ...cuts.map((c) => Math.floor(c * spans.length)).sort((a, b) => a - b), spans.length];
  const paths: string[] = [];
  for (let f = 0; f + 1 < at.length; f++) {
    const format = formats[f % formats.length]!;
    const path = join(dir, `part-${f}.${EXTENSION[format]}`);
    await writeFile(path, writeAs(format, spans.slice(at[f], at[f + 1])));
    paths.push(path);
  }
  return readSpanFiles(paths, { queryId: 'q' });
}

describe('the same spans give the same diff', () => {
  test.prop(
    [
      fc.integer(),
      fc.integer(),
      fc.array(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 4 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    ],
    { numRuns: 8 },
  )(
    'in any order, split over any files, in any mix of seed JSON, NDJSON and OTLP',
    async (seedB, seedC, formats, cuts) => {
      const baseline = await throughFiles(shuffled(baselineSpans, seedB), formats, cuts);
      const current = await throughFiles(shuffled(currentSpans, seedC), [...formats].reverse(), cuts);
      const result = diff({ baseline: [baseline], current, query: QUERY, settings: SETTINGS });
      expect(comparable(result)).toBe(reference);
      expect(result.findings.length).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** Small traces whose span ids repeat across traces (as in Jaeger's fixtures), some spans given twice. */
const smallSpans = fc
  .array(
    fc.record({
      trace: fc.integer({ min: 1, max: 6 }),
      span: fc.integer({ min: 1, max: 5 }),
      parent: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      service: fc.constantFrom('api', 'db', 'cart'),
      durationUs: fc.integer({ min: 0, max: 5000 }),
      error: fc.boolean(),
      customer: fc.option(fc.constantFrom('acme', 'BEEMO'), { nil: undefined }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.map((r): Span => ({
      traceId: r.trace.toString(16).padStart(32, '0'),
      spanId: r.span.toString(16).padStart(16, '0'),
      ...(r.parent !== undefined && r.parent !== r.span
        ? { parentSpanId: r.parent.toString(16).padStart(16, '0') }
        : {}),
      service: r.service,
      operation: `op${r.span}`,
      startUs: START_US + r.span * 10,
      durationUs: r.durationUs,
      error: r.error,
      tags: r.customer ? { customer: r.customer } : {},
    })),
  )
  // A repeated (trace, span) pair is the same span given twice: the first copy stands for all.
  .map((spans) => {
    const first = new Map<string, Span>();
    for (const s of spans) if (!first.has(`${s.traceId}/${s.spanId}`)) first.set(`${s.traceId}/${s.spanId}`, s);
    return spans.map((s) => first.get(`${s.traceId}/${s.spanId}`)!);
  });

describe('the span table', () => {
  test.prop([smallSpans, fc.integer()], { numRuns: 200 })(
    'is the same table for the same spans in any order, duplicates and all',
    (spans, seed) => {
      expect(tableOf(shuffled(spans, seed))).toEqual(tableOf(spans));
    },
  );

  test.prop([smallSpans])('keeps each (trace id, span id) once, and a parent only within its own trace', (spans) => {
    const table = tableOf(spans);
    expect(table.size).toBe(new Set(spans.map((s) => `${s.traceId}/${s.spanId}`)).size);
    for (let i = 0; i < table.size; i++) {
      const p = table.parent[i]!;
      if (p < 0) continue;
      expect(table.trace[p]).toBe(table.trace[i]);
      expect(table.span[p]).toBe(table.parentSpan[i]);
    }
    const back = spansOfTable(table);
    const withParent = back.filter(
      (s) => s.parentSpanId && back.some((q) => q.traceId === s.traceId && q.spanId === s.parentSpanId),
    );
    expect(withParent.length).toBe(Array.from(table.parent).filter((p) => p >= 0).length);
  });
});
