/** sources/otlp: OpenTelemetry OTLP/JSON exports (Collector file exporter, SDKs, Tempo, Jaeger) → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import type { Dataset } from '../../dataset/types.js';
import { loadTraceFiles } from '../files/index.js';
import type { CollectContext, Source } from '../source.js';

export { isOtlpFile, readOtlpFile } from './read.js';
export { parseFilter } from '../../config/filter.js';

/**
 * Reads every file of a path, keeps the spans the filter selects, de-duplicated by trace and span id.
 * Files of the other formats (Jaeger, Zipkin) found there are read too, each recognised from its content.
 */
export async function loadOtlpDataset(
  path: string,
  options: { queryId: string; queryName?: string; filter?: string; basePath?: string; confine?: boolean },
): Promise<Dataset> {
  return loadTraceFiles(path, options);
}

/** `confine`: the path comes from the configuration, and must stay inside `basePath` (see `traceFiles`). */
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
