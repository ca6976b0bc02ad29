import { BINS_PER_DECADE } from '../../diff/histogram.js';
import { headline, PLAIN } from '../headline.js';
import type { Report } from '../types.js';
import { REPORT_JS, UPLOT_CSS, UPLOT_JS } from './assets.generated.js';
import { html, page } from './document.js';
import { PAGE_CSS } from './styles.js';

/**
 * The report as one self-contained HTML page (`--format html`, `report.html`): the report's JSON is
 * the page's data, and the page's script draws the tables, distributions and the call-edge graph.
 */
export function renderHtml(report: Report): string {
  const title = `trace-differ ${report.mode}: ${report.verdict}`;
  const body = [
    '<header class="top">',
    `<h1>trace-differ report <span class="badge v-${html(report.verdict)}">${html(report.verdict)}</span></h1>`,
    `<p class="headline">${html(headline(report, PLAIN))}</p>`,
    `<p class="muted">${html(report.mode)} · generated ${html(report.generatedAt)}</p>`,
    '</header>',
    '<main id="app"><noscript>This report draws its tables and charts with JavaScript.</noscript></main>',
  ].join('\n');
  return page({
    title,
    body,
    data: { report, binsPerDecade: BINS_PER_DECADE },
    scripts: [UPLOT_JS, REPORT_JS],
    styles: [UPLOT_CSS, PAGE_CSS],
  });
}
