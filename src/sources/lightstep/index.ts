/** sources/lightstep: a Lightstep (ServiceNow Cloud Observability) query → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import type { Dataset } from '../../dataset/types.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import type { CollectContext, Source } from '../source.js';
import { collectSnapshotDataset, createSnapshot, listSnapshots as list, type WaitPolicy } from './collect.js';
import { LightstepHttp, type LightstepHttpOptions } from './http.js';

export { LightstepHttp, HttpError } from './http.js';
export { parseCompleteTime } from './shapes.js';
export { normaliseStoredTrace } from './normalise.js';

export interface LightstepOptions extends Omit<LightstepHttpOptions, 'logger'> {
  wait?: Partial<WaitPolicy>;
  /** Multiplies every wait for the snapshot (the demo and tests use a small one). */
  timeScale?: number;
}

const DEFAULT_WAIT: WaitPolicy = { marginMs: 5000, polls: 8, pollDelayMs: 5000 };

function http(options: LightstepOptions, logger: Logger): LightstepHttp {
  return new LightstepHttp({ ...options, logger });
}

/** The Lightstep source: create a snapshot, wait until complete, fetch every trace behind its exemplars. */
export function createLightstepSource(options: LightstepOptions): Source {
  return {
    kind: 'lightstep',
    async collect(query: QueryConfig, context: CollectContext): Promise<Dataset> {
      const client = http(options, context.logger);
      const createdAt = Date.now();
      const snapshot = await createSnapshot(client, query.query);
      context.logger.info(`created snapshot ${snapshot.id} at ${client.host}`);
      return collectSnapshotDataset(
        client,
        query,
        { ...snapshot, createdAt },
        {
          wait: { ...DEFAULT_WAIT, ...options.wait },
          timeScale: options.timeScale ?? 1,
          logger: context.logger,
          concurrency: options.concurrency,
        },
      );
    },
  };
}

/** A dataset from an existing snapshot id (`diff` by snapshot id). */
export async function collectSnapshot(
  snapshotId: string,
  options: LightstepOptions & { query: Pick<QueryConfig, 'id' | 'name' | 'query'>; logger?: Logger },
): Promise<Dataset> {
  const logger = options.logger ?? silentLogger;
  return collectSnapshotDataset(
    http(options, logger),
    options.query,
    { id: snapshotId },
    {
      wait: { ...DEFAULT_WAIT, ...options.wait, marginMs: 0 },
      timeScale: options.timeScale ?? 1,
      logger,
      concurrency: options.concurrency,
    },
  );
}

export async function listSnapshots(
  options: LightstepOptions,
  logger: Logger = silentLogger,
): Promise<{ id: string; query?: string }[]> {
  return list(http(options, logger));
}
