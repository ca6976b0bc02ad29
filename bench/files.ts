/**
 * The reading bench: a pair of generated snapshots (~1M spans a side, keys service, operation and
 * customer, ~25k customers, traces of ~8 spans with parent links) written once in each accepted
 * format, then each case read and diffed whole in its own process: trace-differ beside DuckDB
 * (reading the same file and grouping by the same keys) and the seed's method (JSON.parse into
 * objects, then grouping). Peak = max RSS of the case's process.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../src/config/index.js';
import { writeDatasetFile } from '../src/dataset/file.js';
import { diff } from '../src/diff/index.js';
import { Random } from '../src/simulator/random.js';
import { readSpanFiles } from '../src/sources/files/spans.js';
import { printTable, type BenchRow } from './table.js';

const SERVICES = Array.from({ length: 40 }, (_, i) => `service-${i}`);
const OPERATIONS = Array.from({ length: 400 }, (_, i) => `/api/op-${i}`);
const CUSTOMERS = Array.from({ length: 25_000 }, (_, i) => `customer-${i}`);

interface GenSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  service: string;
  operation: string;
  startUs: number;
  durationUs: number;
  error: boolean;
  customer: string;
}

/**
 * How a span picks the operation it calls. `random`: any operation (the bench's main pair: ~150k
 * distinct call edges a side, ~6 spans each, the worst case for the diff's work per value). `fixed`:
 * each operation calls only its own three, as services do (~1k edges a side), for the figure a real
 * call graph gives.
 */
type CallGraph = 'random' | 'fixed';
const CALLEES = 3;

/** Whole traces, ~8 spans each (a root and its calls), ~1M spans a side by default. */
function* traces(seed: number, spans: number, slower: boolean, calls: CallGraph = 'random'): Generator<GenSpan[]> {
  const rng = new Random(seed);
  const tree = new Random(seed + 100);
  let made = 0;
  let t = 0;
  while (made < spans) {
    const traceId = rng.hex(32);
    const customer = CUSTOMERS[Math.floor(CUSTOMERS.length * rng.next() ** 2)]!;
    const start = 1_700_000_000_000_000 + t++ * 5000;
    const size = 2 + Math.floor(rng.next() * 13);
    const out: GenSpan[] = [];
    const ops: number[] = [];
    for (let k = 0; k < size; k++) {
      const pick = Math.floor(OPERATIONS.length * rng.next() ** 2);
      // With fixed calls the parent is drawn first, from a generator of its own (its operation decides
      // this one's: one of its three); the random graph's files stay as they were.
      const fixedParent = calls === 'fixed' && k > 0 ? Math.floor(tree.next() * k) : -1;
      const op = fixedParent >= 0 ? (ops[fixedParent]! * CALLEES + 1 + (pick % CALLEES)) % OPERATIONS.length : pick;
      ops.push(op);
      let duration = rng.logNormal(10_000 + op * 50, 0.5);
      if (slower && op === 3) duration *= 1.4;
      out.push({
        traceId,
        spanId: rng.hex(16),
        ...(k > 0 ? { parentSpanId: out[fixedParent >= 0 ? fixedParent : Math.floor(rng.next() * k)]!.spanId } : {}),
        service: SERVICES[op % SERVICES.length]!,
        operation: OPERATIONS[op]!,
        startUs: start + k * 100,
        durationUs: Math.max(1, Math.round(duration)),
        error: rng.next() < 0.01,
        customer,
      });
    }
    made += size;
    yield out;
  }
}

const seedObject = (s: GenSpan) =>
  JSON.stringify({
    'span-id': s.spanId,
    'trace-id': s.traceId,
    ...(s.parentSpanId ? { 'parent-span-id': s.parentSpanId } : {}),
    'span-name': s.operation,
    'start-time-micros': s.startUs,
    'end-time-micros': s.startUs + s.durationUs,
    'is-error': s.error,
    tags: { customer: s.customer },
    reporter: { name: s.service },
  });

const otlpSpan = (s: GenSpan) => ({
  traceId: s.traceId,
  spanId: s.spanId,
  ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
  name: s.operation,
  kind: 2,
  startTimeUnixNano: `${s.startUs}000`,
  endTimeUnixNano: `${s.startUs + s.durationUs}000`,
  attributes: [{ key: 'customer', value: { stringValue: s.customer } }],
  status: s.error ? { code: 2 } : {},
});

/** A trace as Jaeger's query service answers it: spans with CHILD_OF references, processes by id. */
function jaegerTrace(trace: GenSpan[]): string {
  const processes = new Map<string, string>();
  const processOf = (service: string) => {
    let id = processes.get(service);
    if (!id) processes.set(service, (id = `p${processes.size + 1}`));
    return id;
  };
  const spans = trace.map((s) => ({
    traceID: s.traceId,
    spanID: s.spanId,
    flags: 1,
    operationName: s.operation,
    references: s.parentSpanId ? [{ refType: 'CHILD_OF', traceID: s.traceId, spanID: s.parentSpanId }] : [],
    startTime: s.startUs,
    duration: s.durationUs,
    tags: [
      { key: 'customer', type: 'string', value: s.customer },
      ...(s.error ? [{ key: 'error', type: 'bool', value: true }] : []),
    ],
    logs: [],
    processID: processOf(s.service),
    warnings: null,
  }));
  return JSON.stringify({
    traceID: trace[0]!.traceId,
    spans,
    processes: Object.fromEntries([...processes].map(([service, id]) => [id, { serviceName: service, tags: [] }])),
    warnings: null,
  });
}

/** A trace as Zipkin's /api/v2/traces answers it: a list of spans, the service as the local endpoint. */
function zipkinTrace(trace: GenSpan[]): string {
  return JSON.stringify(
    trace.map((s) => ({
      traceId: s.traceId,
      ...(s.parentSpanId ? { parentId: s.parentSpanId } : {}),
      id: s.spanId,
      kind: 'SERVER',
      name: s.operation,
      timestamp: s.startUs,
      duration: s.durationUs,
      localEndpoint: { serviceName: s.service },
      tags: { customer: s.customer, ...(s.error ? { error: 'true' } : {}) },
    })),
  );
}

/** `items` turned by `f`, one by one. */
function* map<T>(items: Iterable<T>, f: (item: T) => string): Generator<string> {
  for (const item of items) yield f(item);
}

/** A JSON list of the given elements (written one to a line), between `head` and `tail`. */
async function writeList(path: string, head: string, tail: string, elements: Iterable<string>): Promise<void> {
  await write(
    path,
    (function* () {
      yield head;
      let first = true;
      for (const element of elements) {
        yield `${first ? '' : ',\n'}${element}`;
        first = false;
      }
      yield tail;
    })(),
  );
}

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Writes one side in every format, once (kept between runs in the temp folder). */
async function prepare(dir: string, side: 'baseline' | 'current', spans: number, calls?: CallGraph): Promise<void> {
  const seed = side === 'baseline' ? 1 : 2;
  const slower = side === 'current';
  if (calls === 'fixed') {
    // Only NDJSON: the call graph changes the diff's work, not the reading's.
    const path = join(dir, `${side}.ndjson`);
    if (!existsSync(path))
      await write(
        path,
        (function* () {
          for (const trace of traces(seed, spans, slower, calls)) for (const s of trace) yield `${seedObject(s)}\n`;
        })(),
      );
    return;
  }
  const files = {
    array: join(dir, `${side}.json`),
    ndjson: join(dir, `${side}.ndjson`),
    otlp: join(dir, `${side}.otlp.jsonl`),
    dataset: join(dir, `${side}.tdds`),
    jaeger: join(dir, `${side}.jaeger.json`),
    zipkin: join(dir, `${side}.zipkin.json`),
  };
  const all = () => traces(seed, spans, slower);
  if (!existsSync(files.zipkin)) await writeList(files.zipkin, '[\n', '\n]\n', map(all(), zipkinTrace));
  if (!existsSync(files.jaeger))
    await writeList(
      files.jaeger,
      '{"data":[\n',
      '\n],"total":0,"limit":0,"offset":0,"errors":null}\n',
      map(all(), jaegerTrace),
    );
  if ([files.array, files.ndjson, files.otlp, files.dataset].every(existsSync)) return;
  await writeList(
    files.array,
    '[\n',
    '\n]\n',
    (function* () {
      for (const trace of all()) for (const s of trace) yield seedObject(s);
    })(),
  );
  await write(
    files.ndjson,
    (function* () {
      for (const trace of all()) for (const s of trace) yield `${seedObject(s)}\n`;
    })(),
  );
  // OTLP JSON Lines as the Collector's file exporter writes them: batches of ~500 spans, grouped by resource.
  await write(
    files.otlp,
    (function* () {
      let batch: GenSpan[] = [];
      const flush = () => {
        const byService = new Map<string, GenSpan[]>();
        for (const s of batch) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
        batch = [];
        return `${JSON.stringify({
          resourceSpans: [...byService].map(([service, list]) => ({
            resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
            scopeSpans: [{ scope: { name: 'bench' }, spans: list.map(otlpSpan) }],
          })),
        })}\n`;
      };
      for (const trace of all()) {
        batch.push(...trace);
        if (batch.length >= 500) yield flush();
      }
      if (batch.length) yield flush();
    })(),
  );
  await writeDatasetFile(files.dataset, await readSpanFiles([files.ndjson], { queryId: 'bench' }));
}

type Format = 'array' | 'ndjson' | 'otlp' | 'jaeger' | 'zipkin' | 'dataset';
const EXT: Record<Format, string> = {
  array: 'json',
  ndjson: 'ndjson',
  otlp: 'otlp.jsonl',
  jaeger: 'jaeger.json',
  zipkin: 'zipkin.json',
  dataset: 'tdds',
};
const LABEL: Record<Format, string> = {
  array: "the seed's JSON array",
  ndjson: 'NDJSON',
  otlp: 'OTLP JSON Lines (grouped by resource)',
  jaeger: "Jaeger JSON (the query service's answer)",
  zipkin: 'Zipkin v2 JSON (a list of traces)',
  dataset: 'dataset files (.tdds, format 2)',
};
const SETTINGS = { ...DEFAULT_SETTINGS, groupBy: [['service'], ['operation'], ['customer']] };

/** One case, in this process: read both sides and diff them (trace-differ), or the seed's method. */
async function runCase(engine: string, format: Format, dir: string): Promise<BenchRow> {
  const paths = (['baseline', 'current'] as const).map((side) => join(dir, `${side}.${EXT[format]}`));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let note = '';
  if (engine === 'trace-differ') {
    const [a, b] = await Promise.all(paths.map((p) => readSpanFiles([p], { queryId: 'bench' })));
    const read = performance.now() - started;
    const result = diff({
      baseline: [a!],
      current: b!,
      query: { id: 'bench', name: 'bench', query: '' },
      settings: SETTINGS,
    });
    note = `${a!.table.size} + ${b!.table.size} spans; read ${(read / 1000).toFixed(2)} s; ${result.findings.length} findings, verdict ${result.verdict}`;
  } else {
    note = `${await seedMethod(paths)} values; JSON.parse + objects, means only`;
  }
  const used = process.cpuUsage(cpu);
  note = `cpu ${((used.user + used.system) / 1e6).toFixed(2)} s; ${note}`;
  return {
    case: `${engine}: ${LABEL[format]}`,
    ms: performance.now() - started,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    note,
  };
}

/** The seed's method: parse every span into an object, group by each key, compare means. */
async function seedMethod(paths: string[]): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  let values = 0;
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    const spans = (
      text.trimStart().startsWith('[')
        ? JSON.parse(text)
        : text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
    ) as Record<string, unknown>[];
    for (const key of ['service', 'operation', 'customer']) {
      const groups = new Map<string, { n: number; total: number }>();
      for (const s of spans) {
        const v = String(
          key === 'service'
            ? (s.reporter as { name: string }).name
            : key === 'operation'
              ? s['span-name']
              : (s.tags as Record<string, string>).customer,
        );
        const g = groups.get(v) ?? { n: 0, total: 0 };
        g.n++;
        g.total += Number(s['end-time-micros']) - Number(s['start-time-micros']);
        groups.set(v, g);
      }
      values += groups.size;
    }
  }
  return values;
}

/** DuckDB reading the same file and grouping by the same keys (count, mean, p95), when it is installed. */
async function duckdb(format: Format, dir: string): Promise<BenchRow | undefined> {
  let api: typeof import('@duckdb/node-api');
  try {
    api = await import('@duckdb/node-api');
  } catch {
    return undefined;
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const instance = await api.DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  for (const side of ['baseline', 'current']) {
    const path = join(dir, `${side}.${EXT[format]}`);
    const source =
      format === 'otlp'
        ? `(SELECT rs.resource.attributes[1].value.stringValue AS service, s.name AS operation, s.attributes[1].value.stringValue AS customer,
             (CAST(s.endTimeUnixNano AS HUGEINT) - CAST(s.startTimeUnixNano AS HUGEINT)) / 1000 AS duration
           FROM (SELECT unnest(resourceSpans) AS rs FROM read_json('${path}', format = 'newline_delimited', maximum_object_size = 1000000000)),
                LATERAL (SELECT unnest(rs.scopeSpans) AS ss), LATERAL (SELECT unnest(ss.spans) AS s))`
        : format === 'jaeger'
          ? // One document: its traces' processes read as a map, to find each span's service by its processID.
            `(SELECT t.processes[s.processID].serviceName AS service, s.operationName AS operation,
               list_filter(s.tags, x -> x.key = 'customer')[1].value AS customer, s.duration AS duration
             FROM (SELECT unnest(data) AS t FROM read_json('${path}', maximum_object_size = 2000000000, columns = {data: 'STRUCT(traceID VARCHAR, spans STRUCT(spanID VARCHAR, operationName VARCHAR, startTime BIGINT, duration BIGINT, tags STRUCT(key VARCHAR, type VARCHAR, value JSON)[], processID VARCHAR)[], processes MAP(VARCHAR, STRUCT(serviceName VARCHAR)))[]'})),
                  LATERAL (SELECT unnest(t.spans) AS s))`
          : format === 'zipkin'
            ? // Each element of the list is a trace, a list of spans: unnested once more.
              `(SELECT sp.localEndpoint.serviceName AS service, sp.name AS operation, sp.tags.customer AS customer, sp.duration AS duration
               FROM (SELECT unnest(json, recursive := false) AS sp FROM read_json('${path}', format = 'array', records = false)))`
            : `(SELECT reporter.name AS service, "span-name" AS operation, tags.customer AS customer,
             "end-time-micros" - "start-time-micros" AS duration FROM read_json('${path}', format = '${format === 'array' ? 'array' : 'newline_delimited'}'))`;
    await db.run(`CREATE TABLE ${side} AS SELECT * FROM ${source}`);
    for (const key of ['service', 'operation', 'customer'])
      await db.runAndReadAll(
        `SELECT ${key}, count(*), avg(duration), quantile_cont(duration, 0.95) FROM ${side} GROUP BY ${key}`,
      );
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  db.closeSync();
  return {
    case: `DuckDB: ${LABEL[format]}`,
    ms,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    note: `cpu ${((used.user + used.system) / 1e6).toFixed(2)} s (2 threads); read + group by 3 keys (count, mean, p95)`,
  };
}

const CLI = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const CLI_CASE = fileURLToPath(new URL('./cli-case.mjs', import.meta.url));

/**
 * trace-differ as users run it: the built CLI diffing the two files, timed from the start of its
 * process to its end (node's start, loading the bundle, reading, the diff and the markdown report).
 */
function cliCase(format: Format, dir: string, convert = false, label = LABEL[format]): BenchRow {
  const [a, b] = (['baseline', 'current'] as const).map((side) => join(dir, `${side}.${EXT[format]}`));
  const keys = ['--group-by', 'service,operation,customer', '-o', '/dev/null', '--fail-on', 'never'];
  const args = convert ? ['convert', a!, join(dir, 'converted.tdds')] : ['diff', a!, b!, ...keys];
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI_CASE, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: 300_000,
    killSignal: 'SIGKILL',
  });
  const ms = performance.now() - started;
  const case_ = convert ? `trace-differ convert: ${label}, one side` : `trace-differ: ${label}`;
  try {
    const usage = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { cpuMs: number; peakMiB: number };
    const verdict = /verdict (\w+)/.exec(r.stderr)?.[1] ?? '?';
    const did = convert ? 'read, write a dataset file' : `read, diff, report; verdict ${verdict}`;
    const note = `cpu ${(usage.cpuMs / 1000).toFixed(2)} s; the built CLI, whole process: ${did}`;
    return { case: case_, ms, peakMiB: usage.peakMiB, note };
  } catch {
    return { case: case_, ms: NaN, note: `failed: ${r.stderr.slice(0, 200)}` };
  }
}

const FORMATS: Format[] = ['array', 'ndjson', 'otlp', 'jaeger', 'zipkin', 'dataset'];

export async function run(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const spans = options.quick ? 100_000 : 1_000_000;
  const dir = join(tmpdir(), `trace-differ-bench-${spans}`);
  await mkdir(dir, { recursive: true });
  await prepare(dir, 'baseline', spans);
  await prepare(dir, 'current', spans);
  const size = async (f: Format) => ((await stat(join(dir, `baseline.${EXT[f]}`))).size / 2 ** 20).toFixed(0);
  const self = fileURLToPath(import.meta.url);
  const rows: BenchRow[] = [];
  const child = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, ...args, dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      timeout: 300_000,
      killSignal: 'SIGKILL',
    });
    try {
      return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as BenchRow;
    } catch {
      return { case: args.join(' '), ms: NaN, note: `failed: ${r.stderr.slice(0, 200)}` };
    }
  };
  for (const format of FORMATS) {
    const ours = existsSync(CLI) ? cliCase(format, dir) : child('--case', 'trace-differ', format);
    rows.push({ ...ours, note: `${await size(format)} MiB a side; ${ours.note ?? ''}` });
    if (format === 'array' || format === 'ndjson') rows.push(child('--case', 'seed', format));
    if (format !== 'dataset') rows.push(child('--duckdb', format));
    // A large export read once and kept as a dataset file, to be diffed many times.
    if (format === 'otlp' && existsSync(CLI)) rows.push(cliCase(format, dir, true));
    // The same spans but calls along a fixed call graph: what the diff costs with a real system's edges.
    if (format === 'ndjson' && existsSync(CLI)) {
      const fixed = `${dir}-fixed-calls`;
      await mkdir(fixed, { recursive: true });
      await prepare(fixed, 'baseline', spans, 'fixed');
      await prepare(fixed, 'current', spans, 'fixed');
      const row = cliCase(format, fixed, false, 'NDJSON, calls along a fixed call graph (~1k edges, not ~150k)');
      rows.push(row);
    }
  }
  return rows.filter((r) => r.case);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[process.argv.length - 1]!;
  const at = process.argv.indexOf('--case');
  const duck = process.argv.indexOf('--duckdb');
  if (at > 0) console.log(JSON.stringify(await runCase(process.argv[at + 1]!, process.argv[at + 2] as Format, dir)));
  else if (duck > 0) console.log(JSON.stringify((await duckdb(process.argv[duck + 1] as Format, dir)) ?? {}));
  else if (process.argv.includes('--prepare')) {
    const spans = Number(process.argv[process.argv.indexOf('--prepare') + 1]);
    await mkdir(dir, { recursive: true });
    await prepare(dir, 'baseline', spans);
    await prepare(dir, 'current', spans);
    await mkdir(`${dir}-fixed-calls`, { recursive: true });
    await prepare(`${dir}-fixed-calls`, 'baseline', spans, 'fixed');
    await prepare(`${dir}-fixed-calls`, 'current', spans, 'fixed');
  } else
    printTable('reading and diffing files (1M spans a side)', await run({ quick: process.argv.includes('--quick') }));
}
