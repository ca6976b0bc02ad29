import { DASHBOARD_JS, UPLOT_CSS, UPLOT_JS } from './assets.generated.js';
import { html, page } from './document.js';
import { PAGE_CSS } from './styles.js';
import type { Dashboard } from './types.js';

/** The history dashboard as one self-contained HTML page: per query, percentiles, error rate and rate over time. */
export function renderDashboard(dashboard: Dashboard): string {
  const collections = dashboard.queries.reduce((n, q) => n + q.points.length, 0);
  const body = [
    '<header class="top">',
    `<h1>${html(dashboard.title)}</h1>`,
    `<p class="muted">${dashboard.queries.length} queries, ${collections} collections · generated ${html(dashboard.generatedAt)}</p>`,
    '</header>',
    '<main id="app"><noscript>This dashboard draws its charts with JavaScript.</noscript></main>',
  ].join('\n');
  return page({
    title: dashboard.title,
    body,
    data: dashboard,
    scripts: [UPLOT_JS, DASHBOARD_JS],
    styles: [UPLOT_CSS, PAGE_CSS],
  });
}
