/**
 * Measures the false-alarm and detection rates that docs/statistics.md quotes, on the same generated
 * sandbox traffic and default settings as scenarios.test.ts, with many more runs than a test can
 * afford. Run: npx tsx __tests__/diff/rates.ts [--runs 1000]   (a few minutes on two cores)
 */
import { diff, type DiffResult } from '../../src/diff/index.js';
import type { Scenario } from '../../src/simulator/traffic.js';
import { QUERY, SETTINGS, traffic } from './datasets.js';

const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 1000;

function pair(seed: number, traces: number, scenario?: Scenario): DiffResult {
  return diff({
    baseline: [traffic(seed, traces)],
    current: traffic(seed + 1, traces, scenario),
    query: QUERY,
    settings: SETTINGS,
  });
}

const pct = (k: number, n: number) => `${k}/${n} (${((100 * k) / n).toFixed(1)} %)`;

function noise(traces: number, runs: number): void {
  let fail = 0;
  let warn = 0;
  let any = 0;
  let spans = 0;
  for (let i = 0; i < runs; i++) {
    const result = pair(100_000 + 2 * i, traces);
    spans += result.current.spans;
    if (result.findings.some((f) => f.severity === 'fail')) fail++;
    if (result.findings.some((f) => f.severity === 'warn')) warn++;
    if (result.findings.length > 0) any++;
  }
  console.log(
    `| noise only, ${traces} traces (~${Math.round(spans / runs)} spans) a side | ${runs} | ` +
      `${pct(fail, runs)} | ${pct(warn, runs)} | ${pct(any, runs)} |`,
  );
}

/** `found`: a finding of any severity (a `notice` included); the verdict says whether it warned or failed. */
function detection(name: string, traces: number, runs: number, scenario: Scenario, found: (r: DiffResult) => boolean) {
  let hits = 0;
  let serious = 0;
  let fails = 0;
  for (let i = 0; i < runs; i++) {
    const result = pair(200_000 + 2 * i, traces, scenario);
    if (found(result)) hits++;
    if (result.verdict === 'warn' || result.verdict === 'fail') serious++;
    if (result.verdict === 'fail') fails++;
  }
  console.log(
    `| ${name}, ${traces} traces a side | ${runs} | ${pct(hits, runs)} | ${pct(serious, runs)} | ${pct(fails, runs)} |`,
  );
}

const started = performance.now();
console.log('| noise pairs (same traffic, other seeds) | runs | with a `fail` | with a `warn` | with any finding |');
console.log('| --- | --- | --- | --- | --- |');
noise(600, RUNS);
noise(3000, Math.max(1, Math.round(RUNS / 4)));

const op = { service: 'android', operation: '/api/make-payment' };
const isOp = (r: DiffResult, metric: (m: string) => boolean) =>
  r.findings.some((f) => f.value === 'android / /api/make-payment' && metric(f.metric));
const runs = Math.max(1, Math.round(RUNS / 10));
console.log('\n| injected change | runs | found | verdict `warn` or `fail` | verdict `fail` |');
console.log('| --- | --- | --- | --- | --- |');
detection('one operation +25 % slower (~450 spans)', 3000, runs, { slower: [{ ...op, percent: 25 }] }, (r) =>
  isOp(r, (m) => m.startsWith('latency.')),
);
detection('one operation +25 % slower (~150 spans)', 1000, runs, { slower: [{ ...op, percent: 25 }] }, (r) =>
  isOp(r, (m) => m.startsWith('latency.')),
);
detection(
  'slowest 10 % of one operation +25 % (~450 spans)',
  3000,
  runs,
  { slower: [{ ...op, percent: 25, tailOnly: true }] },
  (r) => isOp(r, (m) => m.startsWith('latency.')),
);
detection(
  'slowest 10 % of one operation +25 % (~3,000 spans)',
  20_000,
  runs,
  { slower: [{ ...op, percent: 25, tailOnly: true }] },
  (r) => isOp(r, (m) => m.startsWith('latency.')),
);
detection('error rate +3 pp (2 % → 5 %, ~450 spans)', 3000, runs, { errorsUp: [{ ...op, pp: 3 }] }, (r) =>
  isOp(r, (m) => m === 'error-rate'),
);
detection('error rate +3 pp (2 % → 5 %, ~3,000 spans)', 20_000, runs, { errorsUp: [{ ...op, pp: 3 }] }, (r) =>
  isOp(r, (m) => m === 'error-rate'),
);
detection('customer BEEMO gone', 3000, runs, { removeTagValue: [{ tag: 'customer', value: 'BEEMO' }] }, (r) =>
  r.findings.some((f) => f.key === 'customer' && f.value === 'BEEMO' && f.metric === 'missing'),
);
detection(
  'customer hooli new on 5 % of spans',
  3000,
  runs,
  { addTagValue: [{ tag: 'customer', value: 'hooli', share: 0.05 }] },
  (r) => r.findings.some((f) => f.key === 'customer' && f.value === 'hooli' && f.metric === 'new'),
);
detection(
  'new call edge inventory:update-inventory -> inventory:audit-log',
  3000,
  runs,
  { addCall: [{ from: 'inventory:update-inventory', to: 'inventory:audit-log' }] },
  (r) => r.findings.some((f) => f.key === 'edge' && f.metric === 'new' && f.value.endsWith('inventory:audit-log')),
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
