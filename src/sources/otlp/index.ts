/** sources/otlp: OpenTelemetry OTLP/JSON exports (Collector file exporter, SDKs, Tempo, Jaeger) → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import type { Dataset, Span } from '../../dataset/types.js';
import type { CollectContext, Source } from '../source.js';
import { parseFilter } from './filter.js';
import { otlpFiles, readOtlpFile } from './read.js';

export { isOtlpFile, otlpFiles, readOtlpFile } from './read.js';
export { parseFilter } from './filter.js';

/** Reads every file of a path, keeps the spans the filter selects, de-duplicated by trace and span id. */
export async function loadOtlpDataset(
  path: string,
  options: { queryId: string; queryName?: string; filter?: string; basePath?: string; confine?: boolean },
): Promise<Dataset> {
  const keep = parseFilter(options.filter ?? '');
  const files = await otlpFiles(path, options.basePath, options.confine);
  const seen = new Set<string>();
  const spans: Span[] = [];
  let read = 0;
  for (const file of files) {
    for await (const span of readOtlpFile(file)) {
      read++;
      const id = `${span.traceId}/${span.spanId}`;
      if (seen.has(id) || !keep(span)) continue;
      seen.add(id);
      spans.push(span);
    }
  }
  spans.sort((a, b) => a.startUs - b.startUs || a.spanId.localeCompare(b.spanId));
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.startUs);
    end = Math.max(end, s.startUs + s.durationUs);
  }
  const traces = new Set(spans.map((s) => s.traceId)).size;
  return {
    provenance: {
      source: 'otlp',
      queryId: options.queryId,
      queryName: options.queryName,
      query: options.filter ?? '',
      collectedAt: new Date().toISOString(),
      origin: path,
      ...(spans.length ? { windowStartUs: start, windowEndUs: end } : {}),
    },
    coverage: {
      complete: true,
      exemplars: read,
      tracesWanted: traces,
      tracesFetched: traces,
      tracesFailed: 0,
      failures: [],
    },
    spans,
  };
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
        `read ${dataset.spans.length} spans of ${dataset.coverage.tracesFetched} traces from ${query.source.path}`,
      );
      return dataset;
    },
  };
}
