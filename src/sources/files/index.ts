/** sources/files: trace files of every format trace-differ reads, recognised from their content. */
import type { SpanFilesOptions } from './spans.js';
import type { Dataset } from '../../dataset/types.js';
import { readSpanFiles, traceFiles } from './spans.js';

export { classify, detectFormat, FORMATS_READ, type Detection, type FileFormat } from './detect.js';
export { readTraceFile, unknownFormat } from './read.js';
export { readSpanFiles, traceFiles } from './spans.js';

export interface FileLoadOptions {
  queryId: string;
  queryName?: string;
  /** The OTLP filter (`service.name = "checkout"`): keeps only the spans it selects. */
  filter?: string;
  basePath?: string;
  /** The path comes from the configuration and must stay inside `basePath` (see `traceFiles`). */
  confine?: boolean;
  /** See SpanFilesOptions. */
  groupBy?: SpanFilesOptions['groupBy'];
}

/**
 * Reads every trace file a path names (a file, a folder read recursively, or a glob), each in the
 * format recognised from its content, into one dataset. A span in several files is kept once.
 */
export async function loadTraceFiles(path: string, options: FileLoadOptions): Promise<Dataset> {
  const files = await traceFiles(path, options.basePath, options.confine);
  return readSpanFiles(files, {
    queryId: options.queryId,
    ...(options.queryName ? { queryName: options.queryName } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
    query: options.filter ?? '',
    origin: path,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
  });
}
