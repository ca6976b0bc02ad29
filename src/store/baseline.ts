import type { BaselineSpec } from '../config/types.js';
import type { Dataset } from '../dataset/types.js';
import type { DatasetStore, StoredEntry } from './types.js';

export interface ChosenBaseline {
  /** None (first run), one, or several to pool (`median-of:N`). */
  datasets: Dataset[];
  entries: StoredEntry[];
  /** Datasets set aside (corrupt, unreadable) and why; the run goes on without them. */
  warnings: string[];
}

/**
 * Chooses the baseline from the store: `previous` (newest earlier readable dataset, complete
 * snapshots preferred among the last few),
 * `pinned:<name>`, or `median-of:<N>` (the last N readable datasets, pooled by the engine:
 * one previous run is too noisy a reference). A corrupt dataset is skipped with a warning.
 */
export async function resolveBaseline(
  store: DatasetStore,
  queryId: string,
  spec: BaselineSpec,
  options: { before?: string } = {},
): Promise<ChosenBaseline> {
  const warnings: string[] = [];
  if (spec.kind === 'pinned') {
    const entry = await store.pinned(queryId, spec.name);
    if (!entry) {
      warnings.push(`no dataset is pinned as '${spec.name}' for query '${queryId}': there is no baseline`);
      return { datasets: [], entries: [], warnings };
    }
    const loaded = await store.load(entry);
    if (!loaded.ok) return { datasets: [], entries: [], warnings: [loaded.problem] };
    return { datasets: [loaded.dataset], entries: [entry], warnings };
  }
  const wanted = spec.kind === 'previous' ? 1 : spec.count;
  const recent = await store.list(queryId, { before: options.before, limit: wanted + 5 });
  // The history says which collections were partial snapshots. Among the recent ones complete
  // datasets go first: with a partial one in the baseline (pooled or not) the engine can call no
  // value new, only undecided. Partial ones fill in when there are too few complete ones.
  const candidates = [...recent.filter((e) => e.complete), ...recent.filter((e) => !e.complete)];
  const datasets: Dataset[] = [];
  const entries: StoredEntry[] = [];
  for (const entry of candidates) {
    if (datasets.length === wanted) break;
    const loaded = await store.load(entry);
    if (loaded.ok) {
      datasets.push(loaded.dataset);
      entries.push(entry);
    } else {
      warnings.push(loaded.problem);
    }
  }
  if (spec.kind === 'median-of' && datasets.length > 0 && datasets.length < wanted) {
    warnings.push(`baseline median-of:${wanted} pooled only ${datasets.length} dataset(s): no more are stored yet`);
  }
  const partial = entries.filter((e) => !e.complete).length;
  if (partial > 0) {
    warnings.push(
      `the baseline holds ${partial} partial snapshot(s), for want of complete ones among the recent collections: no value can be called new`,
    );
  }
  // Oldest first, so the newest is last (the diff's baseline summary names the newest).
  const order = entries
    .map((e, i) => ({ e, d: datasets[i]! }))
    .sort((a, b) => a.e.collectedAt.localeCompare(b.e.collectedAt));
  return { datasets: order.map((o) => o.d), entries: order.map((o) => o.e), warnings };
}
