/** sources/otlp: OpenTelemetry OTLP/JSON exports (Collector file exporter, SDKs, Tempo, Jaeger) → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import { assembleDataset } from '../../dataset/assemble.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import type { CollectContext, Source } from '../source.js';
import { parseFilter } from '../../config/filter.js';
import { otlpFiles, readOtlpFile } from './read.js';

export { isOtlpFile, otlpFiles, readOtlpFile } from './read.js';
export { parseFilter } from '../../config/filter.js';

/** Reads every file of a path, keeps the spans the filter selects, de-duplicated by trace and span id. */
export async function loadOtlpDataset(
  path: string,
  options: { queryId: string; queryName?: string; filter?: string; basePath?: string; confine?: boolean },
): Promise<Dataset> {
  const keep = parseFilter(options.filter ?? '');
  const files = await otlpFiles(path, options.basePath, options.confine);
  const builder = new SpanTableBuilder();
  for (const file of files) await readOtlpFile(file, builder);
  return assembleDataset(builder, {
    provenance: {
      source: 'otlp',
      queryId: options.queryId,
      queryName: options.queryName,
      query: options.filter ?? '',
      collectedAt: new Date().toISOString(),
      origin: path,
    },
    keep,
  });
}

/** `confine`: the path comes from the configuration, and must stay inside `basePath` (see `otlpFiles`). */
export function createOtlpSource(options: { basePath?: string; confine?: boolean } = {}): Source {
  return {
    kind: 'otlp',
    async collect(query: QueryConfig, context: CollectContext): Promise<Dataset> {
      if (query.source.kind !== 'otlp') throw new Error('the OTLP source was given a query of another source');
      const dataset = await loadOtlpDataset(query.source.path, {
        queryId: query.id,
        queryName: query.name,
        filter: query.query,
        basePath: options.basePath,
        confine: options.confine,
      });
      context.logger.info(
        `read ${dataset.table.size} spans of ${dataset.coverage.tracesFetched} traces from ${query.source.path}`,
      );
      return dataset;
    },
  };
}
