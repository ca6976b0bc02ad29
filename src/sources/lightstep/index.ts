/** sources/lightstep: a Lightstep (ServiceNow Cloud Observability) query → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import type { Dataset } from '../../dataset/types.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { CollectContext, Source } from '../source.js';
import {
  collectSnapshotDataset,
  createSnapshot,
  listSnapshots as list,
  type ListedSnapshot,
  type WaitPolicy,
} from './collect.js';
import { LightstepHttp, type LightstepHttpOptions } from './http.js';

export { LightstepHttp, HttpError, limitsFor, retryAfterMs, type RetryPolicy } from './http.js';
export { SlidingWindowLimiter } from './limiter.js';
export { parseCompleteTime } from './shapes.js';
export { normaliseStoredTrace } from './normalise.js';
export type { ListedSnapshot, WaitPolicy } from './collect.js';

export interface LightstepOptions extends Omit<LightstepHttpOptions, 'logger'> {
  wait?: Partial<WaitPolicy>;
  /** Multiplies every wait for the snapshot (the demo and tests use a small one). */
  timeScale?: number;
}

const DEFAULT_WAIT: WaitPolicy = { marginMs: 5000, polls: 8, pollDelayMs: 5000 };

async function withClient<T>(options: LightstepOptions, logger: Logger, fn: (http: LightstepHttp) => Promise<T>) {
  const http = new LightstepHttp({ ...options, logger });
  try {
    return await fn(http);
  } finally {
    await http.close();
  }
}

/** The Lightstep source: create a snapshot, wait until complete, fetch every trace behind its exemplars. */
export function createLightstepSource(options: LightstepOptions): Source {
  return {
    kind: 'lightstep',
    collect(query: QueryConfig, context: CollectContext): Promise<Dataset> {
      return withClient(options, context.logger, async (client) => {
        const createdAt = Date.now();
        const snapshot = await createSnapshot(client, query.query);
        context.logger.info(`created snapshot ${snapshot.id} at ${client.host}`);
        return collectSnapshotDataset(
          client,
          query,
          { ...snapshot, createdAt },
          { wait: { ...DEFAULT_WAIT, ...options.wait }, timeScale: options.timeScale ?? 1, logger: context.logger },
        );
      });
    },
  };
}

/** A dataset from an existing snapshot id (`diff` by snapshot id). */
export async function collectSnapshot(
  snapshotId: string,
  options: LightstepOptions & { query: Pick<QueryConfig, 'id' | 'name' | 'query'>; logger?: Logger },
): Promise<Dataset> {
  const logger = options.logger ?? silentLogger;
  return withClient(options, logger, (client) =>
    collectSnapshotDataset(
      client,
      options.query,
      { id: snapshotId },
      { wait: { ...DEFAULT_WAIT, ...options.wait, marginMs: 0 }, timeScale: options.timeScale ?? 1, logger },
    ),
  );
}

/** The organization's snapshots, in the order the API lists them (oldest first, as far as is known). */
export async function listSnapshots(
  options: LightstepOptions,
  logger: Logger = silentLogger,
): Promise<ListedSnapshot[]> {
  return withClient(options, logger, (client) => list(client));
}

/**
 * The newest listed snapshot of exactly this query, to pick up instead of creating one (each
 * create spends one of the 60 snapshot requests an hour). The list's order is not confirmed:
 * a snapshot that states a complete-time is ranked by it, otherwise the last listed wins.
 */
export async function findSnapshot(
  query: string,
  options: LightstepOptions,
  logger: Logger = silentLogger,
): Promise<ListedSnapshot | undefined> {
  const matching = (await listSnapshots(options, logger)).filter((s) => s.query?.trim() === query.trim());
  let best: ListedSnapshot | undefined;
  let bestIndex = -1;
  matching.forEach((s, i) => {
    const newer =
      best === undefined ||
      (s.completeAt !== undefined && best.completeAt !== undefined ? s.completeAt >= best.completeAt : i > bestIndex);
    if (newer) {
      best = s;
      bestIndex = i;
    }
  });
  return best;
}
