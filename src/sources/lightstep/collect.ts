import PQueue from 'p-queue';
import type { QueryConfig } from '../../config/types.js';
import { assembleDataset } from '../../dataset/assemble.js';
import { SpanTableBuilder } from '../../dataset/table.js';
import type { CoverageFailure, Dataset } from '../../dataset/types.js';
import { SourceError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { HttpError, LightstepHttp } from './http.js';
import { storedTraceInto } from './normalise.js';
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
  /** A line every this many ms while waiting for complete-time, so that a CI log never looks hung. */
  progressEveryMs?: number;
}

const MAX_FAILURES_KEPT = 50;
const PROGRESS_EVERY_MS = 15_000;

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
        `Lightstep does not know organization '${http.organization}' with project '${http.project}' at ${http.host} (${error.message})`,
        'check source.lightstep.organization and project in the config',
      );
    }
    if (error instanceof SourceError) throw error;
    if (error instanceof HttpError && error.status === 429) {
      throw new SourceError(
        `Lightstep's rate limit refused the snapshot of ${JSON.stringify(query)} on every try`,
        'the snapshot endpoints allow 60 requests an hour per organization: run fewer queries per hour, or spread their schedules',
      );
    }
    // Not retried: the server may have created the snapshot before failing, and each create
    // spends one of the organization's 60 snapshot requests an hour.
    throw new SourceError(
      `Lightstep did not confirm the snapshot of ${JSON.stringify(query)}: ${(error as Error).message}`,
      'this is usually passing trouble at Lightstep or on the network; the next run will try again',
      { cause: error },
    );
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
      const step = (wait.progressEveryMs ?? PROGRESS_EVERY_MS) * timeScale;
      for (let left = ms; left > 0; left -= step) {
        await http.sleep(Math.min(left, step));
        if (left > step)
          logger.info(`snapshot ${snapshotId}: still collecting, ${Math.ceil((left - step) / 1000)} s to go`);
      }
    }
  }
  let delay = wait.pollDelayMs;
  for (let poll = 1; ; poll++) {
    let response: SnapshotResponse;
    try {
      response = await http.call<SnapshotResponse>(
        'GET',
        `/snapshots/${encodeURIComponent(snapshotId)}?include-exemplars=1`,
        { snapshotEndpoint: true },
      );
    } catch (error) {
      if (error instanceof SourceError) throw error;
      if (error instanceof HttpError && error.status === 404)
        throw new SourceError(
          `Lightstep has no snapshot '${snapshotId}' at ${http.host} (${error.message})`,
          'check the snapshot id, and that it belongs to the configured organization and project',
        );
      throw new SourceError(
        `could not read snapshot ${snapshotId}: ${(error as Error).message}`,
        'this is usually passing trouble at Lightstep or on the network; the next run will try again',
        { cause: error },
      );
    }
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

/** The trace an exemplar names, under any of the spellings the API uses elsewhere (none is confirmed here). */
function exemplarTrace(e: Exemplar): string | undefined {
  const id = e['trace-guid'] ?? e.trace_guid ?? e['trace-id'];
  return typeof id === 'string' && id ? id : undefined;
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
): Promise<{
  /** The spans of the traces fetched, written as they came. */
  builder: SpanTableBuilder;
  fetched: number;
  failures: CoverageFailure[];
  failed: number;
  wanted: number;
  requests: number;
  /** Fetches that brought no span not already held: a trace reached twice (only when exemplars do not name traces). */
  repeats: number;
  /** Failed exemplars that do not name their trace: when there are any, `failed` is partly an estimate. */
  failedExemplars: number;
}> {
  /** The span ids held, with their trace ids. */
  const held = new Map<string, string>();
  const builder = new SpanTableBuilder();
  const failures: CoverageFailure[] = [];
  let failed = 0;
  let fetched = 0;
  let requests = 0;
  let repeats = 0;
  // Exemplars that name their trace are grouped by it and fetched once each. The others can only
  // be matched to a trace once it is fetched, so fetches running at once might reach one trace
  // twice. They go in waves of one operation at a time (same service and span name): spans of
  // one operation are, almost always, in different traces, so a wave's fetches rarely meet, and
  // each wave starts only when the last has landed, so its exemplars already held are skipped.
  const byTrace = new Map<string, string[]>();
  const byOperation = new Map<string, string[][]>();
  for (const e of exemplars) {
    const spanId = e['span-guid'];
    if (typeof spanId !== 'string' || !spanId) continue;
    const trace = exemplarTrace(e);
    if (trace) {
      const list = byTrace.get(trace);
      if (list) list.push(spanId);
      else byTrace.set(trace, [spanId]);
    } else {
      const operation = JSON.stringify([e['service-name'] ?? '', e['span-name'] ?? '']);
      const wave = byOperation.get(operation);
      if (wave) wave.push([spanId]);
      else byOperation.set(operation, [[spanId]]);
    }
  }
  const named = [...byTrace.values()];
  const unnamed = [...byOperation.values()].sort((a, b) => b.length - a.length);
  const waves = [named, ...unnamed].filter((w) => w.length > 0);
  // Failures of exemplars that do not name their trace, per wave: see `failedTraces` below.
  const waveFailures = new Map<readonly string[][], number>();
  const total = waves.reduce((n, w) => n + w.length, 0);
  let done = 0;
  let lastReport = Date.now();
  // Whether an exemplar is already held is decided when its fetch starts, not when it is queued.
  const fetches = new PQueue({ concurrency: http.concurrency });
  // On cancellation the fetches not yet started are dropped; those in flight are aborted by the client.
  const dropQueued = () => fetches.clear();
  http.signal?.addEventListener('abort', dropQueued, { once: true });
  try {
    for (const wave of waves) {
      const unnamedWave = wave !== named;
      await fetches.addAll(
        wave.map((spanIds) => async () => {
          const first = spanIds.find((id) => !held.has(id));
          if (first) {
            requests++;
            try {
              const response = await http.call<StoredTracesResponse>(
                'GET',
                `/stored-traces?span-id=${encodeURIComponent(first)}`,
                { snapshotEndpoint: false },
              );
              if (storedTraceInto(response, builder, held) > 0) fetched++;
              else repeats++;
            } catch (error) {
              if (error instanceof SourceError) throw error;
              if (unnamedWave) waveFailures.set(wave, (waveFailures.get(wave) ?? 0) + 1);
              else failed++;
              if (failures.length < MAX_FAILURES_KEPT) failures.push({ ref: first, reason: (error as Error).message });
            }
          }
          done++;
          if (Date.now() - lastReport > 5000) {
            lastReport = Date.now();
            logger.info(`${done} of ${total} exemplar groups done, ${fetched} traces fetched`);
          }
        }),
      );
    }
  } catch (error) {
    // The queue rejects the fetches it dropped with its own AbortError: the cancellation is the news.
    http.checkCancelled();
    throw error;
  } finally {
    http.signal?.removeEventListener('abort', dropQueued);
  }
  http.checkCancelled();
  const failedExemplars = [...waveFailures.values()].reduce((a, b) => a + b, 0);
  failed += failedTraces(unnamed, waveFailures, held);
  return {
    builder,
    fetched,
    failures,
    failed,
    wanted: fetched + failed,
    requests,
    repeats,
    failedExemplars,
  };
}

/**
 * How many traces the failed exemplars that do not name their trace stand for. A trace that
 * fails fails for each of its exemplars, so counting exemplars overstates it (about threefold in
 * the simulator's traffic). Which failed exemplars share a trace cannot be known, so it is
 * estimated: failed exemplars ÷ exemplars per trace, the latter measured on the traces that
 * were fetched. It is kept between what is certain: at least the most failures of one
 * operation (whose exemplars lie in distinct traces), at most the failed exemplars.
 */
function failedTraces(
  waves: readonly (readonly string[][])[],
  waveFailures: ReadonlyMap<readonly string[][], number>,
  held: ReadonlyMap<string, string>,
): number {
  const failedExemplars = [...waveFailures.values()].reduce((a, b) => a + b, 0);
  if (failedExemplars === 0) return 0;
  const atLeast = Math.max(...waveFailures.values());
  let coveredExemplars = 0;
  const traces = new Set<string>();
  for (const wave of waves)
    for (const [spanId] of wave) {
      const traceId = held.get(spanId!);
      if (traceId === undefined) continue;
      coveredExemplars++;
      traces.add(traceId);
    }
  if (coveredExemplars === 0) return atLeast;
  const estimate = Math.round(failedExemplars / (coveredExemplars / traces.size));
  return Math.min(failedExemplars, Math.max(atLeast, estimate));
}

export interface CollectSettings {
  wait: WaitPolicy;
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
  if (exemplars.length === 0)
    settings.logger.warn(
      `snapshot ${snapshot.id} of ${JSON.stringify(query.query)} found no spans: check that the query matches traffic`,
    );
  else settings.logger.info(`snapshot ${snapshot.id}: ${exemplars.length} exemplars; fetching their traces`);
  const traces = await fetchTraces(http, exemplars, settings.logger);
  const complete = traces.failed === 0;
  settings.logger.info(
    `snapshot ${snapshot.id}: ${traces.builder.size} spans from ${traces.fetched} of ${traces.wanted} traces in ${traces.requests} requests${complete ? '' : ` (${traces.failedExemplars ? 'about ' : ''}${traces.failed} failed: the dataset is partial)`}`,
  );
  if (traces.repeats > 0)
    settings.logger.debug(
      `${traces.repeats} stored-trace requests reached a trace already held: the exemplars do not name their trace`,
    );
  if (traces.failedExemplars > 0)
    settings.logger.info(
      `snapshot ${snapshot.id}: ${traces.failedExemplars} exemplars that do not name their trace could not be fetched; from the exemplars per trace fetched, they stand for about ${traces.failed} traces`,
    );
  if (!complete) {
    const reasons = [...new Set(traces.failures.map((f) => f.reason))].slice(0, 3).join('; ');
    settings.logger.warn(
      `snapshot ${snapshot.id}: coverage ${traces.fetched} of ${traces.wanted} traces (${Math.floor((100 * traces.fetched) / Math.max(1, traces.wanted))} %); the dataset is partial, so no value will be called missing on its strength. Failures: ${reasons}`,
    );
  }
  return assembleDataset(traces.builder, {
    provenance: {
      source: 'lightstep',
      queryId: query.id,
      queryName: query.name,
      query: query.query,
      snapshotId: snapshot.id,
      ...(snapshot.createdAt ? { createdAt: new Date(snapshot.createdAt).toISOString() } : {}),
      ...(completeAt ? { completeAt: new Date(completeAt).toISOString() } : {}),
      collectedAt: new Date().toISOString(),
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
  });
}

export interface ListedSnapshot {
  id: string;
  query?: string;
  /** When it finished (or finishes) collecting, ms since the epoch, when the list states it. */
  completeAt?: number;
}

export async function listSnapshots(http: LightstepHttp): Promise<ListedSnapshot[]> {
  let response: SnapshotListResponse;
  try {
    response = await http.call<SnapshotListResponse>('GET', '/snapshots', { snapshotEndpoint: true });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      `could not list the snapshots at ${http.host}: ${(error as Error).message}`,
      'check the organization and project names; if they are right, try again later',
      { cause: error },
    );
  }
  const out: ListedSnapshot[] = [];
  for (const s of Array.isArray(response.data) ? response.data : []) {
    if (typeof s?.id !== 'string' || !s.id) continue;
    const query = s.attributes?.query;
    const completeAt = parseCompleteTime(s.attributes?.['complete-time']);
    out.push({
      id: s.id,
      ...(typeof query === 'string' ? { query } : {}),
      ...(completeAt !== undefined ? { completeAt } : {}),
    });
  }
  return out;
}
