import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFilter } from '../../config/filter.js';
import { assembleDataset } from '../../dataset/assemble.js';
import { isDatasetFile, readDatasetFile } from '../../dataset/file.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import { InputError } from '../../errors.js';
import { readTraceFile } from './read.js';
import type { FileFormat } from './detect.js';

export type SpanFileFormat = FileFormat;

/** The files a path names: itself, or every span file (.json, .jsonl, .ndjson, .tdds, optionally .gz) under a folder (sorted, so the result never depends on listing order). */
export async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(json|jsonl|ndjson|tdds)(\.gz)?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Reads one file of any accepted format into a builder: a dataset's table, or any trace file (see readTraceFile). */
export async function readSpanFileInto(path: string, out: SpanTableBuilder): Promise<SpanFileFormat> {
  if (await isDatasetFile(path)) {
    const loaded = await readDatasetFile(path);
    if (!loaded.ok) throw new InputError(loaded.problem, 'pass a dataset written by trace-differ, or span JSON');
    out.addTable(loaded.dataset.table);
    return 'dataset';
  }
  return readTraceFile(path, out);
}

/**
 * The spans of any number of files, each in any accepted format (a trace-differ dataset, OTLP JSON
 * or JSON Lines, the seed's span JSON or NDJSON; gzipped or not), as one dataset: every file
 * writes into one builder, so spans split over files and formats give the dataset one file would.
 * A single dataset file is returned as stored (its provenance and coverage kept).
 */
export async function readSpanFiles(
  paths: readonly string[],
  options: { queryId: string; queryName?: string; filter?: string; origin?: string },
): Promise<Dataset> {
  if (paths.length === 1 && !options.filter && (await isDatasetFile(paths[0]!))) {
    const loaded = await readDatasetFile(paths[0]!);
    if (!loaded.ok) throw new InputError(loaded.problem, 'pass a dataset written by trace-differ, or span JSON');
    return loaded.dataset;
  }
  const builder = new SpanTableBuilder();
  const formats = new Set<SpanFileFormat>();
  for (const path of paths) formats.add(await readSpanFileInto(path, builder));
  const origin = options.origin ?? paths.join(', ');
  return assembleDataset(builder, {
    provenance: {
      source: formats.size === 1 && formats.has('otlp') ? 'otlp' : 'file',
      queryId: options.queryId,
      ...(options.queryName ? { queryName: options.queryName } : {}),
      query: options.filter ?? origin,
      origin,
      collectedAt: new Date().toISOString(),
    },
    keep: parseFilter(options.filter ?? ''),
  });
}
