import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, trace } from './run-cli.js';

const run = promisify(execFile);

/**
 * The package as npm ships it (`npm pack`), installed the way npx installs it: unpacked under
 * node_modules/trace-differ with the bin linked from node_modules/.bin, and run from another folder.
 * The bundle carries its dependencies, so nothing is fetched from a registry.
 */
let bin: string;
let elsewhere: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'td-package-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root });
  const tarball = join(dir, stdout.trim().split('\n').pop()!);
  const installed = join(dir, 'app', 'node_modules', 'trace-differ');
  await mkdir(installed, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  await mkdir(join(dir, 'app', 'node_modules', '.bin'));
  bin = join(dir, 'app', 'node_modules', '.bin', 'trace-differ');
  await symlink(join('..', 'trace-differ', 'dist', 'cli', 'index.js'), bin);
  elsewhere = join(dir, 'somewhere-else');
  await mkdir(elsewhere);
}, 120_000);

describe('the npm package, run through its bin link from another folder', () => {
  it('prints its version', async () => {
    const r = await trace(['--version'], { script: bin, cwd: elsewhere });
    expect(r.code, r.stderr).toBe(0);
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('runs the demo: the example config is found in the package, not beside the bin link', async () => {
    const r = await trace(['demo', '--out', 'out'], { script: bin, cwd: elsewhere });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/▶ verdict: (fail|warn)\. Report: out\/report\.md/);
    expect(await readFile(join(elsewhere, 'out', 'report.md'), 'utf8')).toContain('/api/make-payment');
  });

  it('ships the example datasets, the quickest way to try diff', async () => {
    const datasets = join(bin, '..', '..', 'trace-differ', 'examples', 'datasets');
    const r = await trace(['diff', join(datasets, 'baseline.ndjson'), join(datasets, 'current.ndjson')], {
      script: bin,
      cwd: elsewhere,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/api/make-payment');
  });
});
