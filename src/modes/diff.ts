import { stat } from 'node:fs/promises';
import { parseFilter, type RowFilter } from '../config/filter.js';
import type { QueryConfig } from '../config/types.js';
import { canonicalTable, traceCount } from '../dataset/table.js';
import type { Dataset } from '../dataset/types.js';
import { prepareGrouping } from '../diff/index.js';
import { InputError, UserError } from '../errors.js';
import type { Report } from '../report/types.js';
import { resolveDataset } from '../sources/index.js';
import { runQuery } from './collect-query.js';
import { COMMAND_LINE, type ModeContext } from './context.js';
import { checkGroupKeys } from './inspect-sides.js';
import { worstVerdict } from './outcomes.js';

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
    [baselineRef, currentRef].map(async (ref) => {
      const dataset = await resolveDataset(ref, query, ctx, { groupBy: query.groupBy });
      const side = await checkSide(ref, dataset, query, ctx, notes);
      // Grouped as it arrives, unless the worker that read it did: a side read here is often done while
      // the other is still read in a worker.
      prepareGrouping(side.table, query.groupBy);
      return side;
    }),
  );
  const [baseline, current] = settled.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  }) as [Dataset, Dataset];
  // A key no span has is an input error here (exit 2), not a query error as in collect.
  checkGroupKeys(
    query,
    [baseline.table, current.table],
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
  // Spans before any filter: an OTLP query's file sides were already filtered as they were read.
  let before = dataset.table.size;
  if (isPath && text !== '' && ctx.config.file !== COMMAND_LINE) {
    let matches: RowFilter | undefined;
    try {
      matches = parseFilter(text);
    } catch (error) {
      const why = error instanceof UserError ? error.message : String(error);
      const note = `The query text of '${query.id}' was not applied to ${ref}: it cannot be read as a span filter (${why}); every span of the file is compared.`;
      ctx.logger.warn(note);
      notes.push(note);
    }
    if (matches) {
      const t = dataset.table;
      let keep: (row: number) => boolean;
      if (query.source.kind === 'otlp') {
        before = Math.max(before, dataset.coverage.exemplars);
        keep = (row) => matches(t, row);
      } else {
        const traces = new Set<number>();
        for (let i = 0; i < t.size; i++) if (matches(t, i)) traces.add(t.trace[i]!);
        keep = (row) => traces.has(t.trace[row]!);
      }
      const table = canonicalTable(t, keep);
      ctx.logger.info(`'${ref}': ${table.size} of ${before} spans kept by the query text of '${query.id}': ${text}`);
      const traces = traceCount(table);
      filtered = { ...dataset, table, coverage: { ...dataset.coverage, tracesWanted: traces, tracesFetched: traces } };
    }
  }
  if (filtered.table.size === 0) {
    const filteredAway = filtered !== dataset && before > 0;
    throw new InputError(
      filteredAway
        ? `'${ref}' has ${before} spans, but none matches the query text of '${query.id}' (${text})`
        : `'${ref}' holds no spans: there is nothing to compare`,
      filteredAway
        ? 'choose the query that matches the file with --query, or leave out --config'
        : 'pass a file or folder with spans: OTLP JSON, Jaeger, Zipkin or span JSON/NDJSON, or a trace-differ dataset',
    );
  }
  return filtered;
}
