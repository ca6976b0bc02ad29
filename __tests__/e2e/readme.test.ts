import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, workspaceWithConfig } from './run-action.js';

/**
 * Issue #7's "done when", as a new user would try it: the configuration and the two workflows copied
 * from the README as they are written there, the scheduled workflow run twice (the summary, the stored
 * dataset, then a diff), then the deploy-PR gate, which fails with a regression and passes without one.
 * Only what this machine lacks is swapped: the simulator's organization, project and URL for Lightstep's,
 * and a local store for the Actions cache.
 */
const root = join(import.meta.dirname, '..', '..');
const readme = await readFile(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const config = blocks.find((b) => b.startsWith('version: 1'))!;
const [scheduled, gate] = blocks.filter((b) => /^jobs:/m.test(b)).map((b) => parse(b) as Workflow);

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
}

function withOf(wf: Workflow): Record<string, string> {
  const step = Object.values(wf.jobs)[0]!.steps.find((s) => s.uses?.startsWith('trace-differ/'))!;
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([k, v]) => [k, v.replace('${{ secrets.LIGHTSTEP_API_KEY }}', API_KEY)]),
  );
}

const API_KEY = 'lsk-readme-user';
let sim: Simulator;
let gh: GitHubServer;
let workspace: string;
let runId = 900;

beforeAll(async () => {
  sim = await startSimulator({ seed: 77, tracesPerSnapshot: 500, apiKey: API_KEY });
  gh = await startGitHubServer();
  workspace = await workspaceWithConfig(
    'td-readme-',
    config
      .replace('organization: acme', `organization: ${sim.organization}`)
      .replace('project: production', `project: ${sim.project}`),
  );
});
afterAll(async () => {
  await sim?.close();
  await gh?.close();
});

const environment = () => ({ 'lightstep-api-url': sim.url, store: 'local', 'artifact-retention-days': '0' });

function runScheduled() {
  expect(Object.keys(scheduled!.on)).toContain('schedule');
  return runAction({
    workspace,
    eventName: 'schedule',
    event: { schedule: '*/30 * * * *' },
    runId: runId++,
    apiUrl: gh.url,
    inputs: { ...environment(), ...withOf(scheduled!) },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}

function runGate() {
  expect(Object.keys(gate!.on)).toEqual(['pull_request']);
  return runAction({
    workspace,
    eventName: 'pull_request',
    event: {
      number: 3,
      pull_request: {
        number: 3,
        head: { sha: 'f'.repeat(40), repo: { full_name: 'acme/shop' } },
        base: { ref: 'main', repo: { full_name: 'acme/shop' } },
      },
      repository: { full_name: 'acme/shop', default_branch: 'main' },
    },
    runId: runId++,
    apiUrl: gh.url,
    inputs: { ...environment(), ...withOf(gate!) },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}

describe("the README's configuration and workflows, as a new user runs them", () => {
  it('the first scheduled run writes the summary and stores the dataset; the second diffs against it', async () => {
    const first = await runScheduled();
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.verdict).toBe('inconclusive');
    expect(first.summary).toContain('Android checkout');
    expect(
      (await readdir(join(workspace, '.trace-differ', 'android'))).filter((f) => f.endsWith('.tdds')),
    ).toHaveLength(1);

    const second = await runScheduled();
    expect(second.exitCode, second.stdout).toBe(0);
    expect(['pass', 'notice']).toContain(second.outputs.verdict);
    const report = JSON.parse(await readFile(second.outputs['report-json']!, 'utf8')) as {
      outcomes: { result: { baseline: object | null; groups: { key: string }[] } }[];
    };
    expect(report.outcomes[0]!.result.baseline).not.toBeNull();
    expect(report.outcomes[0]!.result.groups.map((g) => g.key)).toEqual([
      'operation',
      'http.status_code',
      'service+operation',
    ]);
  });

  it('the deploy-PR gate fails on a regression and passes without one', async () => {
    sim.setScenario({ slower: [{ service: 'android', operation: '/api/make-payment', percent: 80 }] });
    const failing = await runGate();
    sim.setScenario(undefined);
    expect(failing.outputs.verdict).toBe('fail');
    expect(failing.exitCode).toBe(1);
    expect(gh.state.comments.filter((c) => c.issue_number === 3)).toHaveLength(1);

    const passing = await runGate();
    expect(passing.exitCode, passing.stdout).toBe(0);
    expect(gh.state.comments.filter((c) => c.issue_number === 3)).toHaveLength(1);
  });
});
