import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDatasetFile, writeDatasetFile } from '../dataset/index.js';
import { summariseDataset } from './summary.js';
import type { Dataset, HistoryEntry } from '../dataset/types.js';
import type { DatasetStore, LoadResult, StoredEntry } from './types.js';

import type { Logger } from '../log.js';
import { HISTORY_LENGTH, listed, readIndex, withEntry, withRun } from './history.js';

/** A file-system-safe, time-ordered key: `2026-11-24T04-19-00-000Z-<run>`. */
export function datasetKey(dataset: Dataset, suffix: string): string {
  return `${dataset.provenance.collectedAt.replace(/[:.]/g, '-')}-${suffix}`;
}

/**
 * Datasets in a directory: `<dir>/<query>/<key>.tdds`, with `<dir>/<query>/history.json`
 * (newest first) and `<dir>/<query>/pins.json` (name → key). For the CLI, `npm start`, and
 * self-hosted runners that keep a disk.
 */
export class LocalStore implements DatasetStore {
  readonly kind = 'local';

  constructor(
    readonly dir: string,
    private readonly suffix: () => string = () => Math.random().toString(36).slice(2, 8),
    private readonly logger?: Logger,
  ) {}

  /** The history or pins file, validated line by line: a bad line is named and left out. */
  private async readValidated(queryId: string, file: 'history.json' | 'pins.json') {
    const raw = await this.readJson<unknown>(join(this.queryDir(queryId), file), undefined);
    if (raw === undefined) return undefined;
    try {
      const { index, problems } = readIndex(
        file === 'pins.json' ? { entries: [], pins: raw } : { entries: raw },
        queryId,
      );
      for (const problem of problems) this.logger?.warn(`${join(this.queryDir(queryId), file)}: ${problem}`);
      return index;
    } catch {
      return undefined;
    }
  }

  private queryDir(queryId: string): string {
    return join(this.dir, queryId);
  }

  fileOf(entry: Pick<StoredEntry, 'queryId' | 'key'>): string {
    return join(this.queryDir(entry.queryId), `${entry.key}.tdds`);
  }

  private async readJson<T>(file: string, fallback: T): Promise<T> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch {
      return fallback;
    }
  }

  private async writeJson(file: string, value: unknown): Promise<void> {
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(value, null, 1));
    await rename(temp, file);
  }

  /** The ids of the queries this store holds datasets of, sorted. */
  async queryIds(): Promise<string[]> {
    const entries = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    const ids: string[] = [];
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const names = await readdir(join(this.dir, e.name)).catch(() => [] as string[]);
      if (names.some((n) => n === 'history.json' || n.endsWith('.tdds'))) ids.push(e.name);
    }
    return ids.sort();
  }

  async history(queryId: string): Promise<HistoryEntry[]> {
    const file = join(this.queryDir(queryId), 'history.json');
    const stored = await this.readValidated(queryId, 'history.json');
    if (stored) return stored.entries;
    // A missing or damaged index is rebuilt from the dataset files beside it (their names start
    // with the time they were collected), so neither the baselines nor the trend are lost.
    const names = await readdir(this.queryDir(queryId)).catch(() => [] as string[]);
    const keys = names
      .filter((n) => n.endsWith('.tdds'))
      .map((n) => n.slice(0, -'.tdds'.length))
      .sort()
      .reverse()
      .slice(0, HISTORY_LENGTH);
    const rebuilt: HistoryEntry[] = [];
    for (const key of keys) {
      const loaded = await readDatasetFile(this.fileOf({ queryId, key }));
      if (loaded.ok)
        rebuilt.push(withRun(summariseDataset(loaded.dataset, key), loaded.dataset.provenance.github?.runId));
    }
    if (rebuilt.length) await this.writeJson(file, rebuilt);
    return rebuilt;
  }

  async put(dataset: Dataset, options: { pinAs?: string; verdict?: string } = {}): Promise<StoredEntry> {
    const queryId = dataset.provenance.queryId;
    await mkdir(this.queryDir(queryId), { recursive: true });
    const key = datasetKey(dataset, this.suffix());
    const entry = withRun(summariseDataset(dataset, key, options.verdict), dataset.provenance.github?.runId);
    const earlier = await this.history(queryId);
    await writeDatasetFile(this.fileOf(entry), dataset);
    const history = withEntry(earlier, entry);
    await this.writeJson(join(this.queryDir(queryId), 'history.json'), history);
    if (options.pinAs) {
      const pinsFile = join(this.queryDir(queryId), 'pins.json');
      const pins = (await this.readValidated(queryId, 'pins.json'))?.pins ?? {};
      pins[options.pinAs] = { ...entry, pinnedAs: options.pinAs };
      await this.writeJson(pinsFile, pins);
    }
    return entry;
  }

  async list(queryId: string, options: { limit?: number; before?: string } = {}): Promise<StoredEntry[]> {
    return listed(await this.history(queryId), options);
  }

  /**
   * Reads a stored dataset. One that cannot be read is set aside: renamed to `<key>.tdds.set-aside`
   * (kept for a person to look at) and dropped from the history and the pins, so later runs do not trip on it again.
   */
  async load(entry: StoredEntry): Promise<LoadResult> {
    const file = this.fileOf(entry);
    const loaded = await readDatasetFile(file);
    if (loaded.ok) return loaded;
    const aside = `${file}.set-aside`;
    const moved = await rename(file, aside).then(
      () => true,
      () => false,
    );
    const queryDir = this.queryDir(entry.queryId);
    const history = await this.history(entry.queryId);
    if (history.some((e) => e.key === entry.key)) {
      await this.writeJson(
        join(queryDir, 'history.json'),
        history.filter((e) => e.key !== entry.key),
      );
    }
    const pinsFile = join(queryDir, 'pins.json');
    const pins = (await this.readValidated(entry.queryId, 'pins.json'))?.pins ?? {};
    const kept = Object.fromEntries(Object.entries(pins).filter(([, pin]) => pin.key !== entry.key));
    if (Object.keys(kept).length !== Object.keys(pins).length) await this.writeJson(pinsFile, kept);
    return { ok: false, problem: moved ? `${loaded.problem} (moved to ${aside})` : loaded.problem };
  }

  async pinned(queryId: string, name: string): Promise<StoredEntry | undefined> {
    return (await this.readValidated(queryId, 'pins.json'))?.pins[name];
  }
}
