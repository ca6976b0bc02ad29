import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { diff } from '../../src/diff/index.js';
import type { Report } from '../../src/report/types.js';
import type { MetricRule } from '../../src/config/types.js';
import { SETTINGS } from '../diff/datasets.js';

/**
 * GitHub renders markdown with cmark-gfm; micromark with the GFM extension follows the same
 * spec. Raw HTML is let through as GitHub lets `<details>` and `<sub>` through, so anything a
 * value could inject would show up here.
 */
export function html(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** What a reader sees of some HTML: tags dropped, entities decoded, invisible word joiners removed. */
export function visibleText(fragment: string): string {
  return decoded(fragment).replace(/\u2060/g, '');
}

function decoded(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The text GitHub would scan for @mentions, #references, bare URLs and :emoji: after rendering:
 * everything outside code, links and pre blocks (GitHub leaves those alone).
 */
export function linkableText(fragment: string): string {
  return decoded(fragment.replace(/<(code|pre|a)\b[^>]*>[\s\S]*?<\/\1>/g, ' '));
}

/** The cells of each row of each table, as the reader sees them. */
export function tables(rendered: string): { header: string[]; rows: string[][] }[] {
  return rendered
    .split('<table>')
    .slice(1)
    .map((t) => {
      const body = t.split('</table>')[0]!;
      const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!);
      const rows = body.split('<tr>').slice(1);
      return { header: cells(rows[0]!), rows: rows.slice(1).map(cells) };
    });
}

/** A report of one result, its outcome carrying the rules the diff applied (the test settings' by default). */
export function reportOf(
  result: ReturnType<typeof diff>,
  extra: Partial<Report> = {},
  rules: MetricRule[] = SETTINGS.thresholds.metrics,
): Report {
  return {
    mode: 'collect',
    verdict: result.verdict,
    outcomes: [{ query: result.query, result, warnings: [], rules }],
    generatedAt: '2026-11-24T00:00:00Z',
    ...extra,
  };
}
