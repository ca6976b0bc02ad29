import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, simulatorSource, workspaceWithConfig, type ActionRun } from './run-action.js';

/**
 * The bundled action (dist/index.js) run as GitHub runs it — a child process with INPUT_*, the
 * event payload, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files — against the Lightstep simulator and
 * the loopback GitHub: several scheduled runs, then a deploy PR.
 */
const API_KEY = 'lsk-e2e-secret-0123456789';
const SCHEDULE = { schedule: '*/30 * * * *' };
const PR = {
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop', fork: false } },
    base: { ref: 'main', repo: { full_name: 'acme/shop' } },
  },
  repository: { full_name: 'acme/shop', default_branch: 'main' },
};
// 3× slower: with ~150 traces of the operation a side, the p95's interval then lies past the +25 % fail level.
const REGRESSION = { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] };

let sim: Simulator;
let gh: GitHubServer;
let workspace: string;
let runId = 100;

beforeAll(async () => {
  sim = await startSimulator({ seed: 21, tracesPerSnapshot: 500, apiKey: API_KEY });
  gh = await startGitHubServer();
  // The README's config, pointed at the simulator's organization and project.
  workspace = await workspaceWithConfig('td-e2e-', [
    ...simulatorSource(sim),
    'defaults:',
    '  group-by: [operation, [service, operation]]',
    'queries:',
    '  - id: android',
    '    name: Android checkout',
    '    query: service IN ("android")',
  ]);
});
afterAll(async () => {
  await sim?.close();
  await gh?.close();
});

function run(eventName: string, event: object, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace,
    eventName,
    event,
    runId: runId++,
    apiUrl: gh.url,
    inputs: {
      'lightstep-api-key': API_KEY,
      'lightstep-api-url': sim.url,
      'github-token': 'ghs_e2e_token',
      store: 'local',
      'store-path': '.trace-differ',
      'artifact-retention-days': '0',
      'fail-on': 'fail',
      'alert-on': 'fail',
      ...inputs,
    },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}

describe('the action as GitHub runs it', () => {
  it('a first scheduled run is inconclusive, says so, and stores its dataset', async () => {
    const r = await run('schedule', SCHEDULE);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('inconclusive');
    expect(r.summary).toMatch(/^## ❔ Android checkout is inconclusive: There is no baseline yet/);
    expect(r.outputs['report-json']).toMatch(/report\.json$/);
    expect(
      (await readdir(join(workspace, '.trace-differ', 'android'))).filter((f) => f.endsWith('.tdds')),
    ).toHaveLength(1);
    // The key is masked before anything could print it, and appears nowhere else.
    expect(r.stdout).toContain(`::add-mask::${API_KEY}`);
    expect(r.stdout.split(`::add-mask::${API_KEY}`).join('')).not.toContain(API_KEY);
  });

  it('a second run diffs against the first and passes; it writes the HTML report and the dashboard of both runs', async () => {
    const r = await run('schedule', SCHEDULE, { dashboard: 'true' });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(['pass', 'notice']).toContain(r.outputs.verdict);
    expect(await readFile(r.outputs['report-html']!, 'utf8')).toMatch(/^<!doctype html>[\s\S]*Android checkout/);
    const page = await readFile(join(r.outputs['dashboard-path']!, 'index.html'), 'utf8');
    expect(page).toContain('1 queries, 2 collections');
    expect(gh.state.issues).toHaveLength(0);
  });

  it('an injected regression fails the step, annotates it, and opens one alert issue', async () => {
    sim.setScenario(REGRESSION);
    const r = await run('schedule', SCHEDULE);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(Number(r.outputs.findings)).toBeGreaterThan(0);
    expect(r.stdout).toMatch(
      /::error title=trace-differ%3A Android checkout regressed::.*\/api\/get-transactions: latency/,
    );
    expect(r.summary.split('\n')[0]).toMatch(/^## ❌ \d+ regressions? in Android checkout: /);
    expect(gh.state.issues).toHaveLength(1);
    expect(gh.state.issues[0]).toMatchObject({
      state: 'open',
      title: 'trace-differ: Android checkout regressed (fail)',
    });
  });

  it('recovery closes the alert issue', async () => {
    sim.setScenario(undefined);
    const r = await run('schedule', SCHEDULE);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(gh.state.issues[0]!.state).toBe('closed');
  });

  it('a deploy PR with the regression fails its check and gets one comment; without it, the same comment is updated and the check passes', async () => {
    sim.setScenario(REGRESSION);
    const failing = await run('pull_request', PR);
    expect(failing.exitCode).toBe(1);
    expect(failing.outputs.verdict).toBe('fail');
    const comments = () => gh.state.comments.filter((c) => c.issue_number === 7);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).toMatch(/^<!-- trace-differ:gate:trace-differ -->\n## ❌ /);

    sim.setScenario(undefined);
    const passing = await run('pull_request', PR);
    expect(passing.exitCode, passing.stdout).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.body).not.toMatch(/## ❌/);
  });

  it('dry-run computes and publishes but never fails the step', async () => {
    sim.setScenario(REGRESSION);
    const r = await run('pull_request', PR, { 'dry-run': 'true' });
    sim.setScenario(undefined);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('dry-run: the step would fail');
  });

  it('a broken config fails with file, line and column, and no stack trace', async () => {
    const broken = join(workspace, 'broken.yml');
    await writeFile(broken, 'version: 1\nqueries:\n  - id: a\n    qeury: x\n');
    const r = await run('schedule', SCHEDULE, { config: broken });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(`::error::${broken}: 2 problems in the configuration`);
    expect(r.stdout).toContain(`${broken}:3:5: queries[0]: has no source`);
    expect(r.stdout).toContain(`${broken}:4:5: queries[0].qeury: unknown key 'qeury' (did you mean 'query'?)`);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('plan writes the matrix', async () => {
    const r = await run('workflow_dispatch', {}, { mode: 'plan' });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.outputs.matrix!)).toEqual({ query: ['android'] });
  });
});
