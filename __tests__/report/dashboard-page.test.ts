/**
 * `trace-differ dashboard` over a real local store, and its page opened in headless Chromium: one
 * section per query, three charts each with a point per collection, verdicts and pins, links to
 * each collection's run, sortable tables, and a query name that looks like markup kept as text.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { Dataset } from '../../src/dataset/types.js';
import { renderDashboard } from '../../src/report/html/index.js';
import { LocalStore } from '../../src/store/index.js';
import { charts, column, launch, openFile, type Browser, type OpenedPage } from '../support/browser.js';
import { START_US, traffic } from '../diff/datasets.js';

const HOSTILE_PIN = '<img src=x onerror=alert(1)>';
const VERDICTS = ['pass', 'pass', 'warn', 'pass', 'fail', 'pass', 'notice'];

/** Collection i of a query: one an hour, 10 min windows, collected by run 100 + i. */
function collection(queryId: string, i: number, seed: number): Dataset {
  const d = traffic(seed + i, 40 + i * 10);
  const start = START_US + i * 3_600_000_000;
  d.provenance = {
    ...d.provenance,
    queryId,
    collectedAt: new Date(start / 1000 + 600_000).toISOString(),
    windowStartUs: start,
    windowEndUs: start + 600_000_000,
    github: { ref: 'refs/heads/main', runId: String(100 + i) },
  };
  return d;
}

let browser: Browser;
let dir: string;
let opened: OpenedPage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-dashboard-'));
  const store = new LocalStore(join(dir, 'store'));
  for (let i = 0; i < VERDICTS.length; i++)
    await store.put(collection('checkout', i, 10), {
      verdict: VERDICTS[i],
      ...(i === 1 ? { pinAs: 'release-1.4' } : {}),
    });
  for (let i = 0; i < 3; i++)
    await store.put(collection('search', i, 50), { verdict: 'pass', ...(i === 0 ? { pinAs: HOSTILE_PIN } : {}) });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const code = await main([
    'dashboard',
    '--store',
    join(dir, 'store'),
    '--output',
    join(dir, 'site'),
    '--repository-url',
    'https://github.example/acme/shop',
  ]);
  expect(code).toBe(0);
  browser = await launch();
  opened = await openFile(browser, join(dir, 'site', 'index.html'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('trace-differ dashboard', () => {
  it('writes one self-contained page that opens with no error and no request', async () => {
    const html = await readFile(join(dir, 'site', 'index.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.dialogs).toEqual([]);
  });

  it('draws three charts per query, each with a point per stored collection', async () => {
    const drawn = await charts(opened.page);
    expect(drawn.map((c) => [c.series, c.points])).toEqual([
      [3, VERDICTS.length],
      [1, VERDICTS.length],
      [1, VERDICTS.length],
      [3, 3],
      [1, 3],
      [1, 3],
    ]);
    expect(drawn[2]!.label).toMatch(/^rate \(spans per minute\) over 7 collections/);
  });

  it('lists each collection with its verdict, pin and a link to its run; sorts by any column', async () => {
    const { page } = opened;
    const table = 'section#q-0 table.data';
    expect(await column(page, table, 1)).toEqual([...VERDICTS].reverse());
    expect((await column(page, table, 8)).filter(Boolean)).toEqual(['release-1.4']);
    const links = await page.locator(`${table} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('https://github.example/acme/shop/actions/runs/106');
    expect(links).toHaveLength(VERDICTS.length);

    const p95 = page.locator(`${table} th`, { hasText: /^p95$/ }).locator('button');
    await p95.click();
    const ms = (await column(page, table, 3)).map((t) => parseFloat(t) * (t.endsWith(' s') ? 1000 : 1));
    expect(ms).toEqual([...ms].sort((a, b) => b - a));
    await page.locator(`${table} th`, { hasText: 'collected' }).locator('button').click();
    const times = await column(page, table, 0);
    expect(times).toEqual([...times].sort());
  });

  it('keeps a pin name that looks like markup as text', async () => {
    const { page } = opened;
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('section#q-1 code', { hasText: HOSTILE_PIN }).count()).toBe(1);
  });

  it('shows a long history a hundred rows at a time, sorting and filtering all of them', async () => {
    const points = Array.from({ length: 250 }, (_, i) => ({
      key: `k${i}`,
      collectedAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
      spans: 1000 + i,
      traces: 100,
      complete: true,
      latencyP95Us: i === 200 ? 9_000_000 : 100_000 + i,
    }));
    const file = join(dir, 'long.html');
    await writeFile(
      file,
      renderDashboard({ title: 'long', generatedAt: points[0]!.collectedAt, queries: [{ id: 'q', points }] }),
    );
    const { page, problems } = await openFile(browser, file);
    const table = 'section#q-0 table.data';
    expect(await column(page, table, 0)).toHaveLength(100);
    await page.locator(`${table} th`, { hasText: /^p95$/ }).locator('button').click();
    expect((await column(page, table, 3))[0]).toBe('9 s');
    await page.getByRole('button', { name: 'show 150 more of 150' }).click();
    expect(await column(page, table, 0)).toHaveLength(250);
    await page.locator('input.filter').fill('2026-11-05');
    expect(await column(page, table, 0)).toHaveLength(24);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says which store directory it cannot read (exit 2)', async () => {
    const errors: string[] = [];
    vi.mocked(console.error).mockImplementation((line: string) => void errors.push(line));
    expect(await main(['dashboard', '--store', join(dir, 'nope'), '--output', join(dir, 'x')])).toBe(2);
    expect(errors.join('\n')).toMatch(/store directory .*nope cannot be read \(ENOENT\)/);
  });
});
