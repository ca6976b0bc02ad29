import type { Dataset, HistoryEntry, LoadResult } from '../dataset/types.js';

export type { LoadResult } from '../dataset/types.js';

/** A dataset as the store knows it: its key and the summary numbers kept in the history index. */
export type StoredEntry = HistoryEntry;

/**
 * Keeps datasets between runs. Backends: Actions cache, local directory, artifacts.
 * A corrupt or unreadable dataset is never thrown at the caller: `load` answers
 * `{ ok: false, problem }` with the name of what was set aside, and the run goes on.
 */
export interface DatasetStore {
  readonly kind: string;
  /** Stores a dataset and records it in the query's history; `pinAs` also saves it under that name. */
  put(dataset: Dataset, options?: { pinAs?: string; verdict?: string }): Promise<StoredEntry>;
  /** The query's stored datasets, newest first; `before` (ISO-8601) excludes later ones. */
  list(queryId: string, options?: { limit?: number; before?: string }): Promise<StoredEntry[]>;
  load(entry: StoredEntry): Promise<LoadResult>;
  /** The dataset saved under `name` for the query (`baseline: pinned:<name>`). */
  pinned(queryId: string, name: string): Promise<StoredEntry | undefined>;
}
