/**
 * The HTML pages as text, before any browser: one file with everything inline, a Content-Security-
 * Policy that admits exactly the inline scripts and styles it holds, data that cannot end its block,
 * and inlined assets that match their sources.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as assets from '../../src/report/html/assets.generated.js';
import { jsonBlock, renderDashboard, renderHtml } from '../../src/report/html/index.js';
import { diff } from '../../src/diff/index.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';
import { reportOf } from './render.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function parts(page: string) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!.replace(/&#39;/g, "'");
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const data = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(page)![1]!;
  return { csp, scripts, styles, data };
}

const hostile = '</script><script>alert(1)</script><!-- \u2028 & <img src=x onerror=alert(1)>';
const result = diff({
  baseline: [traffic(1, 200)],
  current: traffic(2, 200),
  query: { ...QUERY, name: hostile },
  settings: SETTINGS,
});
const report = renderHtml(reportOf(result));
const dashboard = renderDashboard({
  title: hostile,
  generatedAt: '2026-11-24T00:00:00Z',
  queries: [
    {
      id: 'q',
      name: hostile,
      points: [
        { key: 'k', collectedAt: '2026-11-24T00:00:00Z', spans: 1, traces: 1, complete: true, pinnedAs: hostile },
      ],
    },
  ],
});

describe.each([
  ['the report', report],
  ['the dashboard', dashboard],
])('%s page', (_name, page) => {
  it('lets run only the scripts and styles it holds, by hash; nothing may be fetched', () => {
    const { csp, scripts, styles } = parts(page);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toBe(assets.UPLOT_JS);
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['default-src']).toBe("'none'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['script-src']).toBe(scripts.map(hash).join(' '));
    expect(directives['style-src']).toBe(styles.map(hash).join(' '));
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('carries untrusted text only as escaped data: one data block, no stray tag', () => {
    const { data } = parts(page);
    expect(data).not.toMatch(/[<>\u2028]/);
    expect(JSON.stringify(JSON.parse(data))).toContain(JSON.stringify(hostile).slice(1, -1));
    // The only scripts are the data block and the two inline bundles.
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page).not.toContain('<img');
    // The markup around the scripts loads nothing and links nowhere.
    const markup = page.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/<[a-z][^>]*\s(src|href)=|@import|url\(/i);
    expect(markup).toContain(`&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;`);
  });
});

describe('the data block', () => {
  it('reads back as the same data, whatever the text', () => {
    for (const text of [hostile, '</SCRIPT >', '<!--<script>', '\u2029', 'a&b', '"\\']) {
      const block = jsonBlock({ text });
      expect(block).not.toMatch(/<|>|\u2028|\u2029/);
      expect(JSON.parse(block)).toEqual({ text });
    }
  });
});

describe('the inlined assets', () => {
  it('match uPlot in node_modules and the page scripts built from src/report/html/client (npm run html-assets)', async () => {
    const { assetsSource, ASSETS_FILE } = await import('../../scripts/html-assets.mjs');
    expect(await readFile(ASSETS_FILE, 'utf8')).toBe(await assetsSource());
    const { version } = JSON.parse(
      await readFile(join(import.meta.dirname, '../../node_modules/uplot/package.json'), 'utf8'),
    ) as { version: string };
    expect(assets.UPLOT_VERSION).toBe(version);
  });
});
