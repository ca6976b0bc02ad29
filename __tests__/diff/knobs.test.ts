import { describe, expect, it } from 'vitest';
import { diff, type DiffResult } from '../../src/diff/index.js';
import type { DiffSettings } from '../../src/config/types.js';
import type { Span } from '../../src/dataset/types.js';
import { QUERY, datasetOf, settingsFrom, span, spansOf } from './datasets.js';

/**
 * Every knob the engine takes, each shown changing the outcome of the same pair of datasets:
 * the settings come from YAML through the real config loader, as a user would write them.
 */
function run(baseline: Span[], current: Span[], settings: DiffSettings, windowMinutes = 10): DiffResult {
  return diff({
    baseline: [datasetOf(baseline, { windowMinutes })],
    current: datasetOf(current, { windowMinutes }),
    query: QUERY,
    settings,
  });
}

const findingsOf = (result: DiffResult, metric: string) => result.findings.filter((f) => f.metric === metric);

// 2,000 spans (each its own trace) between 100 and 150 ms; the current side 30 % slower (p95 +44 ms).
// A level is reached when the 98 % interval of the change clears it: here about +29 % to +31 %.
const steady = spansOf('pay', 2000, (i) => 100_000 + (i % 500) * 100);
const slower = spansOf('pay', 2000, (i) => (100_000 + (i % 500) * 100) * 1.3);

describe('latency thresholds: relative and absolute, and the level they reach', () => {
  it.each([
    ['latency.p95: { fail: +35% }', []],
    ['latency.p95: { fail: +20% }', [['fail', '+30%']]],
    ['latency.p95: { warn: +20%, fail: +40% }', [['warn', '+30%']]],
    ['latency.p95: { fail: +40ms }', [['fail', '+44ms']]],
    ['latency.p95: { fail: +50ms }', []],
    ['latency.p50: { warn: +30ms }', [['warn', '+37ms']]],
    ['latency.avg: { notice: +5% }', [['notice', '+30%']]],
  ])('%s', (rule, expected) => {
    const result = run(steady, slower, settingsFrom(`thresholds:\n  ${rule}`));
    // A query's rule replaces the default of its own metric only; the default p95 rule stays.
    const latency = findingsOf(result, rule.split(':')[0]!);
    expect(latency.map((f) => [f.severity, f.change])).toEqual(expected);
    if (expected.length > 0) expect(latency[0]!.rule).toBe(rule);
  });

  it('reports the same change the other way round as an improvement', () => {
    const result = run(slower, steady, settingsFrom('thresholds:\n  latency.p95: { fail: +40ms }'));
    expect(findingsOf(result, 'latency.p95')).toEqual([]);
    expect(result.improvements).toEqual([expect.objectContaining({ metric: 'latency.p95', change: '-44ms' })]);
  });
});

describe('error-rate thresholds in percentage points', () => {
  // 1 % → 4 % of 10,000 spans: +3pp, its 98 % interval about +2.5 to +3.5pp.
  const before = spansOf(
    'pay',
    10_000,
    () => 100_000,
    (i) => i % 100 === 0,
  );
  const after = spansOf(
    'pay',
    10_000,
    () => 100_000,
    (i) => i % 25 === 0,
  );

  it.each([
    ['error-rate: { fail: +2pp }', [['fail', '+3.0pp']]],
    ['error-rate: { fail: +5pp }', []],
    ['error-rate: { warn: +1pp, fail: +4pp }', [['warn', '+3.0pp']]],
    ['error-rate: { fail: +200% }', [['fail', '+3.0pp']]],
  ])('%s', (rule, expected) => {
    const result = run(before, after, settingsFrom(`thresholds:\n  ${rule}`));
    expect(findingsOf(result, 'error-rate').map((f) => [f.severity, f.change])).toEqual(expected);
  });
});

describe('rate and occurrence thresholds', () => {
  // 1,000 spans in 10 minutes, then 400: 100/min → 40/min, its 98 % interval about -65 % to -54 %.
  const before = spansOf('pay', 1000, () => 100_000);
  const after = spansOf('pay', 400, () => 100_000);

  it.each([
    ['rate: { warn: -50% }', [['warn', '-60%']]],
    ['rate: { warn: -70% }', []],
    ['rate: { warn: -50/min }', [['warn', '-60.0/min']]],
    ['rate: { warn: -70/min }', []],
    ['occurrence: { notice: -500 }', [['notice', '-600']]],
  ])('%s', (rule, expected) => {
    const result = run(before, after, settingsFrom(`thresholds:\n  ${rule}`));
    const metric = rule.split(':')[0]!;
    expect(findingsOf(result, metric).map((f) => [f.severity, f.change])).toEqual(expected);
  });

  it('compares rates per minute of each window, so snapshots of different lengths compare fairly', () => {
    // 1,000 spans in 10 minutes and 400 in 4 minutes: the same 100/min.
    const result = diff({
      baseline: [datasetOf(before, { windowMinutes: 10 })],
      current: datasetOf(after, { windowMinutes: 4 }),
      query: QUERY,
      settings: settingsFrom('thresholds:\n  rate: { warn: -50% }'),
    });
    const pay = result.groups[0]!.changed[0]!;
    expect([pay.baseline.ratePerMin, pay.current.ratePerMin]).toEqual([100, 100]);
    expect(findingsOf(result, 'rate')).toEqual([]);
  });
});

describe('min-samples and significance', () => {
  it('min-samples: below it on either side, no change is a finding', () => {
    // min-samples counts traces; here each span is a trace of its own.
    const rule = 'thresholds:\n  latency.p95: { fail: +10% }';
    expect(run(steady, slower, settingsFrom(`min-samples: 2000\n${rule}`)).verdict).toBe('fail');
    const tooFew = run(steady, slower, settingsFrom(`min-samples: 2001\n${rule}`));
    expect(tooFew.verdict).toBe('pass');
    expect(tooFew.groups[0]!.changed[0]).toMatchObject({ enoughData: false, pValue: {} });
  });

  it('min-samples: a value gone needs that many traces to be called missing', () => {
    const common = spansOf('common', 1000, (i) => 1000 + i);
    const gone = spansOf('gone', 25, () => 5000);
    // 25 of 1,025 spans, none of the next 1,000: p = (1025 / 2025)^25 ≈ 4e-8.
    const called = run([...common, ...gone], common, settingsFrom('min-samples: 20'));
    expect(called.groups[0]!.missing.map((m) => m.value)).toEqual(['gone']);
    const notCalled = run([...common, ...gone], common, settingsFrom('min-samples: 30'));
    expect(notCalled.groups[0]!.missing).toEqual([]);
    expect(notCalled.groups[0]!.undecided).toEqual([
      expect.objectContaining({ value: 'gone', reason: 'too-little-traffic' }),
    ]);
  });

  it('significance: the same slowest 10 % made 30 % slower is a finding at 0.01 and not at 1e-6', () => {
    // 0 vs 20 of 200 spans above the pooled p95: the quantile test's q ≈ 6e-7.
    const base = spansOf('pay', 200, (i) => 100_000 + i * 500);
    const tail = spansOf('pay', 200, (i) => (100_000 + i * 500) * (i >= 180 ? 1.3 : 1));
    const rule = 'thresholds:\n  latency.p95: { fail: +10% }';
    const result = run(base, tail, settingsFrom(`significance: 0.01\n${rule}`));
    const q = result.groups[0]!.changed[0]!.qValue!.latencyP95!;
    expect(q).toBeLessThan(1e-6);
    expect(q).toBeGreaterThan(1e-7);
    expect(findingsOf(result, 'latency.p95')).toHaveLength(1);
    expect(run(base, tail, settingsFrom(`significance: 1e-7\n${rule}`)).findings).toEqual([]);
  });
});

describe('severities of new, missing and call edges', () => {
  const common = spansOf('common', 1000, (i) => 1000 + i);
  const extra = spansOf('extra', 100, () => 5000);

  it.each([
    ['missing: warn', 'warn'],
    ['missing: fail', 'fail'],
    ['missing: ignore', 'pass'],
  ])('%s → verdict %s', (rule, verdict) => {
    const result = run([...common, ...extra], common, settingsFrom(`thresholds:\n  ${rule}`));
    expect(result.verdict).toBe(verdict);
    expect(result.groups[0]!.missing.map((m) => m.value)).toEqual(['extra']); // listed whatever the severity
  });

  it.each([
    ['new: notice', 'notice'],
    ['new: fail', 'fail'],
    ['new: ignore', 'pass'],
  ])('%s → verdict %s', (rule, verdict) => {
    const result = run(common, [...common, ...extra], settingsFrom(`thresholds:\n  ${rule}`));
    expect(result.verdict).toBe(verdict);
    expect(result.groups[0]!.new).toEqual([
      expect.objectContaining({ value: 'extra', current: expect.objectContaining({ occurrence: 100 }) }),
    ]);
  });

  /** Checkout calls pay in every trace; in `withAudit` it also calls audit. */
  function calls(n: number, payLatency: number, withAudit: boolean): Span[] {
    return Array.from({ length: n }, (_, i) => {
      const root = span({ spanId: `r${i}`, traceId: `t${i}`, service: 'web', operation: 'checkout', durationUs: 9000 });
      const children = [
        span({
          spanId: `p${i}`,
          parentSpanId: `r${i}`,
          traceId: `t${i}`,
          service: 'api',
          operation: 'pay',
          durationUs: payLatency + (i % 40) * 100,
        }),
      ];
      if (withAudit)
        children.push(
          span({
            spanId: `a${i}`,
            parentSpanId: `r${i}`,
            traceId: `t${i}`,
            service: 'api',
            operation: 'audit',
            durationUs: 300,
          }),
        );
      return [root, ...children];
    }).flat();
  }

  it.each([
    ['edges: notice', 'notice'],
    ['edges: warn', 'warn'],
    ['edges: ignore', 'pass'],
  ])('a new call edge with %s → verdict %s', (rule, verdict) => {
    // group-by service only: the new operation is not a new service, so only the edge can speak.
    const result = run(
      calls(300, 5000, false),
      calls(300, 5000, true),
      settingsFrom(`thresholds:\n  ${rule}`, '[service]'),
    );
    expect(result.edges.new.map((e) => e.value)).toEqual(['web:checkout -> api:audit']);
    expect(result.verdict).toBe(verdict);
  });

  /** The mobile app also calls pay, always at 5 ms. */
  const fromMobile = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      span({ spanId: `m${i}`, traceId: `mt${i}`, service: 'mobile', operation: 'checkout', durationUs: 9000 }),
      span({
        spanId: `mp${i}`,
        parentSpanId: `m${i}`,
        traceId: `mt${i}`,
        service: 'api',
        operation: 'pay',
        durationUs: 5000 + (i % 40) * 100,
      }),
    ]).flat();

  it('a call edge whose latency changed is a finding at most at the edges severity', () => {
    const rule = 'latency.p95: { fail: +25% }';
    const before = [...calls(300, 5000, false), ...fromMobile(300)];
    const after = [...calls(300, 8000, false), ...fromMobile(300)];
    const notice = run(before, after, settingsFrom(`thresholds:\n  ${rule}\n  edges: notice`, '[service]'));
    // Only the web's calls got slower: the edge says which caller's.
    expect(notice.findings.filter((f) => f.key === 'edge')).toEqual([
      expect.objectContaining({
        severity: 'notice',
        value: 'web:checkout -> api:pay',
        metric: 'latency.p95',
        rule: `${rule}, capped by edges: notice`,
      }),
    ]);
    // The service's own finding keeps its full severity.
    expect(notice.findings[0]).toMatchObject({ severity: 'fail', key: 'service', value: 'api' });
    const ignored = run(before, after, settingsFrom(`thresholds:\n  ${rule}\n  edges: ignore`, '[service]'));
    expect(ignored.findings.filter((f) => f.key === 'edge')).toEqual([]);
    expect(ignored.edges.changed.find((e) => e.value === 'web:checkout -> api:pay')!.delta.latencyP95Us).toBe(3000);
  });

  it("an edge that is its callee's only caller adds no finding of its own", () => {
    const rule = 'latency.p95: { fail: +25% }';
    const result = run(
      calls(300, 5000, false),
      calls(300, 8000, false),
      settingsFrom(`thresholds:\n  ${rule}`, '[service]'),
    );
    expect(result.findings.map((f) => `${f.key} ${f.value}`)).toEqual(['service api']);
    expect(result.edges.changed.map((e) => e.value)).toEqual(['web:checkout -> api:pay']);
  });
});

describe('findings are ranked: most severe first, then by impact', () => {
  it('puts the larger of two equally severe regressions first, and the verdict is the worst', () => {
    const rule = 'thresholds:\n  latency.p95: { warn: +10%, fail: +100% }';
    const small = spansOf('small', 400, (i) => 10_000 + i * 10);
    const big = spansOf('big', 1000, (i) => 10_000 + (i % 100) * 10);
    const worse = (spans: Span[], factor: number) => spans.map((s) => ({ ...s, durationUs: s.durationUs * factor }));
    const result = run(
      [...small, ...big, ...steady],
      [...worse(small, 1.5), ...worse(big, 1.3), ...worse(steady, 2.5)],
      settingsFrom(rule),
    );
    expect(result.findings.map((f) => [f.severity, f.value])).toEqual([
      ['fail', 'pay'],
      ['warn', 'big'], // 1,000 spans × 30 % before 400 spans × 50 %
      ['warn', 'small'],
    ]);
    expect(result.verdict).toBe('fail');
  });
});

describe('spans come in traces: rate and presence tests count traces, not spans', () => {
  /** `traces` traces of `perTrace` spans of the customer's checkout each. */
  const clustered = (customer: string, traces: number, perTrace: number) =>
    Array.from({ length: traces * perTrace }, (_, i) =>
      span({ durationUs: 1000, traceId: `${customer}-${Math.floor(i / perTrace)}`, tags: { customer } }),
    );
  const settings = settingsFrom('thresholds:\n  rate: { warn: -10% }', '[customer]');

  it('a 30 % drop of 500 → 350 independent spans is significant', () => {
    // Exact Poisson: poisson.test(c(500, 350), c(10, 10)) → p ≈ 3e-7; the 98 % interval of the change is
    // about -40 % to -18 %, past the -10 % level.
    const result = run(clustered('initech', 500, 1), clustered('initech', 350, 1), settings);
    expect(findingsOf(result, 'rate')).toEqual([expect.objectContaining({ value: 'initech', change: '-30%' })]);
  });

  it('the same spans in traces of five are 100 → 70 arrivals: not significant at 1 %', () => {
    // Dispersion Σm²/Σm = 5: poisson.test(c(100, 70), c(10, 10)) → p ≈ 0.026.
    const result = run(clustered('initech', 100, 5), clustered('initech', 70, 5), settings);
    const initech = result.groups[0]!.changed[0]!;
    expect(initech.pValue.rate).toBeCloseTo(0.0256, 3);
    expect(findingsOf(result, 'rate')).toEqual([]);
  });

  it('a value gone with all its spans in two traces is too little traffic to tell', () => {
    const common = spansOf('common', 1000, (i) => 1000 + i);
    const gone = Array.from({ length: 40 }, (_, i) =>
      span({ durationUs: 10, operation: 'gone', traceId: `g${Math.floor(i / 20)}` }),
    );
    // 40 spans, but 2 traces: below min-samples (30 traces), it is not even tested.
    const result = run([...common, ...gone], common, settingsFrom(''));
    expect(result.groups[0]!.missing).toEqual([]);
    expect(result.groups[0]!.undecided).toEqual([
      expect.objectContaining({
        value: 'gone',
        reason: 'too-little-traffic',
        baseline: expect.objectContaining({ occurrence: 40, traces: 2 }),
      }),
    ]);
    expect(result.groups[0]!.undecided[0]!.pValue).toBeUndefined();
    // Tested anyway (min-samples: 1), its evidence is two of 1,002 traces, none of the next 1,000: p ≈ 0.25.
    const tested = run([...common, ...gone], common, settingsFrom('min-samples: 1'));
    expect(tested.groups[0]!.undecided).toEqual([
      expect.objectContaining({ value: 'gone', pValue: expect.closeTo((1002 / 2002) ** 2, 12) }),
    ]);
  });
});
