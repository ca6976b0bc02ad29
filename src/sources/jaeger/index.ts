import type { JaegerSourceConfig, QueryConfig } from '../../config/types.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { Dataset } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import {
  backendClient,
  CREDENTIALS_HELP,
  pulledDataset,
  windowOf,
  type BackendSettings,
  type Window,
} from '../backend.js';
import type { BackendHttp } from '../http/client.js';
import { HttpError } from '../http/retry.js';
import { resourceSpansInto } from '../otlp/read.js';
import { jaegerSearch, type JaegerSearch } from '../../config/search-query.js';
import type { CollectContext, Source } from '../source.js';
import { readJaegerJson } from './json.js';

/**
 * Jaeger's query service: one search answers whole traces, so no per-trace fetch. Read from
 * jaegertracing/jaeger (cmd/jaeger/internal/extension/jaegerquery: apiv3/http_gateway.go,
 * apiv3/query_parser.go, query_parser.go, http_handler.go):
 *   api_v3: GET /api/v3/traces?query.serviceName&query.operationName&query.startTimeMin&query.startTimeMax
 *           (RFC 3339 nano) &query.searchDepth&query.attributes (a JSON map) → {"result":{"resourceSpans":[…]}};
 *           Jaeger v2.16.0 spelled them query.service_name, query.start_time_min, query.num_traces, … Both are sent.
 *           No match: 404 {"error":{"httpCode":404,"message":"No traces found"}}.
 *   v1:     GET /api/traces?service&operation&tags={json}&start&end (µs)&limit → {"data":[Trace], "errors"}.
 */

export interface JaegerOptions {
  settings: BackendSettings;
  event?: string;
}

export function createJaegerSource(options: JaegerOptions): Source {
  return { kind: 'jaeger', collect: (query, context) => collectJaeger(query, context, options) };
}

const rfc3339 = (us: number) =>
  new Date(Math.floor(us / 1000)).toISOString().replace(/\.(\d{3})Z$/, `.$1${String(us % 1000).padStart(3, '0')}000Z`);

function v3Path(search: JaegerSearch, window: Window, limit: number): string {
  const p = new URLSearchParams();
  const both = (camel: string, snake: string, value: string) => {
    p.set(`query.${camel}`, value);
    p.set(`query.${snake}`, value);
  };
  both('serviceName', 'service_name', search.service);
  if (search.operation) both('operationName', 'operation_name', search.operation);
  both('startTimeMin', 'start_time_min', rfc3339(window.startUs));
  both('startTimeMax', 'start_time_max', rfc3339(window.endUs));
  both('searchDepth', 'num_traces', String(limit));
  // Only the newer spelling filters on attributes; v2.16.0 had no attribute filter.
  if (Object.keys(search.tags).length) p.set('query.attributes', JSON.stringify(search.tags));
  return `/api/v3/traces?${p}`;
}

function v1Path(search: JaegerSearch, window: Window, limit: number): string {
  const p = new URLSearchParams({ service: search.service });
  if (search.operation) p.set('operation', search.operation);
  if (Object.keys(search.tags).length) p.set('tags', JSON.stringify(search.tags));
  p.set('start', String(window.startUs));
  p.set('end', String(window.endUs));
  p.set('limit', String(limit));
  return `/api/traces?${p}`;
}

/** The api_v3 answer: one {"result": …} document, or several in a row when the gateway streams them. */
function v3Documents(text: string, http: BackendHttp, path: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch {
    return text
      .split(/\n(?=\s*\{)/)
      .filter((line) => line.trim())
      .map((line) => http.parse(line, path));
  }
}

async function collectJaeger(query: QueryConfig, context: CollectContext, options: JaegerOptions): Promise<Dataset> {
  const source = query.source as JaegerSourceConfig;
  const search = jaegerSearch(query.query);
  const http = backendClient(
    source,
    options.settings,
    { event: options.event, logger: context.logger, signal: context.signal },
    { authFix: `check the credentials of the proxy in front of Jaeger (${CREDENTIALS_HELP})` },
  );
  try {
    const window = windowOf(source, options.settings);
    const builder = new SpanTableBuilder();
    const path = source.api === 'v1' ? v1Path(search, window, source.limit) : v3Path(search, window, source.limit);
    let text: string | undefined;
    try {
      text = await http.getText(path, { notFound: 'undefined' });
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
        throw new SourceError(
          `Jaeger at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`,
          source.api === 'v1'
            ? "check the query's service and operation; Jaeger's main branch no longer serves /api/traces searches: try 'api: v3'"
            : "check the query's service and operation; a Jaeger older than v2 has no api_v3: try 'api: v1'",
        );
      }
      throw error;
    }
    if (text !== undefined) {
      const where = `Jaeger at ${http.host}, ${path.split('?')[0]}`;
      if (source.api === 'v1') {
        const doc = http.parse<{ errors?: { msg?: string }[] | null }>(text, path);
        if (doc.errors?.length) {
          throw new SourceError(
            `${where} answered errors: ${doc.errors.map((e) => e.msg).join('; ')}`,
            'check the query',
          );
        }
        readJaegerJson(doc, where, builder);
      } else {
        for (const doc of v3Documents(text, http, path)) {
          const result = (doc as { result?: { resourceSpans?: unknown[] } }).result;
          (result?.resourceSpans ?? []).forEach((rs, i) =>
            resourceSpansInto(builder, rs, where, `result.resourceSpans[${i}]`),
          );
        }
      }
    }
    const dataset = pulledDataset(builder, 'jaeger', query, source, http.base, window, {
      failed: 0,
      partial: 0,
      failures: [],
    });
    const found = dataset.coverage.tracesFetched;
    context.logger.info(
      `Jaeger at ${http.host}: ${found} traces of ${search.service} in the last ${source.windowMinutes} min` +
        (found >= source.limit ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''),
    );
    return dataset;
  } finally {
    await http.close();
  }
}
