/** store: keeps datasets between runs (local directory, Actions cache, artifacts) and chooses baselines. */
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { ArtifactStore } from './artifact.js';
import { CacheStore } from './cache.js';
import { LocalStore } from './local.js';
import type { DatasetStore } from './types.js';

export { LocalStore, datasetKey } from './local.js';
export { HISTORY_LENGTH } from './history.js';
export { CacheStore, keyPart } from './cache.js';
export { ArtifactStore, datasetArtifactName, type ArtifactStoreOptions } from './artifact.js';
export { currentSide, resolveBaseline, type ChosenBaseline, type CurrentSide } from './baseline.js';
export type * from './types.js';

export interface StoreOptions {
  dir: string;
  runId?: string;
  runAttempt?: string;
  logger: Logger;
  /** For `artifact`: the token, repository, retention and the branches whose artifacts are read. */
  token?: string;
  owner?: string;
  repo?: string;
  retentionDays?: number;
  branches?: string[];
  /** GITHUB_REPOSITORY_ID: only this repository's runs (not a fork's) write what the stores read. */
  repositoryId?: number;
  apiUrl?: string;
}

export async function createStore(kind: 'local' | 'cache' | 'artifact', options: StoreOptions): Promise<DatasetStore> {
  if (kind === 'local') return new LocalStore(options.dir, undefined, options.logger);
  if (kind === 'cache') return CacheStore.create(options);
  if (kind === 'artifact') {
    return ArtifactStore.create({
      dir: options.dir,
      token: options.token ?? '',
      owner: options.owner ?? '',
      repo: options.repo ?? '',
      runId: options.runId ?? 'local',
      runAttempt: options.runAttempt,
      retentionDays: options.retentionDays ?? 0,
      branches: options.branches,
      repositoryId: options.repositoryId,
      apiUrl: options.apiUrl,
      logger: options.logger,
    });
  }
  throw new InputError(`unknown store '${String(kind)}'`, "use 'cache', 'artifact', 'local' or 'none'");
}
