/**
 * `npm run bench` (`-- --quick` for a shorter run, `-- --only=files|diff|collect|html` for one part):
 * reading and diffing files beside DuckDB and the seed's method, the diff engine on generated
 * pairs, the Lightstep collection against the simulator, and the HTML pages opened in Chromium, in one table, headed by the date and the machine,
 * and followed by the diff engine's target met or missed.
 */
import { cpus, totalmem } from 'node:os';
import { run as runCollect } from './collect.js';
import { run as runDiff } from './diff.js';
import { run as runFiles } from './files.js';
import { run as runHtml } from './html.js';
import { printTable, type BenchRow } from './table.js';

const TARGET = { case: '1M vs 1M spans, 3 keys', ms: 3000, mib: 1024 };

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const started = performance.now();
const rows: BenchRow[] = [];
// Files first: each case reads both sides from disk and diffs them, beside DuckDB and the seed's method.
if (only === undefined || only === 'files')
  rows.push(...(await runFiles({ quick })).map((r) => ({ ...r, case: `files ${r.case}` })));
if (only === undefined || only === 'diff')
  rows.push(...(await runDiff({ quick })).map((r) => ({ ...r, case: `diff ${r.case}` })));
if (only === undefined || only === 'collect') rows.push(...(await runCollect({ quick })));
if (!only || only === 'html') rows.push(...(await runHtml()));

const cpu = cpus();
printTable(
  `trace-differ bench${quick ? ' (quick)' : ''}, ${new Date().toISOString().slice(0, 10)}: ` +
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  rows,
);

const target = rows.find((r) => r.case.startsWith('diff trace-differ') && r.case.includes(TARGET.case));
if (target) {
  const time = target.ms / TARGET.ms;
  const over = target.overLimit ? 'at least ' : '';
  const memory = (target.peakMiB ?? 0) / TARGET.mib;
  const verdict = (x: number, what: string) =>
    x <= 1 ? `${what} met (${(x * 100).toFixed(0)} % of the target)` : `${what} missed by ${over}×${x.toFixed(1)}`;
  console.log(
    `\nthe diff engine's target (two 1M-span snapshots, three keys, under ${TARGET.ms / 1000} s and ${TARGET.mib} MiB): ` +
      `${verdict(time, 'time')}, ${target.peakMiB === undefined ? 'memory not measured' : verdict(memory, 'memory')}`,
  );
}
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
