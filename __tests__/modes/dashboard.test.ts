import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildDashboard, localStoreQueries, runLinkOf } from '../../src/modes/dashboard.js';
import { readInputs } from '../../src/action/inputs.js';
import { HISTORY_LENGTH } from '../../src/store/history.js';
import { LocalStore } from '../../src/store/index.js';
import { START_US, traffic } from '../diff/datasets.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function collection(i: number) {
  const d = traffic(i, 20);
  const start = START_US + i * 60_000_000;
  d.provenance = {
    ...d.provenance,
    queryId: 'checkout',
    collectedAt: new Date(start / 1000).toISOString(),
    windowStartUs: start,
    windowEndUs: start + 120_000_000,
    github: { runId: String(900 + i) },
  };
  return d;
}

describe('the dashboard data, from a real local store', () => {
  it('keeps a pinned baseline that has left the history, marked, and links each collection to its run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-dash-'));
    dirs.push(dir);
    const store = new LocalStore(dir);
    await store.put(collection(0), { pinAs: 'v1', verdict: 'pass' });
    for (let i = 1; i <= HISTORY_LENGTH; i++) await store.put(collection(i), { verdict: i % 7 ? 'pass' : 'warn' });

    const specs = await localStoreQueries(dir);
    expect(specs).toEqual([{ id: 'checkout', pins: ['v1'] }]);
    const data = await buildDashboard(store, specs, {
      now: new Date('2026-11-30T00:00:00Z'),
      runLink: runLinkOf('https://github.com/acme/shop/'),
    });
    const points = data.queries[0]!.points;
    expect(points).toHaveLength(HISTORY_LENGTH + 1);
    expect(points[0]).toMatchObject({ pinnedAs: 'v1', link: 'https://github.com/acme/shop/actions/runs/900' });
    expect(points.map((p) => p.collectedAt)).toEqual([...points.map((p) => p.collectedAt)].sort());
    // 20 traces of a few spans each over a 2-minute window.
    expect(points[1]!.ratePerMin).toBeCloseTo(points[1]!.spans / 2, 6);
    expect(points.filter((p) => p.verdict === 'warn')).toHaveLength(Math.floor(HISTORY_LENGTH / 7));
  });

  it('links runs only for an http(s) repository address', () => {
    expect(runLinkOf('javascript:alert(1)')).toBeUndefined();
    expect(runLinkOf(undefined)).toBeUndefined();
    expect(runLinkOf('https://ghe.example/o/r')!('7')).toBe('https://ghe.example/o/r/actions/runs/7');
  });
});

describe("the action's dashboard input", () => {
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('is read as a boolean, off by default', () => {
    expect(readInputs(inputs({ mode: 'collect' }), 'schedule').dashboard).toBe(false);
    expect(readInputs(inputs({ mode: 'collect', dashboard: 'true' }), 'schedule').dashboard).toBe(true);
  });

  it('needs a store to read the history from', () => {
    for (const values of <Record<string, string>[]>[
      { mode: 'collect', dashboard: 'true', store: 'none' },
      { mode: 'merge', dashboard: 'true', results: 'r' },
    ]) {
      expect(() => readInputs(inputs(values), 'schedule')).toThrow(InputError);
      expect(() => readInputs(inputs(values), 'schedule')).toThrow(/input 'dashboard: true' needs a store/);
    }
  });
});
