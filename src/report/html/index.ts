/** HTML renderers: pure, data in and one self-contained page out. */
export { renderHtml } from './report.js';
export { renderDashboard } from './dashboard.js';
export type { Dashboard, DashboardPoint, DashboardQuery } from './types.js';
export { contentSecurityPolicy, html, jsonBlock } from './document.js';
