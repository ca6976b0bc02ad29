import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { Span } from '../../src/dataset/types.js';
import { QUERY, SETTINGS, datasetOf, span, traffic } from './datasets.js';

describe('diff: grouping', () => {
  it('keeps spans without the tag as the value (none), and joins combined keys', () => {
    const spans = [
      span({ durationUs: 10, tags: { customer: 'acme' } }),
      span({ durationUs: 20 }),
      span({ durationUs: 30, service: 'other' }),
    ];
    const result = diff({ baseline: [datasetOf(spans)], current: datasetOf(spans), query: QUERY, settings: SETTINGS });
    const customer = result.groups.find((g) => g.key === 'customer')!;
    expect(customer.changed.map((c) => [c.value, c.current.occurrence]).sort()).toEqual([
      ['(none)', 2],
      ['acme', 1],
    ]);
    const combined = result.groups.find((g) => g.key === 'service+operation')!;
    expect(combined.changed.map((c) => c.value).sort()).toEqual(['other / op', 'svc / op']);
  });

  it('computes exact per-value statistics in integer microseconds', () => {
    const spans = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((ms, i) => span({ durationUs: ms * 1000, error: i < 2 }));
    const result = diff({ baseline: [datasetOf(spans)], current: datasetOf(spans), query: QUERY, settings: SETTINGS });
    const stats = result.groups.find((g) => g.key === 'operation')!.changed[0]!.current;
    expect(stats).toMatchObject({
      occurrence: 10,
      errors: 2,
      errorRate: 0.2,
      latencyUs: { avg: 5500, p50: 5500, p90: 9100, p95: 9550, p99: 9910, max: 10000 },
    });
  });
});

describe('diff: verdicts', () => {
  it('is inconclusive on a first run, with the reason', () => {
    const result = diff({ baseline: [], current: traffic(1, 100), query: QUERY, settings: SETTINGS });
    expect(result.verdict).toBe('inconclusive');
    expect(result.baseline).toBeNull();
    expect(result.reason).toMatch(/no baseline yet/);
  });

  it('passes when nothing changed', () => {
    const same = traffic(1, 400);
    const result = diff({ baseline: [same], current: same, query: QUERY, settings: SETTINGS });
    expect(result.verdict).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('lists every value on both sides as changed, whether or not it crossed a threshold', () => {
    const result = diff({ baseline: [traffic(1, 400)], current: traffic(2, 400), query: QUERY, settings: SETTINGS });
    const ops = result.groups.find((g) => g.key === 'operation')!;
    expect(ops.changed.length).toBe(10); // android and iOS share /api/get-transactions
  });
});

describe('diff: missing values need evidence and a complete snapshot', () => {
  const common = Array.from({ length: 500 }, (_, i) => span({ durationUs: 1000 + i, operation: 'common' }));
  const rare = [span({ durationUs: 5, operation: 'rare' })];
  const frequent = Array.from({ length: 200 }, () => span({ durationUs: 5, operation: 'frequent' }));

  it('calls a frequent value that vanished missing', () => {
    const result = diff({
      baseline: [datasetOf([...common, ...frequent])],
      current: datasetOf(common),
      query: QUERY,
      settings: SETTINGS,
    });
    const ops = result.groups.find((g) => g.key === 'operation')!;
    expect(ops.missing.map((m) => m.value)).toEqual(['frequent']);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ metric: 'missing', value: 'frequent', severity: 'warn' }),
    );
  });

  it('calls a rare value that vanished too little traffic to tell', () => {
    const result = diff({
      baseline: [datasetOf([...common, ...rare])],
      current: datasetOf(common),
      query: QUERY,
      settings: SETTINGS,
    });
    const ops = result.groups.find((g) => g.key === 'operation')!;
    expect(ops.missing).toEqual([]);
    expect(ops.undecided).toEqual([
      expect.objectContaining({ value: 'rare', reason: 'too-little-traffic', side: 'baseline-only' }),
    ]);
  });

  it('never calls a value missing on the strength of a partial snapshot', () => {
    const result = diff({
      baseline: [datasetOf([...common, ...frequent])],
      current: datasetOf(common, { complete: false }),
      query: QUERY,
      settings: SETTINGS,
    });
    const ops = result.groups.find((g) => g.key === 'operation')!;
    expect(ops.missing).toEqual([]);
    expect(ops.undecided).toEqual([expect.objectContaining({ value: 'frequent', reason: 'partial-coverage' })]);
    expect(result.current.complete).toBe(false);
    expect(result.findings.filter((f) => f.metric === 'missing')).toEqual([]);
  });
});

describe('diff: thresholds and min-samples', () => {
  const base = Array.from({ length: 200 }, (_, i) => span({ durationUs: 10_000 + (i % 50) * 100 }));
  const slow = base.map((s) => ({ ...s, durationUs: Math.round(s.durationUs * 1.5) }));

  it('finds a large, significant latency rise and quotes the rule', () => {
    const result = diff({ baseline: [datasetOf(base)], current: datasetOf(slow), query: QUERY, settings: SETTINGS });
    const p95 = result.findings.find((f) => f.metric === 'latency.p95' && f.key === 'operation')!;
    expect(p95).toMatchObject({
      severity: 'fail',
      value: 'op',
      change: '+50%',
      rule: 'latency.p95: { warn: +10%, fail: +25% }',
    });
    expect(p95.pValue).toBeLessThan(0.01);
    expect(result.verdict).toBe('fail');
  });

  it('reports the same change in the good direction as an improvement, not a finding', () => {
    const result = diff({ baseline: [datasetOf(slow)], current: datasetOf(base), query: QUERY, settings: SETTINGS });
    expect(result.findings.filter((f) => f.metric.startsWith('latency'))).toEqual([]);
    expect(result.improvements).toContainEqual(expect.objectContaining({ metric: 'latency.p95', change: '-33%' }));
  });

  it('says nothing below min-samples, however large the change', () => {
    const settings = { ...SETTINGS, minSamples: 201 };
    const result = diff({ baseline: [datasetOf(base)], current: datasetOf(slow), query: QUERY, settings });
    expect(result.findings).toEqual([]);
    expect(result.groups[0]!.changed[0]!.enoughData).toBe(false);
  });

  it('needs significance: a stricter level turns the same change (q ≈ 6e-7) into no finding', () => {
    // The slowest 10 % of 200 spans 50 % slower: 0 vs 20 spans above the pooled p95 (mid-p 5.8e-7), the
    // same spans under every key, so one hypothesis: q = p.
    const a = Array.from({ length: 200 }, (_, i) => span({ durationUs: 10_000 + i * 50 }));
    const b = a.map((s, i) => ({ ...s, durationUs: i >= 180 ? s.durationUs * 1.5 : s.durationUs }));
    const run = (significance: number) =>
      diff({ baseline: [datasetOf(a)], current: datasetOf(b), query: QUERY, settings: { ...SETTINGS, significance } });
    const loose = run(0.01);
    const q = loose.groups[0]!.changed[0]!.qValue!.latencyP95!;
    expect(q).toBeGreaterThan(1e-7);
    expect(q).toBeLessThan(1e-6);
    expect(loose.findings).toContainEqual(expect.objectContaining({ metric: 'latency.p95', severity: 'fail' }));
    expect(run(1e-7).findings).toEqual([]);
  });

  it('reaches a level only when the interval of the change clears it; the estimate alone makes a notice', () => {
    // The slowest tenth 50 % slower: p95 +50 % by its point estimate, and the quantile test significant.
    const tail = (n: number) => {
      const a = Array.from({ length: n }, (_, i) => span({ durationUs: 10_000 + i * 100 }));
      const b = a.map((s, i) => ({ ...s, durationUs: i >= n * 0.9 ? Math.round(s.durationUs * 1.5) : s.durationUs }));
      const result = diff({ baseline: [datasetOf(a)], current: datasetOf(b), query: QUERY, settings: SETTINGS });
      return { result, p95: result.findings.find((f) => f.metric === 'latency.p95' && f.key === 'operation')! };
    };
    // 100 traces a side: the 98 % interval of a p95 has no upper bound on the baseline's side, so the change
    // is not established at any level: a notice that says so, which neither warns nor fails.
    const few = tail(100);
    expect(few.result.groups[0]!.changed[0]!.qValue!.latencyP95).toBeLessThan(0.01);
    expect(few.p95).toMatchObject({ severity: 'notice', change: '+50%' });
    expect(few.p95.rule).toBe('latency.p95 +25% (98% interval -100% … ?, not yet established)');
    expect(few.p95.interval!.relativeLow!).toBeLessThan(0.1);
    expect(few.result.verdict).toBe('notice');
    // 150 traces a side: the interval lies past +25 %, and the same change fails, with the rule as written.
    const more = tail(150);
    expect(more.p95).toMatchObject({ severity: 'fail', rule: 'latency.p95: { warn: +10%, fail: +25% }' });
    expect(more.p95.interval).toMatchObject({ confidence: 0.98 });
    expect(more.p95.interval!.relativeLow).toBeGreaterThanOrEqual(0.25);
    expect(more.p95.interval!.relativeLow).toBeLessThanOrEqual(more.p95.interval!.relativeHigh!);
  });

  it('is silent where the test is not significant, whatever the estimate', () => {
    // p95 +17 % by its point estimate on 60 traces a side, q = 0.014: no finding, not even a notice.
    const a = Array.from({ length: 60 }, (_, i) => span({ durationUs: 10_000 + i * 100 }));
    const b = a.map((s, i) => ({ ...s, durationUs: i >= 54 ? s.durationUs * 1.2 : s.durationUs }));
    const result = diff({ baseline: [datasetOf(a)], current: datasetOf(b), query: QUERY, settings: SETTINGS });
    const op = result.groups.find((g) => g.key === 'operation')!.changed[0]!;
    expect(op.current.latencyUs.p95 / op.baseline.latencyUs.p95).toBeGreaterThan(1.1);
    expect(op.qValue!.latencyP95).toBeGreaterThan(0.01);
    expect(result.findings).toEqual([]);
  });
});

describe('diff: structure', () => {
  it('finds a new call edge', () => {
    const result = diff({
      baseline: [traffic(1, 2000)],
      current: traffic(2, 2000, { addCall: [{ from: 'api-server:make-payment', to: 'fraud:score' }] }),
      query: QUERY,
      settings: SETTINGS,
    });
    expect(result.edges.new.map((e) => e.value)).toContain('api-server:make-payment -> fraud:score');
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        key: 'edge',
        metric: 'new',
        value: 'api-server:make-payment -> fraud:score',
        severity: 'notice',
      }),
    );
  });

  it('pools several baselines (median-of:N) and says how many', () => {
    const result = diff({
      baseline: [traffic(1, 300), traffic(2, 300), traffic(3, 300)],
      current: traffic(4, 300),
      query: QUERY,
      settings: SETTINGS,
    });
    expect(result.baseline!.pooled).toBe(3);
    expect(result.baseline!.spans).toBeGreaterThan(result.current.spans * 2.5);
  });
});

describe('diff: shift estimates and empty sides', () => {
  it('gives a latency finding its Hodges-Lehmann shift with a 95 % interval around the true shift', () => {
    // +12,000 µs on 50 to 80 ms: p95 +15 %, a warn finding; the shift is made for values a reader looks at.
    const before = Array.from({ length: 300 }, (_, i) => span({ durationUs: 50_000 + (i % 100) * 300 }));
    const after = before.map((s) => ({ ...s, durationUs: s.durationUs + 12_000 }));
    const result = diff({ baseline: [datasetOf(before)], current: datasetOf(after), query: QUERY, settings: SETTINGS });
    const op = result.groups.find((g) => g.key === 'operation')!.changed[0]!;
    expect(result.findings).toContainEqual(expect.objectContaining({ key: 'operation', metric: 'latency.p95' }));
    expect(op.latencyShiftUs).toMatchObject({ estimate: 12_000, confidence: 0.95 });
    expect(op.latencyShiftUs!.low).toBeLessThanOrEqual(12_000);
    expect(op.latencyShiftUs!.high).toBeGreaterThanOrEqual(12_000);
    expect(op.latencyShiftUs!.high - op.latencyShiftUs!.low).toBeLessThan(6000);
  });

  it('estimates no shift where the latency change is not significant', () => {
    const same = traffic(1, 300);
    const result = diff({ baseline: [same], current: same, query: QUERY, settings: SETTINGS });
    expect(result.groups.flatMap((g) => g.changed).filter((c) => c.latencyShiftUs)).toEqual([]);
  });

  it('is inconclusive, not passing, when a side has no spans', () => {
    const result = diff({ baseline: [traffic(1, 100)], current: datasetOf([]), query: QUERY, settings: SETTINGS });
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(/current dataset has no spans/);
  });

  it('tests new and missing values in a false-discovery family of their own', () => {
    // A value of 10 traces gone from an equal-sized current side: p = (12010 / 24010)^10 ≈ 0.001.
    const gone = Array.from({ length: 10 }, () => span({ durationUs: 100, operation: 'gone' }));
    const settings = { ...SETTINGS, minSamples: 5, groupBy: [['operation']] };
    const pGone = (12_010 / 24_010) ** 10;

    // Beside 300 other values (1,200 change tests), it is still the only "is it gone?" question: q = p, missing.
    const many = Array.from({ length: 12_000 }, (_, i) => span({ durationUs: 1000 + i, operation: `op-${i % 300}` }));
    const crowd = diff({ baseline: [datasetOf([...many, ...gone])], current: datasetOf(many), query: QUERY, settings });
    const ops = crowd.groups[0]!;
    expect(ops.changed).toHaveLength(300);
    expect(ops.missing).toEqual([
      expect.objectContaining({ value: 'gone', pValue: expect.closeTo(pGone, 12), qValue: expect.closeTo(pGone, 12) }),
    ]);

    // Among 300 other one-sided values of 5 traces each (p ≈ 0.04 each), it is what chance would produce:
    // BH's step-up gives every one of the 301 q ≈ 0.04, above the 0.01 of `significance`, so undecided.
    const rare = Array.from({ length: 1500 }, (_, i) => span({ durationUs: 100, operation: `rare-${i % 300}` }));
    const flock = diff({
      baseline: [datasetOf([...many, ...gone, ...rare])],
      current: datasetOf(many),
      query: QUERY,
      settings,
    });
    const flocked = flock.groups[0]!;
    expect(flocked.missing).toEqual([]);
    expect(flocked.undecided.find((u) => u.value === 'gone')).toMatchObject({ reason: 'too-little-traffic' });
    expect(flocked.undecided.find((u) => u.value === 'gone')!.qValue).toBeGreaterThan(0.03);
  });

  it('tests the same spans under several keys once', () => {
    // `svc`, `op`, `(none)` and `svc / op` hold the same spans: one hypothesis per test, not four, so the
    // q-value is the p-value.
    const a = Array.from({ length: 200 }, (_, i) => span({ durationUs: 10_000 + i * 50 }));
    const b = a.map((s, i) => ({ ...s, durationUs: i >= 180 ? s.durationUs * 1.5 : s.durationUs }));
    const result = diff({ baseline: [datasetOf(a)], current: datasetOf(b), query: QUERY, settings: SETTINGS });
    const values = result.groups.flatMap((g) => g.changed);
    expect(values).toHaveLength(4);
    for (const v of values) expect(v.qValue).toEqual(v.pValue);
  });
});

describe('diff: call edges wherever the spans of a trace sit', () => {
  /** Traces of a checkout calling pay; `order` arranges all their spans in the dataset. */
  function checkout(order: (spans: Span[]) => Span[], n = 60) {
    const spans = Array.from({ length: n }, (_, i) => [
      span({ spanId: `root-${i}`, traceId: `t${i}`, service: 'web', operation: 'checkout', durationUs: 900 }),
      span({
        spanId: `pay-${i}`,
        parentSpanId: `root-${i}`,
        traceId: `t${i}`,
        service: 'api',
        operation: 'pay',
        durationUs: 500,
      }),
    ]).flat();
    return datasetOf(order(spans));
  }
  const edgesOf = (d: ReturnType<typeof checkout>) =>
    diff({ baseline: [d], current: d, query: QUERY, settings: SETTINGS }).edges.changed.map((e) => [
      e.value,
      e.current.occurrence,
    ]);

  it('finds the parent in the same trace, written together', () => {
    expect(edgesOf(checkout((s) => s))).toEqual([['web:checkout -> api:pay', 60]]);
  });

  it('finds the parent when the traces are interleaved and children come first', () => {
    const scattered = (s: Span[]) => [...s.filter((x) => x.parentSpanId), ...s.filter((x) => !x.parentSpanId)];
    expect(edgesOf(checkout(scattered))).toEqual([['web:checkout -> api:pay', 60]]);
  });

  it('counts no edge for a parent that is not in the dataset', () => {
    const orphans = (s: Span[]) => s.filter((x) => x.parentSpanId);
    expect(edgesOf(checkout(orphans))).toEqual([]);
  });
});
