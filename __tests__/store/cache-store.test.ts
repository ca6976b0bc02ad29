import { spansOfTable, tableOf } from '../../src/dataset/table.js';
import * as cache from '@actions/cache';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeDataset } from '../../src/dataset/index.js';
import type { Dataset } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import { StoreError } from '../../src/errors.js';
import { recordingLogger } from '../../src/log.js';
import { CacheStore, keyPart, resolveBaseline } from '../../src/store/index.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';
import { startActionsServices, type ActionsServices, type RunnerScope } from '../support/actions-services.js';

/**
 * The cache store with the real @actions/cache client, talking over HTTP to the loopback cache
 * service v2 and blob storage: keys, prefix matching, branch scoping, immutability, eviction,
 * and corrupt entries set aside.
 */
let services: ActionsServices;
let workspace: string;
let nextRun = 1000;

beforeAll(async () => {
  services = await startActionsServices();
  workspace = await mkdtemp(join(tmpdir(), 'td-cache-'));
});
afterAll(() => services?.close());

const MAIN = 'refs/heads/main';
const PR = { ref: 'refs/pull/7/merge', baseRef: 'main' };

/** Runs `fn` as a job of a new workflow run on `scope`, with the environment the runner gives it. */
async function asRun<T>(
  scope: Omit<RunnerScope, 'runId'>,
  fn: (store: CacheStore, run: string) => Promise<T>,
  logger = recordingLogger(),
): Promise<T> {
  const runId = nextRun++;
  const env = {
    ...services.runnerEnv({ ...scope, runId }),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(workspace, '.runner-temp'),
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const store = await CacheStore.create({
      dir: join(workspace, '.trace-differ'),
      runId: String(runId),
      runAttempt: '1',
      logger,
    });
    return await fn(store, String(runId));
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

describe('cache keys', () => {
  it('are unique per dataset and end every part in a separator, so one query never matches another', () => {
    const key = CacheStore.dataKey('android', '2026-11-24T04:19:00.000Z', '123', '2');
    expect(key).toBe('trace-differ-v1-android-20261124T041900000Z-123-2-');
    expect(CacheStore.dataKey('android-eu', '2026-11-24T04:19:00.000Z', '123', '2')).toBe(
      'trace-differ-v1-android~eu-20261124T041900000Z-123-2-',
    );
    for (const other of ['android-eu', 'android.eu', 'android_eu', 'android-']) {
      expect(CacheStore.dataKey(other, '2026-11-24T04:19:00.000Z', '1', '1')).not.toMatch(
        new RegExp(`^${CacheStore.dataPrefix('android').replace(/[.~]/g, '\\$&')}`),
      );
    }
    expect(CacheStore.indexPrefix('android')).not.toMatch(/^trace-differ-v1-/);
    expect(keyPart('a-b_c.d/é')).toBe('a~b_c.d%2F%C3%A9');
  });
});

describe('the cache store with the real @actions/cache client', () => {
  it('says plainly that the cache is not there outside GitHub Actions', async () => {
    const saved = process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    process.env.ACTIONS_CACHE_SERVICE_V2 = 'True';
    try {
      const attempt = CacheStore.create({ dir: workspace, logger: recordingLogger() });
      await expect(attempt).rejects.toThrow(StoreError);
      await expect(attempt).rejects.toThrow(/the Actions cache is not available here/);
    } finally {
      if (saved !== undefined) process.env.ACTIONS_RESULTS_URL = saved;
      delete process.env.ACTIONS_CACHE_SERVICE_V2;
    }
  });

  it('says what a narrowed cache mode of the runner means: no baseline, or nothing stored', async () => {
    const logger = recordingLogger();
    process.env.ACTIONS_CACHE_MODE = 'read';
    try {
      await asRun({ ref: MAIN }, (store) => store.put(collected('readonly', 17, '2026-11-24T17:00:00.000Z')), logger);
    } finally {
      delete process.env.ACTIONS_CACHE_MODE;
    }
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      "the runner's cache mode is 'read': this run's datasets are not stored",
      expect.stringMatching(/^dataset trace-differ-v1-readonly-\S+ could not be saved to the Actions cache/),
    ]);
    expect(services.state.cache.filter((e) => e.key.includes('-readonly-'))).toEqual([]);
  });

  it('stores each collection under its own key and reads back the history, newest first', async () => {
    await asRun({ ref: MAIN }, (store) =>
      store.put(collected('checkout', 1, '2026-11-24T01:00:00.000Z'), { verdict: 'inconclusive' }),
    );
    await asRun({ ref: MAIN }, (store) =>
      store.put(collected('checkout', 2, '2026-11-24T02:00:00.000Z'), { verdict: 'pass', pinAs: 'v1.2' }),
    );
    const { entries, loaded, pinned } = await asRun({ ref: MAIN }, async (store) => {
      const entries = await store.list('checkout');
      return { entries, loaded: await store.load(entries[0]!), pinned: await store.pinned('checkout', 'v1.2') };
    });
    expect(entries.map((e) => [e.collectedAt, e.verdict])).toEqual([
      ['2026-11-24T02:00:00.000Z', 'pass'],
      ['2026-11-24T01:00:00.000Z', 'inconclusive'],
    ]);
    expect(entries[0]!.key).toMatch(/^trace-differ-v1-checkout-20261124T020000000Z-\d+-1-$/);
    expect(entries[0]!.latencyP95Us).toBeGreaterThan(0);
    expect(loaded).toEqual({ ok: true, dataset: collected('checkout', 2, '2026-11-24T02:00:00.000Z') });
    expect(pinned?.key).toBe(entries[0]!.key);
    // What went over the wire: the v2 Twirp calls, one Put Blob per entry, and the Azure SDK's
    // download (a HEAD for the size, then ranged GETs).
    const calls = services.state.requests;
    expect(calls).toContain('POST /twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry');
    expect(calls).toContain('POST /twirp/github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload');
    expect(calls).toContain('POST /twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL');
    const blob = `${services.blobHost}/${services.state.cache.find((e) => e.key === entries[0]!.key)!.blob}`;
    expect(calls).toContain(`PUT ${blob}`); // one Put Blob: the archive is under the SDK's single-shot size
    expect(calls).toContain(`HEAD ${blob}`);
    expect(calls.some((c) => c.startsWith(`GET ${blob} x-ms-range=bytes=0-`))).toBe(true);
    const stored = services.state.cache.filter((e) => e.key.includes('-checkout-'));
    expect(stored.every((e) => e.scope === MAIN && e.finalized)).toBe(true);
  });

  it('restores the newest dataset by prefix when the index is gone', async () => {
    await asRun({ ref: MAIN }, (store) => store.put(collected('lonely', 3, '2026-11-24T03:00:00.000Z')));
    await asRun({ ref: MAIN }, (store) => store.put(collected('lonely', 4, '2026-11-24T04:00:00.000Z')));
    services.state.cache = services.state.cache.filter((e) => !e.key.startsWith(CacheStore.indexPrefix('lonely')));
    const entries = await asRun({ ref: MAIN }, (store) => store.list('lonely'));
    expect(entries.map((e) => e.collectedAt)).toEqual(['2026-11-24T04:00:00.000Z']);
    // A run that stores without reading first still stores its own dataset, not the one restored.
    services.state.cache = services.state.cache.filter((e) => !e.key.startsWith(CacheStore.indexPrefix('lonely')));
    const fresh = collected('lonely', 5, '2026-11-24T05:00:00.000Z');
    await asRun({ ref: MAIN }, (store) => store.put(fresh));
    const loaded = await asRun({ ref: MAIN }, async (store) => store.load((await store.list('lonely'))[0]!));
    expect(loaded).toEqual({ ok: true, dataset: fresh });
  });

  it("keeps each dataset's git ref in the stored index and the pins, and when read back by prefix", async () => {
    const on = (ref: string, d: Dataset): Dataset => ({
      ...d,
      provenance: { ...d.provenance, github: { ref, sha: 'c'.repeat(40), runId: '41' } },
    });
    await asRun({ ref: MAIN }, (store) =>
      store.put(on(MAIN, collected('reffed', 6, '2026-11-24T06:00:00.000Z')), { pinAs: 'v1' }),
    );
    await asRun({ ref: MAIN }, (store) =>
      store.put(on('refs/heads/dispatched', collected('reffed', 7, '2026-11-24T07:00:00.000Z'))),
    );
    const seen = await asRun(PR, async (store) => ({
      refs: (await store.list('reffed')).map((e) => [e.collectedAt, e.ref]),
      pin: (await store.pinned('reffed', 'v1'))?.ref,
    }));
    expect(seen).toEqual({
      refs: [
        ['2026-11-24T07:00:00.000Z', 'refs/heads/dispatched'],
        ['2026-11-24T06:00:00.000Z', MAIN],
      ],
      pin: MAIN,
    });
    services.state.cache = services.state.cache.filter((e) => !e.key.startsWith(CacheStore.indexPrefix('reffed')));
    const [byPrefix] = await asRun({ ref: MAIN }, (store) => store.list('reffed'));
    expect(byPrefix?.ref).toBe('refs/heads/dispatched');
  });

  it('sets a damaged index aside and falls back to the newest dataset by prefix', async () => {
    await asRun({ ref: MAIN }, (store) => store.put(collected('indexed', 16, '2026-11-24T16:00:00.000Z')));
    await asRun({ ref: MAIN }, async (_store, run) => {
      const file = join(workspace, '.trace-differ', 'cache', 'indexed', 'index.json');
      await writeFile(file, '{"entries": "not a list"}');
      await cache.saveCache([file], `${CacheStore.indexPrefix('indexed')}zz-${run}-`);
    });
    const logger = recordingLogger();
    const entries = await asRun({ ref: MAIN }, (store) => store.list('indexed'), logger);
    expect(entries.map((e) => e.collectedAt)).toEqual(['2026-11-24T16:00:00.000Z']);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: expect.stringMatching(
        /^the stored index trace-differ-index-v1-indexed-zz-\d+- of query 'indexed' was set aside \(it has no list of entries\)/,
      ),
    });
  });

  it('keeps branches apart: a pull request reads its base branch, main never reads a pull request', async () => {
    await asRun({ ref: MAIN }, (store) => store.put(collected('scoped', 5, '2026-11-24T05:00:00.000Z')));
    const fromPr = await asRun(PR, async (store) => {
      const seen = await store.list('scoped');
      await store.put(collected('scoped', 6, '2026-11-24T06:00:00.000Z'));
      return seen;
    });
    expect(fromPr.map((e) => e.collectedAt)).toEqual(['2026-11-24T05:00:00.000Z']);
    // The pull request's own entries are visible to its next run, never to main.
    const prAgain = await asRun(PR, (store) => store.list('scoped'));
    expect(prAgain.map((e) => e.collectedAt)).toEqual(['2026-11-24T06:00:00.000Z', '2026-11-24T05:00:00.000Z']);
    const fromMain = await asRun({ ref: MAIN }, (store) => store.list('scoped'));
    expect(fromMain.map((e) => e.collectedAt)).toEqual(['2026-11-24T05:00:00.000Z']);
    // Another pull request sees main, never its sibling's entries.
    const sibling = await asRun({ ref: 'refs/pull/9/merge', baseRef: 'main' }, (store) => store.list('scoped'));
    expect(sibling.map((e) => e.collectedAt)).toEqual(['2026-11-24T05:00:00.000Z']);
  });

  it("reads a pull request's base branch before the default branch", async () => {
    // main's entries are the newer: only the scope order makes the release branch's win.
    await asRun({ ref: 'refs/heads/release' }, (store) =>
      store.put(collected('based', 15, '2026-11-24T13:00:00.000Z')),
    );
    await asRun({ ref: MAIN }, (store) => store.put(collected('based', 14, '2026-11-24T14:00:00.000Z')));
    const intoRelease = await asRun({ ref: 'refs/pull/10/merge', baseRef: 'release' }, (store) => store.list('based'));
    expect(intoRelease.map((e) => e.collectedAt)).toEqual(['2026-11-24T13:00:00.000Z']);
    // A branch with nothing of its own falls back to the default branch.
    const feature = await asRun({ ref: 'refs/heads/feature' }, (store) => store.list('based'));
    expect(feature.map((e) => e.collectedAt)).toEqual(['2026-11-24T14:00:00.000Z']);
  });

  it('never overwrites an entry: a second save under the same key is refused, and the store says so', async () => {
    const logger = recordingLogger();
    const dataset = collected('immutable', 7, '2026-11-24T07:00:00.000Z');
    const runId = nextRun++;
    const env = {
      ...services.runnerEnv({ ref: MAIN, runId }),
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(workspace, '.runner-temp'),
    };
    Object.assign(process.env, env);
    try {
      const first = await CacheStore.create({ dir: join(workspace, 'a'), runId: String(runId), logger });
      const again = await CacheStore.create({ dir: join(workspace, 'a'), runId: String(runId), logger });
      await first.put(dataset);
      await again.put({ ...dataset, table: tableOf(spansOfTable(dataset.table).slice(1)) });
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
    }
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: expect.stringMatching(/^dataset trace-differ-v1-immutable-.* could not be saved to the Actions cache/),
    });
    const entries = services.state.cache.filter((e) => e.key.startsWith(CacheStore.dataPrefix('immutable')));
    expect(entries).toHaveLength(1);
  });

  it('sets aside a dataset evicted after 7 days unused, and pools what is left', async () => {
    await asRun({ ref: MAIN }, (store) => store.put(collected('evicted', 8, '2026-11-24T08:00:00.000Z')));
    services.advanceDays(6);
    await asRun({ ref: MAIN }, (store) => store.put(collected('evicted', 9, '2026-11-30T08:00:00.000Z')));
    services.advanceDays(2);
    const chosen = await asRun({ ref: MAIN }, (store) =>
      resolveBaseline(store, 'evicted', { kind: 'median-of', count: 2 }),
    );
    expect(chosen.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-30T08:00:00.000Z']);
    expect(chosen.warnings).toEqual([
      expect.stringMatching(
        /^dataset trace-differ-v1-evicted-20261124T080000000Z-.* is not in the Actions cache any more/,
      ),
      'baseline median-of:2 pooled only 1 dataset(s): no more are stored yet',
    ]);
  });
});

describe('a corrupt cached dataset', () => {
  /**
   * Stores a good dataset, then a second one whose file is damaged in `region` before the real
   * client uploads it (as bit rot or a broken writer would leave it), listed in the index.
   */
  async function storeDamaged(queryId: string, damage: (file: Buffer) => Buffer): Promise<string> {
    await asRun({ ref: MAIN }, (store) => store.put(collected(queryId, 10, '2026-11-24T10:00:00.000Z')));
    return asRun({ ref: MAIN }, async (store, run) => {
      const [good] = await store.list(queryId);
      const bad = collected(queryId, 11, '2026-11-24T11:00:00.000Z');
      const key = CacheStore.dataKey(queryId, bad.provenance.collectedAt, run, '1');
      const dir = join(workspace, '.trace-differ', 'cache', keyPart(queryId));
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'dataset.tdds'), damage(await encodeDataset(bad)));
      expect(await cache.saveCache([join(dir, 'dataset.tdds')], key)).toBeGreaterThan(0);
      const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { entries: object[] };
      index.entries.unshift({ ...good, key, collectedAt: bad.provenance.collectedAt });
      await writeFile(join(dir, 'index.json'), JSON.stringify(index));
      await cache.saveCache([join(dir, 'index.json')], `${CacheStore.indexPrefix(queryId)}damaged-${run}-`);
      return key;
    });
  }

  const flip = (at: (file: Buffer) => number) => (file: Buffer) => {
    const copy = Buffer.from(file);
    const i = at(copy);
    copy[i] = copy[i]! ^ 0x5a;
    return copy;
  };
  const headerEnd = (f: Buffer) => f.indexOf(10, f.indexOf(10) + 1);
  const regions: [string, (file: Buffer) => Buffer, RegExp][] = [
    ['magic', flip(() => 2), /not a trace-differ dataset/],
    [
      'version',
      (f) => Buffer.concat([Buffer.from('TRACE-DIFFER-DATASET 7'), f.subarray(f.indexOf(10))]),
      /newer trace-differ \(format 7/,
    ],
    ['header', flip((f) => headerEnd(f) - 2), /header/],
    ['body start', flip((f) => headerEnd(f) + 12), /body is corrupt|checksum/],
    ['body end', flip((f) => f.length - 30), /body is corrupt|checksum/],
    ['gzip trailer (checksum)', flip((f) => f.length - 2), /body is corrupt|checksum/],
    ['truncated', (f) => f.subarray(0, f.length - 50), /truncated|body is/],
  ];

  for (const [region, damage, why] of regions) {
    it(`is set aside and named when its ${region} is damaged; the baseline falls back to the one before`, async () => {
      const queryId = `damaged-${region.replace(/\W+/g, '-')}`;
      const key = await storeDamaged(queryId, damage);
      const chosen = await asRun({ ref: MAIN }, (store) => resolveBaseline(store, queryId, { kind: 'previous' }));
      expect(chosen.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T10:00:00.000Z']);
      expect(chosen.warnings).toHaveLength(1);
      expect(chosen.warnings[0]).toMatch(
        new RegExp(`^dataset ${key.replace(/[~.]/g, '\\$&')} \\(Actions cache\\) was set aside: `),
      );
      expect(chosen.warnings[0]).toMatch(why);
    });
  }

  it('damaged in transit (the archive itself) is set aside too, and with nothing else the diff is inconclusive', async () => {
    await asRun({ ref: MAIN }, (store) => store.put(collected('mangled', 12, '2026-11-24T12:00:00.000Z')));
    const entry = services.state.cache.find((e) => e.key.startsWith(CacheStore.dataPrefix('mangled')))!;
    services.tamper(entry.blob, (data) => Buffer.concat([data.subarray(0, 40), Buffer.alloc(data.length - 40, 7)]));
    const chosen = await asRun({ ref: MAIN }, (store) => resolveBaseline(store, 'mangled', { kind: 'previous' }));
    expect(chosen.datasets).toEqual([]);
    expect(chosen.warnings).toEqual([expect.stringContaining(`dataset ${entry.key} could not be restored`)]);
    const result = diff({ baseline: chosen.datasets, current: traffic(13, 30), query: QUERY, settings: SETTINGS });
    expect(result.verdict).toBe('inconclusive');
  });
});
