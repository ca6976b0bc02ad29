import type { BaselineSpec } from '../config/types.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';
import type { DatasetStore, StoredEntry } from './types.js';

export interface ChosenBaseline {
  /** None (first run), one, or several to pool (`median-of:N`). */
  datasets: Dataset[];
  entries: StoredEntry[];
  /** Datasets set aside (corrupt, unreadable) and why; the run goes on without them. */
  warnings: string[];
}

/** What identifies the current side: a baseline may share neither its snapshot, its run nor its key. */
export interface CurrentSide {
  key?: string;
  snapshotId?: string;
  runId?: string;
}

/** The current side of a diff, as the dataset says (its snapshot and the run that collected it). */
export function currentSide(dataset: Dataset, key?: string): CurrentSide {
  return {
    ...(key ? { key } : {}),
    ...(dataset.provenance.snapshotId ? { snapshotId: dataset.provenance.snapshotId } : {}),
    ...(dataset.provenance.github?.runId ? { runId: dataset.provenance.github.runId } : {}),
  };
}

/** Why a stored entry (or the dataset loaded for it) is the current side again, or undefined when it is not. */
function sameAs(current: CurrentSide | undefined, entry: HistoryEntry, dataset?: Dataset): string | undefined {
  if (!current) return undefined;
  if (current.key !== undefined && entry.key === current.key) return 'it is the dataset diffed now';
  const snapshotId = entry.snapshotId ?? dataset?.provenance.snapshotId;
  if (current.snapshotId !== undefined && snapshotId === current.snapshotId)
    return `it holds snapshot ${current.snapshotId}, the one diffed now (a re-run picked it up again)`;
  const runId = entry.runId ?? dataset?.provenance.github?.runId;
  if (current.runId !== undefined && runId === current.runId)
    return `it was collected by run ${current.runId}, the one diffing now (an earlier attempt of this re-run)`;
  return undefined;
}

/**
 * Chooses the baseline from the store: `previous` (newest earlier readable dataset, complete
 * snapshots preferred among the last few),
 * `pinned:<name>`, or `median-of:<N>` (the last N readable datasets, pooled by the engine:
 * one previous run is too noisy a reference). A corrupt dataset is skipped with a warning.
 * A baseline is never the current side again (`current`: its key, snapshot or run): a re-run that picked
 * up its failed attempt's snapshot diffs against what that attempt did, not against itself; and no
 * snapshot is pooled twice.
 */
export async function resolveBaseline(
  store: DatasetStore,
  queryId: string,
  spec: BaselineSpec,
  options: { before?: string; current?: CurrentSide } = {},
): Promise<ChosenBaseline> {
  const warnings: string[] = [];
  const { current } = options;
  if (spec.kind === 'pinned') {
    const entry = await store.pinned(queryId, spec.name);
    if (!entry) {
      warnings.push(`no dataset is pinned as '${spec.name}' for query '${queryId}': there is no baseline`);
      return { datasets: [], entries: [], warnings };
    }
    const loaded = await store.load(entry);
    if (!loaded.ok) return { datasets: [], entries: [], warnings: [loaded.problem] };
    const same = sameAs(current, entry, loaded.dataset);
    if (same) {
      warnings.push(`the dataset pinned as '${spec.name}' is not a baseline here: ${same}`);
      return { datasets: [], entries: [], warnings };
    }
    return { datasets: [loaded.dataset], entries: [entry], warnings };
  }
  const wanted = spec.kind === 'previous' ? 1 : spec.count;
  // The current side's own lines (a re-run's first attempt) are passed over before counting.
  const listed = await store.list(queryId, { before: options.before, limit: wanted + 10 });
  const recent = listed.filter((e) => !sameAs(current, e));
  // The history says which collections were partial snapshots. Among the recent ones complete
  // datasets go first: with a partial one in the baseline (pooled or not) the engine can call no
  // value new, only undecided. Partial ones fill in when there are too few complete ones.
  const candidates = [...recent.filter((e) => e.complete), ...recent.filter((e) => !e.complete)];
  const datasets: Dataset[] = [];
  const entries: StoredEntry[] = [];
  const pooled = new Set<string>();
  for (const entry of candidates) {
    if (datasets.length === wanted) break;
    const loaded = await store.load(entry);
    if (loaded.ok) {
      // What the index did not say, the dataset does (an index written before lines carried the run).
      if (sameAs(current, entry, loaded.dataset)) continue;
      const snapshot = loaded.dataset.provenance.snapshotId;
      if (snapshot !== undefined && pooled.has(snapshot)) continue; // the same snapshot is pooled once
      if (snapshot !== undefined) pooled.add(snapshot);
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
