import PQueue from 'p-queue';
import type { QueryConfig, TempoSourceConfig } from '../../config/types.js';
import type { CoverageFailure, Dataset } from '../../dataset/types.js';
import { SourceError, UserError } from '../../errors.js';
import {
  backendClient,
  CREDENTIALS_HELP,
  progress,
  pulledDataset,
  windowOf,
  type BackendSettings,
} from '../backend.js';
import { oneLine } from '../http/client.js';
import { HttpError } from '../http/retry.js';
import { traceIdOf } from '../../dataset/ids.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import { resourceSpansInto } from '../otlp/read.js';
import type { CollectContext, Source } from '../source.js';

/**
 * Grafana Tempo: a TraceQL search over the window, then each trace fetched. Shapes and limits, read
 * from grafana/tempo (docs/sources/tempo/api_docs, pkg/api/http.go, modules/frontend):
 *   GET /api/search?q=<TraceQL>&start=<s>&end=<s>&limit=<n>  → { "traces": [ { "traceID", … } ], "metrics" }
 *     No paging: the first `limit` traces found, in no order. traceID loses its leading zeros.
 *   GET /api/v2/traces/{id}?start&end → { "trace": { "resourceSpans": […] }, "status": "PARTIAL"?, "message"? }
 *   GET /api/traces/{id}              → { "resourceSpans": […] } (before v2.6: { "batches": […] })
 *   404 with an empty body: not found. 429 when the query queue is full (retried).
 */

interface SearchAnswer {
  traces?: { traceID?: unknown }[];
}
interface TraceAnswer {
  trace?: { resourceSpans?: unknown[]; batches?: unknown[] };
  resourceSpans?: unknown[];
  batches?: unknown[];
  status?: string;
  message?: string;
}

export interface TempoOptions {
  settings: BackendSettings;
  event?: string;
}

export function createTempoSource(options: TempoOptions): Source {
  return {
    kind: 'tempo',
    collect: (query, context) => collectTempo(query, context, options),
  };
}

async function collectTempo(query: QueryConfig, context: CollectContext, options: TempoOptions): Promise<Dataset> {
  const source = query.source as TempoSourceConfig;
  const log = context.logger;
  const http = backendClient(
    source,
    options.settings,
    { event: options.event, logger: log, signal: context.signal },
    {
      headers: source.tenant ? { 'x-scope-orgid': source.tenant } : {},
      authFix: `check the credentials (${CREDENTIALS_HELP}); a multi-tenant Tempo also needs 'tenant:' (X-Scope-OrgID) under source.tempo`,
    },
  );
  try {
    const window = windowOf(source, options.settings);
    const start = Math.floor(window.startUs / 1e6);
    const end = Math.ceil(window.endUs / 1e6);
    const search = new URLSearchParams({
      q: query.query,
      start: String(start),
      end: String(end),
      limit: String(source.limit),
    });
    let answer: SearchAnswer | undefined;
    try {
      answer = await http.getJson<SearchAnswer>(`/api/search?${search}`);
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
        throw new SourceError(
          `Tempo at ${http.host} refused the search ${JSON.stringify(query.query)}: ${error.message}`,
          'check the TraceQL query (e.g. { resource.service.name = "checkout" }) and the window (at most 168 h)',
        );
      }
      throw error;
    }
    const ids = [...new Set((answer?.traces ?? []).map((t) => traceIdOf(t.traceID)).filter((id) => id !== undefined))];
    const limitReached = ids.length >= source.limit;
    log.info(
      `Tempo at ${http.host}: ${ids.length} traces found in the last ${source.windowMinutes} min` +
        (limitReached ? ` (the limit of ${source.limit}: the first found, not all the window's traces)` : ''),
    );

    const builder = new SpanTableBuilder();
    const failures: CoverageFailure[] = [];
    let failed = 0;
    let partial = 0;
    let done = 0;
    const report = progress(log, ids.length, `traces from Tempo at ${http.host}`);
    // Which trace endpoint this Tempo has: v2 (2.6 and later), else the older one; found on the first answer.
    let api: 'v2' | 'v1' | undefined;
    const range = `start=${start}&end=${end}`;
    const fetchTrace = async (id: string): Promise<TraceAnswer | undefined> => {
      if (api !== 'v1') {
        const v2 = await http.getJson<TraceAnswer>(`/api/v2/traces/${id}?${range}`, { notFound: 'undefined' });
        if (v2 !== undefined || api === 'v2') {
          api ??= 'v2';
          return v2;
        }
      }
      const v1 = await http.getJson<TraceAnswer>(`/api/traces/${id}?${range}`, { notFound: 'undefined' });
      if (v1 !== undefined) api = 'v1';
      return v1;
    };
    const queue = new PQueue({ concurrency: http.concurrency });
    let stop: unknown;
    for (const [n, id] of ids.entries()) {
      // The first trace alone, so that its answer says which endpoint the rest are fetched from.
      if (n === 1) await queue.onIdle();
      void queue.add(async () => {
        if (stop) return;
        let trace: TraceAnswer | undefined;
        try {
          trace = await fetchTrace(id);
        } catch (error) {
          // Credentials refused, cancelled: nothing more can be fetched. Anything else costs this trace only.
          if (error instanceof UserError) {
            stop ??= error;
            queue.clear();
          } else {
            failed++;
            failures.push({ ref: id, reason: http.redact((error as Error).message) });
          }
          report(++done);
          return;
        }
        if (!trace) {
          failed++;
          failures.push({ ref: id, reason: 'not found (404)' });
        } else {
          if (trace.status === 'PARTIAL') {
            partial++;
            const why = typeof trace.message === 'string' ? oneLine(trace.message) : 'larger than max_bytes_per_trace';
            failures.push({ ref: id, reason: `partial: ${why}` });
          }
          const lists =
            trace.trace?.resourceSpans ?? trace.trace?.batches ?? trace.resourceSpans ?? trace.batches ?? [];
          try {
            // A trace is read whole before its spans join the dataset: a malformed answer costs the trace, not half of it.
            const one = new SpanTableBuilder(64);
            lists.forEach((rs, i) => resourceSpansInto(one, rs, `Tempo trace ${id}`, `resourceSpans[${i}]`));
            builder.addTable(one.finish());
          } catch (error) {
            failed++;
            failures.push({ ref: id, reason: (error as Error).message });
          }
        }
        report(++done);
      });
    }
    await queue.onIdle();
    if (stop) throw stop;
    return pulledDataset(builder, 'tempo', query, source, http.base, window, {
      found: ids.length,
      failed,
      partial,
      failures,
    });
  } finally {
    await http.close();
  }
}
