/**
 * The HTML report opened in real headless Chromium, as a reader opens report.html from the run's
 * artifact: nothing leaves the page, every chart is drawn with the data it should hold, tables sort
 * and filter, and span values that look like markup stay text.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffSettings } from '../../src/config/types.js';
import { diff } from '../../src/diff/index.js';
import type { ChangedValue, DiffResult } from '../../src/diff/types.js';
import { renderHtml } from '../../src/report/html/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { charts, column, launch, openFile, waitUntil, type Browser, type OpenedPage } from '../support/browser.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';
import { html, reportOf, visibleText } from './render.js';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</script><script>alert(2)</script>';
const settings: DiffSettings = { ...SETTINGS, groupBy: [['operation'], ['customer'], ['service', 'operation']] };

/** A regression (android make-payment slower), a new call to an operation named like markup, a customer named like a script. */
function result(): DiffResult {
  const hostile = [
    { tag: 'customer', value: SCRIPT, share: 0.2 },
    { tag: 'customer', value: IMG, share: 0.1 },
  ];
  const baseline = traffic(1, 600, { addTagValue: hostile });
  const current = traffic(2, 600, {
    addTagValue: hostile,
    slower: [{ service: 'android', operation: '/api/make-payment', percent: 60 }],
    addCall: [{ from: 'api-server:make-payment', to: `evil:${IMG}`, medianUs: 20_000 }],
  });
  return diff({ baseline: [baseline], current, query: QUERY, settings });
}

/** The bins both sides of a value span, as the page draws them. */
function bins(v: ChangedValue): number {
  const { baseline: b, current: c } = v.latencyHistogram!;
  const from = Math.min(b.counts.length ? b.from : Infinity, c.counts.length ? c.from : Infinity);
  return Math.max(b.from + b.counts.length, c.from + c.counts.length) - from;
}

let browser: Browser;
let dir: string;
let r: DiffResult;
let opened: OpenedPage;

beforeAll(async () => {
  r = result();
  dir = await mkdtemp(join(tmpdir(), 'td-html-'));
  const file = join(dir, 'report.html');
  await writeFile(file, renderHtml(reportOf(r)));
  browser = await launch();
  opened = await openFile(browser, file);
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in Chromium', () => {
  it('opens with no console error, no CSP violation and no request beyond its own file', () => {
    expect(r.findings.length).toBeGreaterThan(0);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.dialogs).toEqual([]);
  });

  it('draws the latency distributions of the values behind the findings: two series over the bins both sides use', async () => {
    const changed = new Map<string, ChangedValue>();
    for (const g of [...r.groups, { key: 'edge', ...r.edges }])
      for (const v of g.changed) changed.set(`${g.key}\u0000${v.value}`, v);
    const expected: number[] = [];
    const seen = new Set<string>();
    for (const f of r.findings) {
      const id = `${f.key}\u0000${f.value}`;
      if (seen.has(id) || seen.size >= 12) continue;
      seen.add(id);
      const v = changed.get(id);
      if (v) expected.push(bins(v));
    }
    expect(expected.length).toBeGreaterThan(0);
    const drawn = await charts(opened.page, '.cards .chart.distribution');
    expect(drawn.map((c) => c.points)).toEqual(expected);
    for (const c of drawn) {
      expect(c.series).toBe(2);
      expect(c.canvas).toBeGreaterThan(0);
      expect(c.label).toMatch(/baseline p50 .+ current p50/);
    }
  });

  it('draws a value when its row is opened', async () => {
    const { page } = opened;
    const before = (await charts(page)).length;
    const value = r.groups.find((g) => g.key === 'customer')!.changed.find((v) => v.value === SCRIPT)!;
    await page.locator('details.group', { hasText: 'by customer' }).locator('tbody tr', { hasText: SCRIPT }).click();
    await waitUntil(page, `document.querySelectorAll('.chart.drawn').length > ${before}`);
    const card = page
      .locator('.card')
      .filter({ has: page.locator('code', { hasText: SCRIPT }) })
      .first();
    await expect.poll(() => card.locator('.chart').getAttribute('data-points')).toBe(String(bins(value)));
    expect(await card.locator('.chart').getAttribute('data-series')).toBe('2');
    expect(await card.locator('.bar').count()).toBe(4);
  });

  it('says why an untested value has no distribution when its row is opened', async () => {
    const { page } = opened;
    // The diff makes a histogram only for values tested on both sides: a handful of spans draws no picture.
    const group = r.groups.find((g) => g.changed.some((v) => v.enoughData === false && v.value.length > 0))!;
    const value = group.changed.find((v) => v.enoughData === false && v.value.length > 0)!;
    expect(value.latencyHistogram).toBeUndefined();
    const details = page.locator('details.group', { hasText: `by ${group.key}` });
    await details.locator('tbody tr', { hasText: value.value }).first().click();
    const card = page
      .locator('.card')
      .filter({ has: page.locator('code', { hasText: value.value }) })
      .first();
    await expect
      .poll(() => card.locator('.chart-none').textContent())
      .toBe('too few traces on a side to test: no distribution drawn');
    expect(await card.locator('.chart').count()).toBe(0);
  });

  it('sorts a table by any column, both ways, and filters its rows', async () => {
    const { page } = opened;
    const table = 'details.group:nth-of-type(1) table.data';
    const header = page.locator(`${table} th`, { hasText: 'value' });
    await header.locator('button').click();
    const up = await column(page, table, 0);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(up).toEqual([...up].sort((a, b) => a.localeCompare(b)));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await column(page, table, 0)).toEqual([...up].reverse());

    const spans = page.locator(`${table} th`, { hasText: 'spans b → c' });
    await spans.locator('button').click();
    const counts = (await column(page, table, 2)).map((c) => Number(c.split(' → ')[1]!.replace(/,/g, '')));
    expect(await spans.getAttribute('aria-sort')).toBe('descending');
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await spans.locator('button').click();
    const again = (await column(page, table, 2)).map((c) => Number(c.split(' → ')[1]!.replace(/,/g, '')));
    expect(again).toEqual([...counts].sort((a, b) => a - b));

    await page.locator('details.group:nth-of-type(1) input.filter').fill('make-payment');
    const shown = await column(page, table, 0);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(up.length);
    for (const v of shown) expect(v).toContain('make-payment');
  });

  it('shows the statistics behind each finding: test, q-value, interval, spans and traces', async () => {
    const f = r.findings.find((x) => x.metric.startsWith('latency') && x.key === 'operation')!;
    const row = opened.page.locator('table.data').first().locator('tbody tr', { hasText: f.value }).first();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe(f.severity);
    expect(cells[2]).toBe(f.metric);
    expect(cells[5]).toMatch(/quantile test|Mann-Whitney/);
    expect(cells[6]).toMatch(/^(<0\.0001|0\.\d+)$/);
    // How sure: the interval of the change that reached the finding's level.
    expect(f.interval).toBeDefined();
    const pct = (x: number | null) => (x === null ? '?' : `${x > 0 ? '+' : ''}${Math.round(x * 100)}%`);
    const { confidence, relativeLow, relativeHigh } = f.interval!;
    expect(cells[7]).toBe(`${Math.round(confidence * 100)}%: ${pct(relativeLow)} … ${pct(relativeHigh)}`);
    // Spans, and the traces that hold them (the unit of the tests).
    expect(cells[8]).toMatch(/^\d[\d,]* \(\d[\d,]* tr\.\) → \d[\d,]* \(\d[\d,]* tr\.\)$/);
  });

  it('draws the call-edge graph with every edge, the new one marked', async () => {
    const edges = r.edges.changed.length + r.edges.new.length + r.edges.missing.length + r.edges.undecided.length;
    const graph = opened.page.locator('.graph');
    expect(Number(await graph.getAttribute('data-edges'))).toBe(Math.min(150, edges));
    expect(await graph.locator('path.edge.new').count()).toBe(r.edges.new.length);
    expect(r.edges.new.map((e) => e.value)).toContain(`api-server:make-payment -> evil:${IMG}`);
  });

  it('says what (none) is under the values of a key that has it, as the markdown says it', async () => {
    // Half the traces carry a tenant: the others are counted under (none). Every trace has a customer.
    const tenant = { addTagValue: [{ tag: 'tenant', value: 'gold', share: 0.5 }] };
    const groupBy = [['tenant'], ['customer'], ['service', 'tenant']];
    const report = reportOf(
      diff({
        baseline: [traffic(1, 300, tenant)],
        current: traffic(2, 300, tenant),
        query: QUERY,
        settings: { ...SETTINGS, groupBy },
      }),
    );
    const file = join(dir, 'none.html');
    await writeFile(file, renderHtml(report));
    const { page, problems } = await openFile(browser, file);
    const note = (key: string) => page.locator('details.group', { hasText: `by ${key}` }).locator('.none-note');
    const markdown = visibleText(html(renderMarkdown(report)));
    const said = await note('tenant').textContent();
    expect(said).toBe('(none) stands for the spans that have no tenant value, counted together as one value.');
    expect(markdown).toContain(said);
    expect(await note('customer').count()).toBe(0);
    const combined = await note('service+tenant').textContent();
    expect(combined).toBe(
      'A (none) part stands for the spans that have no value for that part of service+tenant, counted together.',
    );
    expect(markdown).toContain(combined);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps span values that look like markup as text: no element, no script, no dialog', async () => {
    const { page } = opened;
    expect(await page.locator('img').count()).toBe(0);
    // The data block, uPlot and the page's script: nothing more.
    expect(await page.locator('script').count()).toBe(3);
    expect(await page.locator('code', { hasText: SCRIPT }).count()).toBeGreaterThan(0);
    const texts = await page.locator('code').allTextContents();
    expect(texts).toContain(SCRIPT);
    expect(texts).toContain(IMG);
    expect(await page.locator('svg text', { hasText: 'evil:<img' }).count()).toBe(1);
    expect(opened.dialogs).toEqual([]);
  });
});
