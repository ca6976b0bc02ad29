import type { Config } from '../config/types.js';

/**
 * `plan`: the query ids as a matrix, so a big configuration spreads over many runners.
 * GitHub's matrix is the distributed engine; trace-differ does not invent its own.
 */
export function plan(config: Config): { matrix: { query: string[] }; json: string } {
  const matrix = { query: config.queries.map((q) => q.id) };
  return { matrix, json: JSON.stringify(matrix) };
}
