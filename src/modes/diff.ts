import { stat } from 'node:fs/promises';
import type { QueryConfig } from '../config/types.js';
import { isDatasetFile, readDatasetFile, readSpansFile } from '../dataset/index.js';
import type { Dataset, Span } from '../dataset/types.js';
import { InputError, UserError } from '../errors.js';
import type { Report } from '../report/types.js';
import { lightstepApiUrl } from '../sources/index.js';
import { isOtlpFile, loadOtlpDataset, parseFilter } from '../sources/otlp/index.js';
import { runQuery } from './collect-query.js';
import { COMMAND_LINE, type ModeContext } from './context.js';
import { checkGroupKeys } from './inspect-sides.js';
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
    if (file.isDirectory() || (await isOtlpFile(ref))) {
      return loadOtlpDataset(ref, {
        queryId: query.id,
        queryName: query.name,
        filter: query.source.kind === 'otlp' ? query.query : undefined,
      });
    }
    return readSpansFile(ref, { queryId: query.id });
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
  const notes: string[] = [];
  // Both sides load at once; when both are wrong, the baseline's mistake is told first, every time.
  const settled = await Promise.allSettled(
    [baselineRef, currentRef].map(async (ref) => checkSide(ref, await loadSide(ref, query, ctx), query, ctx, notes)),
  );
  const [baseline, current] = settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  }) as [Dataset, Dataset];
  // A key no span has is an input error here (exit 2), not a query error as in collect.
  checkGroupKeys(
    query,
    [baseline.spans, current.spans],
    ctx.config.file === COMMAND_LINE ? 'see --group-by' : `see group-by: in ${ctx.config.file}`,
  );
  // The given baseline replaces the store's choice: diff exactly what was asked for.
  const run = await runQuery(query, { ...ctx, store: undefined }, { current, keep: false, baseline: [baseline] });
  const outcomes = [{ ...run.outcome, warnings: [...new Set(notes), ...run.outcome.warnings] }];
  return { mode: 'diff', verdict: worstVerdict(outcomes), outcomes, generatedAt: ctx.now().toISOString() };
}

/**
 * A file side is filtered by the query's text when the query came from a configuration (the header
 * shows that text, so the spans must match it). A backend's query picks traces (Lightstep keeps the
 * whole trace of every matching span), so a file keeps the traces with a matching span; an OTLP
 * query is a span filter, as the OTLP source applies it. A side with no spans is an input error.
 */
async function checkSide(
  ref: string,
  dataset: Dataset,
  query: QueryConfig,
  ctx: ModeContext,
  notes: string[],
): Promise<Dataset> {
  const isPath = Boolean(await stat(ref).catch(() => undefined));
  let filtered = dataset;
  const text = query.query.trim();
  if (isPath && text !== '' && ctx.config.file !== COMMAND_LINE) {
    let matches: ((span: Span) => boolean) | undefined;
    try {
      matches = parseFilter(text);
    } catch (error) {
      const why = error instanceof UserError ? error.message : String(error);
      const note = `The query text of '${query.id}' was not applied to ${ref}: it cannot be read as a span filter (${why}); every span of the file is compared.`;
      ctx.logger.warn(note);
      notes.push(note);
    }
    if (matches) {
      let spans: Span[];
      if (query.source.kind === 'otlp') {
        spans = dataset.spans.filter(matches);
      } else {
        const traces = new Set(dataset.spans.filter(matches).map((s) => s.traceId));
        spans = dataset.spans.filter((s) => traces.has(s.traceId));
      }
      ctx.logger.info(
        `'${ref}': ${spans.length} of ${dataset.spans.length} spans kept by the query text of '${query.id}': ${text}`,
      );
      filtered = { ...dataset, spans };
    }
  }
  if (filtered.spans.length === 0) {
    const filteredAway = filtered !== dataset && dataset.spans.length > 0;
    throw new InputError(
      filteredAway
        ? `'${ref}' has ${dataset.spans.length} spans, but none matches the query text of '${query.id}' (${text})`
        : `'${ref}' holds no spans: there is nothing to compare`,
      filteredAway
        ? 'choose the query that matches the file with --query, or leave out --config'
        : 'pass a file or folder with spans: OTLP JSON, span JSON/NDJSON, or a trace-differ dataset',
    );
  }
  return filtered;
}
