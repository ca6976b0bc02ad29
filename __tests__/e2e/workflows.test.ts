import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { LocalStore } from '../../src/store/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, simulatorSource, workspaceWithConfig, type ActionRun } from './run-action.js';
import { startActionsServices } from '../support/actions-services.js';

/**
 * The example workflows users copy, run step by step as GitHub would run them: each trace-differ
 * step of examples/workflows/*.yml with exactly its `with:` (expressions filled in as the runner
 * would), the bundled dist/index.js as a child process, the Lightstep simulator and the loopback
 * GitHub. What this machine has no service for is swapped, and only that: the Actions cache for a
 * local store, the artifact service for copying report-json into the folder download-artifact
 * would fill, and api.lightstep.com for the simulator.
 */
const API_KEY = 'lsk-workflows-secret';
const root = join(import.meta.dirname, '..', '..');

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
}
type Workflow = { jobs: Record<string, { steps: Step[] }> };

async function workflow(file: string): Promise<Workflow> {
  return parse(await readFile(join(root, 'examples', 'workflows', file), 'utf8')) as Workflow;
}

/** The `with:` of a job's trace-differ step, its `${{ … }}` expressions evaluated from `values`. */
function stepInputs(wf: Workflow, job: string, values: Record<string, string>): Record<string, string> {
  const step = wf.jobs[job]!.steps.find((s) => s.uses?.startsWith('trace-differ/trace-differ@'))!;
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expr: string) => {
        if (!(expr in values)) throw new Error(`the test has no value for \${{ ${expr} }} in ${job}`);
        return values[expr]!;
      }),
    ]),
  );
}

let sim: Simulator;
let gh: GitHubServer;
let workspace: string;
let runId = 500;

const environment = () => ({
  'lightstep-api-url': sim.url,
  store: 'local',
  'artifact-retention-days': '0',
});
const secrets = () => ({ 'secrets.LIGHTSTEP_API_KEY': API_KEY, 'github.token': 'ghs_workflow_token' });

function run(eventName: string, event: object, inputs: Record<string, string>, workflowName: string) {
  return runAction({
    workspace,
    eventName,
    event,
    runId: runId++,
    apiUrl: gh.url,
    inputs: { ...environment(), ...inputs },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01', GITHUB_WORKFLOW: workflowName },
  });
}

/** A scheduled collect of the android query without a regression: the baseline a gate compares with. */
async function collectBaseline(): Promise<void> {
  const r = await run(
    'schedule',
    {},
    { 'lightstep-api-key': API_KEY, query: 'android', 'fail-on': 'never', publish: 'summary' },
    'collect',
  );
  expect(r.exitCode, r.stdout).toBe(0);
}

/** What upload-artifact then download-artifact (pattern trace-differ-result-*) leave in `results/`. */
async function upload(r: ActionRun, artifact: string, results: string): Promise<void> {
  await mkdir(join(results, artifact), { recursive: true });
  await copyFile(r.outputs['report-json']!, join(results, artifact, 'report.json'));
}

beforeAll(async () => {
  // 600 traces: ~150 to 180 of each app's get-transactions, enough for a p95 interval to clear a level.
  sim = await startSimulator({ seed: 5, tracesPerSnapshot: 600, apiKey: API_KEY });
  gh = await startGitHubServer();
  workspace = await workspaceWithConfig('td-workflows-', [
    ...simulatorSource(sim),
    'defaults:',
    '  group-by: [operation, [service, operation]]',
    'queries:',
    '  - id: android',
    '    name: Android checkout',
    '    query: service IN ("android")',
    '  - id: ios',
    '    name: iOS checkout',
    '    query: service IN ("iOS")',
  ]);
});
afterAll(async () => {
  await sim?.close();
  await gh?.close();
});

describe('examples/workflows/matrix.yml, job by job', () => {
  it('plan writes the matrix, each matrix job collects its query, and merge makes one summary and one verdict', async () => {
    const wf = await workflow('matrix.yml');
    const results = join(workspace, 'results');
    const cycle = async () => {
      const plan = await run('schedule', {}, stepInputs(wf, 'plan', secrets()), 'trace-differ (matrix)');
      expect(plan.exitCode, plan.stdout).toBe(0);
      const matrix = JSON.parse(plan.outputs.matrix!) as { query: string[] };
      expect(matrix).toEqual({ query: ['android', 'ios'] });
      for (const query of matrix.query) {
        const r = await run(
          'schedule',
          {},
          stepInputs(wf, 'collect', { ...secrets(), 'matrix.query': query }),
          'trace-differ (matrix)',
        );
        // fail-on: never in the matrix jobs: the merge job decides.
        expect(r.exitCode, r.stdout).toBe(0);
        expect(r.summary).toContain(query === 'android' ? 'Android checkout' : 'iOS checkout');
        expect(r.summary).not.toContain(query === 'android' ? 'iOS checkout' : 'Android checkout');
        await upload(r, `trace-differ-result-${query}`, results);
      }
      return run('schedule', {}, stepInputs(wf, 'merge', secrets()), 'trace-differ (matrix)');
    };

    const first = await cycle();
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.verdict).toBe('inconclusive');

    sim.setScenario({ slower: [{ service: 'iOS', operation: '/api/get-transactions', percent: 200 }] });
    const second = await cycle();
    sim.setScenario(undefined);
    expect(second.outputs.verdict).toBe('fail');
    expect(second.exitCode).toBe(1);
    expect(second.stdout).toContain('merged 2 query results');
    expect(second.summary).toContain('Android checkout');
    expect(second.summary).toContain('iOS checkout');
    expect(second.summary).toContain('/api/get-transactions');
    // The iOS collect job opened its own alert issue; the merge job publishes the summary only.
    expect(gh.state.issues.map((i) => i.title)).toEqual(['trace-differ: iOS checkout regressed (fail)']);
    expect(gh.state.comments).toHaveLength(0);
  });
});

describe('examples/workflows/scheduled-collect.yml with one query broken', () => {
  it('reports the broken query, diffs the others, and fails the step for it', async () => {
    const wf = await workflow('scheduled-collect.yml');
    const config = join(workspace, 'with-broken.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'source:',
        // The API's URL from the config this time (the step leaves lightstep-api-url empty).
        `  lightstep: { organization: ${sim.organization}, project: ${sim.project}, api-url: '${sim.url}' }`,
        'queries:',
        '  - id: android',
        '    query: service IN ("android")',
        '  - id: exports',
        '    source: { otlp: { path: exports/*.jsonl } }',
        '  - id: ios',
        '    query: service IN ("iOS")',
        '',
      ].join('\n'),
    );
    const r = await run(
      'schedule',
      {},
      { ...stepInputs(wf, 'collect', secrets()), config, 'lightstep-api-url': '' },
      'trace-differ (scheduled)',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::error::[exports] no OTLP files at exports/*.jsonl');
    expect(r.stdout).toMatch(
      /::error::1 of 3 queries could not be diffed: exports \(no OTLP files at exports\/\*\.jsonl/,
    );
    const report = JSON.parse(await readFile(r.outputs['report-json']!, 'utf8')) as {
      outcomes: { query: { id: string }; result?: { verdict: string }; error?: string }[];
    };
    expect(report.outcomes.map((o) => [o.query.id, o.result ? 'diffed' : 'error'])).toEqual([
      ['android', 'diffed'],
      ['exports', 'error'],
      ['ios', 'diffed'],
    ]);
  });
});

describe('examples/workflows/deploy-gate.yml and fork-comment.yml', () => {
  const forkPr = {
    action: 'opened',
    number: 12,
    pull_request: {
      number: 12,
      head: { sha: 'c'.repeat(40), repo: { full_name: 'mallory/shop', fork: true } },
      base: { ref: 'main', repo: { full_name: 'acme/shop' } },
    },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  };
  const workflowRun = {
    action: 'completed',
    // GitHub links no pull request to a run from a fork: the head commit is what ties them.
    workflow_run: {
      event: 'pull_request',
      head_sha: 'c'.repeat(40),
      head_repository: { full_name: 'mallory/shop' },
      pull_requests: [],
    },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  };

  it('a fork PR is gated without a comment; the workflow_run posts it from the uploaded result, then updates it', async () => {
    const gate = await workflow('deploy-gate.yml');
    const forkComment = await workflow('fork-comment.yml');
    const results = join(workspace, 'fork-results');
    const onPr = () => gh.state.comments.filter((c) => c.issue_number === 12);
    gh.state.pulls.push({ number: 12, head: { sha: 'c'.repeat(40) } }, { number: 13, head: { sha: 'e'.repeat(40) } });
    await collectBaseline();

    sim.setScenario({ slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] });
    const failing = await run(
      'pull_request',
      forkPr,
      stepInputs(gate, 'gate', secrets()),
      'trace-differ (deploy gate)',
    );
    sim.setScenario(undefined);
    expect(failing.exitCode).toBe(1);
    expect(failing.outputs.verdict).toBe('fail');
    expect(failing.stdout).toContain('::warning::This pull request comes from a fork');
    expect(onPr()).toHaveLength(0);
    await upload(failing, 'trace-differ-result-gate', results);

    const commented = await run(
      'workflow_run',
      workflowRun,
      { ...stepInputs(forkComment, 'comment', secrets()), results },
      'trace-differ (comment on fork PRs)',
    );
    expect(commented.exitCode, commented.stdout).toBe(0);
    expect(onPr()).toHaveLength(1);
    expect(onPr()[0]!.body).toMatch(/^<!-- trace-differ:gate:trace-differ \(comment on fork PRs\) -->\n## ❌ /);

    const passing = await run(
      'pull_request',
      forkPr,
      stepInputs(gate, 'gate', secrets()),
      'trace-differ (deploy gate)',
    );
    expect(passing.exitCode, passing.stdout).toBe(0);
    await upload(passing, 'trace-differ-result-gate', results);
    await run(
      'workflow_run',
      workflowRun,
      { ...stepInputs(forkComment, 'comment', secrets()), results },
      'trace-differ (comment on fork PRs)',
    );
    expect(onPr()).toHaveLength(1);
    expect(onPr()[0]!.body).not.toMatch(/## ❌/);

    // The result comes from the fork's artifact: a number in it that is not the run's PR gets no comment.
    const forged = join(results, 'trace-differ-result-gate', 'report.json');
    const report = JSON.parse(await readFile(forged, 'utf8')) as { pullRequest: number };
    await writeFile(forged, JSON.stringify({ ...report, pullRequest: 13 }));
    const refused = await run(
      'workflow_run',
      workflowRun,
      { ...stepInputs(forkComment, 'comment', secrets()), results },
      'trace-differ (comment on fork PRs)',
    );
    expect(refused.exitCode, refused.stdout).toBe(0);
    expect(refused.stdout).toContain('::warning::The results name pull request #13, which is not the pull request');
    expect(gh.state.comments.filter((c) => c.issue_number === 13)).toHaveLength(0);
  });
});

describe('gate with current: newest', () => {
  const pr = {
    number: 21,
    pull_request: {
      number: 21,
      head: { sha: 'd'.repeat(40), repo: { full_name: 'acme/shop' } },
      base: { ref: 'main', repo: { full_name: 'acme/shop' } },
    },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  };
  const gateInputs = (after: string) => ({
    'lightstep-api-key': API_KEY,
    'github-token': 'ghs_workflow_token',
    mode: 'gate',
    query: 'android',
    current: 'newest',
    'current-after': after,
  });

  it('waits for a dataset collected after the deployment, then diffs it against the one before', async () => {
    await collectBaseline();
    const deployedAt = new Date().toISOString();
    const tooEarly = await run('pull_request', pr, gateInputs(deployedAt), 'gate');
    expect(tooEarly.exitCode).toBe(1);
    expect(tooEarly.stdout).toContain(`no dataset of query 'android' was collected after ${deployedAt}`);

    sim.setScenario({ slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] });
    const collected = await run(
      'schedule',
      {},
      { 'lightstep-api-key': API_KEY, query: 'android', 'fail-on': 'never', publish: 'summary' },
      'collect',
    );
    sim.setScenario(undefined);
    expect(collected.exitCode, collected.stdout).toBe(0);

    const gated = await run('pull_request', pr, gateInputs(deployedAt), 'gate');
    expect(gated.exitCode).toBe(1);
    expect(gated.outputs.verdict).toBe('fail');
    expect(gated.stdout).toMatch(/\[android\] current: the stored dataset .* collected /);
  });

  it("takes the deployment's time from a deployment_status event", async () => {
    const event = {
      deployment: { created_at: '2999-01-01T00:00:00Z', environment: 'production' },
      deployment_status: { state: 'success' },
      repository: { full_name: 'acme/shop', default_branch: 'main' },
    };
    const r = await run('deployment_status', event, gateInputs('deployment'), 'gate');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("no dataset of query 'android' was collected after 2999-01-01T00:00:00Z");
  });

  it('says what to do when the input names no time', async () => {
    const r = await run('pull_request', pr, gateInputs('after the deploy'), 'gate');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("::error::input 'current-after' is 'after the deploy', expected an ISO-8601 time");
  });
});

describe('pin and baseline: pinned:<name>', () => {
  it('a collect keeps its dataset under a name, and a later gate diffs against exactly that one', async () => {
    type Result = { outcomes: { result: { baseline: { collectedAt: string }; current: { collectedAt: string } } }[] };
    const json = async (r: ActionRun) => JSON.parse(await readFile(r.outputs['report-json']!, 'utf8')) as Result;
    const collect = (pin?: string) =>
      run(
        'workflow_dispatch',
        {},
        {
          'lightstep-api-key': API_KEY,
          query: 'ios',
          'fail-on': 'never',
          publish: 'summary',
          ...(pin ? { pin } : {}),
        },
        'collect',
      );
    const pinned = await collect('release-1');
    expect(pinned.exitCode, pinned.stdout).toBe(0);
    expect(pinned.stdout).toContain("[ios] pinned this dataset as 'release-1' (baseline: pinned:release-1)");
    const pinnedAt = (await json(pinned)).outcomes[0]!.result.current.collectedAt;
    await collect(); // a later collection: the newest, but not the pinned one

    const gate = await run(
      'pull_request',
      { number: 30, pull_request: { number: 30, base: { ref: 'main' } } },
      { 'lightstep-api-key': API_KEY, query: 'ios', baseline: 'pinned:release-1', publish: 'summary' },
      'gate',
    );
    expect(gate.exitCode, gate.stdout).toBe(0);
    expect((await json(gate)).outcomes[0]!.result.baseline.collectedAt).toBe(pinnedAt);
  });

  it('refuses a pin outside collect mode', async () => {
    const r = await run('workflow_dispatch', {}, { mode: 'gate', pin: 'x' }, 'gate');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("::error::input 'pin' only applies in collect mode (this run is 'gate')");
  });
});

describe('artifacts', () => {
  it('a collect uploads its report and the datasets it stored, kept for artifact-retention-days', async () => {
    const services = await startActionsServices();
    const id = runId++;
    try {
      const r = await runAction({
        workspace,
        eventName: 'schedule',
        event: {},
        runId: id,
        apiUrl: gh.url,
        inputs: {
          ...environment(),
          'lightstep-api-key': API_KEY,
          query: 'android',
          'artifact-retention-days': '3',
          'fail-on': 'never',
          publish: 'summary',
        },
        extraEnv: {
          TRACE_DIFFER_TIME_SCALE: '0.01',
          ...services.runnerEnv({ runId: id, ref: 'refs/heads/main' }),
          GITHUB_API_URL: gh.url,
        },
      });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/uploaded artifact trace-differ-collect-android \(4 files, \d+ bytes, id 1\)/);
      const artifacts = services.state.artifacts.filter((a) => a.runId === id);
      expect(artifacts.map((a) => [a.name, a.finalized])).toEqual([['trace-differ-collect-android', true]]);
      expect(Math.round((artifacts[0]!.expiresAt! - artifacts[0]!.createdAt) / 86_400_000)).toBe(3);
      // A zip names its files in plain text in its central directory.
      const zip = services.state.blobs.get(artifacts[0]!.blob)!.committed!.toString('latin1');
      for (const name of ['report.json', 'report.md', 'report.html', 'datasets/android.tdds'])
        expect(zip).toContain(name);
    } finally {
      await services.close();
    }
  });

  it('without an artifact service the run says so and goes on', async () => {
    const r = await run(
      'schedule',
      {},
      { 'lightstep-api-key': API_KEY, query: 'android', 'artifact-retention-days': '3', 'fail-on': 'never' },
      'collect',
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('No artifact service in this environment: the report and datasets are not uploaded.');
  });
});

describe('diff mode by hand', () => {
  it('diffs a stored dataset (by its key) against a Lightstep snapshot (by its id)', async () => {
    await collectBaseline();
    const latest = await run(
      'workflow_dispatch',
      {},
      { 'lightstep-api-key': API_KEY, query: 'android', 'fail-on': 'never', publish: 'summary' },
      'collect',
    );
    type Result = {
      outcomes: { result: { verdict: string; baseline: { collectedAt: string }; current: { snapshotId: string } } }[];
    };
    const snapshotId = (JSON.parse(await readFile(latest.outputs['report-json']!, 'utf8')) as Result).outcomes[0]!
      .result.current.snapshotId;
    const [, older] = await new LocalStore(join(workspace, '.trace-differ')).list('android');

    const r = await run(
      'workflow_dispatch',
      {},
      {
        'lightstep-api-key': API_KEY,
        mode: 'diff',
        query: 'android',
        'baseline-dataset': older!.key,
        'current-dataset': snapshotId,
      },
      'diff',
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const result = (JSON.parse(await readFile(r.outputs['report-json']!, 'utf8')) as Result).outcomes[0]!.result;
    expect(result.baseline.collectedAt).toBe(older!.collectedAt);
    expect(result.current.snapshotId).toBe(snapshotId);
    expect(['pass', 'notice']).toContain(result.verdict);
  });
});

describe("the gate's baseline", () => {
  it('comes from the default branch, not from a collect dispatched on another branch', async () => {
    await collectBaseline();
    const slower = { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] };
    sim.setScenario(slower);
    try {
      const elsewhere = await runAction({
        workspace,
        eventName: 'workflow_dispatch',
        event: {},
        runId: runId++,
        apiUrl: gh.url,
        inputs: {
          ...environment(),
          'lightstep-api-key': API_KEY,
          query: 'android',
          'fail-on': 'never',
          publish: 'summary',
        },
        extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01', GITHUB_REF: 'refs/heads/experiment' },
      });
      expect(elsewhere.exitCode, elsewhere.stdout).toBe(0);
      // The experiment's dataset is the newest, and as slow as the PR: diffed against it, the PR would pass.
      const gate = await run(
        'pull_request',
        {
          number: 40,
          pull_request: { number: 40, base: { ref: 'main' } },
          repository: { default_branch: 'main' },
        },
        { 'lightstep-api-key': API_KEY, query: 'android', publish: 'summary' },
        'gate',
      );
      expect(gate.outputs.verdict).toBe('fail');
      expect(gate.exitCode).toBe(1);
    } finally {
      sim.setScenario(undefined);
    }
  });
});
