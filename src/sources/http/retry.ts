/**
 * The retry and cancellation machinery every HTTP source shares (Lightstep, Tempo, Jaeger, Zipkin):
 * which failures are worth another try, how long to wait (the server's Retry-After / X-RateLimit-Reset,
 * else exponential backoff with jitter), and waits that a cancellation cuts short.
 */

export interface RetryPolicy {
  attempts: number;
  /** First backoff, ms; doubled each attempt, with jitter (a random half of it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest wait a server may ask for (Retry-After, X-RateLimit-Reset) before we give up
   * with a clear error instead: a CI job should not sleep for most of an hour.
   */
  maxServerWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxServerWaitMs: 120_000,
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Network failures worth another try (the connection dropped, was refused, or timed out). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** The wait before attempt `attempt + 1`: doubling from the base, capped, with a random half as jitter. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return cap / 2 + random() * (cap / 2);
}

/** Retry-After (seconds or an HTTP date) or X-RateLimit-Reset (seconds until reset, per the docs). */
export function retryAfterMs(headers: Record<string, string | string[] | undefined>): number | undefined {
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
  const resetText = one('x-ratelimit-reset');
  const reset = Number(resetText);
  if (resetText === undefined || resetText === '' || !Number.isFinite(reset) || reset < 0) return undefined;
  // The docs say seconds until the reset; a server sending an epoch time instead is read as one.
  return reset > 1e9 ? Math.max(0, reset * 1000 - Date.now()) : reset * 1000;
}

/** `work`, or `cancelled()` as soon as the signal fires, whichever comes first. */
export function unlessCancelled<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  cancelled: () => Error,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
