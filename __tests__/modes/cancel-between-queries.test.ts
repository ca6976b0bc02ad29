import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { recordingLogger } from '../../src/log.js';
import { mapLimit, runQuery } from '../../src/modes/collect-query.js';
import type { ModeContext } from '../../src/modes/context.js';
import { traffic } from '../diff/datasets.js';

/**
 * A diff is synchronous: a cancel (the runner's SIGINT) that arrives while one query is being diffed
 * can only be handled between turns of the event loop. Each query yields before its diff and stops when
 * the run was cancelled meanwhile, so the queries after it are not diffed.
 */
const config = parseConfig(
  [
    'version: 1',
    'source: { otlp: { path: traces/ } }',
    'queries:',
    ...['one', 'two', 'three'].map((id) => `  - id: ${id}`),
  ].join('\n'),
  'trace-differ.yml',
);

describe('cancelling a run while it computes', () => {
  it('lets the signal in after the diff under way, and diffs no query after it', async () => {
    const cancel = new AbortController();
    const logger = recordingLogger();
    // The cancel arrives while query 'one' computes: its verdict line is the last thing that diff does.
    const seen = { ...logger, info: (m: string) => (logger.info(m), m.startsWith('[one]') && cancel.abort()) };
    const ctx: ModeContext = {
      logger: seen,
      config,
      queries: config.queries,
      sources: { lightstep: {} },
      signal: cancel.signal,
      queryConcurrency: 1,
      now: () => new Date(),
    };
    const outcomes = await mapLimit(
      config.queries,
      1,
      async (q) =>
        (await runQuery(q, ctx, { current: traffic(1, 200), baseline: [traffic(2, 200)], keep: false })).outcome,
    );
    expect(outcomes.map((o) => (o.result ? 'diffed' : o.error?.split(':')[0]))).toEqual([
      'diffed',
      'cancelled',
      'cancelled',
    ]);
    expect(outcomes[1]!.error).toContain("cancelled: the run was stopped before query 'two' was done");
  });

  it('diffs every query when nothing cancels (the test above can fail)', async () => {
    const ctx: ModeContext = {
      logger: recordingLogger(),
      config,
      queries: config.queries,
      sources: { lightstep: {} },
      signal: new AbortController().signal,
      queryConcurrency: 1,
      now: () => new Date(),
    };
    const outcomes = await mapLimit(
      config.queries,
      1,
      async (q) =>
        (await runQuery(q, ctx, { current: traffic(1, 200), baseline: [traffic(2, 200)], keep: false })).outcome,
    );
    expect(outcomes.every((o) => o.result)).toBe(true);
  });
});
