import { InputError } from '../errors.js';
import type { QueryOutcome, Report } from '../report/types.js';
import { mapLimit, queryRef, runQuery } from './collect-query.js';
import type { ModeContext } from './context.js';
import { worstVerdict } from './outcomes.js';

/**
 * `gate` (deploy PRs): diff the current state against the baseline and decide.
 * `current: snapshot` takes a fresh snapshot now (kept, so the next gate sees it);
 * `current: newest` diffs the newest stored dataset against the one before it.
 */
export async function gate(ctx: ModeContext, current: 'snapshot' | 'newest'): Promise<Report> {
  const outcomes = await mapLimit(ctx.queries, ctx.queryConcurrency, async (query): Promise<QueryOutcome> => {
    if (current === 'snapshot') return (await runQuery(query, ctx, { keep: false })).outcome;
    if (!ctx.store) {
      throw new InputError("'current: newest' needs a store to read from", "set 'store: cache' or 'store: local'");
    }
    const [newest] = await ctx.store.list(query.id, { limit: 1 });
    if (!newest) {
      return {
        query: queryRef(query),
        error: `no stored dataset of query '${query.id}' yet: run the scheduled collect first, or use 'current: snapshot'`,
        warnings: [],
      };
    }
    const loaded = await ctx.store.load(newest);
    if (!loaded.ok) return { query: queryRef(query), error: loaded.problem, warnings: [] };
    return (await runQuery(query, ctx, { current: loaded.dataset, keep: false })).outcome;
  });
  return { mode: 'gate', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}
