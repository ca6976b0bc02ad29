import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { PRODUCTION, type Scenario } from '../../src/simulator/traffic.js';
import { QUERY, SETTINGS, datasetOf, traffic } from './datasets.js';
import { generateTraffic } from '../../src/simulator/traffic.js';

/**
 * Scenarios on generated sandbox traffic: what a deploy really changes must be found, and two
 * samples of the same traffic must not produce findings. The measured rates are printed here;
 * docs/statistics.md quotes the rates of many more runs, measured by __tests__/diff/rates.ts.
 */
const TRACES = 3000;

function findingsFor(scenario: Scenario, seed = 11, traces = TRACES) {
  return diff({
    baseline: [traffic(seed, traces)],
    current: traffic(seed + 1, traces, scenario),
    query: QUERY,
    settings: SETTINGS,
  });
}

describe('injected changes are found', () => {
  it('an operation 50 % slower (~450 traces a side hold it)', () => {
    // A level needs the interval of the p95 change to clear it: with ~450 traces a side a +25 % change
    // does so in about half the runs (docs/statistics.md), +50 % nearly always.
    const result = findingsFor({ slower: [{ service: 'android', operation: '/api/make-payment', percent: 50 }] });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        key: 'service+operation',
        value: 'android / /api/make-payment',
        metric: 'latency.p95',
      }),
    );
    expect(['warn', 'fail']).toContain(result.verdict);
  });

  it('only the slowest 10 % of an operation 25 % slower (~3,000 spans a side): seen at p95 by the quantile test', () => {
    const result = findingsFor(
      { slower: [{ service: 'android', operation: '/api/make-payment', percent: 25, tailOnly: true }] },
      11,
      20_000,
    );
    const p95 = result.findings.find(
      (f) => f.key === 'service+operation' && f.value === 'android / /api/make-payment' && f.metric === 'latency.p95',
    );
    expect(p95).toBeDefined();
    const value = result.groups
      .find((g) => g.key === 'service+operation')!
      .changed.find((c) => c.value === 'android / /api/make-payment')!;
    // The rank-sum test alone would not have called it.
    expect(value.qValue!.latency).toBeGreaterThan(0.01);
    expect(value.qValue!.latencyP95).toBeLessThan(0.01);
  });

  it('an error rate up by 3 percentage points (2 % → 5 % on ~2,900 spans a side)', () => {
    // At ~450 spans a side, 2 % → 5 % has p ≈ 0.005 before the false-discovery control of ~200 tests,
    // and at ~1,500 it is still borderline (p ≈ 0.003, q ≈ 0.1 on one seed): too weak to call at 1 % FDR.
    // docs/statistics.md states the power this takes.
    const result = findingsFor(
      { errorsUp: [{ service: 'android', operation: '/api/make-payment', pp: 3 }] },
      11,
      20_000,
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({ key: 'service+operation', value: 'android / /api/make-payment', metric: 'error-rate' }),
    );
  });

  it('a value gone', () => {
    const result = findingsFor({ removeTagValue: [{ tag: 'customer', value: 'BEEMO' }] });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ key: 'customer', value: 'BEEMO', metric: 'missing' }),
    );
  });

  it('a value new', () => {
    const result = findingsFor({ addTagValue: [{ tag: 'customer', value: 'hooli', share: 0.05 }] });
    expect(result.findings).toContainEqual(expect.objectContaining({ key: 'customer', value: 'hooli', metric: 'new' }));
  });

  it('a new call edge', () => {
    const result = findingsFor({ addCall: [{ from: 'inventory:update-inventory', to: 'inventory:audit-log' }] });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        key: 'edge',
        value: 'inventory:update-inventory -> inventory:audit-log',
        metric: 'new',
      }),
    );
  });
});

describe('noise is not a finding', () => {
  it('same traffic, other seeds: no fail in at least 98 % of 150 runs', () => {
    const runs = 150;
    let withFail = 0;
    let withAny = 0;
    for (let i = 0; i < runs; i++) {
      const result = diff({
        baseline: [traffic(1000 + 2 * i, 600)],
        current: traffic(1001 + 2 * i, 600),
        query: QUERY,
        settings: SETTINGS,
      });
      if (result.findings.some((f) => f.severity === 'fail')) withFail++;
      if (result.findings.length > 0) withAny++;
    }
    console.log(`noise-only pairs: ${withFail}/${runs} with a fail finding, ${withAny}/${runs} with any finding`);
    expect(withFail / runs).toBeLessThanOrEqual(0.02);
  });

  it('detects a 50 % slowdown in nearly all of 20 runs (the other side of the trade)', () => {
    let detected = 0;
    const runs = 20;
    for (let i = 0; i < runs; i++) {
      const result = findingsFor(
        { slower: [{ service: 'android', operation: '/api/make-payment', percent: 50 }] },
        500 + 2 * i,
      );
      if (result.findings.some((f) => f.value === 'android / /api/make-payment' && f.metric.startsWith('latency')))
        detected++;
    }
    console.log(`50 % slowdown of one operation (~450 traces a side): detected in ${detected}/${runs} runs`);
    expect(detected / runs).toBeGreaterThanOrEqual(0.9);
  });
});

describe('production-like traffic: the spans of a request move together', () => {
  /** PRODUCTION: user-space-mapping 10 times per trace, a shared per-trace latency factor, whole-trace failures, tails. */
  const production = (seed: number, traces: number, scenario?: Scenario) =>
    datasetOf(
      generateTraffic({ seed, traces, startUs: 1_700_000_000_000_000, windowMinutes: 10, scenario, shape: PRODUCTION }),
    );

  it('noise pairs of 60 and 300 traces a side: no warn or fail in 60 runs each', () => {
    // Counting spans as independent, pairs like these had a finding in 16 to 30 % of runs; the targets of
    // docs/statistics.md (≤ 1 % over 500 runs) are measured by bench/statistics.ts.
    let serious = 0;
    for (const traces of [60, 300]) {
      for (let i = 0; i < 60; i++) {
        const result = diff({
          baseline: [production(5000 + 2 * i, traces)],
          current: production(5001 + 2 * i, traces),
          query: QUERY,
          settings: SETTINGS,
        });
        if (result.findings.some((f) => f.severity === 'warn' || f.severity === 'fail')) serious++;
      }
    }
    expect(serious).toBe(0);
  });

  it('finds a fanned-out operation 50 % slower, and says how many traces each side had', () => {
    const result = diff({
      baseline: [production(7, 600)],
      current: production(8, 600, {
        slower: [{ service: 'api-server', operation: 'user-space-mapping', percent: 50 }],
      }),
      query: QUERY,
      settings: SETTINGS,
    });
    const finding = result.findings.find((f) => f.key === 'operation' && f.value === 'user-space-mapping')!;
    expect(finding).toMatchObject({ metric: 'latency.p95' });
    expect(finding.interval!.relativeLow).toBeGreaterThanOrEqual(0.1);
    const op = result.groups.find((g) => g.key === 'operation')!.changed.find((v) => v.value === 'user-space-mapping')!;
    // Ten spans a trace: the spans are ten times the traces.
    expect(op.current.occurrence).toBe(10 * op.current.traces!);
  });
});
