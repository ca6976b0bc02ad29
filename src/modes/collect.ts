import type { Report } from '../report/types.js';
import { runQuery, mapLimit } from './collect-query.js';
import type { ModeContext } from './context.js';
import { worstVerdict } from './outcomes.js';

/**
 * `collect` (schedule, workflow_dispatch): snapshot every query, diff each against its baseline,
 * keep the new datasets. Queries run concurrently; one failing query does not stop the others.
 */
export async function collect(ctx: ModeContext): Promise<Report> {
  const runs = await mapLimit(ctx.queries, ctx.queryConcurrency, (q) => runQuery(q, ctx, { keep: true }));
  const outcomes = runs.map((r) => r.outcome);
  return { mode: 'collect', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}
