import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/types.js';
import { LocalStore, resolveBaseline } from '../../src/store/index.js';
import { diff } from '../../src/diff/index.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';

function at(dataset: Dataset, collectedAt: string): Dataset {
  return { ...dataset, provenance: { ...dataset.provenance, queryId: 'android', collectedAt } };
}

describe('the local store', () => {
  it('keeps datasets with a newest-first history of summary numbers', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    await store.put(at(traffic(1, 50), '2026-11-24T01:00:00.000Z'), { verdict: 'inconclusive' });
    await store.put(at(traffic(2, 50), '2026-11-24T02:00:00.000Z'), { verdict: 'pass' });
    const entries = await store.list('android');
    expect(entries.map((e) => [e.collectedAt, e.verdict])).toEqual([
      ['2026-11-24T02:00:00.000Z', 'pass'],
      ['2026-11-24T01:00:00.000Z', 'inconclusive'],
    ]);
    expect(entries[0]!.spans).toBeGreaterThan(100);
    expect(entries[0]!.latencyP95Us).toBeGreaterThan(entries[0]!.latencyP50Us!);
    expect(await store.list('android', { before: '2026-11-24T02:00:00.000Z' })).toHaveLength(1);
    expect(await store.list('other')).toEqual([]);
  });

  it('chooses baselines: previous, median-of:N pooled, pinned:<name>', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    for (let h = 1; h <= 4; h++) {
      await store.put(at(traffic(h, 20), `2026-11-24T0${h}:00:00.000Z`), h === 2 ? { pinAs: 'v1.2' } : {});
    }
    const previous = await resolveBaseline(
      store,
      'android',
      { kind: 'previous' },
      { before: '2026-11-24T04:00:00.000Z' },
    );
    expect(previous.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T03:00:00.000Z']);
    const median = await resolveBaseline(store, 'android', { kind: 'median-of', count: 3 });
    expect(median.datasets.map((d) => d.provenance.collectedAt.slice(11, 13))).toEqual(['02', '03', '04']);
    const pinned = await resolveBaseline(store, 'android', { kind: 'pinned', name: 'v1.2' });
    expect(pinned.datasets[0]!.provenance.collectedAt).toBe('2026-11-24T02:00:00.000Z');
    const absent = await resolveBaseline(store, 'android', { kind: 'pinned', name: 'v9' });
    expect(absent).toMatchObject({ datasets: [], warnings: [expect.stringContaining("no dataset is pinned as 'v9'")] });
  });

  it('sets a corrupt dataset aside with a warning and falls back to the one before', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    await store.put(at(traffic(1, 20), '2026-11-24T01:00:00.000Z'));
    const newest = await store.put(at(traffic(2, 20), '2026-11-24T02:00:00.000Z'));
    await writeFile(store.fileOf(newest), 'garbage');
    const chosen = await resolveBaseline(store, 'android', { kind: 'previous' });
    expect(chosen.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T01:00:00.000Z']);
    expect(chosen.warnings).toEqual([
      expect.stringMatching(/^dataset .*\.tdds was set aside: it is not a trace-differ dataset/),
    ]);
  });

  it('median-of:N hands the engine N datasets, and the engine pools them into one baseline', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    for (let h = 1; h <= 5; h++) await store.put(at(traffic(h, 40), `2026-11-24T0${h}:00:00.000Z`));
    const current = at(traffic(9, 40), '2026-11-24T06:00:00.000Z');
    const chosen = await resolveBaseline(
      store,
      'android',
      { kind: 'median-of', count: 3 },
      { before: '2026-11-24T06:00:00.000Z' },
    );
    expect(chosen.datasets.map((d) => d.provenance.collectedAt.slice(11, 13))).toEqual(['03', '04', '05']);
    const pooled = diff({ baseline: chosen.datasets, current, query: QUERY, settings: SETTINGS });
    const spans = chosen.datasets.reduce((n, d) => n + d.table.size, 0);
    expect(pooled.baseline?.spans).toBe(spans);
    // Windows add up, so rates stay per minute observed.
    const windows = chosen.datasets.map(
      (d) => diff({ baseline: [d], current, query: QUERY, settings: SETTINGS }).baseline!.windowMinutes!,
    );
    expect(pooled.baseline?.windowMinutes).toBeCloseTo(windows[0]! + windows[1]! + windows[2]!, 1);
    const single = diff({ baseline: chosen.datasets.slice(-1), current, query: QUERY, settings: SETTINGS });
    expect(single.baseline?.spans).toBeLessThan(spans);
  });

  const flip = (at: (file: Buffer) => number) => (file: Buffer) => {
    const copy = Buffer.from(file);
    copy[at(copy)] ^= 0x5a;
    return copy;
  };
  const headerEnd = (f: Buffer) => f.indexOf(10, f.indexOf(10) + 1);
  const regions: [string, (file: Buffer) => Buffer, RegExp][] = [
    ['magic', flip(() => 2), /not a trace-differ dataset/],
    ['version', (f) => Buffer.concat([Buffer.from('TRACE-DIFFER-DATASET 7'), f.subarray(f.indexOf(10))]), /newer/],
    ['header', flip((f) => headerEnd(f) - 2), /header/],
    ['body start', flip((f) => headerEnd(f) + 12), /body is corrupt|checksum/],
    ['body end', flip((f) => f.length - 30), /body is corrupt|checksum/],
    ['gzip trailer (checksum)', flip((f) => f.length - 2), /body is corrupt|checksum/],
    ['truncated', (f) => f.subarray(0, f.length - 50), /truncated|body is/],
    ['whole file (emptied)', () => Buffer.alloc(0), /not a trace-differ dataset/],
  ];
  for (const [region, damage, why] of regions) {
    it(`sets aside a dataset damaged in its ${region}: renamed, named in the warning, dropped from the history`, async () => {
      const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
      await store.put(at(traffic(1, 20), '2026-11-24T01:00:00.000Z'));
      const bad = await store.put(at(traffic(2, 20), '2026-11-24T02:00:00.000Z'), { pinAs: 'release' });
      await writeFile(store.fileOf(bad), damage(await readFile(store.fileOf(bad))));
      const chosen = await resolveBaseline(store, 'android', { kind: 'previous' });
      expect(chosen.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T01:00:00.000Z']);
      const file = store.fileOf(bad).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(chosen.warnings).toHaveLength(1);
      expect(chosen.warnings[0]).toMatch(
        new RegExp(`^dataset ${file} was set aside: .*\\(moved to ${file}\\.set-aside\\)$`),
      );
      expect(chosen.warnings[0]).toMatch(why);
      expect(await readdir(join(store.dir, 'android'))).toContain(`${bad.key}.tdds.set-aside`);
      expect((await store.list('android')).map((e) => e.key)).not.toContain(bad.key);
      expect(await store.pinned('android', 'release')).toBeUndefined();
      // The next run does not trip on it again.
      expect((await resolveBaseline(store, 'android', { kind: 'previous' })).warnings).toEqual([]);
    });
  }

  it('prefers complete snapshots for the baseline, and says so when only partial ones are left', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    const partial = (d: Dataset): Dataset => ({ ...d, coverage: { ...d.coverage, complete: false, tracesFailed: 3 } });
    await store.put(at(traffic(1, 20), '2026-11-24T01:00:00.000Z'));
    await store.put(at(traffic(2, 20), '2026-11-24T02:00:00.000Z'));
    await store.put(partial(at(traffic(3, 20), '2026-11-24T03:00:00.000Z')));
    const previous = await resolveBaseline(store, 'android', { kind: 'previous' });
    expect(previous.datasets.map((d) => d.provenance.collectedAt)).toEqual(['2026-11-24T02:00:00.000Z']);
    expect(previous.warnings).toEqual([]);
    const pooled = await resolveBaseline(store, 'android', { kind: 'median-of', count: 3 });
    expect(pooled.datasets.map((d) => d.provenance.collectedAt.slice(11, 13))).toEqual(['01', '02', '03']);
    expect(pooled.warnings).toEqual([
      'the baseline holds 1 partial snapshot(s), for want of complete ones among the recent collections: no value can be called new',
    ]);
  });

  it('rebuilds a damaged or lost history from the dataset files beside it', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    await store.put(at(traffic(1, 20), '2026-11-24T01:00:00.000Z'));
    await store.put(at(traffic(2, 20), '2026-11-24T02:00:00.000Z'));
    const before = await store.list('android');
    await writeFile(join(store.dir, 'android', 'history.json'), '{"truncated": ');
    const after = await store.list('android');
    expect(after.map((e) => [e.key, e.spans, e.latencyP95Us])).toEqual(
      before.map((e) => [e.key, e.spans, e.latencyP95Us]),
    );
    expect(JSON.parse(await readFile(join(store.dir, 'android', 'history.json'), 'utf8'))).toHaveLength(2);
  });

  it("keeps each dataset's git ref in the history, the pins and a rebuilt history, for branch filters", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-store-'));
    const on = (ref: string, d: Dataset): Dataset => ({
      ...d,
      provenance: { ...d.provenance, github: { ref, sha: 'c'.repeat(40), runId: '41' } },
    });
    const writer = new LocalStore(dir);
    await writer.put(on('refs/heads/main', at(traffic(1, 20), '2026-11-24T01:00:00.000Z')), { pinAs: 'v1' });
    await writer.put(on('refs/heads/feature', at(traffic(2, 20), '2026-11-24T02:00:00.000Z')));
    await writer.put(at(traffic(3, 20), '2026-11-24T03:00:00.000Z'));
    // A later process reads the history from disk: no dataset is loaded to tell the branches apart.
    const reader = new LocalStore(dir);
    const refs = (await reader.list('android')).map((e) => [e.collectedAt, e.ref]);
    expect(refs).toEqual([
      ['2026-11-24T03:00:00.000Z', undefined],
      ['2026-11-24T02:00:00.000Z', 'refs/heads/feature'],
      ['2026-11-24T01:00:00.000Z', 'refs/heads/main'],
    ]);
    expect((await reader.pinned('android', 'v1'))?.ref).toBe('refs/heads/main');
    await writeFile(join(dir, 'android', 'history.json'), '[');
    expect((await new LocalStore(dir).list('android')).map((e) => [e.collectedAt, e.ref])).toEqual(refs);
  });

  it('starts with no baseline, without failing, when nothing is stored', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    expect(await resolveBaseline(store, 'android', { kind: 'median-of', count: 3 })).toEqual({
      datasets: [],
      entries: [],
      warnings: [],
    });
  });
});
