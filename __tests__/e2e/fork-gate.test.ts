import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { runAction, simulatorSource, workspaceWithConfig } from './run-action.js';

/**
 * A fork's pull request under `pull_request` gets no secrets, so no Lightstep snapshot: the gate takes
 * the newest dataset the schedule stored instead, and decides on it — nobody needs pull_request_target
 * (which would hand the key to a workflow that may check out the fork) to gate forks.
 */
const API_KEY = 'lsk-fork-gate-0123456789';
const FORK_PR = {
  action: 'opened',
  number: 31,
  pull_request: {
    number: 31,
    head: { sha: '3'.repeat(40), repo: { full_name: 'mallory/shop', fork: true } },
    base: { ref: 'main', repo: { full_name: 'acme/shop' } },
  },
  repository: { full_name: 'acme/shop', default_branch: 'main' },
};
let sim: Simulator;
let workspace: string;
let runId = 3100;

beforeAll(async () => {
  sim = await startSimulator({ seed: 8, tracesPerSnapshot: 400, apiKey: API_KEY });
  workspace = await workspaceWithConfig('td-fork-', [
    ...simulatorSource(sim),
    'queries:',
    '  - id: android',
    '    query: service IN ("android")',
  ]);
});
afterAll(() => sim?.close());

function run(eventName: string, event: object, inputs: Record<string, string>) {
  return runAction({
    workspace,
    eventName,
    event,
    runId: runId++,
    inputs: { 'lightstep-api-url': sim.url, store: 'local', 'artifact-retention-days': '0', ...inputs },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}
// The runner passes an empty string for a secret a fork does not get.
const forkGate = () => run('pull_request', FORK_PR, { 'lightstep-api-key': '', publish: 'summary' });

describe('a fork pull request under pull_request, without the key', () => {
  it('with nothing stored yet: says why it cannot gate, and does not fail the check', async () => {
    const r = await forkGate();
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('::warning::This pull request comes from a fork, and GitHub gives a fork no secrets');
    expect(r.stdout).toMatch(
      /::warning::1 of 1 queries could not be gated for this fork pull request: android \(no stored dataset/,
    );
    expect(r.outputs.verdict).toBe('inconclusive');
  });

  it('gates on the newest stored dataset: passes when it is calm, fails on a regression', async () => {
    const collect = () => run('schedule', {}, { 'lightstep-api-key': API_KEY, 'fail-on': 'never', publish: 'summary' });
    expect((await collect()).exitCode).toBe(0);
    expect((await collect()).exitCode).toBe(0);
    const calm = await forkGate();
    expect(calm.exitCode, calm.stdout).toBe(0);
    expect(calm.stdout).toMatch(/\[android\] current: the stored dataset .* collected /);
    expect(['pass', 'notice']).toContain(calm.outputs.verdict);

    sim.setScenario({ slower: [{ service: 'android', operation: '/api/get-transactions', percent: 80 }] });
    expect((await collect()).exitCode).toBe(0);
    sim.setScenario(undefined);
    const regressed = await forkGate();
    expect(regressed.exitCode).toBe(1);
    expect(regressed.outputs.verdict).toBe('fail');
    expect(sim.stats().snapshotsCreated).toBe(3);
  });
});
