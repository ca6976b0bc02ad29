import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK, trace } from './run-cli.js';

/**
 * The bundle checks the Node version before it loads any dependency: an old Node gets one line
 * saying what to run instead, exit 2, not the TypeError of a missing Node 24 API.
 */

/** A Node older than 24 on this machine, if there is one (the system Node of a CI image often is). */
function olderNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    if (!existsSync(candidate)) continue;
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return candidate;
    } catch {
      // not runnable: try the next
    }
  }
  return undefined;
}

const expectGuard = (r: { code: number; stdout: string; stderr: string }, version: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^trace-differ: needs Node ≥ 24 \\(found v${version.source}\\)\n`));
  expect(r.stderr).toContain(`fix: run it with npx, which fetches Node 24: npx -y node@24 ${cli} --help`);
  expect(r.stderr).not.toMatch(STACK);
};

describe('the Node-version guard', () => {
  it('says which Node it needs and how to get it when it reports an older version, and exits 2', async () => {
    const preload = join(await mkdtemp(join(tmpdir(), 'td-guard-')), 'node-20.mjs');
    await writeFile(preload, "Object.defineProperty(process.versions, 'node', { value: '20.11.1' });\n");
    expectGuard(await trace(['--help'], { nodeArgs: ['--import', preload] }), /20\.11\.1/);
  });

  const node = olderNode();
  it.skipIf(!node)('runs on a real older Node (the system one) and still says so in one line', async () => {
    expectGuard(await trace(['--help'], { node }), /\d+\.\d+\.\d+/);
  });

  it('lets Node 24 through', async () => {
    const r = await trace(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
