import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { renderJson } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { SETTINGS, traffic } from '../diff/datasets.js';
import { startActionsServices, type ActionsServices } from '../support/actions-services.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction } from './run-action.js';

/**
 * The bundled action merging the results of a wide matrix on a pull request: the comment is too
 * long for GitHub, so it is cut, keeps the failing query, and links to the run's job summary and to
 * the report artifact the same run uploaded; the checks tab gets at most 10 error annotations.
 */
let gh: GitHubServer;
let services: ActionsServices;
let workspace: string;

beforeAll(async () => {
  gh = await startGitHubServer();
  services = await startActionsServices();
  workspace = await mkdtemp(join(tmpdir(), 'td-size-e2e-'));
  // 40 % slower: p95 +31 %, its interval past the +10 % warn level; 60 %: past the +25 % fail level.
  const warn = diffOf('w', 40);
  const fail = diffOf('zz-payments', 60);
  for (let i = 1; i <= 30; i++) await write(`query-${String(i).padStart(2, '0')}`, warn);
  await write('zz-payments', fail);
});
afterAll(async () => {
  await gh?.close();
  await services?.close();
});

function diffOf(name: string, percent: number): DiffResult {
  return diff({
    baseline: [traffic(1, 1500)],
    current: traffic(2, 1500, { slower: [{ service: 'android', operation: '/api/make-payment', percent }] }),
    query: { id: name, name, query: 'service IN ("android")' },
    settings: SETTINGS,
  });
}

async function write(name: string, result: DiffResult): Promise<void> {
  const query = { ...result.query, id: name, name };
  const report: Report = {
    mode: 'gate',
    verdict: result.verdict,
    outcomes: [{ query, result: { ...result, query }, warnings: [], rules: SETTINGS.thresholds.metrics }],
    generatedAt: '2026-11-24T00:00:00Z',
    pullRequest: 7,
  };
  await mkdir(join(workspace, 'results', name), { recursive: true });
  await writeFile(join(workspace, 'results', name, 'report.json'), renderJson(report));
}

describe('a merge too large for one comment, through the bundled action', () => {
  it('cuts the comment, keeps the failure, links to the summary and the artifact, and caps the annotations', async () => {
    const runId = 5151;
    const r = await runAction({
      workspace,
      eventName: 'pull_request',
      event: {
        number: 7,
        pull_request: {
          number: 7,
          head: { sha: 'f'.repeat(40), repo: { full_name: 'acme/shop' } },
          base: { ref: 'main', repo: { full_name: 'acme/shop' } },
        },
        repository: { full_name: 'acme/shop', default_branch: 'main' },
      },
      runId,
      apiUrl: gh.url,
      inputs: {
        mode: 'merge',
        results: 'results',
        publish: 'summary,comment',
        'fail-on': 'fail',
        'artifact-retention-days': '1',
      },
      extraEnv: { ...services.runnerEnv({ runId, ref: 'refs/pull/7/merge' }), GITHUB_API_URL: gh.url },
    });
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    const [artifact] = services.state.artifacts.filter((a) => a.runId === runId);
    expect(artifact).toBeDefined();

    const comment = gh.state.comments.find((c) => c.issue_number === 7)!.body;
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment.split('\n')[1]).toMatch(/^## ❌ 31 of 31 queries regressed — zz-payments: /);
    expect(comment).toContain('### ❌ zz-payments');
    expect(comment).toContain(
      `The full report is in [the job summary](https://github.com/acme/shop/actions/runs/${runId}) and [the report artifact](https://github.com/acme/shop/actions/runs/${runId}/artifacts/${artifact!.id}).`,
    );
    // The summary holds everything: nothing to link to but the artifact, and nothing cut here.
    expect(r.summary).toContain('### ❌ zz-payments');
    expect(r.summary).not.toContain('✂️');

    const errors = r.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(10);
  });
});
