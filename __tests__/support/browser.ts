import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package; `.ci/run` installs it when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile of its own, as a user's browser opening a downloaded report. */
export async function launch(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'td-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console errors and warnings, uncaught exceptions, CSP violations. */
  problems: string[];
  /** Every request the page made beyond loading its own file. */
  requests: string[];
  /** alert(), confirm() and the like: a script from data would show here. */
  dialogs: string[];
}

/** Opens an HTML file and waits until its script says it is ready. */
export async function openFile(browser: Browser, file: string): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const url = pathToFileURL(file).href;
  const opened: OpenedPage = { page, problems: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.problems.push(`exception: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== url) opened.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  // Nothing may leave the page; were anything to try, it is stopped here as well as recorded.
  await page.route(/^(?!file:)/, (route) => route.abort());
  // Browser-side code is given as text: these tests are type-checked without the DOM library.
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  // Charts draw on the next animation frame; wait until every one that exists has drawn.
  // Charts draw on the next animation frame; wait until every one that exists has drawn.
  await waitUntil(page, "[...document.querySelectorAll('.chart')].every((c) => c.classList.contains('drawn'))");
  return opened;
}

/** The drawn charts of a page: what uPlot holds, as each chart recorded it. */
export async function charts(
  page: Page,
  selector = '.chart',
): Promise<{ series: number; points: number; label: string; canvas: number }[]> {
  return page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => ({
      series: Number(e.dataset.series),
      points: Number(e.dataset.points),
      label: e.getAttribute('aria-label') ?? '',
      canvas: e.querySelector('canvas')?.width ?? 0,
    }))`,
  );
}

/** The text of each cell of a column of a table (visible rows, in their order). */
export async function column(page: Page, table: string, index: number): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(`${table} tbody tr`)})].filter((r) => !r.hidden).map((r) => r.cells[${index}].textContent)`,
  );
}

/**
 * Waits until an expression is true in the page, polled from the test. Not waitForFunction: its polling
 * inside the page compiles the predicate, which the page's CSP (no eval) refuses when it has to retry.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`the page never made true: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
