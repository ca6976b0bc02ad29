/**
 * The fetch pipeline against the simulator: one snapshot of 1,080 exemplars over 300 traces,
 * collected at the documented limit of 100 requests a second, with and without faults. Wall
 * time is set beside the lower bound the rate limit allows, and the simulator counts the
 * requests each trace took.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS } from '../src/config/index.js';
import type { QueryConfig } from '../src/config/types.js';
import { silentLogger } from '../src/log.js';
import { startSimulator, type Faults } from '../src/simulator/index.js';
import { createLightstepSource } from '../src/sources/lightstep/index.js';
import { printTable, type BenchRow } from './table.js';

const QUERY = 'service IN ("android", "iOS", "web", "api-server", "inventory", "payments")';
const TRACES = 300;

interface Case {
  name: string;
  /** Requests a second, on both sides: the simulator enforces what the client is told. */
  limit: number;
  concurrency: number;
  /** Whether exemplars name their trace (unconfirmed for the real API). */
  traceIds: boolean;
  faults?: Faults;
  quick: boolean;
}

const CASES: Case[] = [
  { name: 'at 100 req/s, no faults', limit: 100, concurrency: 8, traceIds: true, quick: true },
  {
    name: 'at 100 req/s, 20 % transient 500s + 5×429 + 5 resets + 5 cut bodies',
    limit: 100,
    concurrency: 8,
    traceIds: true,
    faults: {
      transientTraceFailures: 0.2,
      rateLimitBurst: 5,
      rateLimitBurstOn: 'stored-traces',
      resetNext: 5,
      truncateNext: 5,
    },
    quick: true,
  },
  {
    name: 'at 100 req/s, 5 % of traces never assembled (permanent 500)',
    limit: 100,
    concurrency: 8,
    traceIds: true,
    faults: { permanentTraceFailures: 0.05 },
    quick: false,
  },
  {
    name: 'at 100 req/s, exemplars without trace ids, 8 in flight',
    limit: 100,
    concurrency: 8,
    traceIds: false,
    quick: false,
  },
  {
    name: 'at 100 req/s, exemplars without trace ids, 1 in flight',
    limit: 100,
    concurrency: 1,
    traceIds: false,
    quick: false,
  },
  { name: 'no rate limit (10,000 req/s), 8 in flight', limit: 10_000, concurrency: 8, traceIds: true, quick: true },
];

const query: QueryConfig = {
  ...DEFAULT_SETTINGS,
  id: 'bench',
  name: 'bench',
  query: QUERY,
  source: { kind: 'lightstep', organization: 'demo-org', project: 'demo-project' },
  baseline: DEFAULT_BASELINE,
};

/** With a sliding window of `limit` a second, request n (from 0) can start no earlier than floor(n / limit) s. */
const lowerBoundMs = (requests: number, limit: number) => Math.floor((requests - 1) / limit) * 1000;

async function runCase(c: Case, seed: number): Promise<BenchRow> {
  const sim = await startSimulator({
    seed,
    tracesPerSnapshot: TRACES,
    storedTraceLimitPerSecond: c.limit,
    exemplarTraceGuid: c.traceIds,
  });
  try {
    sim.setFaults(c.faults ?? {});
    const source = createLightstepSource({
      apiKey: sim.apiKey,
      organization: sim.organization,
      project: sim.project,
      apiUrl: sim.url,
      requestsPerSecond: c.limit,
      concurrency: c.concurrency,
      wait: { marginMs: 0 },
    });
    const start = performance.now();
    const dataset = await source.collect(query, { logger: silentLogger });
    const ms = performance.now() - start;
    const stats = sim.stats();
    const perTrace = [...stats.storedTraceRequests.values()];
    const requests = stats.requests['stored-traces'] ?? 0;
    const truth = sim.groundTruth(dataset.provenance.snapshotId!).length;
    const { coverage } = dataset;
    const bound = lowerBoundMs(coverage.tracesWanted, c.limit);
    return {
      case: `collect: ${coverage.exemplars} exemplars / ${coverage.tracesWanted} traces, ${c.name}`,
      ms,
      note: [
        c.limit <= 1000
          ? `bound ${(bound / 1000).toFixed(2)} s (×${(ms / Math.max(bound, 1)).toFixed(2)})`
          : 'no bound',
        `${(requests / perTrace.length).toFixed(2)} req/trace (max ${Math.max(...perTrace)})`,
        `coverage ${coverage.tracesFetched}/${coverage.tracesWanted}${coverage.complete ? '' : ' partial'}`,
        `spans ${dataset.table.size === truth ? '= ground truth' : `${dataset.table.size} of ${truth}`}`,
        `over limit ${stats.limitExceeded}`,
      ].join('; '),
    };
  } finally {
    await sim.close();
  }
}

export async function run(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [i, c] of CASES.entries()) {
    if (options.quick && !c.quick) continue;
    rows.push(await runCase(c, 11 + i));
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printTable('collection against the simulator', await run({ quick: process.argv.includes('--quick') }));
}
