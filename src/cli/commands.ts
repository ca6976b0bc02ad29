import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS, loadConfig, parseGroupBy } from '../config/index.js';
import type { Config, QueryConfig } from '../config/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { collect } from '../modes/collect.js';
import { COMMAND_LINE, createModeContext, selectQueries, type ModeContext } from '../modes/context.js';
import { diffMode } from '../modes/diff.js';
import { mergeResults } from '../modes/merge.js';
import { reaches, type FailOn } from '../vocabulary.js';
import { plan } from '../modes/plan.js';
import { renderHtml } from '../report/html/index.js';
import { renderJson, renderMarkdown, renderText } from '../report/index.js';
import type { Report } from '../report/types.js';
import { backendSettingsFromEnv } from '../sources/index.js';
import { LocalStore } from '../store/index.js';
import { runEvent } from '../sources/endpoint.js';
import { findStoredSides, historyTable } from './store.js';

/** The local store `collect` writes to and `diff`/`history` read from by default. */
export const DEFAULT_STORE = '.trace-differ';

type Format = 'markdown' | 'json' | 'text' | 'html';

export interface OutputOptions {
  format: Format;
  output?: string;
  failOn: FailOn;
}

/** Prints or writes the report, and turns the verdict into the exit code (1 = reached --fail-on). */
export async function emit(report: Report, opts: OutputOptions, log: Logger): Promise<number> {
  const text =
    opts.format === 'json'
      ? renderJson(report)
      : opts.format === 'text'
        ? renderText(report)
        : opts.format === 'html'
          ? renderHtml(report)
          : renderMarkdown(report);
  if (opts.output) {
    try {
      // A folder that does not exist yet is made, as `> file` users expect of `-o dir/file`.
      await mkdir(dirname(resolve(opts.output)), { recursive: true });
      await writeFile(opts.output, text);
    } catch (error) {
      // The report is not lost: it goes to stdout, and the exit code says the output could not be written.
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      const why = error instanceof Error ? error.message : String(error);
      throw new InputError(
        `cannot write the report to '${opts.output}' (${why}); it was printed to stdout instead`,
        'pass -o a file path in a folder you can write to',
      );
    }
    log.info(`report written to ${opts.output}`);
  } else {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  const errored = report.outcomes.some((o) => o.error);
  return errored || reaches(report.verdict, opts.failOn) ? 1 : 0;
}

/**
 * A query built from the built-in defaults and the CLI's --group-by, for `diff` without a config file.
 * Its query text is empty: for OTLP files that is the filter, and an empty filter keeps every span.
 */
export function adHocQuery(groupBy: string | undefined, baseline: string, current: string): QueryConfig {
  return {
    ...DEFAULT_SETTINGS,
    groupBy: groupBy ? parseGroupBy(groupBy) : DEFAULT_SETTINGS.groupBy,
    id: 'diff',
    name: `${basename(baseline)} → ${basename(current)}`,
    query: '',
    source: { kind: 'otlp', path: '.' },
    baseline: DEFAULT_BASELINE,
  };
}

function cliContext(config: Config, queries: QueryConfig[], log: Logger, storeDir?: string): ModeContext {
  return createModeContext({
    logger: log,
    config,
    queries,
    sources: {
      lightstep: { apiKey: process.env.LIGHTSTEP_API_KEY || undefined },
      backend: backendSettingsFromEnv(process.env),
      basePath: process.cwd(),
      // Run inside a workflow, the CLI trusts the configuration's endpoints no more than the action does.
      event: runEvent(),
    },
    store: storeDir ? new LocalStore(resolve(storeDir)) : undefined,
  });
}

export async function runDiffCommand(
  baseline: string,
  current: string,
  opts: OutputOptions & { groupBy?: string; config?: string; query?: string; store?: string },
  log: Logger,
): Promise<number> {
  let query: QueryConfig;
  let config: Config;
  // Sides named by a stored key or pin: found in the store under whichever query holds them.
  const store = new LocalStore(resolve(opts.store ?? DEFAULT_STORE));
  const stored = await findStoredSides(store, [baseline, current]);
  const storedQueries = [...new Set(stored.map((s) => s.queryId))];
  const pathOf = (ref: string) => stored.find((s) => s.ref === ref)?.file ?? ref;
  if (opts.config) {
    config = await loadConfig(opts.config);
    // Without --query, the query the stored sides belong to chooses the settings, when there is one.
    const only =
      opts.query ??
      (storedQueries.length === 1 && config.queries.some((q) => q.id === storedQueries[0])
        ? storedQueries[0]
        : undefined);
    const [selected] = selectQueries(config, only);
    if (!selected) throw new InputError(`${opts.config} has no queries`, 'add one under queries:');
    query = opts.groupBy ? { ...selected, groupBy: parseGroupBy(opts.groupBy) } : selected;
  } else {
    if (opts.query) throw new InputError('--query needs --config', 'pass --config .github/trace-differ.yml');
    query = adHocQuery(opts.groupBy, baseline, current);
    config = { version: 1, file: COMMAND_LINE, queries: [query] };
  }
  for (const s of stored) log.info(`'${s.ref}': the dataset stored for query '${s.queryId}' (${s.file})`);
  const report = await diffMode(cliContext(config, [query], log, opts.store), query, pathOf(baseline), pathOf(current));
  return emit(report, opts, log);
}

export interface CollectOptions extends OutputOptions {
  config: string;
  query?: string;
  store: string;
  lightstepApiUrl?: string;
  lightstepOrganization?: string;
  lightstepProject?: string;
  backendUrl?: string;
  pin?: string;
}

export async function runCollectCommand(opts: CollectOptions, log: Logger): Promise<number> {
  const config = await loadConfig(opts.config);
  const ctx = cliContext(config, selectQueries(config, opts.query), log, opts.store);
  ctx.pin = opts.pin;
  const lightstep = ctx.sources.lightstep;
  if (opts.lightstepApiUrl) lightstep.apiUrl = opts.lightstepApiUrl;
  if (opts.lightstepOrganization) lightstep.organization = opts.lightstepOrganization;
  if (opts.lightstepProject) lightstep.project = opts.lightstepProject;
  if (opts.backendUrl) ctx.sources.backend = { ...ctx.sources.backend, url: opts.backendUrl };
  // Said once, before any query starts, rather than once per query.
  const needKey = ctx.queries.filter((q) => q.source.kind === 'lightstep').map((q) => q.id);
  if (needKey.length > 0 && !lightstep.apiKey) {
    throw new InputError(
      `LIGHTSTEP_API_KEY is not set, and the Lightstep queries (${needKey.join(', ')}) need it`,
      'export LIGHTSTEP_API_KEY=<your API key> (against `trace-differ simulate`, any value does)',
    );
  }
  return emit(await collect(ctx), opts, log);
}

/** `history`: the collections a local store holds, per query, newest first. */
export async function runHistoryCommand(query: string | undefined, opts: { store: string }): Promise<number> {
  process.stdout.write(`${await historyTable(new LocalStore(resolve(opts.store)), query)}\n`);
  return 0;
}

export async function runPlanCommand(opts: { config: string }): Promise<number> {
  const config = await loadConfig(opts.config);
  process.stdout.write(`${plan(config).json}\n`);
  return 0;
}

export async function runMergeCommand(results: string, opts: OutputOptions, log: Logger): Promise<number> {
  return emit(await mergeResults(results, log, new Date()), opts, log);
}
