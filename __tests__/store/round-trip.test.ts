import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { CacheStore } from '../../src/store/index.js';
import { runAction, simulatorSource, workspaceWithConfig, type ActionRun } from '../e2e/run-action.js';
import { startActionsServices, type ActionsServices } from '../support/actions-services.js';

/**
 * The bundled action (dist/index.js, run as GitHub runs it) with `store: cache`, the real
 * @actions/cache inside it talking to the loopback cache service: scheduled collections on main,
 * then a deploy PR whose gate reads the newest dataset of its base branch.
 */
const API_KEY = 'lsk-roundtrip-secret-0123456789';
const PR_EVENT = (base: string) => ({
  action: 'synchronize',
  number: 7,
  pull_request: {
    number: 7,
    head: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop', fork: false } },
    base: { ref: base, repo: { full_name: 'acme/shop' } },
  },
  repository: { full_name: 'acme/shop', default_branch: 'main' },
});
// 3× slower, ~180 traces of the operation a side: the p95's interval lies past the +25 % fail level.
const REGRESSION = { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 200 }] };

let sim: Simulator;
let services: ActionsServices;
let workspace: string;
let runId = 500;

beforeAll(async () => {
  sim = await startSimulator({ seed: 33, tracesPerSnapshot: 600, apiKey: API_KEY });
  services = await startActionsServices();
  workspace = await workspaceWithConfig('td-roundtrip-', [
    ...simulatorSource(sim),
    'defaults:',
    '  group-by: [operation]',
    'queries:',
    '  - id: android',
    '    query: service IN ("android")',
  ]);
});
afterAll(async () => {
  await sim?.close();
  await services?.close();
});

function run(
  eventName: 'schedule' | 'pull_request',
  scope: { ref: string; baseRef?: string },
  inputs: Record<string, string> = {},
): Promise<ActionRun & { runId: number }> {
  const id = runId++;
  return runAction({
    workspace,
    eventName,
    event: eventName === 'schedule' ? { schedule: '*/30 * * * *' } : PR_EVENT(scope.baseRef ?? 'main'),
    runId: id,
    inputs: {
      'lightstep-api-key': API_KEY,
      'lightstep-api-url': sim.url,
      'github-token': 'ghs_roundtrip_token',
      store: 'cache',
      publish: 'summary',
      'artifact-retention-days': '0',
      ...inputs,
    },
    extraEnv: {
      ...services.runnerEnv({ runId: id, ...scope }),
      GITHUB_REF: scope.ref,
      TRACE_DIFFER_TIME_SCALE: '0.01',
    },
  }).then((r) => ({ ...r, runId: id }));
}

const dataKeys = () =>
  services.state.cache.filter((e) => e.key.startsWith(CacheStore.dataPrefix('android'))).map((e) => e.key);

describe('collect on schedule, then gate a pull request, through the Actions cache', () => {
  let newestOnMain = '';

  it('scheduled runs on main store each dataset under its own key and diff against the one before', async () => {
    const first = await run('schedule', { ref: 'refs/heads/main' });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.verdict).toBe('inconclusive');
    const second = await run('schedule', { ref: 'refs/heads/main' }, { 'artifact-retention-days': '3' });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(['pass', 'notice']).toContain(second.outputs.verdict);
    expect(second.stdout).toContain(`Cache hit for: ${dataKeys()[0]}`);
    expect(dataKeys()).toHaveLength(2);
    newestOnMain = dataKeys()[1]!;
    expect(newestOnMain).toMatch(new RegExp(`^trace-differ-v1-android-\\d{8}T\\d{9}Z-${second.runId}-1-$`));
    expect(services.state.cache.every((e) => e.scope === 'refs/heads/main')).toBe(true);
    // For people: the report and the dataset this run stored, as an artifact kept 3 days.
    const forPeople = services.state.artifacts.find((a) => a.runId === second.runId)!;
    expect(forPeople.name).toBe('trace-differ-collect');
    expect(Math.round((forPeople.expiresAt! - forPeople.createdAt) / 86_400_000)).toBe(3);
    const zip = services.state.blobs.get(forPeople.blob)!.committed!;
    for (const name of ['report.md', 'report.json', 'datasets/android.tdds']) {
      expect(zip.includes(Buffer.from(name)), name).toBe(true);
    }
  });

  it("a deploy PR's gate reads the newest dataset of main and fails on the regression", async () => {
    sim.setScenario(REGRESSION);
    const gate = await run('pull_request', { ref: 'refs/pull/7/merge', baseRef: 'main' });
    sim.setScenario(undefined);
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs.verdict).toBe('fail');
    // The PR's token lists its merge ref, then main: the index and the dataset come from main.
    expect(gate.stdout).toMatch(/Cache hit for(?: restore-key)?: trace-differ-index-v1-android-\S+-/);
    expect(gate.stdout).toContain(`Cache hit for: ${newestOnMain}`);
    expect(gate.summary).toMatch(/^## ❌ /);
    // A gate takes its snapshot without storing it: main's history stays main's.
    expect(dataKeys()).toHaveLength(2);
  });

  it('a release pinned on main is the baseline of a gate that asks for it, newer datasets notwithstanding', async () => {
    const pinned = await run('schedule', { ref: 'refs/heads/main' }, { pin: 'release-1' });
    expect(pinned.exitCode, pinned.stdout).toBe(0);
    const pinnedKey = dataKeys().find((k) => k.includes(`-${pinned.runId}-`))!;
    const later = await run('schedule', { ref: 'refs/heads/main' });
    expect(later.exitCode, later.stdout).toBe(0);
    const gate = await run(
      'pull_request',
      { ref: 'refs/pull/7/merge', baseRef: 'main' },
      { baseline: 'pinned:release-1' },
    );
    expect(gate.exitCode, gate.stdout).toBe(0);
    expect(gate.stdout).toContain(`Cache hit for: ${pinnedKey}`);
    expect(gate.stdout).not.toContain(`Cache hit for: ${dataKeys().at(-1)}`);
  });

  it('outside GitHub Actions the cache store says plainly that there is no cache', async () => {
    const id = runId++;
    const r = await runAction({
      workspace,
      eventName: 'schedule',
      event: {},
      runId: id,
      inputs: { 'lightstep-api-key': API_KEY, 'lightstep-api-url': sim.url, store: 'cache' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::error::the Actions cache is not available here');
    expect(r.stdout).toContain("fix: use 'store: local'");
  });
});

describe('the same round trip through workflow artifacts', () => {
  it("uploads each collection and the run's report with their retention; a PR's gate finds main's by name", async () => {
    const artifacts = { store: 'artifact', 'artifact-retention-days': '7' };
    const first = await run('schedule', { ref: 'refs/heads/main' }, artifacts);
    expect(first.exitCode, first.stdout).toBe(0);
    const second = await run('schedule', { ref: 'refs/heads/main' }, artifacts);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(['pass', 'notice']).toContain(second.outputs.verdict);

    const ofRun = (id: number) => services.state.artifacts.filter((a) => a.runId === id).map((a) => a.name);
    expect(ofRun(second.runId).sort()).toEqual(['trace-differ-collect', 'trace-differ-dataset-android']);
    const report = services.state.artifacts.find(
      (a) => a.runId === second.runId && a.name.startsWith('trace-differ-collect'),
    )!;
    expect(Math.round((report.expiresAt! - report.createdAt) / 86_400_000)).toBe(7);

    sim.setScenario(REGRESSION);
    const gate = await run('pull_request', { ref: 'refs/pull/7/merge', baseRef: 'main' }, artifacts);
    sim.setScenario(undefined);
    expect(gate.outputs.verdict, gate.stdout).toBe('fail');
    expect(services.state.requests).toContain(
      'GET /repos/acme/shop/actions/artifacts?name=trace-differ-dataset-android&per_page=100',
    );
    const newest = services.state.artifacts.find(
      (a) => a.runId === second.runId && a.name === 'trace-differ-dataset-android',
    )!;
    expect(gate.stdout).toContain(`Downloading artifact '${newest.id}' from 'acme/shop'`);
  });
});
