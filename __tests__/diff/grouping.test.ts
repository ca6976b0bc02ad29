import { describe, expect, it } from 'vitest';
import { tableOf } from '../../src/dataset/table.js';
import type { Span } from '../../src/dataset/types.js';
import { Grouping, NONE } from '../../src/diff/group.js';

function span(
  traceId: string,
  spanId: string,
  service: string,
  operation: string,
  durationUs: number,
  extra: Partial<Span> = {},
): Span {
  return { traceId, spanId, service, operation, startUs: 0, durationUs, error: false, tags: {}, ...extra };
}

const summary = (b: {
  sorted: Float64Array;
  traces: Int32Array;
  traceCount: number;
  sumSquares: number;
  errors: number;
  callee?: string;
}) => ({
  sorted: [...b.sorted],
  traces: b.traces.length,
  traceCount: b.traceCount,
  sumSquares: b.sumSquares,
  errors: b.errors,
  callee: b.callee,
});

describe('grouping values that read the same', () => {
  it('makes a tag value written "(none)" and spans without the tag one value, latencies merged in order', () => {
    const table = tableOf([
      span('t1', 'a', 'api', 'get', 30, { tags: { customer: NONE } }),
      span('t1', 'b', 'api', 'get', 10),
      span('t2', 'c', 'api', 'get', 20, { tags: { customer: NONE }, error: true }),
      span('t2', 'd', 'api', 'get', 5, { tags: { customer: 'acme' } }),
    ]);
    const byCustomer = new Grouping(table).byKey(['customer']);
    expect([...byCustomer.keys()].sort()).toEqual([NONE, 'acme'].sort());
    // Three spans: t1 holds 30 and 10, t2 holds 20, so Σ m² = 2² + 1² over two traces.
    expect(summary(byCustomer.get(NONE)!)).toEqual({
      sorted: [10, 20, 30],
      traces: 3,
      traceCount: 2,
      sumSquares: 5,
      errors: 1,
      callee: undefined,
    });
  });

  it('makes two call edges whose names read the same one edge, with the callee of the later one', () => {
    // `a:b` calling `c` and `a` calling `b:c` both read `… -> …` the same way once `service:operation` is joined.
    const table = tableOf([
      span('t1', 'r', 'root', 'x', 100),
      span('t1', 'p', 'a:b', 'c', 40, { parentSpanId: 'r' }),
      span('t1', 'q', 'a', 'b:c', 60, { parentSpanId: 'r' }),
    ]);
    const edges = new Grouping(table).edges();
    expect(edges.size).toBe(1);
    const [name, bucket] = [...edges][0]!;
    expect(name).toBe('root:x -> a:b:c');
    expect(summary(bucket)).toEqual({
      sorted: [40, 60],
      traces: 2,
      traceCount: 1,
      sumSquares: 4,
      errors: 0,
      callee: 'a:b:c',
    });
  });
});

describe('grouping against a naive reference', () => {
  /** Each value's latencies (sorted), trace count, Σ m² and errors, from span objects and string maps. */
  function naive(spans: Span[], valueOf: (s: Span, byId: Map<string, Span>) => string | undefined) {
    const byId = new Map(spans.map((s) => [`${s.traceId}/${s.spanId}`, s]));
    const out = new Map<string, { sorted: number[]; perTrace: Map<string, number>; errors: number }>();
    for (const s of spans) {
      const value = valueOf(s, byId);
      if (value === undefined) continue;
      let v = out.get(value);
      if (!v) out.set(value, (v = { sorted: [], perTrace: new Map(), errors: 0 }));
      v.sorted.push(s.durationUs);
      v.perTrace.set(s.traceId, (v.perTrace.get(s.traceId) ?? 0) + 1);
      v.errors += s.error ? 1 : 0;
    }
    return new Map(
      [...out].map(([value, v]) => [
        value,
        {
          sorted: v.sorted.sort((a, b) => a - b),
          traceCount: v.perTrace.size,
          sumSquares: [...v.perTrace.values()].reduce((sum, m) => sum + m * m, 0),
          errors: v.errors,
        },
      ]),
    );
  }
  const view = (
    buckets: Map<
      string,
      { sorted: Float64Array; traceCount: number; sumSquares: number; errors: number; traces: Int32Array }
    >,
  ) =>
    new Map(
      [...buckets].map(([value, b]) => {
        expect(b.traces).toHaveLength(b.sorted.length);
        return [value, { sorted: [...b.sorted], traceCount: b.traceCount, sumSquares: b.sumSquares, errors: b.errors }];
      }),
    );

  it('gives every key and every call edge the same spans, with hundreds to thousands of values (each id width)', () => {
    let seed = 11;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const spans: Span[] = [];
    for (let t = 0; t < 900; t++) {
      const trace: Span[] = [];
      for (let k = 0; k < 1 + Math.floor(next() * 6); k++) {
        trace.push(
          span(
            `t${t}`,
            `s${k}`,
            `svc${Math.floor(next() * 7)}`,
            `op${Math.floor(next() * 90)}`,
            Math.floor(next() * 5000),
            {
              ...(k > 0 && next() < 0.9 ? { parentSpanId: `s${Math.floor(next() * k)}` } : {}),
              error: next() < 0.1,
              tags: next() < 0.8 ? { customer: `c${Math.floor(next() * 400)}` } : {},
            },
          ),
        );
      }
      spans.push(...trace);
    }
    const grouping = new Grouping(tableOf(spans));
    expect(view(grouping.byKey(['service']))).toEqual(naive(spans, (s) => s.service));
    expect(view(grouping.byKey(['customer']))).toEqual(naive(spans, (s) => s.tags.customer ?? NONE));
    expect(view(grouping.byKey(['service', 'operation']))).toEqual(
      naive(spans, (s) => `${s.service} / ${s.operation}`),
    );
    const edges = grouping.edges();
    // More than 255 edges, and roots (no caller) among the rows: the two-byte copy of the ids, with its "no value".
    expect(edges.size).toBeGreaterThan(255);
    expect(view(edges)).toEqual(
      naive(spans, (s, byId) => {
        const p = s.parentSpanId === undefined ? undefined : byId.get(`${s.traceId}/${s.parentSpanId}`);
        return p && `${p.service}:${p.operation} -> ${s.service}:${s.operation}`;
      }),
    );
  });
});
