/**
 * A sliding-window rate limiter: no more than `limit` requests in any `windowMs`, as the server
 * counts them. The server counts a request when it arrives, which we cannot see: it is somewhere
 * between our start and our receipt of the answer. So a slot is held from the start until the
 * answer is in, and then for a whole window after that; a late arrival can then never make the
 * server see one request too many. (p-queue's strict mode counts starts only, and cannot say how
 * long the next slot is away, which we need to fail clearly rather than sleep for most of an hour.)
 */
export class TooLongAWait extends Error {
  constructor(readonly waitMs: number) {
    super(`the next slot is ${Math.round(waitMs)} ms away`);
  }
}

export interface Slot {
  /** Ms waited for the slot. */
  waited: number;
  /** Call when the answer (or the failure) is in; the slot then frees a window later. */
  release(): void;
}

export class SlidingWindowLimiter {
  /** When each slot was released, ms; Infinity while its request is in flight. */
  private slots: { end: number }[] = [];
  private turn: Promise<unknown> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!(limit >= 1)) throw new RangeError(`a rate limit must allow at least one request (got ${limit})`);
  }

  /**
   * Waits for a slot and takes it. Rejects with TooLongAWait when the wait would exceed
   * `maxWaitMs`, and with the signal's reason as soon as it fires (no slot is then held).
   */
  acquire(maxWaitMs = Infinity, signal?: AbortSignal): Promise<Slot> {
    const mine = this.turn.then(async (): Promise<Slot> => {
      const began = Date.now();
      for (;;) {
        signal?.throwIfAborted();
        const now = Date.now();
        this.slots = this.slots.filter((s) => s.end > now - this.windowMs);
        if (this.slots.length < this.limit) {
          const slot = { end: Infinity };
          this.slots.push(slot);
          return {
            waited: now - began,
            release: () => {
              if (slot.end !== Infinity) return;
              slot.end = Date.now();
              this.wake?.();
            },
          };
        }
        const earliest = Math.min(...this.slots.map((s) => s.end));
        const wait = earliest === Infinity ? Infinity : earliest + this.windowMs - now;
        // Every slot in flight: one will be released soon, so only a known long wait is refused.
        if (earliest !== Infinity && wait > maxWaitMs) throw new TooLongAWait(wait);
        await new Promise<void>((resolve) => {
          const timer = wait === Infinity ? undefined : setTimeout(done, wait);
          function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
          }
          this.wake = done;
          // Woken by a cancellation, the loop's first line rejects.
          signal?.addEventListener('abort', done, { once: true });
        });
        this.wake = undefined;
      }
    });
    // Callers queue in order; one caller's refusal does not block the next.
    this.turn = mine.catch(() => undefined);
    if (!signal) return mine;
    // A caller cancelled while others are ahead of it leaves at once; should its turn still
    // hand it a slot, the slot is given back.
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason as Error);
        void mine.then(
          (slot) => slot.release(),
          () => undefined,
        );
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      mine.then(
        (slot) => {
          signal.removeEventListener('abort', onAbort);
          resolve(slot);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error as Error);
        },
      );
    });
  }
}
