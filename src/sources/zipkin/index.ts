import type { QueryConfig, ZipkinSourceConfig } from '../../config/types.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import { backendClient, CREDENTIALS_HELP, pulledDataset, windowOf, type BackendSettings } from '../backend.js';
import { HttpError } from '../http/retry.js';
import { zipkinSearch } from '../../config/search-query.js';
import type { CollectContext, Source } from '../source.js';
import { readZipkinJson } from './json.js';

/**
 * Zipkin's v2 API: one search answers whole traces. Read from openzipkin/zipkin (ZipkinQueryApiV2.java,
 * QueryRequest.java) and zipkin-api's zipkin2-api.yaml:
 *   GET /api/v2/traces?serviceName&remoteServiceName&spanName&annotationQuery&endTs (ms)&lookback (ms)&limit
 *   → a list of traces, each a list of spans. Names are lower-cased. No auth, no paging.
 */

export interface ZipkinOptions {
  settings: BackendSettings;
  event?: string;
}

export function createZipkinSource(options: ZipkinOptions): Source {
  return { kind: 'zipkin', collect: (query, context) => collectZipkin(query, context, options) };
}

async function collectZipkin(query: QueryConfig, context: CollectContext, options: ZipkinOptions): Promise<Dataset> {
  const source = query.source as ZipkinSourceConfig;
  const search = zipkinSearch(query.query);
  const http = backendClient(
    source,
    options.settings,
    { event: options.event, logger: context.logger, signal: context.signal },
    { authFix: `check the credentials of the proxy in front of Zipkin (${CREDENTIALS_HELP})` },
  );
  try {
    const window = windowOf(source, options.settings);
    const endMs = Math.floor(window.endUs / 1000);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
    params.set('endTs', String(endMs));
    params.set('lookback', String(endMs - Math.floor(window.startUs / 1000)));
    params.set('limit', String(source.limit));
    const path = `/api/v2/traces?${params}`;
    let answer: unknown;
    try {
      answer = await http.getJson<unknown>(path);
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
        throw new SourceError(
          `Zipkin at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`,
          'check the query: service, span, remote-service, and tags (key = "value")',
        );
      }
      throw error;
    }
    const builder = new SpanTableBuilder();
    readZipkinJson(answer ?? [], `Zipkin at ${http.host}, /api/v2/traces`, builder);
    const dataset = pulledDataset(builder, 'zipkin', query, source, http.base, window, {
      ...(Array.isArray(answer) ? { found: answer.length } : {}),
      failed: 0,
      partial: 0,
      failures: [],
    });
    const found = dataset.coverage.tracesWanted;
    context.logger.info(
      `Zipkin at ${http.host}: ${found} traces in the last ${source.windowMinutes} min` +
        (found >= source.limit ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''),
    );
    return dataset;
  } finally {
    await http.close();
  }
}
