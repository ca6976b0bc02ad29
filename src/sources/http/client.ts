import { setTimeout as delay } from 'node:timers/promises';
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { SourceError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { maskSecret } from '../endpoint.js';
import { SlidingWindowLimiter } from '../lightstep/limiter.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  HttpError,
  RETRYABLE_CODES,
  retryAfterMs,
  unlessCancelled,
  type RetryPolicy,
} from './retry.js';

/** Credentials of a trace backend: from action inputs or environment variables, never from the configuration file. */
export interface BackendCredentials {
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Basic auth (Grafana Cloud: the instance id and an access-policy token). */
  username?: string;
  password?: string;
  /** Extra headers (a proxy's API key, …); their values are secrets too. */
  headers?: Record<string, string>;
}

export interface BackendHttpOptions {
  /** For messages: Tempo, Jaeger, Zipkin. */
  backend: string;
  /** The base URL, already checked (`trustedBackendUrl`). */
  baseUrl: string;
  credentials?: BackendCredentials;
  /** Headers that are not secrets (Tempo's X-Scope-OrgID). */
  headers?: Record<string, string>;
  /** What to do when the backend refuses the credentials (401/403), in one sentence. */
  authFix: string;
  dispatcher?: Dispatcher;
  /** Requests in flight at once (the sources' fetch queues use it). */
  concurrency?: number;
  /** A client-side limit of requests per second, when the backend has one (none by default). */
  requestsPerSecond?: number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal;
  logger: Logger;
}

/**
 * A JSON-over-HTTP client of a trace backend: credentials sent to the configured host only, retries
 * with backoff on 429, 5xx and dropped connections (the machinery the Lightstep client uses), a
 * per-request timeout, cancellation, and secrets blotted out of every message.
 */
export class BackendHttp {
  readonly base: string;
  readonly host: string;
  readonly concurrency: number;
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly retry: RetryPolicy;
  private readonly limiter: SlidingWindowLimiter | undefined;
  private readonly rawSleep: (ms: number) => Promise<void>;

  constructor(private readonly options: BackendHttpOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.host = new URL(this.base).host;
    const c = options.credentials ?? {};
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const secrets: string[] = [];
    const secret = (value: string, what: string) => {
      const v = value.trim();
      // A secret pasted with a newline or a space would make undici refuse the header with a message we do not control.
      if (!v || /[^\x20-\x7e]/.test(v)) {
        throw new SourceError(
          `the ${options.backend} ${what} is empty or contains control characters`,
          `set the secret to the value alone, without a trailing newline`,
        );
      }
      secrets.push(v);
      return v;
    };
    if (c.token) headers.authorization = `Bearer ${secret(c.token, 'token')}`;
    else if (c.username !== undefined || c.password !== undefined) {
      const basic = Buffer.from(`${c.username ?? ''}:${secret(c.password ?? '', 'password')}`).toString('base64');
      secrets.push(basic);
      headers.authorization = `Basic ${basic}`;
    }
    for (const [name, value] of Object.entries(c.headers ?? {}))
      headers[name.toLowerCase()] = secret(value, `header ${name}`);
    // Masked as soon as we hold them, so that nothing a later step prints can show them.
    for (const s of secrets) maskSecret(s);
    this.headers = headers;
    this.secrets = secrets;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? new EnvHttpProxyAgent({ connections: this.concurrency });
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.limiter = options.requestsPerSecond ? new SlidingWindowLimiter(options.requestsPerSecond, 1000) : undefined;
    this.rawSleep = options.sleep ?? ((ms) => delay(ms, undefined, { signal: options.signal }));
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  cancelled(): SourceError {
    return new SourceError(
      `cancelled: the collection from ${this.options.backend} at ${this.host} was stopped before it finished`,
      'nothing to fix here: the run was cancelled (or timed out); the next run collects again',
    );
  }

  checkCancelled(): void {
    if (this.options.signal?.aborted) throw this.cancelled();
  }

  sleep(ms: number): Promise<void> {
    return unlessCancelled(this.rawSleep(ms), this.options.signal, () => this.cancelled());
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Any text that leaves this class with the secrets blotted out, whatever the server echoed. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }

  /**
   * GET a path (with its query) and parse the JSON answer. A 404 answers `undefined` when `notFound`
   * is 'undefined' (a trace not found, "no traces found"); 401/403 is a SourceError naming the host
   * and the fix; 429, 5xx, dropped connections and cut-off bodies are retried with backoff.
   */
  async getJson<T>(path: string, init: { notFound?: 'undefined' | 'error' } = {}): Promise<T | undefined> {
    for (let attempt = 1; ; attempt++) {
      const text = await this.getText(path, init);
      if (text === undefined) return undefined;
      try {
        return this.parse<T>(text, path);
      } catch (error) {
        // A body cut off mid-answer (the connection dropped): worth another try, as a reset is.
        if (attempt >= this.retry.attempts) throw error;
        await this.sleep(backoffMs(attempt, this.retry, this.options.random));
      }
    }
  }

  /** The answer's text (see `getJson`); the body is checked as JSON by the caller. */
  async getText(path: string, init: { notFound?: 'undefined' | 'error' } = {}): Promise<string | undefined> {
    const random = this.options.random ?? Math.random;
    const name = `GET ${path.split('?')[0]}`;
    for (let attempt = 1; ; attempt++) {
      this.checkCancelled();
      let serverWaitMs: number | undefined;
      let failure: Error;
      const slot = this.limiter
        ? await this.limiter.acquire(this.retry.maxServerWaitMs, this.options.signal)
        : undefined;
      try {
        let res: Dispatcher.ResponseData;
        let text: string;
        try {
          res = await request(`${this.base}${path}`, {
            method: 'GET',
            dispatcher: this.dispatcher,
            headers: this.headers,
            headersTimeout: this.options.timeoutMs ?? 30_000,
            bodyTimeout: this.options.timeoutMs ?? 30_000,
            signal: this.options.signal,
          });
          text = await res.body.text();
        } finally {
          slot?.release();
        }
        if (res.statusCode >= 200 && res.statusCode < 300) return text;
        if (res.statusCode === 404 && init.notFound === 'undefined') return undefined;
        // One line, short: a server's body is untrusted text, and a line break could start a workflow command.
        const detail = oneLine(this.redact(text)) || `HTTP ${res.statusCode}`;
        if (res.statusCode === 401 || res.statusCode === 403) {
          throw new SourceError(
            `${this.options.backend} at ${this.host} refused the request (${res.statusCode}: ${detail}) to ${name}`,
            this.options.authFix,
          );
        }
        failure = new HttpError(res.statusCode, `${name} answered ${res.statusCode}: ${detail}`);
        if (!(res.statusCode === 429 || res.statusCode >= 500) || attempt >= this.retry.attempts) throw failure;
        serverWaitMs = retryAfterMs(res.headers);
        if (serverWaitMs !== undefined && serverWaitMs > this.retry.maxServerWaitMs) {
          throw new SourceError(
            `${this.options.backend} at ${this.host} asks to wait ${Math.ceil(serverWaitMs / 1000)} s before the next request`,
            'run fewer queries at once, or lower the limit of traces',
          );
        }
      } catch (error) {
        if (error instanceof SourceError || error instanceof HttpError) throw error;
        if (this.options.signal?.aborted) throw this.cancelled();
        const code = (error as { code?: string }).code ?? '';
        failure = new Error(`${name} failed: ${this.redact(code || (error as Error).message)}`);
        if (!RETRYABLE_CODES.has(code) || attempt >= this.retry.attempts) throw failure;
      }
      const wait = serverWaitMs ?? backoffMs(attempt, this.retry, random);
      this.options.logger.debug(
        `retrying ${name} in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${this.retry.attempts}): ${failure.message}`,
      );
      await this.sleep(wait);
    }
  }

  /** JSON.parse, or an HttpError that says the answer was not JSON (a cut-off body, a proxy's HTML page). */
  parse<T>(text: string, path: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HttpError(
        200,
        `the answer to GET ${path.split('?')[0]} was not JSON (${text.length} bytes: ${JSON.stringify(this.redact(text.slice(0, 60)))})`,
      );
    }
  }
}

/** Untrusted text (a server's answer) as one short line: control characters and line breaks become spaces. */
export function oneLine(text: string, max = 200): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 ? ' ' : ch;
  }
  return out.replace(/ {2,}/g, ' ').trim().slice(0, max);
}
