import { describe, expect, it } from 'vitest';
import { SpanTableBuilder, spansOfTable, tableOf } from '../../src/dataset/table.js';
import type { Span } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import { Grouping } from '../../src/diff/group.js';
import { datasetOf, traffic } from './datasets.js';
import { DEFAULT_SETTINGS } from '../../src/config/index.js';

function span(
  traceId: string,
  spanId: string,
  parentSpanId: string | undefined,
  service: string,
  operation: string,
  durationUs = 1000,
): Span {
  return { traceId, spanId, parentSpanId, service, operation, startUs: 0, durationUs, error: false, tags: {} };
}

/** A deterministic shuffle (the order of spans must carry no meaning). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('traces, not lines', () => {
  it('counts each value’s traces and Σ m² from trace ids, wherever the spans of a trace sit', () => {
    // Trace t1 calls `db` three times, t2 once; the spans of t1 are split apart by t2's.
    const spans = [
      span('t1', 'a', undefined, 'api', 'db'),
      span('t2', 'a', undefined, 'api', 'db'),
      span('t1', 'b', undefined, 'api', 'db'),
      span('t1', 'c', undefined, 'api', 'db'),
    ];
    const bucket = new Grouping(tableOf(spans)).byKey(['operation']).get('db')!;
    expect(bucket.traceCount).toBe(2);
    expect(bucket.sumSquares).toBe(3 * 3 + 1 * 1);
    expect(bucket.sorted.length).toBe(bucket.traces.length);
  });

  it('counts traces and Σ m² the same in a table whose traces are split apart (not canonical)', () => {
    // The raw table keeps arrival order: t1's rows are split by t2's, so the row-order count cannot be used.
    const spans = [
      span('t1', 'a', undefined, 'api', 'db', 5),
      span('t2', 'a', undefined, 'api', 'db', 7),
      span('t1', 'b', undefined, 'api', 'db', 3),
      span('t1', 'c', undefined, 'api', 'db', 9),
      span('t3', 'a', undefined, 'api', 'db', 1),
    ];
    const raw = new SpanTableBuilder();
    for (const s of spans) raw.add(s);
    const bucket = new Grouping(raw.finish()).byKey(['operation']).get('db')!;
    expect(bucket.traceCount).toBe(3);
    expect(bucket.sumSquares).toBe(3 * 3 + 1 + 1);
    expect([...bucket.sorted]).toEqual([1, 3, 5, 7, 9]);
  });

  it('keeps each latency beside its own trace, in ascending latency order', () => {
    const spans = [
      span('slow', 'a', undefined, 'api', 'x', 900),
      span('fast', 'a', undefined, 'api', 'x', 100),
      span('slow', 'b', undefined, 'api', 'x', 800),
    ];
    const bucket = new Grouping(tableOf(spans)).byKey(['operation']).get('x')!;
    expect(Array.from(bucket.sorted)).toEqual([100, 800, 900]);
    const [fast, slow] = [0, 1]; // trace indices in order of trace id
    expect(Array.from(bucket.traces)).toEqual([fast, slow, slow]);
  });

  it('finds a parent within its own trace, though the same span id exists in another trace', () => {
    // Jaeger's fixtures reuse span ids across traces: `0001` is the root in both traces.
    const spans = [
      span('t2', '0001', undefined, 'billing', 'charge'),
      span('t1', '0001', undefined, 'frontend', 'checkout'),
      span('t1', '0002', '0001', 'cart', 'get'),
      span('t2', '0002', '0001', 'ledger', 'write'),
    ];
    const edges = new Grouping(tableOf(spans)).edges();
    expect([...edges.keys()].sort()).toEqual(['billing:charge -> ledger:write', 'frontend:checkout -> cart:get']);
  });

  it('gives the same diff for the same spans in any order', () => {
    const settings = { ...DEFAULT_SETTINGS, groupBy: [['service'], ['operation'], ['service', 'operation']] };
    const query = { id: 'q', name: 'q', query: 'q' };
    const baseline = traffic(1, 300);
    const current = traffic(2, 300, { slower: [{ operation: '/api/make-payment', percent: 40 }] });
    const inOrder = diff({ baseline: [baseline], current, query, settings });
    for (const seed of [7, 8]) {
      const mixed = diff({
        baseline: [datasetOf(shuffled(spansOfTable(baseline.table), seed))],
        current: datasetOf(shuffled(spansOfTable(current.table), seed + 100)),
        query,
        settings,
      });
      expect(JSON.stringify({ ...mixed, baseline: null, current: null })).toBe(
        JSON.stringify({ ...inOrder, baseline: null, current: null }),
      );
    }
  });
});
