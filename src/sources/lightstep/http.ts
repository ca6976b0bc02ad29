import { setTimeout as delay } from 'node:timers/promises';
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { SourceError } from '../../errors.js';
import type { Logger } from '../../log.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  HttpError,
  RETRYABLE_CODES,
  retryAfterMs,
  unlessCancelled,
  type RetryPolicy,
} from '../http/retry.js';
import { isLoopback, maskSecret } from '../endpoint.js';
import { SlidingWindowLimiter, TooLongAWait, type Slot } from './limiter.js';

export { HttpError, retryAfterMs, type RetryPolicy } from '../http/retry.js';

/**
 * The HTTP layer of the Lightstep client: auth, client-side rate limits, and retries.
 * The retry loop is ours rather than undici's retry interceptor because the policy is per call
 * (POST /snapshots only on 429: a 5xx may have created a snapshot), it must honour
 * X-RateLimit-Reset as well as Retry-After, every attempt must take its own rate-limit slot,
 * and its waits go through an injectable sleep.
 */

/** The documented limits, per organization (lightstep-api.md §8). */
export interface RateLimitSettings {
  /** Requests per hour to the snapshot endpoints (create, read, list): documented 60. */
  snapshotRequestsPerHour?: number;
  /** Requests per second to other endpoints (stored traces): documented 100. */
  requestsPerSecond?: number;
}

export interface LightstepHttpOptions extends RateLimitSettings {
  apiKey: string;
  organization: string;
  project: string;
  /** e.g. https://api.lightstep.com (EU: https://api.eu.lightstep.com). */
  apiUrl?: string;
  /** The undici dispatcher every request goes through (a proxy agent, a test's own agent); default: HTTP(S)_PROXY honoured. */
  dispatcher?: Dispatcher;
  /** Stored-trace requests in flight at once. */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout (headers, and body), ms. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The limiters to share, when several clients talk to one organization (see `limitsFor`). */
  limits?: RateLimits;
  /** Cancels everything: requests in flight are aborted, waits cut short, and calls reject with a SourceError. */
  signal?: AbortSignal;
  logger: Logger;
}

/** The two client-side limiters of one organization. */
export interface RateLimits {
  snapshot: SlidingWindowLimiter;
  other: SlidingWindowLimiter;
}

const registry = new Map<string, RateLimits>();

/**
 * The limits are per organization, and one run may collect many queries of it at once (each
 * with its own source), so the limiters live here, one pair per API host, organization and
 * configured limit.
 */
export function limitsFor(apiUrl: string, organization: string, settings: RateLimitSettings): RateLimits {
  const perHour = settings.snapshotRequestsPerHour ?? 60;
  const perSecond = settings.requestsPerSecond ?? 100;
  const key = JSON.stringify([apiUrl, organization, perHour, perSecond]);
  let limits = registry.get(key);
  if (!limits) {
    limits = {
      snapshot: new SlidingWindowLimiter(perHour, 3_600_000),
      other: new SlidingWindowLimiter(perSecond, 1000),
    };
    registry.set(key, limits);
  }
  return limits;
}

export class LightstepHttp {
  readonly base: string;
  readonly host: string;
  readonly concurrency: number;
  private readonly apiKey: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limits: RateLimits;
  private readonly retry: RetryPolicy;
  private readonly rawSleep: (ms: number) => Promise<void>;

  constructor(private readonly options: LightstepHttpOptions) {
    // A key pasted into a secret often ends in a newline; anything else that is not printable
    // would make undici reject the header with a message we do not control.
    this.apiKey = options.apiKey.trim();
    if (!this.apiKey || /[^\x21-\x7e]/.test(this.apiKey)) {
      throw new SourceError(
        'the Lightstep API key is empty or contains spaces or control characters',
        'set the lightstep-api-key secret to the key alone, as Lightstep shows it (Settings → API keys)',
      );
    }
    // Masked as soon as we hold it, so that nothing any later step prints can show it. Outside
    // Actions the workflow command would only print the key, so it is not issued there.
    maskSecret(this.apiKey);
    const apiUrl = (options.apiUrl ?? 'https://api.lightstep.com').trim().replace(/\/+$/, '');
    // The key goes over https, or plain http to loopback (the simulator); which hosts may receive it
    // at all is `trustedEndpoint`'s decision, made before a client is built.
    const url = URL.canParse(apiUrl) ? new URL(apiUrl) : undefined;
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
      throw new SourceError(
        `the Lightstep API URL ${JSON.stringify(apiUrl)} is not an https URL`,
        'set it to the API host alone, e.g. https://api.lightstep.com (EU: https://api.eu.lightstep.com)',
      );
    }
    this.base = `${apiUrl}/public/v0.2/${encodeURIComponent(options.organization)}/projects/${encodeURIComponent(options.project)}`;
    this.host = new URL(apiUrl).host;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.ownsDispatcher = !options.dispatcher;
    // Without one passed in: a plain agent that honours HTTP(S)_PROXY and NO_PROXY, as runners
    // behind a proxy set them.
    this.dispatcher = options.dispatcher ?? new EnvHttpProxyAgent({ connections: this.concurrency });
    this.limits = options.limits ?? limitsFor(apiUrl, options.organization, options);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    // The default wait clears its timer on cancellation, so a cancelled run does not linger.
    this.rawSleep = options.sleep ?? ((ms) => delay(ms, undefined, { signal: options.signal }));
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** The error every call of a cancelled collection ends in. */
  cancelled(): SourceError {
    return new SourceError(
      `cancelled: the collection from Lightstep organization '${this.options.organization}' at ${this.host} was stopped before it finished`,
      'nothing to fix here: the run was cancelled (or timed out); the next run collects again',
    );
  }

  /** Throws the cancellation error when the signal has fired. */
  checkCancelled(): void {
    if (this.options.signal?.aborted) throw this.cancelled();
  }

  /** A wait (backoff, complete-time, polling) that cancellation cuts short. */
  sleep(ms: number): Promise<void> {
    return this.unlessCancelled(this.rawSleep(ms));
  }

  /** `work`, or the cancellation error as soon as the signal fires, whichever comes first. */
  unlessCancelled<T>(work: Promise<T>): Promise<T> {
    return unlessCancelled(work, this.options.signal, () => this.cancelled());
  }

  get organization(): string {
    return this.options.organization;
  }

  get project(): string {
    return this.options.project;
  }

  /** Closes the agent this client made (a dispatcher passed in belongs to the caller). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Any text that leaves this class (errors, logs) with the key blotted out, whatever the server echoed. */
  redact(text: string): string {
    return text.split(this.apiKey).join('***');
  }

  /** A request to a snapshot endpoint (60/hour) or another (100/s); JSON in, JSON out. */
  async call<T>(
    method: 'GET' | 'POST',
    path: string,
    init: { body?: unknown; snapshotEndpoint: boolean; retryOnlyOn429?: boolean },
  ): Promise<T> {
    const random = this.options.random ?? Math.random;
    const limiter = init.snapshotEndpoint ? this.limits.snapshot : this.limits.other;
    const name = `${method} ${path.split('?')[0]}`;
    for (let attempt = 1; ; attempt++) {
      this.checkCancelled();
      let serverWaitMs: number | undefined;
      let failure: Error;
      const slot = await this.takeSlot(limiter, init.snapshotEndpoint);
      try {
        let res: Dispatcher.ResponseData;
        let text: string;
        try {
          res = await request(`${this.base}${path}`, {
            method,
            dispatcher: this.dispatcher,
            headers: {
              authorization: `Bearer ${this.apiKey}`,
              accept: 'application/json',
              ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
            headersTimeout: this.options.timeoutMs ?? 30_000,
            bodyTimeout: this.options.timeoutMs ?? 30_000,
            signal: this.options.signal,
          });
          text = await res.body.text();
        } finally {
          slot.release();
        }
        if (res.statusCode >= 200 && res.statusCode < 300) {
          try {
            return JSON.parse(text) as T;
          } catch {
            // A cut-off body: the connection dropped mid-response. Worth another try, except
            // for a create, which did happen.
            failure = new HttpError(
              res.statusCode,
              `the response to ${name} was not complete JSON (${text.length} bytes)`,
            );
            if (init.retryOnlyOn429 || attempt >= this.retry.attempts) throw failure;
            await this.sleep(this.backoff(attempt, random));
            continue;
          }
        }
        const message = this.redact(errorMessage(text) ?? `HTTP ${res.statusCode}`);
        failure = new HttpError(res.statusCode, `${name} answered ${res.statusCode}: ${message}`);
        if (res.statusCode === 401 || res.statusCode === 403) {
          throw new SourceError(
            `Lightstep refused the API key (${res.statusCode}) for organization '${this.options.organization}', project '${this.options.project}' at ${this.host}`,
            'check the lightstep-api-key secret (a key of this organization with read access), and the organization and project names',
          );
        }
        const retryable = res.statusCode === 429 || (!init.retryOnlyOn429 && res.statusCode >= 500);
        if (!retryable || attempt >= this.retry.attempts) throw failure;
        serverWaitMs = retryAfterMs(res.headers);
        if (serverWaitMs !== undefined && serverWaitMs > this.retry.maxServerWaitMs) {
          throw new SourceError(
            `Lightstep's rate limit for ${init.snapshotEndpoint ? 'snapshots' : 'this endpoint'} is used up for organization '${this.options.organization}': it resets in ${Math.ceil(serverWaitMs / 60_000)} min`,
            init.snapshotEndpoint
              ? 'the snapshot endpoints allow 60 requests an hour per organization: run fewer queries per hour, or spread their schedules'
              : 'run fewer queries at once',
          );
        }
      } catch (error) {
        if (error instanceof SourceError || error instanceof HttpError) throw error;
        // undici's abort error, whatever its name: the signal is what says the run was cancelled.
        if (this.options.signal?.aborted) throw this.cancelled();
        const code = (error as { code?: string }).code ?? '';
        failure = new Error(`${name} failed: ${this.redact(code || (error as Error).message)}`);
        // A POST that failed on the wire may have created a snapshot: never repeat it.
        if (init.retryOnlyOn429 || !RETRYABLE_CODES.has(code) || attempt >= this.retry.attempts) throw failure;
      }
      const delay = serverWaitMs ?? this.backoff(attempt, random);
      this.options.logger.debug(
        `retrying ${name} in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${this.retry.attempts}): ${failure.message}`,
      );
      await this.sleep(delay);
    }
  }

  private async takeSlot(limiter: SlidingWindowLimiter, snapshotEndpoint: boolean): Promise<Slot> {
    try {
      const slot = await limiter.acquire(this.retry.maxServerWaitMs, this.options.signal);
      if (slot.waited >= 5000)
        this.options.logger.info(`waited ${Math.round(slot.waited / 1000)} s for the client-side rate limit`);
      return slot;
    } catch (error) {
      if (this.options.signal?.aborted) throw this.cancelled();
      if (!(error instanceof TooLongAWait)) throw error;
      throw new SourceError(
        `this run has used the ${limiter.limit} ${snapshotEndpoint ? 'snapshot requests an hour' : 'requests a second'} allowed for organization '${this.options.organization}'; the next is allowed in ${Math.ceil(error.waitMs / 60_000)} min`,
        snapshotEndpoint
          ? 'run fewer queries per hour (each collection takes at least two snapshot requests), or spread their schedules'
          : 'run fewer queries at once',
      );
    }
  }

  private backoff(attempt: number, random: () => number): number {
    return backoffMs(attempt, this.retry, random);
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
