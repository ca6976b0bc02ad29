import { DefaultArtifactClient } from '@actions/artifact';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeDataset } from '../../src/dataset/index.js';
import type { Dataset } from '../../src/dataset/types.js';
import { spansOfTable, tableOf } from '../../src/dataset/table.js';
import { StoreError } from '../../src/errors.js';
import { consoleLogger, recordingLogger, type Logger } from '../../src/log.js';
import {
  ArtifactStore,
  datasetArtifactName,
  resolveBaseline,
  type ArtifactStoreOptions,
} from '../../src/store/index.js';
import { uploadRunArtifact } from '../../src/action/artifacts.js';
import { onBranch } from '../../src/modes/branch.js';
import { traffic } from '../diff/datasets.js';
import {
  FORK_REPOSITORY_ID,
  REPOSITORY_ID,
  type ActionsServices,
  type RunnerScope,
} from '../support/actions-services.js';

/**
 * The artifact store with the real @actions/artifact client: uploads through the Twirp artifact
 * service and blob storage (Put Block + Put Block List), and earlier runs' datasets found by name
 * through the REST API and downloaded through its zip redirect, all on loopback.
 */
// @actions/github reads GITHUB_API_URL once, when it is imported (the artifact client's REST
// download goes through it), so the services start before any import, as the runner's env would be.
const services: ActionsServices = await vi.hoisted(async () => {
  const { startActionsServices } = await import('../support/actions-services.js');
  const started = await startActionsServices();
  process.env.GITHUB_API_URL = started.url;
  return started;
});
let workspace: string;
let nextRun = 2000;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'td-artifact-'));
});
afterAll(() => services?.close());

async function asRun<T>(
  scope: Omit<RunnerScope, 'runId'> & {
    runId?: number;
    branches?: string[];
    retentionDays?: number;
    logger?: Logger;
    token?: string;
  },
  fn: (store: ArtifactStore, options: ArtifactStoreOptions) => Promise<T>,
): Promise<T> {
  const runId = scope.runId ?? nextRun++;
  const env = {
    ...services.runnerEnv({ ...scope, runId }),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(workspace, '.runner-temp'),
  };
  await mkdir(env.RUNNER_TEMP, { recursive: true });
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const options: ArtifactStoreOptions = {
      dir: join(workspace, `.trace-differ-${runId}-${scope.attempt ?? 1}`),
      token: scope.token ?? 'ghs_loopback_token',
      owner: 'acme',
      repo: 'shop',
      runId: String(runId),
      runAttempt: String(scope.attempt ?? 1),
      retentionDays: scope.retentionDays ?? 14,
      branches: scope.branches,
      repositoryId: REPOSITORY_ID,
      apiUrl: services.url,
      logger: scope.logger ?? (process.env.TD_DEBUG ? consoleLogger() : recordingLogger()),
    };
    return await fn(ArtifactStore.create(options), options);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function collected(queryId: string, seed: number, at: string): Dataset {
  const d = traffic(seed, 30);
  return { ...d, provenance: { ...d.provenance, queryId, collectedAt: at } };
}

const MAIN = { ref: 'refs/heads/main' };

describe('the artifact store with the real @actions/artifact client', () => {
  it('refuses plainly outside GitHub Actions, without a token, or with no retention', () => {
    const options = {
      dir: workspace,
      token: 't',
      owner: 'acme',
      repo: 'shop',
      runId: '1',
      retentionDays: 14,
      logger: recordingLogger(),
    };
    expect(() => ArtifactStore.create(options)).toThrow(StoreError);
    expect(() => ArtifactStore.create(options)).toThrow(/workflow artifacts are not available here/);
    Object.assign(process.env, services.runnerEnv({ ...MAIN, runId: 1 }));
    try {
      expect(() => ArtifactStore.create({ ...options, token: '' })).toThrow(/has no token/);
      expect(() => ArtifactStore.create({ ...options, retentionDays: 0 })).toThrow(/'artifact-retention-days' is 0/);
    } finally {
      delete process.env.ACTIONS_RUNTIME_TOKEN;
      delete process.env.ACTIONS_RESULTS_URL;
    }
  });

  it("uploads each collection with its retention and reads an earlier run's dataset found by name", async () => {
    await asRun(MAIN, (store) =>
      store.put(collected('checkout', 1, '2026-11-24T01:00:00.000Z'), { verdict: 'inconclusive' }),
    );
    await asRun({ ...MAIN, retentionDays: 30 }, (store) =>
      store.put(collected('checkout', 2, '2026-11-24T02:00:00.000Z'), { verdict: 'pass', pinAs: 'v1.2' }),
    );
    const seen = await asRun({ ref: 'refs/pull/7/merge', baseRef: 'main', branches: ['main'] }, async (store) => {
      const entries = await store.list('checkout');
      const chosen = await resolveBaseline(store, 'checkout', { kind: 'median-of', count: 2 });
      const pinned = await resolveBaseline(store, 'checkout', { kind: 'pinned', name: 'v1.2' });
      return { entries, chosen, pinned };
    });
    expect(seen.entries.map((e) => [e.collectedAt, e.verdict])).toEqual([
      ['2026-11-24T02:00:00.000Z', 'pass'],
      ['2026-11-24T01:00:00.000Z', 'inconclusive'],
    ]);
    expect(seen.chosen.warnings).toEqual([]);
    expect(seen.chosen.datasets).toEqual([
      collected('checkout', 1, '2026-11-24T01:00:00.000Z'),
      collected('checkout', 2, '2026-11-24T02:00:00.000Z'),
    ]);
    expect(seen.pinned.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T02:00:00.000Z']);

    const uploaded = services.state.artifacts.filter((a) => a.name === datasetArtifactName('checkout'));
    expect(uploaded).toHaveLength(2);
    const days = uploaded.map((a) => Math.round((a.expiresAt! - a.createdAt) / 86_400_000));
    expect(days).toEqual([14, 30]);
    const calls = services.state.requests;
    expect(calls).toContain('POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact');
    expect(calls).toContain('POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact');
    expect(calls.some((c) => /^PUT .*\.zip\?.*comp=block/.test(c) || c.startsWith(`PUT ${services.blobHost}/`))).toBe(
      true,
    );
    expect(calls).toContain('GET /repos/acme/shop/actions/artifacts?name=trace-differ-dataset-checkout&per_page=100');
    expect(calls.some((c) => /^GET \/repos\/acme\/shop\/actions\/artifacts\/\d+\/zip$/.test(c))).toBe(true);
  });

  it('reads only the branches it is given, and sets aside a dataset whose artifact expired', async () => {
    await asRun({ ...MAIN, retentionDays: 3 }, (store) => store.put(collected('aging', 3, '2026-11-24T03:00:00.000Z')));
    await asRun({ ref: 'refs/heads/feature' }, (store) => store.put(collected('aging', 4, '2026-11-24T04:00:00.000Z')));
    const [before] = await asRun({ ...MAIN, branches: ['main'] }, (store) => store.list('aging'));
    expect(before?.collectedAt).toBe('2026-11-24T03:00:00.000Z');
    services.advanceDays(4);
    const after = await asRun({ ...MAIN, branches: ['main'] }, async (store) => ({
      entries: await store.list('aging'),
      loaded: before ? await store.load(before) : undefined,
    }));
    expect(after.entries).toEqual([]);
    expect(after.loaded).toEqual({
      ok: false,
      problem: expect.stringMatching(/^dataset trace-differ-dataset-aging@run-\d+ is not among the artifacts any more/),
    });
  });

  it('sets aside a corrupt dataset in an artifact, naming it, and falls back to the one before', async () => {
    await asRun(MAIN, (store) => store.put(collected('rotten', 5, '2026-11-24T05:00:00.000Z')));
    // A later run whose artifact holds a damaged dataset file beside a good index.
    const key = await asRun(MAIN, async (store, options) => {
      const [good] = await store.list('rotten');
      const key = `${datasetArtifactName('rotten')}@run-${options.runId}`;
      const root = join(options.dir, 'bad');
      await mkdir(root, { recursive: true });
      const file = await encodeDataset(collected('rotten', 6, '2026-11-24T06:00:00.000Z'));
      file[file.length - 40] ^= 0x5a;
      await writeFile(join(root, 'dataset.tdds'), file);
      const entries = [{ ...good!, key, runId: options.runId, collectedAt: '2026-11-24T06:00:00.000Z' }, good];
      await writeFile(join(root, 'history.json'), JSON.stringify({ entries, pins: {} }));
      await new DefaultArtifactClient().uploadArtifact(
        datasetArtifactName('rotten'),
        [join(root, 'dataset.tdds'), join(root, 'history.json')],
        root,
        { retentionDays: 14 },
      );
      return key;
    });
    const chosen = await asRun(MAIN, (store) => resolveBaseline(store, 'rotten', { kind: 'previous' }));
    expect(chosen.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T05:00:00.000Z']);
    expect(chosen.warnings).toEqual([
      expect.stringMatching(new RegExp(`^dataset ${key} \\(artifact id \\d+\\) was set aside: .*(corrupt|checksum)`)),
    ]);
  });

  it('pages through a busy repository only until it finds the newest dataset of its branch', async () => {
    const stored = await asRun(MAIN, (store) => store.put(collected('busy', 7, '2026-11-24T07:00:00.000Z')));
    const runId = /@run-(\d+)$/.exec(stored.key)![1];
    // 250 newer artifacts of the same name from feature branches: main's newest is the 130th, on page 2 of 3.
    const mine = services.state.artifacts.find((a) => a.name === datasetArtifactName('busy'))!;
    const base = 9_000_000;
    mine.id = base + 120;
    for (let i = 0; i < 251; i++) {
      if (i === 120) continue;
      services.state.artifacts.push({
        ...mine,
        id: base + i,
        runId: 900_000 + i,
        runBackendId: `run-feature-${i}`,
        headBranch: `feature-${i}`,
        blob: `actions-results/feature/${i}.zip`,
      });
    }
    const before = services.state.requests.length;
    const seen = await asRun({ ...MAIN, branches: ['main'] }, async (store) => ({
      entries: await store.list('busy'),
      chosen: await resolveBaseline(store, 'busy', { kind: 'previous' }),
    }));
    expect(seen.entries.map((e) => e.collectedAt)).toEqual(['2026-11-24T07:00:00.000Z']);
    expect(seen.chosen.datasets).toEqual([collected('busy', 7, '2026-11-24T07:00:00.000Z')]);
    const listed = services.state.requests
      .slice(before)
      .filter((r) => r.startsWith('GET /repos/acme/shop/actions/') && !r.endsWith('/zip'));
    expect(listed).toEqual([
      'GET /repos/acme/shop/actions/artifacts?name=trace-differ-dataset-busy&per_page=100',
      'GET /repos/acme/shop/actions/artifacts?name=trace-differ-dataset-busy&per_page=100&page=2',
      // Whether that run may write main's baselines: this repository's, on main, a scheduled run.
      `GET /repos/acme/shop/actions/runs/${runId}`,
      // Whether a re-run attempt of that run stored a newer one (see below): one request, not a page.
      `GET /repos/acme/shop/actions/runs/${runId}/artifacts?per_page=100`,
    ]);
  });

  it("a re-run attempt stores its dataset beside the first attempt's and replaces its line in the history", async () => {
    const runId = nextRun++;
    const first = await asRun({ ...MAIN, runId }, (store) =>
      store.put(collected('rerun', 8, '2026-11-24T08:00:00.000Z')),
    );
    const logger = recordingLogger();
    const second = await asRun({ ...MAIN, runId, attempt: 2, logger }, (store) =>
      store.put(collected('rerun', 9, '2026-11-24T08:10:00.000Z')),
    );
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(first.key).toBe(`trace-differ-dataset-rerun@run-${runId}`);
    expect(second.key).toBe(`trace-differ-dataset-rerun-attempt-2@run-${runId}`);
    const ofRun = services.state.artifacts.filter((a) => a.runId === runId && a.finalized).map((a) => a.name);
    expect(ofRun).toEqual(['trace-differ-dataset-rerun', 'trace-differ-dataset-rerun-attempt-2']);

    // The next run finds the re-run's index (not listed under the plain name): one collection, one line,
    // the re-run's, so median-of never pools two attempts of one run; the first attempt's still loads by key.
    const later = await asRun({ ...MAIN, branches: ['main'] }, async (store) => ({
      entries: await store.list('rerun'),
      pooled: await resolveBaseline(store, 'rerun', { kind: 'median-of', count: 2 }),
      firstAttempt: await store.load(first),
    }));
    expect(later.entries.map((e) => [e.key, e.runId])).toEqual([[second.key, String(runId)]]);
    expect(later.pooled.datasets).toEqual([collected('rerun', 9, '2026-11-24T08:10:00.000Z')]);
    expect(later.firstAttempt).toEqual({ ok: true, dataset: collected('rerun', 8, '2026-11-24T08:00:00.000Z') });
  });

  it('a re-run attempt whose first attempt stored nothing takes the plain name, found like any other', async () => {
    const runId = nextRun++;
    const entry = await asRun({ ...MAIN, runId, attempt: 3 }, (store) =>
      store.put(collected('late', 10, '2026-11-24T09:00:00.000Z')),
    );
    expect(entry.key).toBe(`trace-differ-dataset-late@run-${runId}`);
    const [listed] = await asRun({ ...MAIN, branches: ['main'] }, (store) => store.list('late'));
    expect(listed?.key).toBe(entry.key);
  });

  it('a re-run attempt refused the plain name (an upload its first attempt never finished) takes its own', async () => {
    const runId = nextRun++;
    // The first attempt created the artifact and died before finalizing it: not listed, yet the name is taken.
    services.state.artifacts.push({
      id: 8_000_000 + runId,
      name: datasetArtifactName('crashed'),
      runBackendId: `run-${runId}`,
      jobBackendId: `job-${runId}-1`,
      runId,
      headBranch: 'main',
      headSha: 'a'.repeat(40),
      blob: `actions-results/run-${runId}/crashed.zip`,
      finalized: false,
      createdAt: Date.now(),
    });
    const logger = recordingLogger();
    const entry = await asRun({ ...MAIN, runId, attempt: 2, logger }, (store) =>
      store.put(collected('crashed', 13, '2026-11-24T13:00:00.000Z')),
    );
    expect(entry.key).toBe(`trace-differ-dataset-crashed-attempt-2@run-${runId}`);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /^artifact trace-differ-dataset-crashed already exists in this run \(.*409.*\); uploading as trace-differ-dataset-crashed-attempt-2$/,
      ),
    );
    const loaded = await asRun({ ...MAIN, branches: ['main'] }, (store) => store.load(entry));
    expect(loaded).toEqual({ ok: true, dataset: collected('crashed', 13, '2026-11-24T13:00:00.000Z') });
  });

  it("keeps each dataset's git ref in the index inside the artifact, so a branch filter loads no dataset", async () => {
    const on = (ref: string, d: Dataset, runId: string): Dataset => ({
      ...d,
      provenance: { ...d.provenance, github: { ref, sha: 'c'.repeat(40), runId } },
    });
    await asRun(MAIN, (store) =>
      store.put(on('refs/heads/main', collected('reffed', 11, '2026-11-24T11:00:00.000Z'), '41'), { pinAs: 'v1' }),
    );
    await asRun(MAIN, (store) =>
      store.put(on('refs/heads/dispatched', collected('reffed', 12, '2026-11-24T12:00:00.000Z'), '42')),
    );
    const downloads = () => services.state.requests.filter((r) => /\/actions\/artifacts\/\d+\/zip$/.test(r)).length;
    const before = downloads();
    const seen = await asRun({ ...MAIN, branches: ['main'] }, async (store) => ({
      refs: (await store.list('reffed')).map((e) => [e.collectedAt, e.ref]),
      onMain: (await onBranch(store, 'refs/heads/main').list('reffed')).map((e) => e.collectedAt),
      pin: (await store.pinned('reffed', 'v1'))?.ref,
    }));
    expect(seen).toEqual({
      refs: [
        ['2026-11-24T12:00:00.000Z', 'refs/heads/dispatched'],
        ['2026-11-24T11:00:00.000Z', 'refs/heads/main'],
      ],
      onMain: ['2026-11-24T11:00:00.000Z'],
      pin: 'refs/heads/main',
    });
    // One download: the newest artifact's history index. The branch filter read the refs from it.
    expect(downloads() - before).toBe(1);
  });

  it("uploads the run's report for people, with the retention asked for", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-report-'));
    await writeFile(join(dir, 'report.md'), '## ✅ Android checkout passed\n');
    await writeFile(join(dir, 'report.json'), '{}');
    await asRun({ ...MAIN, retentionDays: 5 }, () =>
      uploadRunArtifact({
        name: 'trace-differ-report-all-1',
        files: [join(dir, 'report.md'), join(dir, 'report.json')],
        rootDirectory: dir,
        retentionDays: 5,
        logger: recordingLogger(),
        env: process.env,
      }),
    );
    const artifact = services.state.artifacts.find((a) => a.name === 'trace-differ-report-all-1');
    expect(artifact).toMatchObject({ name: 'trace-differ-report-all-1', finalized: true });
    expect(Math.round((artifact!.expiresAt! - artifact!.createdAt) / 86_400_000)).toBe(5);
    const zip = services.state.blobs.get(artifact!.blob)!.committed!;
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('report.md'))).toBe(true);
  });

  describe('trusts only what its own repository wrote', () => {
    const slower = (d: Dataset): Dataset => ({
      ...d,
      table: tableOf(spansOfTable(d.table).map((x) => ({ ...x, durationUs: x.durationUs * 100 }))),
    });
    /** A job's own artifact upload, as any step of a run may make one: any name, any files. */
    async function uploadRaw(options: ArtifactStoreOptions, name: string, files: Record<string, string | Buffer>) {
      const root = join(options.dir, 'raw');
      await mkdir(root, { recursive: true });
      for (const [file, data] of Object.entries(files)) await writeFile(join(root, file), data);
      await new DefaultArtifactClient().uploadArtifact(
        name,
        Object.keys(files).map((f) => join(root, f)),
        root,
        { retentionDays: 14 },
      );
    }

    it("a fork's pull request from its own branch 'main' cannot become main's baseline or pin", async () => {
      const own = await asRun(MAIN, (store) =>
        store.put(collected('forked', 21, '2026-11-25T01:00:00.000Z'), { verdict: 'pass', pinAs: 'release' }),
      );
      // The fork's workflow (a pull_request run in this repository, head branch 'main' of the fork) uploads
      // a 100x slower dataset under the store's name, with an index that pins it and drops main's entry.
      await asRun(
        { ref: 'refs/pull/9/merge', headBranch: 'main', headRepositoryId: FORK_REPOSITORY_ID },
        async (_store, options) => {
          const bad = slower(collected('forked', 22, '2026-11-25T02:00:00.000Z'));
          const key = `${datasetArtifactName('forked')}@run-${options.runId}`;
          const entry = {
            key,
            queryId: 'forked',
            collectedAt: '2026-11-25T02:00:00.000Z',
            spans: 1,
            traces: 1,
            complete: true,
          };
          await uploadRaw(options, datasetArtifactName('forked'), {
            'dataset.tdds': await encodeDataset(bad),
            'history.json': JSON.stringify({ entries: [entry], pins: { release: { ...entry, pinnedAs: 'release' } } }),
          });
        },
      );
      const logger = recordingLogger();
      const seen = await asRun({ ...MAIN, branches: ['main'], logger }, async (store) => ({
        entries: (await store.list('forked')).map((e) => e.key),
        previous: await resolveBaseline(store, 'forked', { kind: 'previous' }),
        pinned: await resolveBaseline(store, 'forked', { kind: 'pinned', name: 'release' }),
      }));
      expect(seen.entries).toEqual([own.key]);
      expect(seen.previous.datasets).toEqual([collected('forked', 21, '2026-11-25T01:00:00.000Z')]);
      expect(seen.pinned.datasets).toEqual([collected('forked', 21, '2026-11-25T01:00:00.000Z')]);
      expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^artifact trace-differ-dataset-forked \\(id \\d+\\) of run \\d+ was not read: its run came from another repository \\(head repository id ${FORK_REPOSITORY_ID}, this one ${REPOSITORY_ID}\\): a fork's pull request`,
          ),
        ),
      ]);
    });

    it("a pull_request_target run on main (which may run the pull request's code) is not read either", async () => {
      const own = await asRun(MAIN, (store) => store.put(collected('target', 23, '2026-11-25T03:00:00.000Z')));
      await asRun({ ...MAIN, event: 'pull_request_target' }, (store) =>
        store.put(slower(collected('target', 24, '2026-11-25T04:00:00.000Z')), { pinAs: 'release' }),
      );
      const logger = recordingLogger();
      const seen = await asRun({ ...MAIN, branches: ['main'], logger }, async (store) => ({
        entries: (await store.list('target')).map((e) => e.key),
        pin: await store.pinned('target', 'release'),
      }));
      expect(seen).toEqual({ entries: [own.key], pin: undefined });
      expect(logger.lines.map((l) => l.message)).toContainEqual(
        expect.stringMatching(/was not read: its run was started by a "pull_request_target" event/),
      );
    });

    it('sets aside bad index entries one by one, naming them, and put() still works', async () => {
      const good = await asRun(MAIN, (store) => store.put(collected('mangled', 25, '2026-11-25T05:00:00.000Z')));
      // A later run of main uploads an index with a good line and lines of every wrong shape.
      await asRun(MAIN, async (_store, options) => {
        const [entry] = await asRun({ ...MAIN, branches: ['main'] }, (s) => s.list('mangled'));
        const raw = JSON.stringify({
          entries: [
            entry,
            { ...entry, key: 'numeric-time', runId: '1', collectedAt: 1_764_000_000 },
            { ...entry, key: 'infinite', runId: '2' },
            { ...entry, key: 'other-query', runId: '3', queryId: 'checkout' },
            'not an entry',
          ],
          pins: { release: { ...entry, key: 'bad-pin', collectedAt: '\n::error::owned' } },
        }).replace(/("key":"infinite",[^}]*?"spans":)\d+/, '$11e999');
        expect(raw).toContain('1e999');
        await uploadRaw(options, datasetArtifactName('mangled'), {
          'dataset.tdds': await encodeDataset(collected('mangled', 26, '2026-11-25T06:00:00.000Z')),
          'history.json': raw,
        });
      });
      const logger = recordingLogger();
      const after = await asRun({ ...MAIN, branches: ['main'], logger }, async (store) => {
        const put = await store.put(collected('mangled', 27, '2026-11-25T07:00:00.000Z'), { pinAs: 'release' });
        return { put: put.key, entries: (await store.list('mangled')).map((e) => e.key) };
      });
      expect(after.entries).toEqual([after.put, good.key]);
      const warnings = logger.lines.filter((l) => l.level === 'warn').map((l) => l.message);
      expect(warnings).toEqual([
        expect.stringMatching(/entry "numeric-time" was set aside \(collectedAt: /),
        expect.stringMatching(/entry "infinite" was set aside \(spans: /),
        expect.stringMatching(/entry "other-query" was set aside \(it belongs to query "checkout"\)/),
        expect.stringMatching(/entry 5 was set aside/),
        expect.stringMatching(/pin "release" was set aside|entry "bad-pin" was set aside \(collectedAt: /),
      ]);
      for (const w of warnings) expect(w).not.toMatch(/[\n\r]/);
    });

    it("names the missing 'actions: read' permission and the fix", async () => {
      services.state.deniedTokens.add('ghs_no_actions_read');
      const error = await asRun({ ...MAIN, branches: ['main'], token: 'ghs_no_actions_read' }, (store) =>
        store.list('anything').then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).describe()).toMatch(
        /cannot list this repository's artifacts: GitHub answered 403 "Resource not accessible by integration.*lacks the 'actions: read' permission\n {2}fix: add 'actions: read' to the job's permissions/,
      );
    });
  });

  it('two overlapping runs, one of them pinning, lose neither history nor pins', async () => {
    await asRun(MAIN, (store) => store.put(collected('overlap', 40, '2026-11-26T00:00:00.000Z')));
    // Runs A (a release pin) and B (the schedule) both read the index before either uploads; A uploads first.
    const [aRun, bRun] = [nextRun++, nextRun++];
    const on = { ...MAIN, branches: ['main'] };
    const a = await asRun({ ...on, runId: aRun }, async (store) => (await store.list('overlap'), store));
    const b = await asRun({ ...on, runId: bRun }, async (store) => (await store.list('overlap'), store));
    await asRun({ ...on, runId: aRun }, () =>
      a.put(collected('overlap', 41, '2026-11-26T01:00:00.000Z'), { pinAs: 'release' }),
    );
    await asRun({ ...on, runId: bRun }, () =>
      b.put(collected('overlap', 42, '2026-11-26T01:05:00.000Z'), { pinAs: 'nightly' }),
    );
    const seen = await asRun({ ...MAIN, branches: ['main'] }, async (store) => ({
      entries: (await store.list('overlap')).map((e) => e.collectedAt),
      release: (await store.pinned('overlap', 'release'))?.collectedAt,
      nightly: (await store.pinned('overlap', 'nightly'))?.collectedAt,
      loaded: await Promise.all((await store.list('overlap')).map(async (e) => (await store.load(e)).ok)),
    }));
    expect(seen).toEqual({
      loaded: [true, true, true],
      entries: ['2026-11-26T01:05:00.000Z', '2026-11-26T01:00:00.000Z', '2026-11-26T00:00:00.000Z'],
      release: '2026-11-26T01:00:00.000Z',
      nightly: '2026-11-26T01:05:00.000Z',
    });
  });
});
