import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { writeDatasetFile } from '../dataset/index.js';
import type { Dataset } from '../dataset/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import { annotateFindings, publishReport, setRunOutputs, writePlanSummary } from '../publish/index.js';
import { renderHtml } from '../report/html/index.js';
import { renderJson, renderMarkdown, type ReportLinks } from '../report/index.js';
import type { Report } from '../report/types.js';
import { runEvent } from '../sources/endpoint.js';
import { createStore, type DatasetStore } from '../store/index.js';
import { artifactName, uploadRunArtifact } from './artifacts.js';
import { collect } from '../modes/collect.js';
import { createModeContext, selectQueries, type ModeContext } from '../modes/context.js';
import { buildDashboard, runLinkOf, writeDashboard } from '../modes/dashboard.js';
import { diffMode } from '../modes/diff.js';
import { gate } from '../modes/gate.js';
import { readGitHubEnv, runUrl, type GitHubEnv } from './github-env.js';
import { readInputs, type InputLookup, type RunInputs } from './inputs.js';
import { mergeResults } from '../modes/merge.js';
import { countFindings } from '../modes/outcomes.js';
import { plan } from '../modes/plan.js';
import { reaches } from '../vocabulary.js';

export interface ActionDeps {
  input: InputLookup;
  logger: Logger;
  loadConfig: (file: string) => Promise<Config>;
  env?: NodeJS.ProcessEnv;
  /** Aborted when the job is cancelled; running collections stop and the run reports what it has. */
  signal?: AbortSignal;
}

/** The whole action run: inputs → mode → report files → publish → outputs → the gate. */
export async function runAction(deps: ActionDeps): Promise<void> {
  const env = deps.env ?? process.env;
  const gh = await readGitHubEnv(env);
  const inputs = readInputs(deps.input, gh.eventName);
  // Masked before anything can print them; the runner masks GITHUB_TOKEN itself, a PAT passed in is not.
  if (inputs.lightstep.apiKey) core.setSecret(inputs.lightstep.apiKey);
  const b = inputs.backend;
  for (const secret of [b.token, b.password, ...Object.values(b.headers ?? {})]) if (secret) core.setSecret(secret);
  if (inputs.githubToken) core.setSecret(inputs.githubToken);
  const log = deps.logger;
  log.info(`trace-differ: mode ${inputs.mode}${gh.eventName ? ` (event ${gh.eventName})` : ''}`);

  if (inputs.mode === 'plan') {
    const config = await deps.loadConfig(inputs.configPath);
    const { json, matrix } = plan(config);
    core.setOutput('matrix', json);
    log.info(`matrix: ${matrix.query.length} queries: ${matrix.query.join(', ')}`);
    if (inputs.publish.has('summary')) await writePlanSummary(matrix.query);
    return;
  }

  // A fork's pull_request run gets no secrets: rather than fail (and push people to pull_request_target,
  // which would hand the key to the fork's checkout), its gate reads the newest stored dataset.
  const noKeyFromFork =
    inputs.mode === 'gate' &&
    gh.eventName === 'pull_request' &&
    gh.pullRequest?.fromFork === true &&
    !inputs.lightstep.apiKey;
  let report: Report;
  const stored: Dataset[] = [];
  if (inputs.mode === 'merge') {
    if (!inputs.results) {
      throw new InputError(
        "mode 'merge' needs the 'results' input",
        "set 'results:' to the folder the result artifacts were downloaded to",
      );
    }
    report = await mergeResults(inputs.results, log, new Date());
  } else {
    const config = await deps.loadConfig(inputs.configPath);
    const ctx = await buildContext(config, inputs, gh, log, env);
    ctx.signal = deps.signal;
    ctx.onStored = (dataset) => stored.push(dataset);
    if (noKeyFromFork && inputs.current === 'snapshot' && ctx.queries.some((q) => q.source.kind === 'lightstep')) {
      log.warn(
        'This pull request comes from a fork, and GitHub gives a fork no secrets: no Lightstep snapshot can be taken. ' +
          'The gate diffs the newest dataset the scheduled collect stored instead (current: newest); ' +
          'a query that cannot be gated so is reported, without failing the check. See docs/security.md.',
      );
    }
    report = await runMode(ctx, inputs, gh, noKeyFromFork);
    if (inputs.dashboard && ctx.store) await dashboard(ctx.store, config, inputs, gh, log, env);
  }

  await finish(report, inputs, gh, log, env, stored, noKeyFromFork);
}

async function buildContext(
  config: Config,
  inputs: RunInputs,
  gh: GitHubEnv,
  logger: Logger,
  env: NodeJS.ProcessEnv,
): Promise<ModeContext> {
  const queries = selectQueries(config, inputs.query).map((q) =>
    inputs.baseline ? { ...q, baseline: inputs.baseline } : q,
  );
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const open = () =>
    createStore(inputs.store as 'cache' | 'artifact' | 'local', {
      dir: resolve(workspace, inputs.storePath),
      runId: gh.runId,
      runAttempt: gh.runAttempt,
      logger,
      // For 'store: artifact': artifacts are not scoped by branch as the cache is, so a pull
      // request reads its base branch's datasets and any other run its own branch's.
      token: inputs.githubToken,
      owner: gh.owner,
      repo: gh.repo,
      apiUrl: gh.apiUrl,
      retentionDays: inputs.artifactRetentionDays,
      branches: [gh.pullRequest?.baseRef ?? gh.ref?.replace(/^refs\/heads\//, '') ?? ''].filter(Boolean),
      repositoryId: /^\d+$/.test(env.GITHUB_REPOSITORY_ID ?? '') ? Number(env.GITHUB_REPOSITORY_ID) : undefined,
    });
  let store: DatasetStore | undefined;
  if (inputs.store !== 'none' && inputs.mode !== 'diff') {
    store = await open();
  } else if (inputs.store !== 'none') {
    // diff reads stored keys from the store when it can, and stores nothing; files and snapshot ids need none.
    store = await open().catch((error: unknown) => {
      logger.info(`no ${inputs.store} store here (${(error as Error).message}): stored keys cannot be read`);
      return undefined;
    });
  }
  return createModeContext({
    logger,
    config,
    queries,
    sources: {
      lightstep: inputs.lightstep,
      backend: inputs.backend,
      basePath: workspace,
      // The workspace may hold a pull request's checkout: paths stay in it, endpoints stay trusted (docs/security.md).
      confinePaths: true,
      event: runEvent(env) ?? gh.eventName,
      // For tests and demos against the simulator: scales every snapshot wait (not an action input on purpose).
      timeScale: Number(env.TRACE_DIFFER_TIME_SCALE) || undefined,
    },
    store,
    github: gh,
    pin: inputs.pin,
  });
}

async function runMode(ctx: ModeContext, inputs: RunInputs, gh: GitHubEnv, noKeyFromFork: boolean): Promise<Report> {
  switch (inputs.mode) {
    case 'collect':
      return collect(ctx);
    case 'gate':
      return gate(ctx, { current: inputs.current, after: currentAfter(inputs, gh), noKeyFromFork });
    case 'diff': {
      if (!inputs.baselineDataset || !inputs.currentDataset) {
        throw new InputError(
          "mode 'diff' needs 'baseline-dataset' and 'current-dataset'",
          'set both to dataset files, stored keys or Lightstep snapshot ids',
        );
      }
      const [query] = ctx.queries;
      if (!query)
        throw new InputError('the configuration has no query to take settings from', "add a query, or set 'query:'");
      return diffMode(ctx, query, inputs.baselineDataset, inputs.currentDataset);
    }
    default:
      throw new InputError(`mode '${inputs.mode}' cannot run here`, 'use collect, gate, diff, plan or merge');
  }
}

/**
 * Whether `prNumber` is the pull request of the workflow run a workflow_run event is about. The
 * results come from that run's artifact, which a fork PR controls, so the number in them is not
 * trusted: GitHub's own link, or the pull request's head commit being the run's, must confirm it.
 */
async function pullRequestOfRun(
  octokit: ReturnType<typeof getOctokit>,
  repo: { owner: string; repo: string },
  prNumber: number,
  run: NonNullable<GitHubEnv['workflowRun']>,
  log: Logger,
): Promise<boolean> {
  if (run.pullRequests.includes(prNumber)) return true;
  if (!run.headSha) return false;
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: prNumber });
    return data.head.sha === run.headSha;
  } catch (error) {
    log.warn(`pull request #${prNumber} could not be read (${(error as Error).message})`);
    return false;
  }
}

/** The time `current-after` names: as given, or the deployment of the triggering event. */
function currentAfter(inputs: RunInputs, gh: GitHubEnv | undefined): string | undefined {
  if (inputs.currentAfter !== 'deployment') return inputs.currentAfter;
  if (!gh?.deploymentAt) {
    throw new InputError(
      "input 'current-after: deployment' needs a deployment or deployment_status event, and this run has none",
      "trigger the workflow on 'deployment_status', or give the deployment's time: 'current-after: 2026-11-24T09:30:00Z'",
    );
  }
  return gh.deploymentAt;
}

/**
 * The history dashboard of every query of the config, as the store holds it after this run, in
 * `<runner temp>/trace-differ/dashboard/` (output `dashboard-path`), ready for actions/upload-pages-artifact.
 */
async function dashboard(
  store: DatasetStore,
  config: Config,
  inputs: RunInputs,
  gh: GitHubEnv,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const queries = config.queries.map((q) => ({
    id: q.id,
    name: q.name,
    pins: [
      ...new Set([...(q.baseline.kind === 'pinned' ? [q.baseline.name] : []), ...(inputs.pin ? [inputs.pin] : [])]),
    ],
  }));
  const repository = gh.owner && gh.repo ? `${gh.serverUrl}/${gh.owner}/${gh.repo}` : undefined;
  const data = await buildDashboard(store, queries, {
    now: new Date(),
    title: repository ? `trace-differ history: ${gh.owner}/${gh.repo}` : undefined,
    runLink: runLinkOf(repository),
  });
  const dir = join(outputDir(env), 'dashboard');
  await writeDashboard(dir, data);
  core.setOutput('dashboard-path', dir);
  log.info(`dashboard of ${queries.length} queries written to ${dir}`);
}

function outputDir(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP ?? resolve('trace-differ-out'), 'trace-differ');
}

/** Where the whole report is, for a cut comment: the run's page (its job summary) and the report artifact. */
function reportLinks(gh: GitHubEnv, artifactId: number | undefined, summary: boolean): ReportLinks | undefined {
  const run = runUrl(gh);
  if (!run) return undefined;
  const attempt = gh.runAttempt && gh.runAttempt !== '1' ? `${run}/attempts/${gh.runAttempt}` : run;
  return {
    summary: summary ? attempt : undefined,
    artifact: artifactId !== undefined ? `${run}/artifacts/${artifactId}` : undefined,
  };
}

/** Writes the report files, publishes where asked, sets the outputs, and fails the step if the gate says so. */
async function finish(
  report: Report,
  inputs: RunInputs,
  gh: GitHubEnv,
  log: Logger,
  env: NodeJS.ProcessEnv,
  stored: readonly Dataset[],
  noKeyFromFork = false,
): Promise<void> {
  const outDir = outputDir(env);
  await mkdir(outDir, { recursive: true });
  const uploads = inputs.artifactRetentionDays > 0 && Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
  report.fullReportHint = uploads && runUrl(gh) ? `the artifacts of ${runUrl(gh)}` : undefined;
  report.pullRequest = gh.pullRequest?.number ?? report.pullRequest;
  const jsonPath = join(outDir, 'report.json');
  const mdPath = join(outDir, 'report.md');
  const htmlPath = join(outDir, 'report.html');
  await writeFile(jsonPath, renderJson(report));
  await writeFile(mdPath, renderMarkdown(report));
  await writeFile(htmlPath, renderHtml(report));

  let targets = inputs.publish;
  const github =
    inputs.githubToken && gh.owner && gh.repo
      ? { octokit: getOctokit(inputs.githubToken, { baseUrl: gh.apiUrl }), owner: gh.owner, repo: gh.repo }
      : undefined;
  // On workflow_run the results, and the pull request number in them, come from an artifact a fork controls.
  if (github && gh.workflowRun && targets.has('comment') && report.pullRequest !== undefined) {
    const repo = { owner: github.owner, repo: github.repo };
    if (!(await pullRequestOfRun(github.octokit, repo, report.pullRequest, gh.workflowRun, log))) {
      log.warn(
        `The results name pull request #${report.pullRequest}, which is not the pull request of the workflow run that made them ` +
          '(its head commit differs): no comment is posted.',
      );
      targets = new Set([...targets].filter((t) => t !== 'comment'));
    }
  }
  const datasetFiles: string[] = [];
  for (const dataset of stored) {
    const file = join(outDir, 'datasets', `${dataset.provenance.queryId}.tdds`);
    await mkdir(dirname(file), { recursive: true });
    await writeDatasetFile(file, dataset);
    datasetFiles.push(file);
  }
  // Uploaded before publishing, so a cut comment can link to the artifact.
  const artifactId = await uploadRunArtifact({
    name: artifactName(inputs.mode, inputs.query, gh.runAttempt),
    files: [jsonPath, mdPath, htmlPath, ...datasetFiles],
    rootDirectory: outDir,
    retentionDays: inputs.artifactRetentionDays,
    logger: log,
    env,
  });

  const published = await publishReport(report, {
    targets,
    mode: inputs.mode,
    github,
    pullRequest: gh.pullRequest,
    workflow: gh.workflow,
    // A run of some of the queries (a matrix job) has its own comment.
    queryIds: inputs.query ? report.outcomes.map((o) => o.query.id) : undefined,
    alertOn: inputs.alertOn,
    runUrl: runUrl(gh),
    links: reportLinks(gh, artifactId, targets.has('summary')),
    logger: log,
  });

  const findings = countFindings(report.outcomes);
  setRunOutputs({ verdict: report.verdict, findings, reportJson: jsonPath, reportMarkdown: mdPath });
  core.setOutput('report-html', htmlPath);

  const failedQueries = report.outcomes.filter((o) => o.error);
  const gateFails = reaches(report.verdict, inputs.failOn);
  if (gateFails) annotateFindings(report, inputs.failOn, { dryRun: inputs.dryRun });
  const problems: string[] = [...published.problems];
  // A fork's gate without a key says what it could not gate, but does not fail the check for it.
  if (failedQueries.length && noKeyFromFork) {
    log.warn(
      `${failedQueries.length} of ${report.outcomes.length} queries could not be gated for this fork pull request: ${failedQueries.map((o) => `${o.query.id} (${o.error})`).join('; ')}`,
    );
  } else if (failedQueries.length)
    problems.push(
      `${failedQueries.length} of ${report.outcomes.length} queries could not be diffed: ${failedQueries.map((o) => `${o.query.id} (${o.error})`).join('; ')}`,
    );
  if (gateFails)
    problems.push(`the verdict is '${report.verdict}', which reaches fail-on: ${inputs.failOn} (${findings} findings)`);
  if (problems.length === 0) {
    log.info(`verdict: ${report.verdict}, ${findings} findings`);
  } else if (inputs.dryRun) {
    log.warn(`dry-run: the step would fail: ${problems.join('; ')}`);
  } else {
    core.setFailed(problems.join('\n'));
  }
}
