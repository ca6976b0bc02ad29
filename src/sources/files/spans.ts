import { glob, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parseFilter } from '../../config/filter.js';
import type { GroupKey } from '../../config/types.js';
import { assembleDataset } from '../../dataset/assemble.js';
import { isDatasetFile, readDatasetFile } from '../../dataset/file.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import { InputError, SourceError, UserError } from '../../errors.js';
import { insideWorkspace } from '../paths.js';
import { readTraceFile } from './read.js';
import type { FileFormat } from './detect.js';
import { DATASET_WEIGHT, readInWorker, workersAvailable, worthAWorker } from './worker.js';
import { detectFormat } from './detect.js';
import { bytesAt, headBytes, type ByteRange } from '../../dataset/open.js';

export type SpanFileFormat = FileFormat;

const TRACE_FILE = /\.(json|jsonl|ndjson|tdds)(\.gz)?$/;

/**
 * The trace files a path names: a file, a folder (read recursively: every .json, .jsonl, .ndjson and
 * .tdds file, optionally .gz), or a glob; sorted, so the result never depends on listing order. With
 * `confine`, every file must resolve (symlinks followed) inside `basePath` and outside its `.git`
 * folder: the action reads paths from a configuration a pull request may have written, in a
 * workspace that may hold the checkout's credentials (`.git/config`) and next to the runner's own files.
 */
export async function traceFiles(path: string, basePath = process.cwd(), confine = false): Promise<string[]> {
  const full = isAbsolute(path) ? path : resolve(basePath, path);
  const check = confine
    ? await insideWorkspace(basePath, path, 'source.otlp.path')
    : (file: string) => Promise.resolve(file);
  const info = await stat(full).catch(() => undefined);
  if (info?.isFile()) return [await check(full)];
  if (info?.isDirectory()) {
    await check(full);
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && TRACE_FILE.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    return Promise.all(files.map(check));
  }
  const matches: string[] = [];
  for await (const m of glob(path, { cwd: basePath })) matches.push(isAbsolute(m) ? m : resolve(basePath, m));
  if (matches.length === 0) {
    throw new SourceError(
      `no OTLP files at ${path}`,
      'point source.otlp.path at a file, a folder or a glob of OTLP JSON exports (e.g. traces/*.jsonl)',
    );
  }
  return Promise.all(matches.sort().map(check));
}

/** Reads one file of any accepted format into a builder: a dataset's table, or any trace file (see readTraceFile). */
export async function readSpanFileInto(
  path: string,
  out: SpanTableBuilder,
  range?: ByteRange,
): Promise<SpanFileFormat> {
  if (await isDatasetFile(path)) {
    const loaded = await readDatasetFile(path);
    if (!loaded.ok) throw new InputError(loaded.problem, DATASET_FIX);
    out.addTable(loaded.dataset.table);
    return 'dataset';
  }
  return readTraceFile(path, out, range);
}

/**
 * About how many spans the files hold, from their size (span JSON of every format takes ~250 bytes
 * or more a span; gzip and datasets are counted at the size on disk, so they are underestimated):
 * the builder starts at that size instead of doubling its way up, which would copy every column
 * and leave up to twice the memory a side needs.
 */
async function expectedSpans(paths: readonly string[], range?: ByteRange): Promise<number> {
  let bytes = range ? range.end - range.start : 0;
  if (!range) for (const path of paths) bytes += (await stat(path).catch(() => ({ size: 0 }))).size;
  return Math.min(Math.ceil(bytes / 250), 1 << 26);
}

export interface SpanFilesOptions {
  queryId: string;
  queryName?: string;
  /** The OTLP filter (`service.name = "checkout"`): keeps only the spans it selects. */
  filter?: string;
  /** What the provenance names as the origin (default: the paths). */
  origin?: string;
  /** What the provenance names as the query (default: the filter, else the origin). */
  query?: string;
  /** Read in this thread even when the input is large (the worker itself, tests). */
  inThread?: boolean;
  /**
   * A single large file of JSON Lines or NDJSON is read in two parts at once, one in a worker thread
   * (convert: one input, two cores). Not for the sides of a diff, which already take a core each.
   */
  parallel?: boolean;
  /** With `parallel`, the size from which a file is read in two parts (default 64 MiB; tests make it small). */
  partsFromBytes?: number;
  /** Only these bytes of the one file (the part a worker reads; see `parallel`). */
  range?: ByteRange;
  /**
   * The keys a diff will group the side by: a side read in a worker is grouped there too, as far as
   * that needs no names (see `prepareGrouping`), so that work takes the worker's core, not this one's.
   */
  groupBy?: readonly GroupKey[];
}

/**
 * The spans of any number of files, each in any accepted format (a trace-differ dataset, OTLP JSON
 * or JSON Lines, Jaeger, Zipkin, the seed's span JSON or NDJSON; gzipped or not), as one dataset:
 * every file writes into one builder, so spans split over files and formats give the dataset one
 * file would. A single dataset file is returned as stored (its provenance and coverage kept).
 * While one large input is being read here, another is read in a worker thread (see worker.ts), so
 * that the two sides of a diff are read at once on two cores; the dataset is the same either way.
 */
export async function readSpanFiles(paths: readonly string[], options: SpanFilesOptions): Promise<Dataset> {
  // A single dataset file is returned as stored: read whole (below), in a worker or here.
  const stored = paths.length === 1 && !options.filter && (await isDatasetFile(paths[0]!));
  if (!stored && options.parallel && !options.inThread && paths.length === 1 && workersAvailable()) {
    const split = await splitPoint(paths[0]!, options.partsFromBytes);
    if (split) {
      try {
        return await readInParts(paths[0]!, split, options);
      } catch {
        // Whatever went wrong (a mistake in the file included) is found and named again by the whole read.
      }
    }
  }
  // A large read goes to a worker only while this thread is busy with another: the two sides of a
  // diff then take a core each, and a single read (convert, one collection) pays for no worker.
  const large = !options.inThread && (await worthAWorker(paths, stored ? DATASET_WEIGHT : 1));
  if (large && mainThreadReading) {
    try {
      return await readInWorker(paths, options);
    } catch (error) {
      // A mistake in the input is the answer; a worker that could not start or stopped is not: read here.
      if (error instanceof UserError) throw error;
    }
  }
  const claimed = large && !mainThreadReading;
  if (claimed) mainThreadReading = true;
  try {
    return await readHere(paths, options, stored);
  } finally {
    if (claimed) mainThreadReading = false;
  }
}

/** What to do about a dataset file that cannot be read. */
export const DATASET_FIX = 'pass a dataset written by trace-differ, or a trace file';

/** Whether this thread is reading a large input now (see readSpanFiles). */
let mainThreadReading = false;

async function readHere(paths: readonly string[], options: SpanFilesOptions, stored: boolean): Promise<Dataset> {
  if (stored) {
    const loaded = await readDatasetFile(paths[0]!);
    if (!loaded.ok) throw new InputError(loaded.problem, DATASET_FIX);
    return loaded.dataset;
  }
  const builder = new SpanTableBuilder(await expectedSpans(paths, options.range));
  const formats = new Set<SpanFileFormat>();
  for (const path of paths) formats.add(await readSpanFileInto(path, builder, options.range));
  return assembled(builder, formats, paths, options);
}

/** Below this size a file is read in one part: a worker costs ~50 ms to start, and the parts must be joined. */
const PARTS_FROM_BYTES = 64 << 20;

/**
 * Where a file of one JSON document per line (OTLP JSON Lines, the seed's NDJSON; not gzip) can be
 * cut in two: the start of the first line after 58 % of it. Undefined for any other file.
 */
export async function splitPoint(path: string, fromBytes = PARTS_FROM_BYTES): Promise<number | undefined> {
  const { size } = await stat(path);
  if (size < fromBytes) return undefined;
  const detection = await detectFormat(path);
  if (detection.gzip || (detection.format !== 'otlp' && detection.format !== 'seed')) return undefined;
  const head = await headBytes(path, 1 << 16);
  // JSON Lines: the file and its second line start a document; a pretty-printed document's inner lines
  // are indented. (A cut that still falls inside a document makes a part fail, and the file is read whole.)
  const firstLine = head.indexOf(0x0a);
  if (head[0] !== 0x7b || (firstLine >= 0 && firstLine + 1 < head.length && head[firstLine + 1] !== 0x7b))
    return undefined;
  // Past the middle: the worker starts later (it loads the program) and orders its part before sending
  // it, so a smaller part makes both finish together (measured: 2.6 s → 2.45 s for a 299 MiB file).
  const window = await bytesAt(path, Math.floor(size * 0.58), 1 << 20);
  const cut = window.bytes.indexOf('\n{');
  return cut < 0 ? undefined : window.offset + cut + 1;
}

/**
 * One file read in two parts at once: the second in a worker thread, the first here, then joined and
 * assembled as one (deduplicated, ordered and filtered as a whole: a trace may lie in both parts).
 */
async function readInParts(path: string, split: number, options: SpanFilesOptions): Promise<Dataset> {
  const { filter: _filter, groupBy: _groupBy, ...unfiltered } = options;
  const end = (await stat(path)).size;
  const second = readInWorker([path], { ...unfiltered, parallel: false, range: { start: split, end } });
  // Its failure is answered below, after this part is read: never an unhandled rejection meanwhile.
  second.catch(() => undefined);
  const builder = new SpanTableBuilder(await expectedSpans([path]));
  const format = await readSpanFileInto(path, builder, { start: 0, end: split });
  builder.addTable((await second).table);
  return assembled(builder, new Set([format]), [path], options);
}

/** The dataset of what a builder holds (see readHere). */
function assembled(
  builder: SpanTableBuilder,
  formats: Set<SpanFileFormat>,
  paths: readonly string[],
  options: SpanFilesOptions,
): Dataset {
  const origin = options.origin ?? paths.join(', ');
  return assembleDataset(builder, {
    provenance: {
      // Sources of OTLP files stay 'otlp' as they always were; any other mix is a file source.
      source: [...formats].every((f) => f === 'otlp') ? 'otlp' : 'file',
      queryId: options.queryId,
      ...(options.queryName ? { queryName: options.queryName } : {}),
      query: options.query ?? options.filter ?? origin,
      origin,
      collectedAt: new Date().toISOString(),
    },
    keep: parseFilter(options.filter ?? ''),
  });
}
