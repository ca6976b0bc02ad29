import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  startBackendFake,
  type Backend,
  type BackendFake,
  type BackendFakeOptions,
} from '../../src/simulator/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction, workspaceWithConfig } from './run-action.js';

/**
 * docs/tempo.md, docs/jaeger.md and docs/zipkin.md, as a user copies them: the configuration and the
 * scheduled workflow of each page run twice through the bundled action against the backend's fake,
 * with the credentials the page's workflow passes. Only what this machine lacks is swapped: the fake's
 * URL for the backend's, its services for the page's example names, and a local store for the cache.
 */
const root = join(import.meta.dirname, '..', '..');

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
}

const SECRET = 's3cret-value-for-docs';
const pages: [Backend, Omit<BackendFakeOptions, 'backend'>][] = [
  ['tempo', { basic: { username: 'tempo-user', password: SECRET } }],
  ['jaeger', { token: SECRET }],
  ['zipkin', { headers: { 'x-api-key': SECRET } }],
];

let gh: GitHubServer;
const fakes: BackendFake[] = [];
beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => {
  await gh?.close();
  await Promise.all(fakes.map((f) => f.close()));
});

describe.each(pages)('docs/%s.md, copied as written', (backend, auth) => {
  it('collects twice on the schedule: the dataset is stored, then diffed; the credentials are masked', async () => {
    const page = await readFile(join(root, 'docs', `${backend}.md`), 'utf8');
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const config = blocks.find((b) => b.startsWith('version: 1'))!;
    const workflow = parse(blocks.find((b) => /^jobs:/m.test(b))!) as Workflow;
    expect(Object.keys(workflow.on)).toContain('schedule');
    const fake = await startBackendFake({ backend, traces: 200, ...auth });
    fakes.push(fake);
    const step = Object.values(workflow.jobs)[0]!.steps.find((s) => s.uses?.startsWith('trace-differ/'))!;
    const inputs = Object.fromEntries(
      Object.entries(step.with ?? {}).map(([k, v]) => [
        k,
        k === 'backend-url'
          ? fake.url
          : v.replace(/\$\{\{\s*secrets\.\w+\s*\}\}/g, SECRET).replace(/\$\{\{\s*vars\.\w+\s*\}\}/g, 'tempo-user'),
      ]),
    );
    // The page's example service and operation names, swapped for the fake's traffic.
    const workspace = await workspaceWithConfig(
      `td-docs-${backend}-`,
      config
        .replaceAll('"checkout"', '"api-server"')
        .replaceAll('"POST /pay"', '"make-payment"')
        .replaceAll('"post /pay"', '"make-payment"'),
    );
    const run = (id: number) =>
      runAction({
        workspace,
        eventName: 'schedule',
        event: { schedule: '*/30 * * * *' },
        runId: id,
        apiUrl: gh.url,
        inputs: { ...inputs, store: 'local', 'artifact-retention-days': '0' },
      });
    const first = await run(1100 + pages.findIndex(([b]) => b === backend) * 10);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.verdict).toBe('inconclusive');
    const stored = await readdir(join(workspace, '.trace-differ', 'checkout'));
    expect(stored.filter((f) => f.endsWith('.tdds'))).toHaveLength(1);
    expect(fake.stats().unauthorized).toBe(0);
    // The secret is masked before anything could print it, and printed nowhere else.
    expect(first.stdout).toContain(`::add-mask::${SECRET}`);
    expect(first.stdout.split(`::add-mask::${SECRET}`).join('')).not.toContain(SECRET);

    const second = await run(1101 + pages.findIndex(([b]) => b === backend) * 10);
    expect(second.exitCode, second.stdout).toBe(0);
    const report = JSON.parse(await readFile(second.outputs['report-json']!, 'utf8')) as {
      outcomes: {
        query: { id: string };
        result: { verdict: string; baseline: { spans: number } | null; current: { spans: number } };
      }[];
    };
    // The page's second query may find nothing in the fake's traffic; the first is diffed.
    const checkout = report.outcomes.find((o) => o.query.id === 'checkout')!;
    expect(['pass', 'notice', 'warn', 'fail']).toContain(checkout.result.verdict);
    expect(checkout.result.baseline!.spans).toBeGreaterThan(0);
    expect(checkout.result.current.spans).toBeGreaterThan(0);
  });
});
