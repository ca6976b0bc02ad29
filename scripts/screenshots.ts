/**
 * `npx tsx scripts/screenshots.ts`: the README's pictures. Simulated traffic collected once an hour
 * for a day into a local store (a slow creep, a bad deploy, its fix, a pinned release), each
 * collection diffed against the one before as `collect` does; then the last diff's report.html and
 * the store's dashboard are written and photographed in headless Chromium (docs/img/*.png).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../src/config/index.js';
import type { Dataset } from '../src/dataset/types.js';
import { tableOf } from '../src/dataset/table.js';
import { diff } from '../src/diff/index.js';
import { buildDashboard, writeDashboard } from '../src/modes/dashboard.js';
import { renderHtml } from '../src/report/html/index.js';
import { generateTraffic, type Scenario } from '../src/simulator/traffic.js';
import { LocalStore } from '../src/store/index.js';

const root = join(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'td-shots-'));
const store = new LocalStore(join(dir, 'store'));
const query = { id: 'android', name: 'Android checkout', query: 'service IN ("android")' };
const settings = { ...DEFAULT_SETTINGS, groupBy: [['operation'], ['customer'], ['service', 'operation']] };
const start = Date.parse('2026-11-28T00:00:00Z') * 1000;

function scenario(hour: number): Scenario {
  if (hour >= 16 && hour < 19)
    return {
      slower: [{ service: 'android', operation: '/api/make-payment', percent: 45 }],
      errorsUp: [{ operation: 'charge', pp: 4 }],
    };
  if (hour === 23)
    return {
      slower: [{ service: 'android', operation: '/api/make-payment', percent: 40 }],
      addCall: [{ from: 'api-server:make-payment', to: 'fraud:score', medianUs: 20_000 }],
      removeTagValue: [{ tag: 'customer', value: 'BEEMO' }],
    };
  return { slower: [{ service: 'android', operation: '/api/make-payment', percent: hour * 0.6 }] };
}

let previous: Dataset | undefined;
let last: ReturnType<typeof diff> | undefined;
for (let hour = 0; hour < 24; hour++) {
  const startUs = start + hour * 3_600_000_000;
  const spans = generateTraffic({ seed: 7 + hour, traces: 900, startUs, windowMinutes: 10, scenario: scenario(hour) });
  const dataset: Dataset = {
    provenance: {
      source: 'lightstep',
      queryId: query.id,
      queryName: query.name,
      query: query.query,
      snapshotId: `snap-${hour}`,
      collectedAt: new Date(startUs / 1000 + 660_000).toISOString(),
      windowStartUs: startUs,
      windowEndUs: startUs + 600_000_000,
      github: { ref: 'refs/heads/main', runId: String(7_100_000 + hour) },
    },
    coverage: {
      complete: true,
      exemplars: spans.length,
      tracesWanted: 900,
      tracesFetched: 900,
      tracesFailed: 0,
      failures: [],
    },
    table: tableOf(spans),
  };
  last = diff({ baseline: previous ? [previous] : [], current: dataset, query, settings });
  await store.put(dataset, { verdict: last.verdict, ...(hour === 6 ? { pinAs: 'release-4.2' } : {}) });
  previous = dataset;
}

await writeFile(
  join(dir, 'report.html'),
  renderHtml({
    verdict: last!.verdict,
    mode: 'collect',
    outcomes: [{ query, result: last!, warnings: [], history: await store.list(query.id) }],
    generatedAt: new Date().toISOString(),
  }),
);
const dashboard = await buildDashboard(store, [{ id: query.id, name: query.name, pins: ['release-4.2'] }], {
  now: new Date(),
  title: 'trace-differ history: acme/shop',
  runLink: (id) => `https://github.com/acme/shop/actions/runs/${id}`,
});
await writeDashboard(join(dir, 'site'), dashboard);

const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 1100 },
  deviceScaleFactor: 1,
});
for (const [file, png] of [
  [join(dir, 'report.html'), 'report.png'],
  [join(dir, 'site', 'index.html'), 'dashboard.png'],
] as const) {
  const page = await context.newPage();
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-ready=true]');
  await page.waitForFunction("[...document.querySelectorAll('.chart')].every((c) => c.classList.contains('drawn'))");
  // The report down to its first latency distribution; the dashboard's first screen.
  if (png === 'report.png') await page.setViewportSize({ width: 1280, height: 1750 });
  await page.screenshot({ path: join(root, 'docs', 'img', png) });
  console.log(`docs/img/${png}`);
}
await context.close();
await rm(dir, { recursive: true, force: true });
