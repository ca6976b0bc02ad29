import { stat } from 'node:fs/promises';
import type { QueryConfig } from '../config/types.js';
import { isDatasetFile, readDatasetFile } from '../dataset/index.js';
import type { Dataset } from '../dataset/types.js';
import { InputError } from '../errors.js';
import type { Report } from '../report/types.js';
import { filesOf, readSpanFiles } from '../sources/files.js';
import { lightstepApiUrl } from '../sources/index.js';
import { runQuery } from './collect-query.js';
import type { ModeContext } from './context.js';
import { worstVerdict } from './outcomes.js';

/** Lightstep snapshot ids are 10 base62 characters (lightstep-api.md §1). */
const SNAPSHOT_ID = /^[A-Za-z0-9]{10}$/;

/**
 * Resolves one side of `diff`: a file (a trace-differ dataset, OTLP JSON, or the seed's span JSON/NDJSON),
 * a key of the store, or a Lightstep snapshot id — in that order.
 */
export async function loadSide(
  ref: string,
  query: QueryConfig,
  ctx: Pick<ModeContext, 'store' | 'sources' | 'logger'>,
): Promise<Dataset> {
  const file = await stat(ref).catch(() => undefined);
  if (file?.isFile() || file?.isDirectory()) {
    if (file.isFile() && (await isDatasetFile(ref))) {
      const loaded = await readDatasetFile(ref);
      if (!loaded.ok) throw new InputError(loaded.problem, 'pass a dataset written by trace-differ, or the span JSON');
      return loaded.dataset;
    }
    // Any accepted format, a folder of files in any mix of them: one dataset.
    return readSpanFiles(await filesOf(ref), {
      queryId: query.id,
      queryName: query.name,
      filter: query.source.kind === 'otlp' ? query.query : undefined,
      origin: ref,
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
  if (SNAPSHOT_ID.test(ref) && query.source.kind === 'lightstep') {
    const { collectSnapshot } = await import('../sources/lightstep/index.js');
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
    `'${ref}' is not a file, a stored dataset key, or a Lightstep snapshot id`,
    'pass the path of a dataset or span JSON file (check the spelling and the working directory)',
  );
}

/** `diff`: two given datasets, compared with one query's settings. Nothing is stored. */
export async function diffMode(
  ctx: ModeContext,
  query: QueryConfig,
  baselineRef: string,
  currentRef: string,
): Promise<Report> {
  const [baseline, current] = await Promise.all([loadSide(baselineRef, query, ctx), loadSide(currentRef, query, ctx)]);
  // The given baseline replaces the store's choice: diff exactly what was asked for.
  const run = await runQuery(query, { ...ctx, store: undefined }, { current, keep: false, baseline: [baseline] });
  const outcomes = [run.outcome];
  return { mode: 'diff', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}
