import * as cache from '@actions/cache';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, writeDatasetFile } from '../dataset/index.js';
import { summariseDataset } from './summary.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';
import { StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import { listed, withEntry } from './history.js';
import type { DatasetStore, LoadResult, StoredEntry } from './types.js';

interface CacheIndex {
  entries: HistoryEntry[];
  pins: Record<string, HistoryEntry>;
}

/**
 * One part of a cache key. Query ids may hold `-` (`android-eu`), and keys are matched by
 * prefix, so `trace-differ-v1-android-` would also match every key of `android-eu`. Inside a
 * part `-` is written `~` and anything outside `[A-Za-z0-9._]` as `%XX`: a part never holds
 * the `-` that ends it, and two different ids never encode alike.
 */
export function keyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._]/g, (c) =>
    c === '-' ? '~' : [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** `2026-11-24T04:19:00.000Z` → `20261124T041900000Z`: sorts as the time does, holds no `-`. */
function stamp(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

/**
 * Datasets in the Actions cache (`@actions/cache`, cache service v2).
 *
 * Cache entries are immutable, matched by key prefix (the newest match wins), scoped by branch
 * (a pull request run reads its own ref's entries, then its base branch's; a run on main never
 * sees a pull request's) and evicted after 7 days unused. So:
 * - every dataset is its own entry under a unique key
 *   `trace-differ-v1-<query>-<time>-<run id>-<attempt>-`, every part ending in `-`;
 * - the query's index (the rolling history and the pins) is written as a new entry each run,
 *   `trace-differ-index-v1-<query>-<time>-<run id>-<attempt>-`, and read back by prefix: the newest wins;
 * - with no readable index, the newest dataset itself is restored by the prefix `trace-differ-v1-<query>-`.
 *
 * The service matches an entry only when the cached paths are the same too (they are part of the
 * entry's "version"), so each query's files always live at the same path under `dir`.
 */
export class CacheStore implements DatasetStore {
  readonly kind = 'cache';
  private readonly indexes = new Map<string, CacheIndex>();
  /** Keys whose dataset was unreadable this run: left out of the index written next. */
  private readonly setAside = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly runId: string,
    private readonly runAttempt: string,
    private readonly logger: Logger,
  ) {}

  static async create(options: {
    dir: string;
    runId?: string;
    runAttempt?: string;
    logger: Logger;
  }): Promise<CacheStore> {
    if (!cache.isFeatureAvailable()) {
      throw new StoreError(
        'the Actions cache is not available here: the environment names no cache service, so this is not a ' +
          'GitHub Actions job (or the runner has none)',
        "use 'store: local' with a 'store-path' that persists between runs, or 'store: none'",
      );
    }
    // The runner narrows the cache for untrusted events (ACTIONS_CACHE_MODE); @actions/cache then
    // skips reads or writes with an info line only, so say what it means for the diff.
    const mode = (process.env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
    if (mode === 'none' || mode === 'write-only') {
      options.logger.warn(
        `the runner's cache mode is '${mode}': no stored dataset can be read, so there is no baseline in this run`,
      );
    }
    if (mode === 'none' || mode === 'read') {
      options.logger.warn(`the runner's cache mode is '${mode}': this run's datasets are not stored`);
    }
    await mkdir(options.dir, { recursive: true });
    return new CacheStore(options.dir, options.runId ?? 'local', options.runAttempt ?? '1', options.logger);
  }

  static dataPrefix(queryId: string): string {
    return `trace-differ-v1-${keyPart(queryId)}-`;
  }

  static dataKey(queryId: string, collectedAt: string, runId: string, attempt: string): string {
    return `${CacheStore.dataPrefix(queryId)}${stamp(collectedAt)}-${keyPart(runId)}-${keyPart(attempt)}-`;
  }

  static indexPrefix(queryId: string): string {
    return `trace-differ-index-v1-${keyPart(queryId)}-`;
  }

  private async queryDir(queryId: string): Promise<string> {
    const dir = join(this.dir, 'cache', keyPart(queryId));
    await mkdir(dir, { recursive: true });
    return dir;
  }

  private async dataFile(queryId: string): Promise<string> {
    return join(await this.queryDir(queryId), 'dataset.tdds');
  }

  private async indexFile(queryId: string): Promise<string> {
    return join(await this.queryDir(queryId), 'index.json');
  }

  private async index(queryId: string): Promise<CacheIndex> {
    const known = this.indexes.get(queryId);
    if (known) return known;
    const file = await this.indexFile(queryId);
    const prefix = CacheStore.indexPrefix(queryId);
    let index: CacheIndex = { entries: [], pins: {} };
    // restoreCache answers undefined on a miss and on a service error alike (it warns about the latter).
    const hit = await cache.restoreCache([file], prefix, [prefix]);
    if (hit) {
      try {
        const read = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheIndex>;
        if (!Array.isArray(read.entries)) throw new Error('it has no list of entries');
        index = { entries: read.entries, pins: read.pins && typeof read.pins === 'object' ? read.pins : {} };
      } catch (error) {
        this.logger.warn(
          `the stored index ${hit} of query '${queryId}' was set aside (${(error as Error).message}); starting a new one`,
        );
      }
    }
    if (index.entries.length === 0) {
      const newest = await this.newestByPrefix(queryId);
      if (newest) index.entries = [newest];
    }
    this.indexes.set(queryId, index);
    return index;
  }

  /** The newest dataset of the query, restored by key prefix (when there is no index to read). */
  private async newestByPrefix(queryId: string): Promise<HistoryEntry | undefined> {
    const file = await this.dataFile(queryId);
    const prefix = CacheStore.dataPrefix(queryId);
    const key = await cache.restoreCache([file], prefix, [prefix]);
    if (!key) return undefined;
    const loaded = await readDatasetFile(file);
    if (!loaded.ok) {
      this.logger.warn(this.describe(loaded.problem, file, key));
      return undefined;
    }
    return summariseDataset(loaded.dataset, key);
  }

  private describe(problem: string, file: string, key: string): string {
    return problem.replace(`dataset ${file}`, `dataset ${key} (Actions cache)`);
  }

  async put(dataset: Dataset, options: { pinAs?: string; verdict?: string } = {}): Promise<StoredEntry> {
    const queryId = dataset.provenance.queryId;
    const key = CacheStore.dataKey(queryId, dataset.provenance.collectedAt, this.runId, this.runAttempt);
    // The index first: reading it may restore an older dataset into the very path written next.
    const index = await this.index(queryId);
    const file = await this.dataFile(queryId);
    await writeDatasetFile(file, dataset);
    const entry = summariseDataset(dataset, key, options.verdict);
    // saveCache warns and answers -1 instead of throwing when the service refuses or fails.
    if ((await cache.saveCache([file], key)) === -1) {
      this.logger.warn(`dataset ${key} could not be saved to the Actions cache; the next run will not see it`);
      return entry;
    }
    index.entries = withEntry(
      index.entries.filter((e) => !this.setAside.has(e.key)),
      entry,
    );
    if (options.pinAs) index.pins[options.pinAs] = { ...entry, pinnedAs: options.pinAs };
    for (const [name, pin] of Object.entries(index.pins)) if (this.setAside.has(pin.key)) delete index.pins[name];
    const indexFile = await this.indexFile(queryId);
    await writeFile(indexFile, JSON.stringify(index));
    const indexKey = `${CacheStore.indexPrefix(queryId)}${stamp(dataset.provenance.collectedAt)}-${keyPart(this.runId)}-${keyPart(this.runAttempt)}-`;
    if ((await cache.saveCache([indexFile], indexKey)) === -1) {
      this.logger.warn(`the history index of query '${queryId}' could not be saved to the Actions cache`);
    }
    this.logger.info(`stored dataset ${key} in the Actions cache`);
    return entry;
  }

  async list(queryId: string, options: { limit?: number; before?: string } = {}): Promise<StoredEntry[]> {
    return listed((await this.index(queryId)).entries, options);
  }

  async load(entry: StoredEntry): Promise<LoadResult> {
    const file = await this.dataFile(entry.queryId);
    // The key is unique, but the service matches it as a prefix too: check what came back.
    // A lookup first tells "evicted" apart from "there but unreadable" (restoreCache answers
    // undefined for both, after a warning for the latter).
    if ((await cache.restoreCache([file], entry.key, [], { lookupOnly: true })) !== entry.key) {
      this.setAside.add(entry.key);
      return {
        ok: false,
        problem: `dataset ${entry.key} is not in the Actions cache any more (entries unused for 7 days are evicted); it was set aside`,
      };
    }
    if ((await cache.restoreCache([file], entry.key)) !== entry.key) {
      this.setAside.add(entry.key);
      return {
        ok: false,
        problem: `dataset ${entry.key} could not be restored from the Actions cache (see the warning above: a damaged archive or a failed download); it was set aside`,
      };
    }
    const loaded = await readDatasetFile(file);
    if (loaded.ok) return loaded;
    this.setAside.add(entry.key);
    return { ok: false, problem: this.describe(loaded.problem, file, entry.key) };
  }

  async pinned(queryId: string, name: string): Promise<StoredEntry | undefined> {
    return (await this.index(queryId)).pins[name];
  }
}
