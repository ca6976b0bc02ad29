import type { MetricRule } from '../config/types.js';
import type { HistoryEntry } from '../dataset/types.js';
import type { DiffResult, QueryRef, Verdict } from '../diff/types.js';

/** What happened to one query in a run: a diff, or an error that stopped it (others go on). */
export interface QueryOutcome {
  query: QueryRef;
  result?: DiffResult;
  /** Set when the query could not be diffed at all (source down, bad key…), with the fix when known. */
  error?: string;
  /** Things the reader should know: a baseline set aside as corrupt, a partial snapshot… */
  warnings: string[];
  /** The query's recent collections, newest first, for the trend line. */
  history?: HistoryEntry[];
  /** The query's `significance` setting: ▲ ▼ mark changes at least this significant (0.01 when unset). */
  significance?: number;
  /**
   * The query's threshold rules, so the report can say of a change past a threshold that made no
   * finding why not (not significant, too few spans). Absent in results written before it was kept.
   */
  rules?: MetricRule[];
}

/** The input of every renderer: one run over one or more queries. */
export interface Report {
  /** Worst verdict over all outcomes (an errored query makes it at least `inconclusive`). */
  verdict: Verdict;
  /** `collect`, `gate`, `diff`, `merge`: shapes the wording of the first line. */
  mode: string;
  outcomes: QueryOutcome[];
  /** Where the full report and datasets are when a rendering had to be cut (an artifact URL or name). */
  fullReportHint?: string;
  generatedAt: string;
  /** The pull request the run is about, when it is (gate mode); carried in the JSON so `merge` can comment on it. */
  pullRequest?: number;
}
