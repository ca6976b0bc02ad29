import PQueue from 'p-queue';
import type { QueryConfig } from '../config/types.js';
import type { Dataset } from '../dataset/types.js';
import { diff } from '../diff/index.js';
import type { QueryRef } from '../diff/types.js';
import { UserError } from '../errors.js';
import type { QueryOutcome } from '../report/types.js';
import { sourceFor } from '../sources/index.js';
import { currentSide, resolveBaseline } from '../store/index.js';
import { COMMAND_LINE, type ModeContext } from './context.js';
import { checkGroupKeys, sharedNothingWarning } from './inspect-sides.js';

export function queryRef(query: QueryConfig): QueryRef {
  return { id: query.id, name: query.name, query: query.query };
}

export interface QueryRun {
  outcome: QueryOutcome;
  /** The dataset collected now, when collection succeeded. */
  dataset?: Dataset;
}

/**
 * One query of a collect or gate run: take the current dataset, choose the baseline from the store,
 * diff, and keep the new dataset. A failure is returned as the outcome's error, so one broken
 * query never stops the others.
 */
export async function runQuery(
  query: QueryConfig,
  ctx: ModeContext,
  options: { current?: Dataset; currentKey?: string; keep: boolean; baseline?: Dataset[] },
): Promise<QueryRun> {
  const log = ctx.logger;
  const warnings: string[] = [];
  try {
    await yieldToSignals(ctx.signal, query.id);
    let current = options.current;
    if (!current) {
      log.info(`[${query.id}] collecting: ${query.query}`);
      current = await sourceFor(query, ctx.sources, { attempt: ctx.github?.runAttempt }).collect(query, {
        logger: prefixed(ctx, query.id),
        signal: ctx.signal,
      });
      if (ctx.github) {
        current.provenance.github = {
          ref: ctx.github.ref,
          sha: ctx.github.sha,
          runId: ctx.github.runId,
          runAttempt: ctx.github.runAttempt,
        };
      }
    }
    if (current.coverage.limitReached) {
      const c = current.coverage;
      warnings.push(
        `The search reached its limit of ${c.limit} traces: the sample is the first ${c.limit} found in the window, not all its traffic (raise 'limit' or shorten 'window-minutes').`,
      );
    }
    if (current.coverage.tracesPartial) {
      warnings.push(
        `${current.coverage.tracesPartial} traces were answered cut short by the backend (too large); their spans are incomplete.`,
      );
    }
    if (!current.coverage.complete) {
      const c = current.coverage;
      warnings.push(
        `Partial snapshot: ${c.tracesFetched} of ${c.tracesWanted} traces fetched (${c.tracesFailed} failed); ` +
          'no value is reported missing on the strength of it.',
      );
    }

    let baselines: Dataset[] = options.baseline ?? [];
    if (!options.baseline && ctx.store) {
      const chosen = await resolveBaseline(ctx.store, query.id, query.baseline, {
        before: current.provenance.collectedAt,
        current: currentSide(current, options.currentKey),
      });
      baselines = chosen.datasets;
      warnings.push(...chosen.warnings);
      for (const w of chosen.warnings) log.warn(`[${query.id}] ${w}`);
    }

    await yieldToSignals(ctx.signal, query.id);
    const baselineTables = baselines.map((d) => d.table);
    const empty = current.table.size === 0;
    if (!empty) {
      warnings.push(...checkGroupKeys(query, [...baselineTables, current.table], groupByOrigin(ctx)));
      const unrelated = sharedNothingWarning(baselineTables, current.table);
      if (unrelated) warnings.push(unrelated);
    }
    let result = diff({ baseline: baselines, current, query: queryRef(query), settings: query });
    if (empty) {
      // An empty collection compares nothing and must not become the next baseline.
      result = {
        ...result,
        verdict: 'inconclusive',
        reason: `No spans: the current dataset is empty, so there is nothing to compare${options.keep ? ', and it is not stored' : ''}.`,
      };
    }
    log.info(
      `[${query.id}] ${current.table.size} spans; baseline ${baselines.length ? `${baselines.reduce((n, d) => n + d.table.size, 0)} spans` : 'none yet'}; verdict ${result.verdict}`,
    );

    let history;
    if (ctx.store && options.keep && !empty) {
      await ctx.store.put(current, { verdict: result.verdict, pinAs: ctx.pin });
      ctx.onStored?.(current);
      if (ctx.pin) log.info(`[${query.id}] pinned this dataset as '${ctx.pin}' (baseline: pinned:${ctx.pin})`);
      history = await ctx.store.list(query.id, { limit: 10 });
    } else if (ctx.store) {
      history = await ctx.store.list(query.id, { limit: 10 });
    }
    return {
      outcome: {
        query: queryRef(query),
        result,
        warnings,
        history,
        significance: query.significance,
        rules: query.thresholds.metrics,
      },
      dataset: current,
    };
  } catch (error) {
    const message =
      error instanceof UserError ? error.describe() : error instanceof Error ? error.message : String(error);
    log.error(`[${query.id}] ${message}`);
    if (!(error instanceof UserError) && error instanceof Error && error.stack) log.debug(error.stack);
    return { outcome: { query: queryRef(query), error: message, warnings } };
  }
}

/** Where the group-by keys came from, for the fix of a key no span has. */
function groupByOrigin(ctx: ModeContext): string {
  return ctx.config.file === COMMAND_LINE ? 'see --group-by' : `see group-by: in ${ctx.config.file}`;
}

/**
 * A diff runs synchronously, and a signal handler (the runner's SIGINT, then SIGTERM) only runs between
 * turns of the event loop: each query gives it one before collecting and before diffing, and stops if
 * the run was cancelled meanwhile, so a cancel takes effect at the next query rather than after all.
 */
async function yieldToSignals(signal: AbortSignal | undefined, queryId: string): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) {
    throw new UserError(
      `cancelled: the run was stopped before query '${queryId}' was done`,
      'nothing to fix here: the run was cancelled (or timed out); the next run collects again',
    );
  }
}

function prefixed(ctx: ModeContext, id: string) {
  const log = ctx.logger;
  return {
    info: (m: string) => log.info(`[${id}] ${m}`),
    warn: (m: string) => log.warn(`[${id}] ${m}`),
    error: (m: string) => log.error(`[${id}] ${m}`),
    debug: (m: string) => log.debug(`[${id}] ${m}`),
  };
}

/** Runs `fn` over `items` with at most `limit` at once, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const queue = new PQueue({ concurrency: Math.max(1, limit) });
  return queue.addAll(items.map((item) => () => fn(item)));
}
