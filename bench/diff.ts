/**
 * The diff engine on generated pairs, beside a straightforward implementation of the seed's
 * algorithm (group by one key, then for each baseline value search the current values linearly).
 * Each case runs in its own process so that its peak memory (max RSS) is its own.
 */
import { spansOfTable, tableOf } from '../src/dataset/table.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../src/config/index.js';
import type { Dataset, Span } from '../src/dataset/types.js';
import { diff } from '../src/diff/index.js';
import { Random } from '../src/simulator/random.js';
import { printTable, type BenchRow } from './table.js';

interface Case {
  name: string;
  spans: number;
  values: number;
  keys: 1 | 3;
  engine: 'trace-differ' | 'seed';
}

const CASES: Case[] = [
  { name: '10k vs 10k spans, 1 key, 1k values', spans: 10_000, values: 1000, keys: 1, engine: 'trace-differ' },
  { name: '100k vs 100k spans, 1 key, 1k values', spans: 100_000, values: 1000, keys: 1, engine: 'trace-differ' },
  { name: '100k vs 100k spans, 1 key, 1k values', spans: 100_000, values: 1000, keys: 1, engine: 'seed' },
  { name: '100k vs 100k spans, 1 key, 50k values', spans: 100_000, values: 50_000, keys: 1, engine: 'trace-differ' },
  { name: '100k vs 100k spans, 1 key, 50k values', spans: 100_000, values: 50_000, keys: 1, engine: 'seed' },
  { name: '1M vs 1M spans, 1 key, 1k values', spans: 1_000_000, values: 1000, keys: 1, engine: 'trace-differ' },
  { name: '1M vs 1M spans, 1 key, 50k values', spans: 1_000_000, values: 50_000, keys: 1, engine: 'trace-differ' },
  {
    name: '1M vs 1M spans, 3 keys (1k, 50k, 100 values)',
    spans: 1_000_000,
    values: 50_000,
    keys: 3,
    engine: 'trace-differ',
  },
];

function generate(seed: number, n: number, values: number): Dataset {
  const rng = new Random(seed);
  const spans: Span[] = new Array(n);
  const ops = Array.from({ length: values }, (_, i) => `/api/op-${i}`);
  const customers = Array.from({ length: 100 }, (_, i) => `customer-${i}`);
  const services = Array.from({ length: 1000 }, (_, i) => `service-${i}`);
  for (let i = 0; i < n; i++) {
    // A skewed popularity: a few values are hot, most are rare, as in real traffic.
    const v = Math.floor(values * rng.next() ** 3);
    spans[i] = {
      spanId: rng.hex(16),
      traceId: rng.hex(16),
      service: services[Math.floor(rng.next() * services.length)]!,
      operation: ops[v]!,
      startUs: 1_700_000_000_000_000 + i * 600,
      durationUs: Math.round(rng.logNormal(20_000 + v, 0.5)),
      error: rng.next() < 0.01,
      tags: { customer: customers[Math.floor(rng.next() * 100)]! },
    };
  }
  return {
    provenance: {
      source: 'file',
      queryId: 'bench',
      query: 'bench',
      collectedAt: new Date().toISOString(),
      windowStartUs: 1_700_000_000_000_000,
      windowEndUs: 1_700_000_000_000_000 + n * 600,
    },
    coverage: { complete: true, exemplars: n, tracesWanted: n, tracesFetched: n, tracesFailed: 0, failures: [] },
    table: tableOf(spans),
  };
}

/** The seed's algorithm: per key, arrays of { value, count, avg latency, error ratio }, compared by linear search. */
function seedDiff(a: readonly Span[], b: readonly Span[]): number {
  const group = (spans: readonly Span[]) => {
    const rows: { value: string; occurrence: number; total: number; errors: number }[] = [];
    const byValue = new Map<string, (typeof rows)[number]>();
    for (const s of spans) {
      let row = byValue.get(s.operation);
      if (!row) {
        row = { value: s.operation, occurrence: 0, total: 0, errors: 0 };
        byValue.set(s.operation, row);
        rows.push(row);
      }
      row.occurrence++;
      row.total += s.durationUs;
      if (s.error) row.errors++;
    }
    return rows;
  };
  const before = group(a);
  const after = group(b);
  let changed = 0;
  for (const x of before) {
    const y = after.find((r) => r.value === x.value);
    if (y && (y.total / y.occurrence !== x.total / x.occurrence || y.errors / y.occurrence !== x.errors / x.occurrence))
      changed++;
  }
  for (const y of after) if (!before.some((x) => x.value === y.value)) changed++;
  return changed;
}

function runCase(c: Case): BenchRow {
  const a = generate(1, c.spans, c.values);
  const b = generate(2, c.spans, c.values);
  const groupBy = c.keys === 1 ? [['operation']] : [['operation'], ['service'], ['customer']];
  // The seed's method starts from span objects as JSON.parse gives them (made before the clock starts):
  // through JSON, as the seed read them, since JSON.parse's short strings are internalised, and the
  // seed's linear search compares internalised strings by pointer (82 s instead of 12 s without).
  const seedSpans =
    c.engine === 'seed' ? [a, b].map((d) => JSON.parse(JSON.stringify(spansOfTable(d.table))) as Span[]) : undefined;
  const start = performance.now();
  if (seedSpans) seedDiff(seedSpans[0]!, seedSpans[1]!);
  else
    diff({
      baseline: [a],
      current: b,
      query: { id: 'bench', name: 'bench', query: '' },
      settings: { ...DEFAULT_SETTINGS, groupBy },
    });
  const ms = performance.now() - start;
  return {
    case: `${c.engine}: ${c.name}`,
    ms,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    note: c.engine === 'seed' ? 'means only, no tests' : 'full diff with statistics',
  };
}

/** Quick mode: the smallest case, the 100k pair with many values (ours and the seed's), and the target case. */
const QUICK = (c: Case) => c.spans === 10_000 || c.values === 50_000;

export async function run(options: { quick?: boolean; caseLimitMs?: number } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const self = fileURLToPath(import.meta.url);
  // A case that runs away is stopped, so that the bench always finishes in a bounded time.
  const limit = options.caseLimitMs ?? (options.quick ? 90_000 : 180_000);
  for (let i = 0; i < CASES.length; i++) {
    const c = CASES[i]!;
    if (options.quick && !QUICK(c) && !(c.spans === 1_000_000 && c.keys === 3)) continue;
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', String(i)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      timeout: limit,
      killSignal: 'SIGKILL',
    });
    if (child.signal === 'SIGKILL') {
      rows.push({ case: `${c.engine}: ${c.name}`, ms: limit, overLimit: true, note: 'stopped at the time limit' });
      continue;
    }
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      rows.push(JSON.parse(line) as BenchRow);
    } catch {
      rows.push({ case: `${c.engine}: ${c.name}`, ms: NaN, note: `failed: ${child.stderr.slice(0, 200)}` });
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--case');
  if (at > 0) {
    console.log(JSON.stringify(runCase(CASES[Number(process.argv[at + 1])]!)));
  } else {
    printTable(
      'diff engine (generated data; peak = max RSS of the process, generation included)',
      await run({ quick: process.argv.includes('--quick') }),
    );
  }
}
