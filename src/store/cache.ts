import * as cache from '@actions/cache';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, summariseDataset, writeDatasetFile } from '../dataset/index.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';
import { StoreError } from '../errors.js';
import type { Logger } from '../log.js';
import { HISTORY_LENGTH } from './local.js';
import type { DatasetStore, LoadResult, StoredEntry } from './types.js';

interface CacheIndex {
  entries: HistoryEntry[];
  pins: Record<string, HistoryEntry>;
}

/**
 * Datasets in the Actions cache. Cache entries are immutable, matched by key prefix (the newest
 * match wins), scoped by branch (a PR run reads its base branch's entries) and evicted after
 * 7 days unused. So every dataset is its own entry under a unique key, and the query's index
 * (history + pins) is written as a new entry each run and restored by prefix: the newest wins.
 * Every key part ends in a separator, so `android` never matches `android-eu`.
 */
export class CacheStore implements DatasetStore {
  readonly kind = 'cache';
  private readonly indexes = new Map<string, CacheIndex>();

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
        'the Actions cache is not available here (this is not a GitHub-hosted run, or the runner has no cache service)',
        "use 'store: local' with a 'store-path' that persists between runs, or 'store: none'",
      );
    }
    await mkdir(options.dir, { recursive: true });
    return new CacheStore(options.dir, options.runId ?? 'local', options.runAttempt ?? '1', options.logger);
  }

  static dataKey(queryId: string, collectedAt: string, runId: string, attempt: string): string {
    return `trace-differ-v1-${queryId}-data-${collectedAt.replace(/[:.]/g, '-')}-${runId}-${attempt}-`;
  }

  static indexPrefix(queryId: string): string {
    return `trace-differ-v1-${queryId}-index-`;
  }

  private fileOf(key: string): string {
    return join(this.dir, `${key}.tdds`);
  }

  private async index(queryId: string): Promise<CacheIndex> {
    const known = this.indexes.get(queryId);
    if (known) return known;
    const file = join(this.dir, `${CacheStore.indexPrefix(queryId)}index.json`);
    let index: CacheIndex = { entries: [], pins: {} };
    try {
      const hit = await cache.restoreCache([file], CacheStore.indexPrefix(queryId), [CacheStore.indexPrefix(queryId)]);
      if (hit) index = JSON.parse(await readFile(file, 'utf8')) as CacheIndex;
    } catch (error) {
      this.logger.warn(
        `the stored index of query '${queryId}' could not be read (${(error as Error).message}); starting a new one`,
      );
    }
    this.indexes.set(queryId, index);
    return index;
  }

  async put(dataset: Dataset, options: { pinAs?: string; verdict?: string } = {}): Promise<StoredEntry> {
    const queryId = dataset.provenance.queryId;
    const key = CacheStore.dataKey(queryId, dataset.provenance.collectedAt, this.runId, this.runAttempt);
    const file = this.fileOf(key);
    await writeDatasetFile(file, dataset);
    await cache.saveCache([file], key);
    const entry = summariseDataset(dataset, key, options.verdict);
    const index = await this.index(queryId);
    index.entries = [entry, ...index.entries].slice(0, HISTORY_LENGTH);
    if (options.pinAs) index.pins[options.pinAs] = { ...entry, pinnedAs: options.pinAs };
    const indexKey = `${CacheStore.indexPrefix(queryId)}${dataset.provenance.collectedAt.replace(/[:.]/g, '-')}-${this.runId}-${this.runAttempt}-`;
    const indexFile = join(this.dir, `${CacheStore.indexPrefix(queryId)}index.json`);
    await writeFile(indexFile, JSON.stringify(index));
    await cache.saveCache([indexFile], indexKey);
    this.logger.info(`stored dataset ${key} in the Actions cache`);
    return entry;
  }

  async list(queryId: string, options: { limit?: number; before?: string } = {}): Promise<StoredEntry[]> {
    const { entries } = await this.index(queryId);
    const earlier = options.before ? entries.filter((e) => e.collectedAt < options.before!) : entries;
    return earlier.slice(0, options.limit ?? earlier.length);
  }

  async load(entry: StoredEntry): Promise<LoadResult> {
    const file = this.fileOf(entry.key);
    try {
      const hit = await cache.restoreCache([file], entry.key);
      if (!hit)
        return {
          ok: false,
          problem: `dataset ${entry.key} is no longer in the Actions cache (evicted after 7 days unused?)`,
        };
    } catch (error) {
      return {
        ok: false,
        problem: `dataset ${entry.key} could not be restored from the Actions cache: ${(error as Error).message}`,
      };
    }
    return readDatasetFile(file);
  }

  async pinned(queryId: string, name: string): Promise<StoredEntry | undefined> {
    return (await this.index(queryId)).pins[name];
  }
}
