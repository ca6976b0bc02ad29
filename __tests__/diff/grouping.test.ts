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
