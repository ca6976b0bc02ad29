import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, simulatorSource, workspaceWithConfig, type ActionRun } from './run-action.js';
import { LocalStore } from '../../src/store/index.js';
import { join } from 'node:path';

/**
 * "Re-run jobs" of a collect that failed on a regression, through the bundled action: the re-run picks up
 * the snapshot its first attempt took (one snapshot saved of the hourly quota), and must not diff that
 * snapshot against itself, call it "no regressions" and close the alert issue the first attempt opened.
 */
const API_KEY = 'lsk-e2e-rerun-0123456789';
const SCHEDULE = { schedule: '*/30 * * * *' };
// 3× slower, ~180 traces of the operation a side: the p95's interval lies past the +25 % fail level.
const REGRESSION = { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] };

let sim: Simulator;
let gh: GitHubServer;
let workspace: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 33, tracesPerSnapshot: 600, apiKey: API_KEY });
  gh = await startGitHubServer();
  workspace = await workspaceWithConfig('td-rerun-', [
    ...simulatorSource(sim),
    'defaults:',
    '  group-by: [operation]',
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

function run(runId: number, attempt = 1): Promise<ActionRun> {
  return runAction({
    workspace,
    eventName: 'schedule',
    event: SCHEDULE,
    runId,
    attempt,
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
    },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}

describe('re-running a collect that failed', () => {
  it('diffs against what the first attempt did, keeps the alert open, and keeps one history line per run', async () => {
    const base = await run(500);
    expect(base.exitCode, base.stdout + base.stderr).toBe(0);
    sim.setScenario(REGRESSION);
    const first = await run(501);
    expect(first.exitCode).toBe(1);
    expect(gh.state.issues).toEqual([expect.objectContaining({ state: 'open' })]);
    const created = sim.stats().snapshotsCreated;

    const again = await run(501, 2);
    expect(sim.stats().snapshotsCreated).toBe(created); // the first attempt's snapshot, picked up
    expect(again.stdout).toMatch(/reusing snapshot/);
    expect(again.exitCode, again.summary).toBe(1);
    expect(again.outputs.verdict).toBe('fail');
    expect(gh.state.issues).toEqual([expect.objectContaining({ state: 'open' })]);

    const history = await new LocalStore(join(workspace, '.trace-differ')).list('android');
    expect(history.map((e) => e.runId)).toEqual(['501', '500']);
    expect(new Set(history.map((e) => e.snapshotId)).size).toBe(2);
  });
});
