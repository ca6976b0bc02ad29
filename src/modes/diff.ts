import type { QueryConfig } from '../config/types.js';
import type { Report } from '../report/types.js';
import { resolveDataset } from '../sources/index.js';
import { runQuery } from './collect-query.js';
import type { ModeContext } from './context.js';
import { worstVerdict } from './outcomes.js';

/** `diff`: two given datasets, compared with one query's settings. Nothing is stored. */
export async function diffMode(
  ctx: ModeContext,
  query: QueryConfig,
  baselineRef: string,
  currentRef: string,
): Promise<Report> {
  const [baseline, current] = await Promise.all([
    resolveDataset(baselineRef, query, ctx),
    resolveDataset(currentRef, query, ctx),
  ]);
  // The given baseline replaces the store's choice: diff exactly what was asked for.
  const run = await runQuery(query, { ...ctx, store: undefined }, { current, keep: false, baseline: [baseline] });
  const outcomes = [run.outcome];
  return { mode: 'diff', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}
