import { describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../../src/errors.js';
import { recordingLogger, type Logger } from '../../../src/log.js';
import { createLightstepSource } from '../../../src/sources/lightstep/index.js';
import { ALL_SERVICES, query, setup } from './setup.js';

/**
 * A cancelled run (the job cancelled, or timed out) must end its collection at once with a clear
 * error: requests in flight aborted, waits cut short, nothing more sent. Were the signal ignored,
 * each of these would hang until the test's timeout.
 */
const CANCELLED =
  /^cancelled: the collection from Lightstep organization 'demo-org' at [\d.:]+ was stopped before it finished\n {2}fix: nothing to fix here/;

/** A logger that calls `then` at the first line matching `pattern`. */
function abortingAt(pattern: RegExp, then: () => void): Logger & { lines: { level: string; message: string }[] } {
  const logger = recordingLogger();
  const info = logger.info.bind(logger);
  logger.info = (message: string) => {
    info(message);
    if (pattern.test(message)) then();
  };
  return logger;
}

describe('cancelling a collection', () => {
  it('cuts short the wait for complete-time', async () => {
    // Complete in ten minutes: without cancellation, the client would sleep that long.
    const { sim, source } = await setup({ completeAfterMs: 600_000, tracesPerSnapshot: 10 });
    const controller = new AbortController();
    const logger = abortingAt(/collecting until/, () => controller.abort());
    const error = await source.collect(query(), { logger, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).describe()).toMatch(CANCELLED);
    expect(sim.stats().requests['get-snapshot'] ?? 0).toBe(0);
  });

  it('aborts stored-trace requests in flight and starts no more', async () => {
    // Every stored-trace request is held for a minute; four are in flight when the run is cancelled.
    const { sim, source } = await setup({ tracesPerSnapshot: 100 }, { concurrency: 4 });
    sim.setFaults({ stall: { next: 1000, ms: 60_000 } });
    const controller = new AbortController();
    const watch = setInterval(() => {
      if (sim.stats().inFlight >= 4) controller.abort();
    }, 2);
    try {
      const error = await source
        .collect(query(ALL_SERVICES), { logger: recordingLogger(), signal: controller.signal })
        .catch((e: unknown) => e);
      expect((error as SourceError).describe()).toMatch(CANCELLED);
    } finally {
      clearInterval(watch);
    }
    // The server sees the connections closed, not left waiting for their answers.
    await vi.waitFor(() => expect(sim.stats().inFlight).toBe(0));
    expect(sim.stats().requests['stored-traces']).toBe(4);
  });

  it('cuts short a wait for the client-side rate limit', async () => {
    // One snapshot request an hour: the create takes it, and the read would wait for the next hour.
    const { sim, options } = await setup(
      { tracesPerSnapshot: 10 },
      { snapshotRequestsPerHour: 1, retry: { baseDelayMs: 5, maxDelayMs: 50, maxServerWaitMs: Infinity } },
    );
    const controller = new AbortController();
    const logger = abortingAt(/created snapshot/, () => setTimeout(() => controller.abort(), 20));
    const error = await createLightstepSource(options)
      .collect(query(), { logger, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as SourceError).describe()).toMatch(CANCELLED);
    expect(sim.stats().requests['create-snapshot']).toBe(1);
    expect(sim.stats().requests['get-snapshot'] ?? 0).toBe(0);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const { sim, source } = await setup({ tracesPerSnapshot: 10 });
    const error = await source
      .collect(query(), { logger: recordingLogger(), signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as SourceError).describe()).toMatch(CANCELLED);
    expect(Object.values(sim.stats().requests).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
