/** sources/lightstep: a Lightstep (ServiceNow Cloud Observability) query → a span dataset. */
import type { QueryConfig } from '../../config/types.js';
import type { Dataset } from '../../dataset/types.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import { SourceError } from '../../errors.js';
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
  /** When to pick up a snapshot of the same query instead of creating one (see `SnapshotReuse`). */
  reuse?: SnapshotReuse;
}

/**
 * Picking up a recent snapshot of exactly the same query text instead of creating one. Every
 * snapshot request (create, read, list) spends one of the organization's 60 an hour, so:
 * - Within one run, a snapshot created for a query text is remembered (in `memo`, shared by the
 *   run's queries) and reused by any other query of the same text: free, no request at all.
 * - Listing (`GET /snapshots`) costs one snapshot request, the same as the create it may save; it
 *   pays only when it can find something, which is on a re-run of a failed job (the failed
 *   attempt's snapshots are there), where one list serves every query of the run. On a first
 *   attempt a matching recent snapshot belongs to another run (an earlier schedule), and
 *   reusing it would diff the same traffic twice; so the list is asked only when `list` is set
 *   (the action sets it when GITHUB_RUN_ATTEMPT > 1).
 * The list is not known to state when a snapshot was taken (lightstep-api.md §4): a listed
 * snapshot is reused only when it states a complete-time no older than `withinMs`; one of
 * unknown age is never picked up, since it might be weeks old.
 */
export interface SnapshotReuse {
  /** How old (by complete-time) a snapshot may be to be picked up, ms; 0 turns reuse off. Default 15 min. */
  withinMs?: number;
  /** List the organization's snapshots before creating one (one snapshot request per run). Default false. */
  list?: boolean;
  /** Shared by the queries of one run (`newSnapshotMemo()`); without it, nothing is remembered between collects. */
  memo?: SnapshotMemo;
}

export const DEFAULT_REUSE_WITHIN_MS = 15 * 60_000;

interface TakenSnapshot {
  id: string;
  completeAt?: number;
  createdAt?: number;
  /** Picked up from the list: taken by an earlier attempt, which may have failed on it. */
  listed?: boolean;
}

/** What one run has created and listed, per API host, organization and project. */
export interface SnapshotMemo {
  snapshots: Map<string, Promise<TakenSnapshot>>;
  listed: Map<string, Promise<ListedSnapshot[]>>;
}

export function newSnapshotMemo(): SnapshotMemo {
  return { snapshots: new Map(), listed: new Map() };
}

const ago = (ms: number) =>
  ms < 90_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;

/** A recent snapshot of this query picked up (from this run, or listed), or a new one. */
async function takeSnapshot(
  client: LightstepHttp,
  text: string,
  reuse: SnapshotReuse,
  logger: Logger,
  createNew = false,
): Promise<TakenSnapshot> {
  const withinMs = createNew ? 0 : (reuse.withinMs ?? DEFAULT_REUSE_WITHIN_MS);
  const memo = reuse.memo;
  const scope = `${client.host}\n${client.organization}\n${client.project}`;
  const key = `${scope}\n${text.trim()}`;
  const fresh = (s: TakenSnapshot) => {
    const at = s.completeAt ?? s.createdAt;
    return at !== undefined && at >= Date.now() - withinMs;
  };
  if (withinMs > 0 && memo?.snapshots.has(key)) {
    const earlier = await client.unlessCancelled(memo.snapshots.get(key)!.catch(() => undefined));
    if (earlier && fresh(earlier)) {
      logger.info(
        `reusing snapshot ${earlier.id}, taken ${ago(Date.now() - (earlier.createdAt ?? Date.now()))} ago in this run for the same query text (no new snapshot request)`,
      );
      return earlier;
    }
  }
  const taking = (async (): Promise<TakenSnapshot> => {
    if (withinMs > 0 && reuse.list) {
      let listing = memo?.listed.get(scope);
      if (!listing) {
        listing = list(client);
        memo?.listed.set(scope, listing);
      }
      try {
        const matching = (await client.unlessCancelled(listing)).filter((s) => s.query?.trim() === text.trim());
        const dated = matching.filter((s) => s.completeAt !== undefined && s.completeAt >= Date.now() - withinMs);
        const newest = dated.sort((a, b) => b.completeAt! - a.completeAt!)[0];
        if (newest) {
          logger.info(
            `reusing snapshot ${newest.id} of the same query text, complete ${newest.completeAt! <= Date.now() ? `${ago(Date.now() - newest.completeAt!)} ago` : 'soon'} (a re-run picks up its earlier attempt's snapshot rather than spend a new snapshot request)`,
          );
          return { ...newest, listed: true };
        }
        const undated = matching.length - matching.filter((s) => s.completeAt !== undefined).length;
        logger.info(
          `no snapshot of this query text complete in the last ${ago(withinMs)} among those listed${undated ? ` (${undated} listed without a complete-time: their age is unknown, so they are not picked up)` : ''}; creating one`,
        );
      } catch (error) {
        client.checkCancelled();
        // Listing only saves budget; a failure here must not cost the collection. A real problem
        // (bad key, limit used up) is met again, and reported, by the create.
        logger.warn(`could not list the snapshots to pick one up (${(error as Error).message}); creating one`);
      }
    }
    const createdAt = Date.now();
    const created = await createSnapshot(client, text);
    logger.info(`created snapshot ${created.id} at ${client.host}`);
    return { ...created, createdAt };
  })();
  if ((withinMs > 0 || createNew) && memo) {
    memo.snapshots.set(key, taking);
    taking.catch(() => {
      if (memo.snapshots.get(key) === taking) memo.snapshots.delete(key);
    });
  }
  return taking;
}

const DEFAULT_WAIT: WaitPolicy = { marginMs: 5000, polls: 8, pollDelayMs: 5000 };

async function withClient<T>(
  options: LightstepOptions,
  logger: Logger,
  fn: (http: LightstepHttp) => Promise<T>,
  signal: AbortSignal | undefined = options.signal,
) {
  const http = new LightstepHttp({ ...options, logger, signal });
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
      return withClient(
        options,
        context.logger,
        async (client) => {
          const settings = {
            wait: { ...DEFAULT_WAIT, ...options.wait },
            timeScale: options.timeScale ?? 1,
            logger: context.logger,
          };
          const reuse = options.reuse ?? {};
          const snapshot = await takeSnapshot(client, query.query, reuse, context.logger);
          try {
            return await collectSnapshotDataset(client, query, snapshot, settings);
          } catch (error) {
            // The failed attempt may have failed on this very snapshot (it never completed, or
            // listed no exemplars): one new snapshot is worth its request then.
            if (!snapshot.listed || !(error instanceof SourceError) || client.signal?.aborted) throw error;
            context.logger.warn(
              `the picked-up snapshot ${snapshot.id} could not be collected (${error.message}); taking a new one`,
            );
            const created = await takeSnapshot(client, query.query, reuse, context.logger, true);
            return collectSnapshotDataset(client, query, created, settings);
          }
        },
        context.signal && options.signal
          ? AbortSignal.any([context.signal, options.signal])
          : (context.signal ?? options.signal),
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
