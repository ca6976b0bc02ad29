import PQueue from 'p-queue';
import { Agent, request, type Dispatcher } from 'undici';
import { SourceError } from '../../errors.js';
import type { Logger } from '../../log.js';

/**
 * The HTTP layer of the Lightstep client: auth, client-side rate limits, and retries.
 * The retry loop is ours rather than undici's retry interceptor because the policy is per call
 * (POST /snapshots only on 429: a 5xx may have created a snapshot), it must honour
 * X-RateLimit-Reset as well as Retry-After, and its waits go through an injectable sleep.
 */

export interface RetryPolicy {
  attempts: number;
  /** First backoff, ms; doubled each attempt, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface LightstepHttpOptions {
  apiKey: string;
  organization: string;
  project: string;
  /** e.g. https://api.lightstep.com (EU: https://api.eu.lightstep.com). */
  apiUrl?: string;
  dispatcher?: Dispatcher;
  /** Stored-trace requests in flight at once. */
  concurrency?: number;
  /** Requests per hour to the snapshot endpoints (documented: 60 per organization). */
  snapshotRequestsPerHour?: number;
  /** Requests per second to other endpoints (documented: 100 per organization). */
  requestsPerSecond?: number;
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger: Logger;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

export class LightstepHttp {
  readonly base: string;
  readonly host: string;
  private readonly dispatcher: Dispatcher;
  private readonly snapshotQueue: PQueue;
  private readonly queue: PQueue;
  private readonly retry: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LightstepHttpOptions) {
    const apiUrl = (options.apiUrl ?? 'https://api.lightstep.com').replace(/\/+$/, '');
    this.base = `${apiUrl}/public/v0.2/${encodeURIComponent(options.organization)}/projects/${encodeURIComponent(options.project)}`;
    this.host = new URL(apiUrl).host;
    this.dispatcher = options.dispatcher ?? new Agent({ connections: 16 });
    this.snapshotQueue = new PQueue({
      concurrency: 1,
      intervalCap: options.snapshotRequestsPerHour ?? 60,
      interval: 3_600_000,
    });
    this.queue = new PQueue({
      concurrency: options.concurrency ?? 8,
      intervalCap: options.requestsPerSecond ?? 100,
      interval: 1000,
    });
    this.retry = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** A request to a snapshot endpoint (60/hour) or another (100/s); JSON in, JSON out. */
  async call<T>(
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; snapshotEndpoint: boolean; retryOnlyOn429?: boolean },
  ): Promise<T> {
    const queue = init.snapshotEndpoint ? this.snapshotQueue : this.queue;
    return queue.add(() => this.withRetries<T>(method, path, init)) as Promise<T>;
  }

  private async withRetries<T>(
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; retryOnlyOn429?: boolean },
  ): Promise<T> {
    const random = this.options.random ?? Math.random;
    for (let attempt = 1; ; attempt++) {
      let waitMs: number | undefined;
      let failure: Error;
      try {
        const res = await request(`${this.base}${path}`, {
          method,
          dispatcher: this.dispatcher,
          headers: {
            authorization: `Bearer ${this.options.apiKey}`,
            accept: 'application/json',
            ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
          headersTimeout: this.options.timeoutMs ?? 30_000,
          bodyTimeout: this.options.timeoutMs ?? 30_000,
        });
        const text = await res.body.text();
        if (res.statusCode >= 200 && res.statusCode < 300) {
          try {
            return JSON.parse(text) as T;
          } catch {
            // A cut-off body: the connection dropped mid-response. Worth another try.
            failure = new HttpError(
              res.statusCode,
              `the response to ${method} ${path} was not complete JSON (${text.length} bytes)`,
            );
            if (attempt < this.retry.attempts) {
              await this.sleep(this.backoff(attempt, random));
              continue;
            }
            throw failure;
          }
        }
        const message = errorMessage(text) ?? `HTTP ${res.statusCode}`;
        failure = new HttpError(
          res.statusCode,
          `${method} ${path.split('?')[0]} answered ${res.statusCode}: ${message}`,
        );
        if (res.statusCode === 401 || res.statusCode === 403) {
          throw new SourceError(
            `Lightstep refused the API key (${res.statusCode}) for organization '${this.options.organization}', project '${this.options.project}' at ${this.host}`,
            'check the lightstep-api-key secret (a key of this organization with read access), and the organization and project names',
          );
        }
        const retryable = res.statusCode === 429 || (!init.retryOnlyOn429 && res.statusCode >= 500);
        if (!retryable || attempt >= this.retry.attempts) throw failure;
        waitMs = retryAfterMs(res.headers);
      } catch (error) {
        if (error instanceof SourceError || error instanceof HttpError) throw error;
        const code = (error as { code?: string }).code ?? '';
        failure = new Error(`${method} ${path.split('?')[0]} failed: ${code || (error as Error).message}`);
        // A POST that failed on the wire may have created a snapshot: never repeat it.
        if (init.retryOnlyOn429 || !RETRYABLE_CODES.has(code) || attempt >= this.retry.attempts) throw failure;
      }
      const delay = waitMs ?? this.backoff(attempt, random);
      this.options.logger.debug(
        `retrying ${method} ${path.split('?')[0]} in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${this.retry.attempts}): ${failure.message}`,
      );
      await this.sleep(delay);
    }
  }

  private backoff(attempt: number, random: () => number): number {
    const cap = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return cap / 2 + random() * (cap / 2);
  }
}

/** The error body seen from the API is `{"errors": ["message"]}`; tolerate objects and other shapes. */
function errorMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { errors?: unknown[]; message?: unknown };
    const first = body.errors?.[0];
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object')
      return String(
        (first as { detail?: unknown; title?: unknown }).detail ??
          (first as { title?: unknown }).title ??
          JSON.stringify(first),
      );
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: fall through to the status code.
  }
  return text.trim() ? text.trim().slice(0, 200) : undefined;
}

/** Retry-After (seconds or an HTTP date) or X-RateLimit-Reset (seconds until reset, per the docs). */
function retryAfterMs(headers: Record<string, string | string[] | undefined>): number | undefined {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const after = one('retry-after');
  if (after !== undefined) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(one('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset >= 0) return Math.min(reset, 3600) * 1000;
  return undefined;
}
