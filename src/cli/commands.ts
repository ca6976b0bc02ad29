import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS, loadConfig, parseGroupBy } from '../config/index.js';
import type { Config, QueryConfig } from '../config/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { collect } from '../modes/collect.js';
import { selectQueries, type ModeContext } from '../modes/context.js';
import { diffMode } from '../modes/diff.js';
import { mergeResults } from '../modes/merge.js';
import { reaches, type FailOn } from '../vocabulary.js';
import { plan } from '../modes/plan.js';
import { renderHtml } from '../report/html/index.js';
import { renderJson, renderMarkdown, renderText } from '../report/index.js';
import type { Report } from '../report/types.js';
import { LocalStore } from '../store/index.js';
import { runEvent } from '../sources/endpoint.js';

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
    await writeFile(opts.output, text);
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
  return {
    logger: log,
    config,
    queries,
    sources: {
      lightstep: { apiKey: process.env.LIGHTSTEP_API_KEY || undefined },
      basePath: process.cwd(),
      // Run inside a workflow, the CLI trusts the configuration's endpoints no more than the action does.
      event: runEvent(),
    },
    store: storeDir ? new LocalStore(resolve(storeDir)) : undefined,
    queryConcurrency: 4,
    now: () => new Date(),
  };
}

export async function runDiffCommand(
  baseline: string,
  current: string,
  opts: OutputOptions & { groupBy?: string; config?: string; query?: string; store?: string },
  log: Logger,
): Promise<number> {
  let query: QueryConfig;
  let config: Config;
  if (opts.config) {
    config = await loadConfig(opts.config);
    const [selected] = selectQueries(config, opts.query);
    if (!selected) throw new InputError(`${opts.config} has no queries`, 'add one under queries:');
    query = opts.groupBy ? { ...selected, groupBy: parseGroupBy(opts.groupBy) } : selected;
  } else {
    if (opts.query) throw new InputError('--query needs --config', 'pass --config .github/trace-differ.yml');
    query = adHocQuery(opts.groupBy, baseline, current);
    config = { version: 1, file: '(command line)', queries: [query] };
  }
  const report = await diffMode(cliContext(config, [query], log, opts.store), query, baseline, current);
  return emit(report, opts, log);
}

export async function runCollectCommand(
  opts: OutputOptions & { config: string; query?: string; store: string; lightstepApiUrl?: string; pin?: string },
  log: Logger,
): Promise<number> {
  const config = await loadConfig(opts.config);
  const ctx = cliContext(config, selectQueries(config, opts.query), log, opts.store);
  ctx.pin = opts.pin;
  if (opts.lightstepApiUrl) ctx.sources.lightstep.apiUrl = opts.lightstepApiUrl;
  return emit(await collect(ctx), opts, log);
}

export async function runPlanCommand(opts: { config: string }): Promise<number> {
  const config = await loadConfig(opts.config);
  process.stdout.write(`${plan(config).json}\n`);
  return 0;
}

export async function runMergeCommand(results: string, opts: OutputOptions, log: Logger): Promise<number> {
  return emit(await mergeResults(results, log, new Date()), opts, log);
}
