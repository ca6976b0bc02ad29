import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAction } from '../e2e/run-action.js';
import { exampleDataset } from './example-datasets.js';

/**
 * The CI workflow's self-test job runs the committed action (`uses: ./`) in diff mode on the two
 * committed example datasets and asserts on its outputs. This runs that job's steps the way the
 * runner would: the bundled dist/index.js with the step's `with:`, then the assertion script with
 * the step's outputs put in for its `${{ steps.differ.outputs.* }}` expressions.
 */
const root = join(import.meta.dirname, '..', '..');

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
}

const ci = parse(await readFile(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};

describe('the example datasets', () => {
  it('are the ones the generator makes (baseline, and current with /api/make-payment twice as slow)', async () => {
    await expect(exampleDataset('baseline')).toMatchFileSnapshot(join(root, 'examples', 'datasets', 'baseline.ndjson'));
    await expect(exampleDataset('current')).toMatchFileSnapshot(join(root, 'examples', 'datasets', 'current.ndjson'));
  });
});

describe('the self-test job of .github/workflows/ci.yml', () => {
  const job = ci.jobs['self-test'];

  it('runs the action from the checkout in diff mode on files that exist', async () => {
    expect(job).toBeDefined();
    const step = job!.steps.find((s) => s.uses === './')!;
    expect(step.with?.mode).toBe('diff');
    for (const key of ['config', 'baseline-dataset', 'current-dataset'] as const) {
      await expect(readFile(join(root, step.with![key]!), 'utf8'), key).resolves.toBeTruthy();
    }
  });

  it('passes its own assertion when the bundled action runs as the runner runs it', async () => {
    const step = job!.steps.find((s) => s.uses === './')!;
    const r = await runAction({
      workspace: root,
      eventName: 'pull_request',
      event: { pull_request: { number: 1, head: { repo: { full_name: 'acme/shop' } }, base: { ref: 'main' } } },
      runId: 1,
      inputs: step.with!,
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.summary).toMatch(/^## ❌ .*Android checkout/);
    expect(r.summary).toContain('/api/make-payment');

    const check = job!.steps.find((s) => s.run && s.run.includes('steps.differ.outputs'))!;
    const script = check.run!.replace(
      /\$\{\{\s*steps\.differ\.outputs\.([\w-]+)\s*\}\}/g,
      (_, name: string) => r.outputs[name] ?? '',
    );
    const bash = spawnSync('bash', ['-e', '-c', script], { encoding: 'utf8' });
    expect(bash.status, `${script}\n${bash.stderr}`).toBe(0);
  });
});
