import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every statistic ends on any input: NaN (a 400-digit OTLP timestamp gives an infinite start and end,
 * hence a NaN duration), infinities and huge values. Before the fix, a NaN latency kept the rank loop of
 * mannWhitney turning forever, and the step with it. A synchronous loop cannot be interrupted in the
 * test's own process, so the cases run in a child process, which is killed if it does not end: a hang
 * fails the test instead of stalling the suite. Each case prints its name first, so a hang is named.
 */
const root = join(import.meta.dirname, '..', '..');

const CASES = `
import { hodgesLehmann, mannWhitney, quantileTest, poissonRateTest, errorRateTest, percentileSorted, meanOf, benjaminiHochberg } from '${root}/src/diff/stats/index.js';
import { kthDifference } from '${root}/src/diff/stats/mann-whitney.js';
import { diff } from '${root}/src/diff/index.js';
import { SETTINGS, datasetOf, span } from '${root}/__tests__/diff/datasets.js';

const sorted = (xs) => new Float64Array(xs).sort();
const weird = [NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER * 1e6];
const samples = [
  ['all NaN', [NaN, NaN, NaN], [NaN, NaN]],
  ['NaN among values', [1, 2, NaN, 4], [2, NaN, 5, 6, 7]],
  ['NaN on one side', [1, 2, 3], [NaN]],
  ['infinities', [-Infinity, 1, Infinity], [Infinity, Infinity, 2]],
  ['huge', [1e308, -1e308, 0], [1e308, 1e308]],
  ['every kind, 60 a side', Array.from({ length: 60 }, (_, i) => weird[i % 6] + i), Array.from({ length: 70 }, (_, i) => (i % 7 ? i : weird[i % 6]))],
];
const out = {};
for (const [name, a, b] of samples) {
  const x = sorted(a), y = sorted(b);
  for (const [stat, run] of [
    ['mannWhitney', () => mannWhitney(x, y).pValue],
    ['hodgesLehmann', () => hodgesLehmann(x, y)?.estimate],
    ['kthDifference', () => kthDifference(x, y, 1)],
    ['quantileTest', () => quantileTest(x, y, 0.95)],
    ['percentileSorted', () => percentileSorted(x, 0.99)],
    ['meanOf', () => meanOf(x)],
  ]) {
    console.log('start ' + stat + ' / ' + name);
    out[stat + ' / ' + name] = run();
  }
}
for (const [name, args] of [
  ['poissonRateTest NaN minutes', () => poissonRateTest(3, NaN, 5, 1)],
  ['poissonRateTest infinite minutes', () => poissonRateTest(3, Infinity, 5, Infinity)],
  ['poissonRateTest NaN count', () => poissonRateTest(NaN, 1, 5, 1)],
  ['poissonRateTest infinite count', () => poissonRateTest(Infinity, 1, 5, 1)],
  ['errorRateTest NaN', () => errorRateTest(NaN, 10, 1, NaN)],
  ['benjaminiHochberg NaN', () => benjaminiHochberg([NaN, 0.5, Infinity])[0]],
]) {
  console.log('start ' + name);
  out[name] = args();
}
// The whole engine, with a duration that is not a number (a string in a dataset row, an OTLP overflow).
const spans = (factor, bad) => Array.from({ length: 200 }, (_, i) =>
  span({ spanId: factor + '-' + i, operation: '/api/pay', durationUs: i % 10 === 0 ? bad : (1000 + i) * factor }));
for (const bad of [NaN, Infinity, '12x']) {
  console.log('start diff with ' + String(bad));
  // The span table refuses a duration that is not a finite number at the door: no diff ever sees one.
  let sides;
  try { sides = [datasetOf(spans(1, bad)), datasetOf(spans(2, bad))]; } catch (e) { out['diff with ' + String(bad)] = e instanceof RangeError ? 'refused' : String(e); continue; }
  const r = diff({ baseline: [sides[0]], current: sides[1], query: { id: 'q', name: 'q', query: '' }, settings: SETTINGS });
  out['diff with ' + String(bad)] = r.verdict;
}
console.log('RESULT ' + JSON.stringify(out, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
`;

function runCases(): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CASES], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Not a measure of speed: a bound far above the second these cases take, beyond which they hang.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, killed: signal === 'SIGKILL', stdout, stderr });
    });
  });
}

describe('the statistics on NaN, infinite and huge latencies', () => {
  it('all end, and the diff of a dataset with such a duration gives a verdict', { timeout: 60_000 }, async () => {
    const r = await runCases();
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    expect(r.killed, `hung in: ${last}`).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(last.replace(/^RESULT /, '')) as Record<string, unknown>;
    expect(Object.keys(result)).toHaveLength(6 * 6 + 6 + 3);
    for (const bad of ['NaN', 'Infinity', '12x'])
      expect(['pass', 'notice', 'warn', 'fail', 'inconclusive', 'refused']).toContain(result[`diff with ${bad}`]);
    for (const [name, p] of Object.entries(result)) {
      if (name.startsWith('poissonRateTest') || name.startsWith('mannWhitney'))
        expect(typeof p === 'number' && p >= 0 && p <= 1 ? 'p-value' : p, name).toBe('p-value');
    }
  });
});
