import type {
  BackendSourceConfig,
  JaegerSourceConfig,
  QueryConfig,
  TempoSourceConfig,
  ZipkinSourceConfig,
} from '../config/types.js';
import type { CoverageFailure, Dataset, SourceKind } from '../dataset/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Dispatcher } from 'undici';
import { BackendHttp, type BackendCredentials } from './http/client.js';
import type { RetryPolicy } from './http/retry.js';
import { trustedEndpoint } from './endpoint.js';
import { assembleDataset } from '../dataset/assemble.js';
import { traceCount, type SpanTableBuilder } from '../dataset/table.js';

/**
 * What the pulls from Tempo, Jaeger and Zipkin share: the client (URL checked, credentials from
 * inputs or the environment), the window, progress lines, and the dataset with its coverage.
 */

export type BackendConfig = TempoSourceConfig | JaegerSourceConfig | ZipkinSourceConfig;

/** Settings of a run for every trace backend: never from the configuration file. */
export interface BackendSettings extends BackendCredentials {
  /** The URL from the `backend-url` input / TRACE_DIFFER_BACKEND_URL: wins over the configuration's. */
  url?: string;
  dispatcher?: Dispatcher;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** The waits between retries (tests shorten them). */
  sleep?: (ms: number) => Promise<void>;
  /** The end of the window, ms since the epoch (default: now). */
  now?: () => number;
}

const NAMES: Record<BackendConfig['kind'], { backend: string }> = {
  tempo: { backend: 'Tempo' },
  jaeger: { backend: 'Jaeger' },
  zipkin: { backend: 'Zipkin' },
};

export const CREDENTIALS_HELP =
  "pass them from secrets: 'backend-token' (a bearer token), or 'backend-username' and 'backend-password' (basic auth), or 'backend-headers' (CLI: TRACE_DIFFER_BACKEND_TOKEN, _USERNAME, _PASSWORD, _HEADERS)";

/**
 * Extra headers as an input or environment variable writes them: one `Name: value` a line. A line
 * that is not one is an InputError naming the line (never its value, which may be a secret).
 */
export function parseHeaderLines(text: string | undefined, where: string): Record<string, string> | undefined {
  if (!text?.trim()) return undefined;
  const headers: Record<string, string> = {};
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || !m[2]) {
      throw new InputError(
        `${where}, line ${i + 1}: expected 'Name: value'`,
        `write one header a line, e.g. 'X-Api-Key: \${{ secrets.TRACES_API_KEY }}'`,
      );
    }
    headers[m[1]!] = m[2];
  }
  return headers;
}

/** The backend settings of the CLI: the URL and credentials from TRACE_DIFFER_BACKEND_* environment variables. */
export function backendSettingsFromEnv(env: NodeJS.ProcessEnv): BackendSettings {
  const get = (name: string) => env[`TRACE_DIFFER_BACKEND_${name}`] || undefined;
  return {
    url: get('URL'),
    token: get('TOKEN'),
    username: get('USERNAME'),
    password: get('PASSWORD'),
    headers: parseHeaderLines(get('HEADERS'), 'TRACE_DIFFER_BACKEND_HEADERS'),
  };
}

export function backendName(kind: BackendConfig['kind']): string {
  return NAMES[kind].backend;
}

/** The client of a query's backend, or a SourceError when its URL may not receive the credentials. */
export function backendClient(
  source: BackendConfig,
  settings: BackendSettings,
  run: { event?: string; logger: Logger; signal?: AbortSignal },
  extra: { headers?: Record<string, string>; authFix: string },
): BackendHttp {
  const { backend } = NAMES[source.kind];
  const withSecrets = Boolean(
    settings.token || settings.username || settings.password || Object.keys(settings.headers ?? {}).length,
  );
  // The project's one endpoint check: https (or loopback), and on pull-request events only a URL the workflow names.
  const baseUrl = trustedEndpoint(source.url, {
    input: settings.url,
    withSecrets,
    event: run.event,
    documentedHosts: [],
    names: { backend, input: 'backend-url', configKey: `source.${source.kind}.url` },
  });
  return new BackendHttp({
    backend,
    baseUrl,
    credentials: {
      token: settings.token,
      username: settings.username,
      password: settings.password,
      headers: settings.headers,
    },
    headers: extra.headers,
    authFix: extra.authFix,
    dispatcher: settings.dispatcher,
    concurrency: source.concurrency,
    retry: settings.retry,
    timeoutMs: settings.timeoutMs,
    sleep: settings.sleep,
    signal: run.signal,
    logger: run.logger,
  });
}

export interface Window {
  startUs: number;
  endUs: number;
}

export function windowOf(source: BackendSourceConfig, settings: BackendSettings): Window {
  const endMs = settings.now?.() ?? Date.now();
  return { startUs: Math.round((endMs - source.windowMinutes * 60_000) * 1000), endUs: Math.round(endMs * 1000) };
}

/** Progress lines on a long fetch: at most one every 5 s, and the last. */
export function progress(logger: Logger, total: number, what: string): (done: number) => void {
  let last = Date.now();
  return (done) => {
    if (done === total || Date.now() - last >= 5000) {
      last = Date.now();
      logger.info(`fetched ${done} of ${total} ${what}`);
    }
  };
}

const MAX_FAILURES_KEPT = 50;

export interface PullResult {
  /** Traces the search found; by default those in the answer (Jaeger, Zipkin: the search answers whole traces). */
  found?: number;
  failed: number;
  partial: number;
  failures: CoverageFailure[];
}

/** The dataset of a pull: the window and query asked, the traces found, fetched, partial and failed. */
export function pulledDataset(
  builder: SpanTableBuilder,
  kind: SourceKind,
  query: QueryConfig,
  source: BackendConfig,
  origin: string,
  window: Window,
  result: PullResult,
): Dataset {
  const dataset = assembleDataset(builder, {
    provenance: {
      source: kind,
      queryId: query.id,
      queryName: query.name,
      query: query.query,
      collectedAt: new Date().toISOString(),
      createdAt: new Date(window.endUs / 1000).toISOString(),
      windowStartUs: window.startUs,
      windowEndUs: window.endUs,
      origin,
    },
  });
  const fetched = traceCount(dataset.table);
  const found = result.found ?? fetched;
  dataset.coverage = {
    ...dataset.coverage,
    complete: result.failed === 0 && result.partial === 0,
    tracesWanted: Math.max(found, fetched),
    tracesFetched: fetched,
    tracesFailed: result.failed,
    failures: result.failures.slice(0, MAX_FAILURES_KEPT),
    limit: source.limit,
    limitReached: found >= source.limit,
    ...(result.partial ? { tracesPartial: result.partial } : {}),
  };
  return dataset;
}
