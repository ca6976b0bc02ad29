import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/types.js';
import { LocalStore, resolveBaseline } from '../../src/store/index.js';
import { traffic } from '../diff/datasets.js';

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

  it('starts with no baseline, without failing, when nothing is stored', async () => {
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-store-')));
    expect(await resolveBaseline(store, 'android', { kind: 'median-of', count: 3 })).toEqual({
      datasets: [],
      entries: [],
      warnings: [],
    });
  });
});
