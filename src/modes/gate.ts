import type { QueryConfig } from '../config/types.js';
import { InputError } from '../errors.js';
import type { QueryOutcome, Report } from '../report/types.js';
import { onBranch } from './branch.js';
import { mapLimit, queryRef, runQuery } from './collect-query.js';
import type { ModeContext } from './context.js';
import { worstVerdict } from './outcomes.js';

export interface GateOptions {
  /** `snapshot`: take a fresh snapshot now; `newest`: the newest stored dataset. */
  current: 'snapshot' | 'newest';
  /** With `newest`: only a dataset collected after this time (ISO-8601: a deployment, a named time) counts. */
  after?: string;
  /**
   * The run has no Lightstep key because GitHub gives none to a fork's pull request: its Lightstep
   * queries take the newest stored dataset instead of a snapshot, so that a fork is gated without
   * anyone reaching for pull_request_target.
   */
  noKeyFromFork?: boolean;
}

/**
 * `gate` (deploy PRs): diff the current state against the baseline and decide.
 * `current: snapshot` takes a fresh snapshot now; `current: newest` takes the newest stored dataset
 * (collected after `after`, when given). The baseline is chosen from the default branch's datasets
 * collected before the current one. The gate never stores: only the schedule writes history.
 */
export async function gate(ctx: ModeContext, options: GateOptions): Promise<Report> {
  const gh = ctx.github;
  const branch = gh?.defaultBranch ?? gh?.pullRequest?.baseRef;
  const store = ctx.store ? onBranch(ctx.store, branch ? `refs/heads/${branch}` : undefined) : undefined;
  const gateCtx: ModeContext = { ...ctx, store };
  const outcomes = await mapLimit(ctx.queries, ctx.queryConcurrency, async (query): Promise<QueryOutcome> => {
    const forFork = options.noKeyFromFork === true && query.source.kind === 'lightstep';
    if (options.current === 'snapshot' && !forFork) return (await runQuery(query, gateCtx, { keep: false })).outcome;
    if (forFork && !gateCtx.store) {
      return {
        query: queryRef(query),
        error:
          'not gated: a fork pull request gets no Lightstep key, and there is no store to take the newest dataset from; ' +
          "set 'store: cache' (the scheduled collect's datasets) to gate forks on them",
        warnings: [],
      };
    }
    return newest(query, gateCtx, options.after);
  });
  return { mode: 'gate', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}

async function newest(query: QueryConfig, ctx: ModeContext, after: string | undefined): Promise<QueryOutcome> {
  if (!ctx.store) {
    throw new InputError("'current: newest' needs a store to read from", "set 'store: cache' or 'store: local'");
  }
  const [entry] = await ctx.store.list(query.id, { limit: 1 });
  const fail = (error: string): QueryOutcome => ({ query: queryRef(query), error, warnings: [] });
  if (!entry) {
    return fail(
      `no stored dataset of query '${query.id}' yet: run the scheduled collect first, or use 'current: snapshot'`,
    );
  }
  if (after && !(Date.parse(entry.collectedAt) > Date.parse(after))) {
    return fail(
      `no dataset of query '${query.id}' was collected after ${after} (the newest is from ${entry.collectedAt}): ` +
        "let the scheduled collect run after the deployment and re-run this check, or use 'current: snapshot'",
    );
  }
  const loaded = await ctx.store.load(entry);
  if (!loaded.ok) return fail(loaded.problem);
  ctx.logger.info(`[${query.id}] current: the stored dataset ${entry.key} collected ${entry.collectedAt}`);
  return (await runQuery(query, ctx, { current: loaded.dataset, keep: false })).outcome;
}
