import { Command, CommanderError, Option } from 'commander';
import { InputError, UserError } from '../errors.js';
import { consoleLogger, logLines } from '../log.js';
import { runCollectCommand, runDiffCommand, runHistoryCommand, runMergeCommand, runPlanCommand } from './commands.js';
import { convert } from '../modes/convert.js';
import { runDashboardCommand } from './dashboard.js';
import { runDemo } from './demo.js';
import { packageVersion } from './package.js';
import { runSimulate } from './simulate.js';

const BACKENDS = ['lightstep', 'tempo', 'jaeger', 'zipkin'];

const formatOption = () =>
  new Option('--format <format>', 'report format').choices(['markdown', 'json', 'text', 'html']).default('markdown');
const failOnOption = () =>
  new Option('--fail-on <level>', 'exit 1 when the verdict reaches this')
    .choices(['fail', 'warn', 'never'])
    .default('fail');

/**
 * Runs the CLI with the given arguments (without `node` and the script) and returns the exit code:
 * 0 done (verdict below --fail-on), 1 the verdict reached --fail-on, 2 a usage or input error.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name('trace-differ')
    .description('Diff distributed-trace datasets: RED changes by group-by keys, with statistics that do not cry wolf.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('-v, --verbose', 'print debug lines')
    .exitOverride()
    .showHelpAfterError();
  const logger = () => consoleLogger({ verbose: Boolean(program.opts().verbose) });

  program
    .command('diff')
    .description(
      "diff two datasets: dataset files, trace files (OTLP, Jaeger, Zipkin, Tempo answers; span JSON/NDJSON), stored keys, snapshot ids, or 'now' (collect the query's source)",
    )
    .argument('<baseline>', 'the reference side')
    .argument('<current>', 'the side to judge')
    .option(
      '--group-by <keys>',
      'comma-separated keys; combine with +, e.g. operation,http.status_code,service+operation',
    )
    .option('--config <file>', 'take thresholds and group-by from this configuration file')
    .option('--query <id>', 'the query of --config whose settings to use (default: the first)')
    .option('--store <dir>', 'the local store in which to look up stored keys and pinned names', '.trace-differ')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .addOption(failOnOption())
    .action(async (baseline: string, current: string, opts) =>
      setExit(await runDiffCommand(baseline, current, opts, logger())),
    );

  program
    .command('convert')
    .description(
      'read spans once (OTLP JSON, span JSON/NDJSON, datasets; files or folders, gzipped or not) into one trace-differ dataset file',
    )
    .argument('<paths...>', 'the inputs, then the dataset file to write (e.g. traces/ export.jsonl.gz out.tdds)')
    .option('--query-id <id>', 'the query id the dataset is kept under', 'file')
    .option('--filter <filter>', 'keep only the spans this OTLP filter selects, e.g. service.name = "api"')
    .action(async (paths: string[], opts: { queryId: string; filter?: string }) => {
      if (paths.length < 2)
        throw new InputError(
          'convert needs at least one input and the file to write',
          'trace-differ convert IN… OUT.tdds',
        );
      await convert(paths.slice(0, -1), paths[paths.length - 1]!, opts, logger());
      setExit(0);
    });

  program
    .command('collect')
    .description(
      'collect every query of the config (Lightstep key from LIGHTSTEP_API_KEY; Tempo, Jaeger, Zipkin credentials from TRACE_DIFFER_BACKEND_*), diff against the store, keep the new datasets',
    )
    .option('--config <file>', 'configuration file', '.github/trace-differ.yml')
    .option('--query <id>', 'only this query')
    .option('--store <dir>', 'local store directory', '.trace-differ')
    .option('--lightstep-api-url <url>', 'Lightstep API base URL (EU: https://api.eu.lightstep.com)')
    .option('--lightstep-organization <org>', 'Lightstep organization (overrides source.lightstep.organization)')
    .option('--lightstep-project <project>', 'Lightstep project (overrides source.lightstep.project)')
    .option(
      '--backend-url <url>',
      'Tempo, Jaeger or Zipkin base URL, over the config (credentials: TRACE_DIFFER_BACKEND_TOKEN, _USERNAME, _PASSWORD, _HEADERS)',
    )
    .option('--pin <name>', 'also keep the new datasets under this name, for baseline: pinned:<name>')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .addOption(failOnOption())
    .action(async (opts) => setExit(await runCollectCommand(opts, logger())));

  program
    .command('history')
    .description('list the collections a local store holds: per query, newest first, with their numbers and verdicts')
    .argument('[query]', 'only this query id')
    .option('--store <dir>', 'local store directory', '.trace-differ')
    .action(async (query: string | undefined, opts) => setExit(await runHistoryCommand(query, opts)));

  program
    .command('plan')
    .description('print the query ids of the config as a GitHub Actions matrix')
    .option('--config <file>', 'configuration file', '.github/trace-differ.yml')
    .action(async (opts) => setExit(await runPlanCommand(opts)));

  program
    .command('merge')
    .description('combine JSON results of several runs (matrix jobs) into one report')
    .argument('<results>', 'a folder or a JSON result file')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the report here instead of stdout')
    .addOption(failOnOption())
    .action(async (results: string, opts) => setExit(await runMergeCommand(results, opts, logger())));

  program
    .command('dashboard')
    .description('write the history of every stored query as one self-contained HTML page (<output>/index.html)')
    .option('--store <dir>', 'local store directory', '.trace-differ')
    .option('--output <dir>', 'the folder to write index.html to', 'trace-differ-dashboard')
    .option('--config <file>', "show the config's queries, with their names and pinned baselines")
    .option('--title <text>', 'the page title')
    .option(
      '--repository-url <url>',
      'link each collection to its run: https://github.com/OWNER/REPO (default from GITHUB_*)',
    )
    .action(async (opts) => setExit(await runDashboardCommand(opts, logger())));

  program
    .command('demo')
    .description(
      'the first run: two collect cycles against the built-in Lightstep simulator (or a Tempo, Jaeger or Zipkin fake), the second with a regression',
    )
    .option('--out <dir>', 'where the report, the JSON result and the store go', 'trace-differ-out')
    .option('--seed <n>', 'seed of the simulated traffic', '42')
    .addOption(new Option('--source <backend>', 'the backend to simulate').choices(BACKENDS).default('lightstep'))
    .action(async (opts) =>
      setExit(await runDemo({ out: opts.out, seed: Number(opts.seed), source: opts.source }, logger())),
    );

  program
    .command('simulate')
    .description('serve the Lightstep API simulator, or a Tempo, Jaeger or Zipkin fake, on loopback until interrupted')
    .option('--port <n>', 'port (0 = any free port)', '0')
    .option('--seed <n>', 'seed of the simulated traffic', '42')
    .addOption(new Option('--backend <backend>', 'the API to serve').choices(BACKENDS).default('lightstep'))
    .action(async (opts) =>
      setExit(await runSimulate({ port: Number(opts.port), seed: Number(opts.seed), backend: opts.backend }, logger())),
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      console.error(logLines(`trace-differ: ${error.describe()}`));
      return 2;
    }
    throw error;
  }
}
