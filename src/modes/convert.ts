import { writeDatasetFile } from '../dataset/file.js';
import { traceCount } from '../dataset/table.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { readSpanFiles, traceFiles } from '../sources/files/spans.js';

export interface ConvertOptions {
  /** The query id the dataset is kept under (default `file`). */
  queryId?: string;
  /** An OTLP filter (`service.name = "api"`): only the spans it selects are kept. */
  filter?: string;
}

/**
 * `trace-differ convert IN… OUT`: reads spans in any accepted format (files or folders, any mix,
 * gzipped or not) once, and writes them as one trace-differ dataset file, so a large export is
 * read once and diffed many times.
 */
export async function convert(
  inputs: readonly string[],
  output: string,
  options: ConvertOptions,
  logger: Logger,
): Promise<{ spans: number; traces: number; bytes: number }> {
  if (inputs.length === 0)
    throw new InputError('convert needs at least one input and the file to write', 'trace-differ convert IN… OUT.tdds');
  const files: string[] = [];
  for (const input of inputs) {
    // A path that is neither a file nor a folder is taken as a glob; one that matches nothing is refused.
    const found = await traceFiles(input).catch(() => {
      throw new InputError(`${input}: no such file or folder, and no files match it`, 'pass span files or folders');
    });
    if (found.length === 0) throw new InputError(`${input}: holds no span files`, 'pass span files or folders');
    files.push(...found);
  }
  const dataset = await readSpanFiles(files, {
    queryId: options.queryId ?? 'file',
    ...(options.filter ? { filter: options.filter } : {}),
    origin: inputs.join(', '),
    // One large file of JSON Lines is read in two parts at once: convert has both cores to itself.
    parallel: true,
  });
  const { bytes } = await writeDatasetFile(output, dataset);
  const result = { spans: dataset.table.size, traces: traceCount(dataset.table), bytes };
  logger.info(
    `${output}: ${result.spans} spans of ${result.traces} traces from ${files.length} file${files.length === 1 ? '' : 's'}, ${bytes} bytes (${result.spans ? (bytes / result.spans).toFixed(1) : 0} bytes a span)`,
  );
  return result;
}
