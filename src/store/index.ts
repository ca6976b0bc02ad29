/** store: keeps datasets between runs (local directory, Actions cache) and chooses baselines. */
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { CacheStore } from './cache.js';
import { LocalStore } from './local.js';
import type { DatasetStore } from './types.js';

export { LocalStore, datasetKey, HISTORY_LENGTH } from './local.js';
export { CacheStore, keyPart } from './cache.js';
export { resolveBaseline, type ChosenBaseline } from './baseline.js';
export type * from './types.js';

export interface StoreOptions {
  dir: string;
  runId?: string;
  runAttempt?: string;
  logger: Logger;
}

export async function createStore(kind: 'local' | 'cache', options: StoreOptions): Promise<DatasetStore> {
  if (kind === 'local') return new LocalStore(options.dir);
  if (kind === 'cache') return CacheStore.create(options);
  throw new InputError(`unknown store '${String(kind)}'`, "use 'cache', 'local' or 'none'");
}
