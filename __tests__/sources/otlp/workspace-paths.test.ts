import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { traceFiles } from '../../../src/sources/files/index.js';

/**
 * A configuration's OTLP `path:` in the action resolves, symlinks followed, inside the workspace and
 * outside its `.git` folder: real files, real symlinks.
 */
let workspace: string;
let outside: string;
const EXPORT = JSON.stringify({ resourceSpans: [] });

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'td-paths-'));
  workspace = join(root, 'repo');
  outside = join(root, 'outside');
  await mkdir(join(workspace, 'traces', 'day1'), { recursive: true });
  await mkdir(join(workspace, '.git'));
  await mkdir(outside);
  await writeFile(join(workspace, 'traces', 'day1', 'a.json'), EXPORT);
  await writeFile(join(workspace, '.git', 'config.json'), EXPORT);
  await writeFile(join(outside, 'b.json'), EXPORT);
  await symlink(join(workspace, 'traces', 'day1'), join(workspace, 'latest'));
  await symlink(join(outside, 'b.json'), join(workspace, 'traces', 'escape.json'));
  await symlink(outside, join(workspace, 'elsewhere'));
});

const confined = (path: string) => traceFiles(path, workspace, true);

describe('OTLP paths of the configuration', () => {
  it('read files, folders, globs and symlinks that stay inside the workspace', async () => {
    expect(await confined('traces/day1/a.json')).toEqual([join(workspace, 'traces', 'day1', 'a.json')]);
    expect(await confined('latest/')).toEqual([join(workspace, 'latest', 'a.json')]);
    expect(await confined('traces/day1/../day1/*.json')).toHaveLength(1);
    expect(await confined(join(workspace, 'traces', 'day1', 'a.json'))).toHaveLength(1);
  });

  it('refuse ../, absolute paths, and symlinks (file or folder) that lead out of it', async () => {
    for (const path of [
      '../outside/b.json',
      join(outside, 'b.json'),
      'traces/escape.json',
      'elsewhere',
      '../outside/*.json',
      'traces/*.json',
    ])
      await expect(confined(path), path).rejects.toThrow(/outside the workspace/);
  });

  it("refuse the workspace's .git folder, where a checkout keeps its credentials", async () => {
    await expect(confined('.git/config.json')).rejects.toThrow(/inside the workspace's \.git folder/);
  });

  it('are not confined for the CLI, which reads what its user names', async () => {
    expect(await traceFiles('../outside/b.json', workspace)).toEqual([join(outside, 'b.json')]);
  });
});
