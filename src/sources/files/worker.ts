import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { withIdLists, type SpanTable, type TableIds } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import type { Runs } from '../../diff/group.js';
import { InputError, SourceError, StoreError, UserError } from '../../errors.js';
import type { SpanFilesOptions } from './spans.js';

/**
 * Reading a side in a worker thread while the calling thread reads the other (readSpanFiles decides),
 * so that the two sides of a diff are read (parsed, deduplicated, ordered) at once on two cores. The worker reads exactly as the calling thread would and sends
 * back the dataset's columns: the typed arrays are transferred, not copied, and no object per span
 * is made on either side. Ids go as their lists of words (transferred too), never as a million strings. The bundle (dist/) has one file: the worker runs that same file, whose
 * entry points call `serveReadWorker` first (cli.ts, index.ts).
 */

const KEY = 'traceDifferReadSpans';
/** Below this many bytes of input a side is read in the calling thread: a worker costs ~50 ms to start and load the code. */
const WORKER_BYTES = 16 << 20;
/** A dataset file holds ~16 times the spans of as many bytes of JSON, and takes about as long to read. */
export const DATASET_WEIGHT = 16;

/**
 * Whether files this large are better read in a worker (and there is a second core to read them on).
 * `weight`: how many bytes of JSON a byte of them is worth (DATASET_WEIGHT for a dataset file).
 */
export async function worthAWorker(paths: readonly string[], weight = 1): Promise<boolean> {
  if (!workersAvailable()) return false;
  let total = 0;
  for (const path of paths) {
    total += weight * (await stat(path).catch(() => ({ size: 0 }))).size;
    if (total >= WORKER_BYTES) return true;
  }
  return false;
}

/** The buffers of a table's columns, to transfer. */
function columns(t: SpanTable): ArrayBuffer[] {
  const arrays = [
    t.trace,
    t.span,
    t.parentSpan,
    t.parent,
    t.start,
    t.duration,
    t.error,
    t.service,
    t.operation,
    t.host,
  ];
  const ids = t.ids ? [t.ids.trace.words, t.ids.span.words] : [];
  // A buffer shared by two views is transferred once.
  return [...new Set([...arrays, ...t.tags, ...ids].map((a) => a.buffer as ArrayBuffer))];
}

interface Answer {
  /** With `ids`, its table has no `traceIds`/`spanIds`: they are made from the lists on arrival. */
  dataset?: Dataset;
  ids?: TableIds;
  /** The side grouped ahead of the diff (`groupBy`), made here on the worker's core. */
  grouping?: Map<string, Runs>;
  error?: { kind: string; message: string; fix?: string };
}

/** The dataset to send: a table with id lists goes without its id strings (cloning a getter would make them). */
function answerOf(dataset: Dataset): Answer {
  const t = dataset.table;
  if (!t.ids) return { dataset };
  const table: Record<string, unknown> = {};
  for (const key of Object.keys(t)) if (key !== 'traceIds' && key !== 'spanIds') table[key] = t[key as keyof SpanTable];
  return { dataset: { ...dataset, table: table as unknown as SpanTable }, ids: t.ids };
}

const USER_ERRORS: Record<string, new (message: string, fix?: string) => UserError> = {
  InputError,
  SourceError,
  StoreError,
  UserError,
};

/** The program's entry file, as its entry point gave it to `serveReadWorker` (the bundle's code is split into chunks: this module's own file is not one to run). */
let entry: string | undefined;

/** The worker's script: the program's own entry in the bundle, read-worker.ts when run from the sources (through tsx); none otherwise. */
function script(): { url: URL; execArgv?: string[] } | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./read-worker.ts', here), execArgv: ['--import', 'tsx'] };
  return entry ? { url: new URL(entry) } : undefined;
}

/** Whether a worker can be started here at all (the program came in through an entry point that serves it). */
export function workersAvailable(): boolean {
  return script() !== undefined && availableParallelism() >= 2;
}

/** `readSpanFiles` in a worker thread: the same dataset, or the same mistake (its class, message and fix). */
export function readInWorker(paths: readonly string[], options: SpanFilesOptions): Promise<Dataset> {
  const { url, execArgv } = script() ?? {};
  if (!url) return Promise.reject(new Error('no entry point to start a worker from'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: { [KEY]: { paths, options } },
      // A small young generation: two workers with the default one held ~1 GiB between them on the
      // bench's 1M-span sides, with it ~0.8 GiB, for the same CPU time.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      ...(execArgv ? { execArgv } : {}),
    });
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      if (answer.dataset) {
        const dataset = answer.ids
          ? { ...answer.dataset, table: withIdLists(answer.dataset.table, answer.ids) }
          : answer.dataset;
        const grouping = answer.grouping;
        if (!grouping) resolve(dataset);
        else
          import('../../diff/group.js').then((g) => {
            g.adoptGrouping(dataset.table, grouping);
            resolve(dataset);
          }, reject);
      } else {
        const e = answer.error!;
        const UserErrorClass = USER_ERRORS[e.kind];
        reject(UserErrorClass ? new UserErrorClass(e.message, e.fix) : new Error(e.message));
      }
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered)
        reject(new Error(`the worker reading ${paths.join(', ')} stopped without an answer (exit code ${code})`));
    });
  });
}

/**
 * Called first by each entry point with its own URL: in a worker started by `readInWorker`, reads,
 * answers and returns true; anywhere else notes the entry (the script of workers to come) and
 * returns false at once.
 */
export async function serveReadWorker(entryUrl: string): Promise<boolean> {
  entry = entryUrl;
  const job = (workerData as Record<string, { paths: string[]; options: SpanFilesOptions }> | null)?.[KEY];
  if (isMainThread || !job) return false;
  let answer: Answer;
  let transfer: ArrayBuffer[] = [];
  try {
    const { readSpanFiles } = await import('./spans.js');
    const dataset = await readSpanFiles(job.paths, { ...job.options, inThread: true });
    answer = answerOf(dataset);
    transfer = columns(dataset.table);
    if (job.options.groupBy) {
      const { prepareGrouping, preparedGrouping } = await import('../../diff/group.js');
      prepareGrouping(dataset.table, job.options.groupBy);
      const grouping = preparedGrouping(dataset.table);
      if (grouping) {
        answer.grouping = grouping.runs;
        transfer.push(...grouping.buffers);
      }
    }
  } catch (error) {
    const e = error as Error;
    answer = {
      error: {
        kind: error instanceof UserError ? (e.name in USER_ERRORS ? e.name : 'UserError') : 'Error',
        message: error instanceof UserError ? e.message : (e.stack ?? e.message),
        ...(error instanceof UserError && error.fix ? { fix: error.fix } : {}),
      },
    };
  }
  parentPort!.postMessage(answer, transfer);
  return true;
}
