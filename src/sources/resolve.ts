import { stat } from 'node:fs/promises';
import type { QueryConfig } from '../config/types.js';
import { isDatasetFile } from '../dataset/index.js';
import type { Dataset } from '../dataset/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import type { DatasetStore } from '../store/types.js';
import { loadTraceFiles } from './files/index.js';
import { readSpanFiles, type SpanFilesOptions } from './files/spans.js';
import { lightstepApiUrl, sourceFor, type SourceSettings } from './index.js';

/** Lightstep snapshot ids are 10 base62 characters (lightstep-api.md §1). */
const SNAPSHOT_ID = /^[A-Za-z0-9]{10}$/;

/** The argument that collects the query from its configured source (Tempo, Jaeger, Zipkin, Lightstep, OTLP) now. */
export const COLLECT_NOW = 'now';

export interface ResolveContext {
  sources: SourceSettings;
  store?: DatasetStore;
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * "Where a dataset comes from", for an argument of the CLI or the action, tried in this order:
 * a file or folder (a trace-differ dataset, or trace files of any format read, recognised from
 * their content), a key (or pin name) of the store, a Lightstep snapshot id, or `now`: a
 * collection of the query's own source (a backend query over its window).
 */
export async function resolveDataset(
  ref: string,
  query: QueryConfig,
  ctx: ResolveContext,
  options: Pick<SpanFilesOptions, 'groupBy'> = {},
): Promise<Dataset> {
  const file = await stat(ref).catch(() => undefined);
  if (file?.isFile() && (await isDatasetFile(ref))) {
    // As stored (no filter), through the reader of files: a large one is read in a worker beside the other side.
    return readSpanFiles([ref], { queryId: query.id, ...options });
  }
  if (file?.isFile() || file?.isDirectory()) {
    return loadTraceFiles(ref, {
      queryId: query.id,
      queryName: query.name,
      filter: query.source.kind === 'otlp' ? query.query : undefined,
      ...options,
    });
  }
  if (ctx.store) {
    const entries = await ctx.store.list(query.id, { limit: 1000 });
    const entry = entries.find((e) => e.key === ref || e.pinnedAs === ref);
    if (entry) {
      const loaded = await ctx.store.load(entry);
      if (!loaded.ok) throw new InputError(loaded.problem, 'choose another stored dataset');
      return loaded.dataset;
    }
  }
  if (ref === COLLECT_NOW) {
    return sourceFor(query, ctx.sources).collect(query, { logger: ctx.logger, signal: ctx.signal });
  }
  if (SNAPSHOT_ID.test(ref) && query.source.kind === 'lightstep') {
    const { collectSnapshot } = await import('./lightstep/index.js');
    const ls = ctx.sources.lightstep;
    if (!ls.apiKey) {
      throw new InputError(
        `'${ref}' looks like a Lightstep snapshot id, but no API key was given`,
        'set LIGHTSTEP_API_KEY',
      );
    }
    return collectSnapshot(ref, {
      apiKey: ls.apiKey,
      organization: ls.organization ?? query.source.organization,
      project: ls.project ?? query.source.project,
      apiUrl: lightstepApiUrl(query, ctx.sources),
      // Both sides may be snapshots fetched at once: the client's per-organization limiters keep them within the API's limits together.
      dispatcher: ls.dispatcher,
      requestsPerSecond: ls.requestsPerSecond ?? query.source.requestsPerSecond,
      snapshotRequestsPerHour: ls.snapshotRequestsPerHour ?? query.source.snapshotRequestsPerHour,
      timeScale: ctx.sources.timeScale,
      query,
      logger: ctx.logger,
    });
  }
  throw new InputError(
    `'${ref}' is not a file, a folder, a stored dataset key, a Lightstep snapshot id or '${COLLECT_NOW}'`,
    `pass the path of a dataset or trace file (check the spelling and the working directory), or '${COLLECT_NOW}' to collect the query's source`,
  );
}
