import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';

/** A report with `values` changed values under one key (their numbers do not matter here). */
function reportWith(values: number): Report {
  const stats = {
    occurrence: 10,
    traces: 10,
    errors: 0,
    errorRate: 0,
    ratePerMin: 1,
    latencyUs: { avg: 1, p50: 1, p90: 1, p95: 1, p99: 1, max: 1 },
  };
  const changed = Array.from({ length: values }, (_, i) => ({
    value: `customer-${i}`,
    baseline: stats,
    current: stats,
    delta: {},
    pValue: {},
    enoughData: false,
  }));
  return {
    mode: 'diff',
    verdict: 'pass',
    outcomes: [
      { query: { id: 'q', name: 'q', query: '' }, warnings: [], result: { groups: [{ key: 'customer', changed }] } },
    ],
  } as unknown as Report;
}

describe('the JSON report', () => {
  it('is indented for a person while it is small, and on one line for tools when it is large, with the same content', () => {
    const small = renderJson(reportWith(10));
    expect(small).toContain('\n  "schema": "trace-differ/report@1",\n');
    const large = renderJson(reportWith(20_000));
    expect(large.trimEnd()).not.toContain('\n');
    expect(large.length).toBeGreaterThan(1 << 20);
    expect(JSON.parse(large).outcomes[0].result.groups[0].changed).toHaveLength(20_000);
  });
});
