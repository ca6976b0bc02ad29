import type { Config, QueryConfig } from '../config/types.js';
import type { Dataset } from '../dataset/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import type { SourceSettings } from '../sources/index.js';
import type { DatasetStore } from '../store/types.js';

/** What the modes need to know of the GitHub run they are part of (the action gives its whole GitHubEnv). */
export interface RunInfo {
  ref?: string;
  sha?: string;
  runId?: string;
  runAttempt?: string;
  /** The repository's default branch: the gate reads its baselines from it. */
  defaultBranch?: string;
  pullRequest?: { baseRef?: string };
}

/** Everything a mode needs from the outside world, built once by the action or the CLI (createModeContext). */
export interface ModeContext {
  logger: Logger;
  config: Config;
  /** The queries this run covers (all, or the one named by `query`). */
  queries: QueryConfig[];
  sources: SourceSettings;
  /** Aborted when the runner cancels the job (SIGINT, then SIGTERM): collections stop with a clear error. */
  signal?: AbortSignal;
  /** Where datasets are kept between runs; undefined = `store: none`. */
  store?: DatasetStore;
  github?: RunInfo;
  /** How many queries are collected at once (each query's own source limits its requests). */
  queryConcurrency: number;
  now: () => Date;
  /** collect: also keep each new dataset under this name, for `baseline: pinned:<name>`. */
  pin?: string;
  /** Told of every dataset a collect stores (the action uploads them as an artifact). */
  onStored?: (dataset: Dataset) => void;
}

/** Queries collected at once by default; together they share the API's rate limits (the Lightstep client's per-organization limiters). */
const QUERY_CONCURRENCY = 4;

/**
 * The one way the action, the CLI and the demo build a mode's context: what they differ in is
 * given, the rest (the clock, how many queries run at once) is the same for all.
 */
export function createModeContext(
  options: Pick<ModeContext, 'logger' | 'config' | 'queries' | 'sources'> &
    Partial<Omit<ModeContext, 'logger' | 'config' | 'queries' | 'sources'>>,
): ModeContext {
  return { queryConcurrency: QUERY_CONCURRENCY, now: () => new Date(), ...options };
}

/** The `file` of a configuration made from command-line flags, not read from a file. */
export const COMMAND_LINE = '(command line)';

/** The queries a run covers: every query of the config, or the one named (a matrix job). */
export function selectQueries(config: Config, only: string | undefined): QueryConfig[] {
  if (!only) return config.queries;
  const query = config.queries.find((q) => q.id === only);
  if (!query) {
    const known = config.queries.map((q) => q.id).join(', ');
    throw new InputError(`query '${only}' is not in ${config.file}`, `use one of: ${known}`);
  }
  return [query];
}
