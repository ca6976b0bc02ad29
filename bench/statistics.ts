/**
 * The false-alarm and detection targets of docs/statistics.md ("Traces as the unit"), measured on
 * production-like simulated traffic (src/simulator/traffic.ts PRODUCTION: fan-out 10, a shared
 * per-trace latency factor, whole-trace failures, heavy tails) with the default settings.
 * Run: npx tsx bench/statistics.ts [--runs 500] [--only noise|traffic|power]   (minutes on two cores)
 */
import { DEFAULT_SETTINGS } from '../src/config/index.js';
import type { DiffSettings } from '../src/config/types.js';
import type { Dataset } from '../src/dataset/types.js';
import { tableOf } from '../src/dataset/table.js';
import { diff, type DiffResult } from '../src/diff/index.js';
import { generateTraffic, PRODUCTION, type Scenario, type TrafficShape } from '../src/simulator/traffic.js';

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(arg('runs') ?? 500);
const ONLY = arg('only');

const SETTINGS: DiffSettings = {
  ...DEFAULT_SETTINGS,
  groupBy: [['service'], ['operation'], ['customer'], ['service', 'operation']],
};
const QUERY = { id: 'q', name: 'bench', query: 'bench' };
const START_US = 1_700_000_000_000_000;

function dataset(seed: number, traces: number, shape: TrafficShape, scenario?: Scenario): Dataset {
  const spans = generateTraffic({ seed, traces, startUs: START_US, windowMinutes: 10, scenario, shape });
  return {
    provenance: {
      source: 'file',
      queryId: 'q',
      query: 'bench',
      collectedAt: '2026-11-30T00:00:00Z',
      windowStartUs: START_US,
      windowEndUs: START_US + 10 * 60e6,
    },
    coverage: {
      complete: true,
      exemplars: spans.length,
      tracesWanted: traces,
      tracesFetched: traces,
      tracesFailed: 0,
      failures: [],
    },
    table: tableOf(spans),
  };
}

function pair(seed: number, traces: [number, number], shape: TrafficShape, scenario?: Scenario): DiffResult {
  return diff({
    baseline: [dataset(seed, traces[0], shape)],
    current: dataset(seed + 1, traces[1], shape, scenario),
    query: QUERY,
    settings: SETTINGS,
  });
}

const pct = (k: number, n: number) => `${k}/${n} (${((100 * k) / n).toFixed(1)} %)`;
const serious = (r: DiffResult) => r.findings.some((f) => f.severity === 'warn' || f.severity === 'fail');
const latencyFinding = (r: DiffResult) => r.findings.some((f) => f.metric.startsWith('latency.'));

function noise(name: string, traces: number, shape: TrafficShape, runs: number): void {
  let bad = 0;
  let any = 0;
  let spans = 0;
  const which = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    const r = pair(100_000 + 2 * i, [traces, traces], shape);
    spans += r.current.spans;
    if (serious(r)) bad++;
    if (r.findings.length) any++;
    for (const f of r.findings)
      which.set(`${f.severity} ${f.metric}`, (which.get(`${f.severity} ${f.metric}`) ?? 0) + 1);
  }
  const detail = [...which].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
  console.log(
    `| ${name}, ${traces} traces (~${Math.round(spans / runs)} spans) a side | ${runs} | ${pct(bad, runs)} | ${pct(any, runs)} | ${detail} |`,
  );
}

/** Noise pairs whose current side has `factor` times the traffic in the same window. */
function traffic(traces: number, factor: number, runs: number): void {
  let latency = 0;
  let latencySerious = 0;
  let significant = 0;
  let tested = 0;
  let rateRejected = 0;
  let rateTested = 0;
  for (let i = 0; i < runs; i++) {
    const r = pair(300_000 + 2 * i, [traces, Math.round(traces * factor)], PRODUCTION);
    if (latencyFinding(r)) latency++;
    if (r.findings.some((f) => f.metric.startsWith('latency.') && f.severity !== 'notice')) latencySerious++;
    for (const g of r.groups) {
      for (const v of g.changed) {
        if (!v.qValue) continue;
        for (const [test, q] of Object.entries(v.qValue)) {
          if (test === 'rate') {
            rateTested++;
            if (q <= SETTINGS.significance) rateRejected++;
          } else if (test.startsWith('latency')) {
            tested++;
            if (q <= SETTINGS.significance) significant++;
          }
        }
      }
    }
  }
  console.log(
    `| ${traces} vs ${Math.round(traces * factor)} traces (×${factor}) | ${runs} | ${pct(latencySerious, runs)} | ${pct(latency, runs)} | ` +
      `${pct(significant, tested)} | ${pct(rateRejected, rateTested)} |`,
  );
}

const FANNED = 'user-space-mapping';
const onFanned = (r: DiffResult, severities: string[]) =>
  r.findings.some((f) => f.metric === 'latency.p95' && f.value.includes(FANNED) && severities.includes(f.severity));

/** Every trace enters through get-transactions, so every trace holds the fanned-out operation. */
const EVERY_TRACE: TrafficShape = { ...PRODUCTION, roots: [['android:/api/get-transactions', 1]] };

function power(percent: number, traces: number, runs: number, everyTrace: boolean): void {
  let found = 0;
  let atLevel = 0;
  let atFail = 0;
  let holding = 0;
  for (let i = 0; i < runs; i++) {
    const r = pair(200_000 + 2 * i, [traces, traces], everyTrace ? EVERY_TRACE : PRODUCTION, {
      slower: [{ service: 'api-server', operation: FANNED, percent }],
    });
    if (onFanned(r, ['notice', 'warn', 'fail'])) found++;
    if (onFanned(r, ['warn', 'fail'])) atLevel++;
    if (onFanned(r, ['fail'])) atFail++;
    const op = r.groups.find((g) => g.key === 'operation')?.changed.find((v) => v.value === FANNED);
    holding += op?.current.traces ?? 0;
  }
  console.log(
    `| +${percent} %, ${traces} traces a side, ${everyTrace ? 'every' : 'a get-transactions'} trace calls it (~${Math.round(holding / runs)} traces hold it) | ${runs} | ${pct(found, runs)} | ${pct(atLevel, runs)} | ${pct(atFail, runs)} |`,
  );
}

const started = performance.now();
if (!ONLY || ONLY === 'noise') {
  console.log('| noise pairs | runs | with a `warn` or `fail` | with any finding | findings by severity and metric |');
  console.log('| --- | --- | --- | --- | --- |');
  noise('production-like', 60, PRODUCTION, RUNS);
  noise('production-like', 300, PRODUCTION, RUNS);
  noise('plain sandbox (one span per value per trace)', 600, {}, RUNS);
}
if (!ONLY || ONLY === 'traffic') {
  console.log(
    '\n| noise pairs, production-like | runs | with a latency `warn` or `fail` | with a latency finding (`notice` included) | latency tests with q ≤ 0.01 | rate tests with q ≤ 0.01 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  traffic(300, 1, RUNS);
  traffic(300, 2, RUNS);
}
if (!ONLY || ONLY === 'power') {
  console.log(
    `\n| api-server:${FANNED} slower (10 calls per trace), production-like | runs | found (a \`latency.p95\` finding, \`notice\` included) | reported at \`+10%\` (\`warn\` or \`fail\`) | at \`+25%\` (\`fail\`) |`,
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const everyTrace of [true, false]) {
    power(8, 300, RUNS, everyTrace);
    power(30, 300, RUNS, everyTrace);
    power(8, 60, RUNS, everyTrace);
    power(30, 60, RUNS, everyTrace);
  }
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s, ${RUNS} runs a row)`);
