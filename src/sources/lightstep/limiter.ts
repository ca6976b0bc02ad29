/**
 * A sliding-window rate limiter: no more than `limit` starts in any `windowMs`. p-queue's
 * strict mode does the same, but cannot say how long the next slot is away, and we want to fail
 * with a clear message rather than sleep for most of an hour when the snapshot quota is spent.
 */
export class TooLongAWait extends Error {
  constructor(readonly waitMs: number) {
    super(`the next slot is ${waitMs} ms away`);
  }
}

export class SlidingWindowLimiter {
  private readonly starts: number[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  /**
   * Slack added to the window: the server counts arrivals, not our starts, and a request that
   * was slow to leave must not make the next window look one request too full.
   */
  private readonly slackMs: number;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!(limit >= 1)) throw new RangeError(`a rate limit must allow at least one request (got ${limit})`);
    this.slackMs = Math.min(windowMs * 0.05, 1000);
  }

  /** Waits for a slot and takes it; resolves to the ms waited. Rejects when the wait would exceed `maxWaitMs`. */
  acquire(maxWaitMs = Infinity): Promise<number> {
    const mine = this.turn.then(async () => {
      const began = Date.now();
      for (;;) {
        const now = Date.now();
        const window = this.windowMs + this.slackMs;
        while (this.starts.length && this.starts[0]! <= now - window) this.starts.shift();
        if (this.starts.length < this.limit) {
          this.starts.push(now);
          return now - began;
        }
        const wait = this.starts[0]! + window - now;
        if (wait > maxWaitMs) throw new TooLongAWait(wait);
        await new Promise((r) => setTimeout(r, wait));
      }
    });
    // Callers queue in order; one caller's refusal does not block the next.
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  /** Starts within the current window (for tests and the bench). */
  inWindow(now = Date.now()): number {
    return this.starts.filter((t) => t > now - this.windowMs - this.slackMs).length;
  }
}
