import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, workspaceWithConfig } from './run-action.js';

/**
 * The attack of a pull request on a `pull_request_target` workflow that checks out the PR's head: the
 * PR's `.github/trace-differ.yml` points `source.lightstep.api-url` at a host of its choosing (here a
 * capture server on loopback), and its OTLP `path:` outside the workspace. The bundled action, run as
 * the runner runs it, must send the key nowhere but a documented host or one the workflow names, and
 * read no file outside the workspace.
 */
const API_KEY = 'lsk-pr-target-secret-0123456789';
const PR = {
  action: 'synchronize',
  number: 9,
  pull_request: {
    number: 9,
    head: { sha: 'f'.repeat(40), repo: { full_name: 'mallory/shop', fork: true } },
    base: { ref: 'main', repo: { full_name: 'acme/shop' } },
  },
  repository: { full_name: 'acme/shop', default_branch: 'main' },
};

let capture: Server;
let captureUrl: string;
const seen: IncomingHttpHeaders[] = [];
let outsideDir: string;

beforeAll(async () => {
  capture = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"errors":["captured"]}');
  });
  await new Promise<void>((r) => capture.listen(0, '127.0.0.1', r));
  captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
  // A file outside the workspace the PR's config would like to read.
  outsideDir = await mkdtemp(join(tmpdir(), 'td-outside-'));
  await writeFile(join(outsideDir, 'secret.json'), JSON.stringify({ resourceSpans: [] }));
});
afterAll(async () => {
  capture.closeAllConnections();
  await new Promise((r) => capture.close(r));
});

/** A PR's config: the API URL of its choosing, and OTLP paths out of the workspace (`../`, absolute, a symlink). */
async function prWorkspace(): Promise<string> {
  const workspace = await workspaceWithConfig('td-prt-', [
    'version: 1',
    'source:',
    `  lightstep: { organization: acme, project: prod, api-url: '${captureUrl}' }`,
    'queries:',
    '  - id: android',
    '    query: service IN ("android")',
    '  - id: dotdot',
    `    source: { otlp: { path: '../${outsideDir.split('/').pop()}/secret.json' } }`,
    '  - id: absolute',
    `    source: { otlp: { path: '${join(outsideDir, 'secret.json')}' } }`,
    '  - id: linked',
    '    source: { otlp: { path: exports/spans.json } }',
    '  - id: linked-folder',
    '    source: { otlp: { path: elsewhere/ } }',
  ]);
  await mkdir(join(workspace, 'exports'));
  await symlink(join(outsideDir, 'secret.json'), join(workspace, 'exports', 'spans.json'));
  await symlink(outsideDir, join(workspace, 'elsewhere'));
  return workspace;
}

function run(workspace: string, eventName: string, inputs: Record<string, string> = {}) {
  return runAction({
    workspace,
    eventName,
    event: eventName.startsWith('pull_request') ? PR : {},
    runId: 900 + seen.length,
    inputs: {
      'lightstep-api-key': API_KEY,
      mode: 'gate',
      store: 'none',
      publish: 'summary',
      'artifact-retention-days': '0',
      ...inputs,
    },
    extraEnv: { TRACE_DIFFER_TIME_SCALE: '0.01' },
  });
}

describe('a pull request config on pull_request_target', () => {
  it('cannot send the Lightstep key to a host of its choosing, nor read files outside the workspace', async () => {
    const workspace = await prWorkspace();
    const before = seen.length;
    const r = await run(workspace, 'pull_request_target');
    expect(seen.length - before, 'requests that reached the capture server').toBe(0);
    expect(r.stdout + r.stderr).not.toContain(`Bearer ${API_KEY}`);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::error::[android] source.lightstep.api-url of the configuration names 127.0.0.1:');
    expect(r.stdout).toContain("on a 'pull_request_target' event the configuration may come from a pull request");
    expect(r.stdout).toContain(`lightstep-api-url: ${captureUrl}`);
    for (const id of ['dotdot', 'absolute', 'linked', 'linked-folder'])
      expect(r.stdout).toMatch(new RegExp(`::error::\\[${id}\\] source\\.otlp\\.path .* outside the workspace`));
  });

  it('the same config on a schedule (the default branch) reaches its host: the test above can fail', async () => {
    const workspace = await prWorkspace();
    const before = seen.length;
    await run(workspace, 'schedule', { mode: 'collect' });
    expect(seen.length - before).toBeGreaterThan(0);
    expect(seen.at(-1)!.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('a host the workflow itself names in lightstep-api-url is trusted on pull_request_target', async () => {
    const workspace = await prWorkspace();
    const before = seen.length;
    await run(workspace, 'pull_request_target', { 'lightstep-api-url': captureUrl });
    expect(seen.length - before).toBeGreaterThan(0);
  });

  it('plain http to a host other than loopback is refused, even from the input', async () => {
    const workspace = await prWorkspace();
    const r = await run(workspace, 'schedule', {
      mode: 'collect',
      'lightstep-api-url': 'http://lightstep-proxy.internal:8080',
    });
    expect(r.stdout).toContain(
      "::error::[android] the Lightstep URL http://lightstep-proxy.internal:8080 (input 'lightstep-api-url') is plain http",
    );
  });
});
