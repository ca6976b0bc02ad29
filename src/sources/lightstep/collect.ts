import PQueue from 'p-queue';
import type { QueryConfig } from '../../config/types.js';
import type { CoverageFailure, Dataset, Span } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { HttpError, LightstepHttp } from './http.js';
import { normaliseStoredTrace } from './normalise.js';
import {
  parseCompleteTime,
  type Exemplar,
  type SnapshotListResponse,
  type SnapshotResponse,
  type StoredTracesResponse,
} from './shapes.js';

export interface WaitPolicy {
  /** Waited after complete-time before the first read (the seed waited 5 s). */
  marginMs: number;
  /** Reads of a snapshot that has no exemplars yet, before giving up. */
  polls: number;
  /** First wait between those reads; doubled each time, capped at 60 s. */
  pollDelayMs: number;
}

const MAX_FAILURES_KEPT = 50;

/** Creates a snapshot of the query; retried only on 429 (anything else might have created one). */
export async function createSnapshot(http: LightstepHttp, query: string): Promise<{ id: string; completeAt?: number }> {
  let response: SnapshotResponse;
  try {
    response = await http.call<SnapshotResponse>('POST', '/snapshots', {
      body: { data: { attributes: { query } } },
      snapshotEndpoint: true,
      retryOnlyOn429: true,
    });
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) {
      throw new SourceError(
        `Lightstep rejected the query ${JSON.stringify(query)}: ${error.message}`,
        'check the query syntax, e.g. service IN ("android")',
      );
    }
    if (error instanceof HttpError && error.status === 404) {
      throw new SourceError(
        `Lightstep does not know this organization or project (${error.message})`,
        'check source.lightstep.organization and project in the config',
      );
    }
    throw error;
  }
  const id = response.data?.id;
  if (!id)
    throw new SourceError(
      'Lightstep answered the snapshot request without a snapshot id',
      'try again later; if it persists, the API has changed',
    );
  return { id, completeAt: parseCompleteTime(response.data?.attributes?.['complete-time']) };
}

/** Waits for complete-time (+ margin), then reads the snapshot until it lists exemplars. */
export async function waitForExemplars(
  http: LightstepHttp,
  snapshotId: string,
  completeAt: number | undefined,
  wait: WaitPolicy,
  logger: Logger,
  timeScale: number,
): Promise<{ exemplars: Exemplar[]; uiLink?: string; completeAt?: number }> {
  if (completeAt !== undefined) {
    const ms = Math.max(0, completeAt - Date.now() + wait.marginMs) * timeScale;
    if (ms > 0) {
      logger.info(
        `snapshot ${snapshotId}: collecting until ${new Date(completeAt).toISOString()}; waiting ${Math.ceil(ms / 1000)} s`,
      );
      await http.sleep(ms);
    }
  }
  let delay = wait.pollDelayMs;
  for (let poll = 1; ; poll++) {
    const response = await http.call<SnapshotResponse>(
      'GET',
      `/snapshots/${encodeURIComponent(snapshotId)}?include-exemplars=1`,
      { snapshotEndpoint: true },
    );
    const exemplars = response.data?.attributes?.exemplars;
    const readCompleteAt = parseCompleteTime(response.data?.attributes?.['complete-time']) ?? completeAt;
    if (Array.isArray(exemplars)) return { exemplars, uiLink: response.links?.['ui-self'], completeAt: readCompleteAt };
    if (poll >= wait.polls) {
      throw new SourceError(
        `snapshot ${snapshotId} listed no exemplars after ${poll} reads: it is not complete, or it found nothing`,
        'check that the query matches traffic in Lightstep, or raise the wait; the next scheduled run will try again',
      );
    }
    logger.info(
      `snapshot ${snapshotId}: not complete yet (read ${poll} of ${wait.polls}); next read in ${Math.ceil((delay * timeScale) / 1000)} s`,
    );
    await http.sleep(delay * timeScale);
    delay = Math.min(delay * 2, 60_000);
  }
}

/**
 * Fetches the stored trace behind every exemplar, each trace once: exemplars are grouped by
 * trace when they name it, and an exemplar whose span is already held (it came in with an
 * earlier trace) is not fetched. A trace that still fails after retries is a coverage failure,
 * never a thrown error: the dataset is then marked partial.
 */
export async function fetchTraces(
  http: LightstepHttp,
  exemplars: readonly Exemplar[],
  logger: Logger,
  concurrency = 8,
): Promise<{ spans: Span[]; fetched: number; failures: CoverageFailure[]; failed: number; wanted: number }> {
  const held = new Map<string, Span>();
  const failures: CoverageFailure[] = [];
  let failed = 0;
  let fetched = 0;
  const byTrace = new Map<string, string[]>();
  for (const e of exemplars) {
    const spanId = e['span-guid'];
    if (!spanId) continue;
    const key = e['trace-guid'] ?? `span:${spanId}`;
    const list = byTrace.get(key);
    if (list) list.push(spanId);
    else byTrace.set(key, [spanId]);
  }
  const groups = [...byTrace.values()];
  let done = 0;
  let lastReport = Date.now();
  // Whether an exemplar is already held is decided when its fetch starts, not when it is queued:
  // with `concurrency` fetches in flight, at most that many can overlap on one trace when the
  // exemplars do not name their trace (with trace ids, each trace is fetched exactly once).
  const fetches = new PQueue({ concurrency });
  await fetches.addAll(
    groups.map((spanIds) => async () => {
      const first = spanIds.find((id) => !held.has(id));
      if (!first) return;
      try {
        const response = await http.call<StoredTracesResponse>(
          'GET',
          `/stored-traces?span-id=${encodeURIComponent(first)}`,
          { snapshotEndpoint: false },
        );
        for (const span of normaliseStoredTrace(response)) if (!held.has(span.spanId)) held.set(span.spanId, span);
        fetched++;
      } catch (error) {
        if (error instanceof SourceError) throw error;
        failed++;
        if (failures.length < MAX_FAILURES_KEPT) failures.push({ ref: first, reason: (error as Error).message });
      }
      done++;
      if (Date.now() - lastReport > 5000) {
        lastReport = Date.now();
        logger.info(`fetched ${done} of ${groups.length} traces`);
      }
    }),
  );
  return { spans: [...held.values()], fetched, failures, failed, wanted: fetched + failed };
}

export interface CollectSettings {
  wait: WaitPolicy;
  concurrency?: number;
  timeScale: number;
  logger: Logger;
}

/** A snapshot's exemplars and their stored traces, as a dataset with provenance and coverage. */
export async function collectSnapshotDataset(
  http: LightstepHttp,
  query: Pick<QueryConfig, 'id' | 'name' | 'query'>,
  snapshot: { id: string; completeAt?: number; createdAt?: number },
  settings: CollectSettings,
): Promise<Dataset> {
  const { exemplars, uiLink, completeAt } = await waitForExemplars(
    http,
    snapshot.id,
    snapshot.completeAt,
    settings.wait,
    settings.logger,
    settings.timeScale,
  );
  settings.logger.info(`snapshot ${snapshot.id}: ${exemplars.length} exemplars; fetching their traces`);
  const traces = await fetchTraces(http, exemplars, settings.logger, settings.concurrency);
  // Spans in time order make the dataset file smaller (start times are delta-encoded) and diffs stable.
  traces.spans.sort((a, b) => a.startUs - b.startUs || a.spanId.localeCompare(b.spanId));
  let start = Infinity;
  let end = -Infinity;
  for (const s of traces.spans) {
    start = Math.min(start, s.startUs);
    end = Math.max(end, s.startUs + s.durationUs);
  }
  const complete = traces.failed === 0;
  settings.logger.info(
    `snapshot ${snapshot.id}: ${traces.spans.length} spans from ${traces.fetched} of ${traces.wanted} traces${complete ? '' : ` (${traces.failed} failed: the dataset is partial)`}`,
  );
  return {
    provenance: {
      source: 'lightstep',
      queryId: query.id,
      queryName: query.name,
      query: query.query,
      snapshotId: snapshot.id,
      ...(snapshot.createdAt ? { createdAt: new Date(snapshot.createdAt).toISOString() } : {}),
      ...(completeAt ? { completeAt: new Date(completeAt).toISOString() } : {}),
      collectedAt: new Date().toISOString(),
      ...(traces.spans.length ? { windowStartUs: start, windowEndUs: end } : {}),
      origin: http.host,
      ...(uiLink ? { uiLink } : {}),
    },
    coverage: {
      complete,
      exemplars: exemplars.length,
      tracesWanted: traces.wanted,
      tracesFetched: traces.fetched,
      tracesFailed: traces.failed,
      failures: traces.failures,
    },
    spans: traces.spans,
  };
}

export async function listSnapshots(http: LightstepHttp): Promise<{ id: string; query?: string }[]> {
  const response = await http.call<SnapshotListResponse>('GET', '/snapshots', { snapshotEndpoint: true });
  return (response.data ?? []).filter((s) => s.id).map((s) => ({ id: s.id!, query: s.attributes?.query }));
}
