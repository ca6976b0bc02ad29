import type { DatasetStore, LoadResult, StoredEntry } from '../store/types.js';

/**
 * A view of a store that only lists datasets collected on one branch (`refs/heads/main`), so a gate's
 * baseline is the default branch's even when a dispatched run on another branch stored datasets too.
 * The history index carries each dataset's ref; an entry written before it did is loaded once (and kept for
 * `load`) to read the ref from the dataset. A dataset without GitHub provenance (collected by the CLI) or one
 * that cannot be read is kept:
 * the baseline choice then reads it, or names it as set aside.
 */
export function onBranch(store: DatasetStore, ref: string | undefined): DatasetStore {
  if (!ref) return store;
  const loaded = new Map<string, LoadResult>();
  const load = async (entry: StoredEntry): Promise<LoadResult> => {
    let result = loaded.get(entry.key);
    if (!result) {
      result = await store.load(entry);
      loaded.set(entry.key, result);
    }
    return result;
  };
  return {
    kind: store.kind,
    put: (dataset, options) => store.put(dataset, options),
    pinned: (queryId, name) => store.pinned(queryId, name),
    load,
    async list(queryId, options = {}) {
      const wanted = options.limit ?? Infinity;
      const kept: StoredEntry[] = [];
      for (const entry of await store.list(queryId, { before: options.before })) {
        if (kept.length >= wanted) break;
        let datasetRef = entry.ref;
        if (datasetRef === undefined) {
          const result = await load(entry);
          datasetRef = result.ok ? result.dataset.provenance.github?.ref : undefined;
        }
        if (datasetRef === undefined || datasetRef === ref) kept.push(entry);
      }
      return kept;
    },
  };
}
