/** sources/files: trace files of every format trace-differ reads, recognised from their content. */
import { parseFilter } from '../../config/filter.js';
import { assembleDataset } from '../../dataset/assemble.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import { otlpFiles } from '../otlp/read.js';
import { readTraceFile } from './read.js';

export { classify, detectFormat, FORMATS_READ, type Detection, type FileFormat } from './detect.js';
export { readTraceFile, unknownFormat } from './read.js';

export interface FileLoadOptions {
  queryId: string;
  queryName?: string;
  /** The OTLP filter (`service.name = "checkout"`): keeps only the spans it selects. */
  filter?: string;
  basePath?: string;
  /** The path comes from the configuration and must stay inside `basePath` (see `otlpFiles`). */
  confine?: boolean;
}

/**
 * Reads every trace file a path names (a file, a folder read recursively, or a glob), each in the
 * format recognised from its content, into one dataset. A span in several files is kept once.
 */
export async function loadTraceFiles(path: string, options: FileLoadOptions): Promise<Dataset> {
  const keep = parseFilter(options.filter ?? '');
  const files = await otlpFiles(path, options.basePath, options.confine);
  const builder = new SpanTableBuilder();
  const formats = new Set<string>();
  for (const file of files) formats.add(await readTraceFile(file, builder));
  const only = formats.size === 1 ? [...formats][0] : undefined;
  return assembleDataset(builder, {
    provenance: {
      // Sources of OTLP files stay 'otlp' as they always were; any other mix is a file source.
      source: only === 'otlp' || formats.size === 0 ? 'otlp' : 'file',
      queryId: options.queryId,
      queryName: options.queryName,
      query: options.filter ?? '',
      collectedAt: new Date().toISOString(),
      origin: path,
    },
    keep,
  });
}
