/**
 * The history dashboard: per query, p50/p95/p99, error rate and rate over the stored collections;
 * verdicts marked on the p95 line, pinned baselines as labelled lines, and each point linked to the
 * run that collected it (click a chart, or the table's link).
 */
import type uPlotType from 'uplot';
import type { Dashboard, DashboardPoint, DashboardQuery } from '../types.js';
import { COLORS, badge, chart, count, dataTable, duration, el, link, percent, rate, readData, when } from './common.js';

const data = readData<Dashboard>();
const app = document.getElementById('app')!;

const VERDICT_COLORS: Record<string, string> = {
  fail: '#dc2626',
  warn: '#d97706',
  notice: '#2563eb',
  pass: '#059669',
  inconclusive: '#6b7280',
};

const t = (p: DashboardPoint) => Date.parse(p.collectedAt) / 1000;

/** Marks each collection's verdict on a series, and each pinned baseline as a labelled vertical line. */
function marks(points: readonly DashboardPoint[], seriesIndex: number) {
  return (u: uPlotType) => {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    const dpr = devicePixelRatio;
    ctx.save();
    points.forEach((p, i) => {
      const x = u.valToPos(u.data[0][i]!, 'x', true);
      const y = u.data[seriesIndex]![i];
      if (p.verdict && y !== null && y !== undefined && p.verdict !== 'pass') {
        ctx.fillStyle = VERDICT_COLORS[p.verdict] ?? '#6b7280';
        ctx.beginPath();
        ctx.arc(x, u.valToPos(y, 'y', true), 4 * dpr, 0, 2 * Math.PI);
        ctx.fill();
      }
      if (p.pinnedAs) {
        ctx.strokeStyle = '#7c3aed';
        ctx.fillStyle = '#7c3aed';
        ctx.setLineDash([3 * dpr, 3 * dpr]);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        ctx.font = `${11 * dpr}px system-ui, sans-serif`;
        ctx.fillText(`pinned: ${p.pinnedAs.slice(0, 40)}`, x + 3 * dpr, top + 12 * dpr);
      }
    });
    ctx.restore();
  };
}

/** Clicking a chart opens the run of the collection under the cursor. */
function linkClicks(points: readonly DashboardPoint[]) {
  return (u: uPlotType) => {
    u.over.addEventListener('click', () => {
      const i = u.cursor.idx;
      const href = i === null || i === undefined ? undefined : points[i]?.link;
      if (href && /^(https?:\/\/|[\w./-]+$)/i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
    });
  };
}

function timeChart(
  points: readonly DashboardPoint[],
  title: string,
  series: {
    label: string;
    color: string;
    value: (p: DashboardPoint) => number | undefined;
    format: (v: number) => string;
  }[],
  markOn: number,
): HTMLElement {
  const box = el('div', { class: 'chart' });
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', `${title} over ${points.length} collections; the table below lists every value`);
  const rows: uPlotType.AlignedData = [points.map(t), ...series.map((s) => points.map((p) => s.value(p) ?? null))];
  requestAnimationFrame(() =>
    chart(
      box,
      {
        title,
        height: 200,
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => series[0]!.format(v)), size: 64 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 1.5,
            points: { show: points.length <= 60 },
            value: (_u: uPlotType, v: number | null) => (v === null ? '—' : s.format(v)),
          })),
        ],
        hooks: { draw: [marks(points, markOn)], ready: [linkClicks(points)] },
      },
      rows,
    ),
  );
  return box;
}

function querySection(q: DashboardQuery, n: number): HTMLElement {
  const points = [...q.points].sort((a, b) => a.collectedAt.localeCompare(b.collectedAt));
  const last = points.at(-1);
  const section = el('section', { class: 'query', id: `q-${n}` });
  section.append(
    el('h2', {}, badge(last?.verdict), ' ', q.name ?? q.id, ' ', el('span', { class: 'muted' }, `(${q.id})`)),
  );
  const pins = points.filter((p) => p.pinnedAs);
  section.append(
    el(
      'p',
      { class: 'muted' },
      `${points.length} collections${last ? `, the last ${when(last.collectedAt)}` : ''}`,
      pins.length ? `; pinned baselines: ${pins.map((p) => `${p.pinnedAs} (${when(p.collectedAt)})`).join(', ')}` : '',
      '. Dots mark verdicts (red fail, orange warn, blue notice); click a chart to open that collection’s run.',
    ),
  );
  if (points.length === 0) return section;
  const withRate = points.some((p) => p.ratePerMin !== undefined);
  const row = el('div', { class: 'card-row' });
  row.append(
    timeChart(
      points,
      'latency percentiles (whole query)',
      [
        { label: 'p50', color: COLORS.p50, value: (p) => p.latencyP50Us, format: duration },
        { label: 'p95', color: COLORS.p95, value: (p) => p.latencyP95Us, format: duration },
        { label: 'p99', color: COLORS.p99, value: (p) => p.latencyP99Us, format: duration },
      ],
      2,
    ),
    timeChart(
      points,
      'error rate',
      [{ label: 'error rate', color: COLORS.p99, value: (p) => p.errorRate, format: percent }],
      1,
    ),
    withRate
      ? timeChart(
          points,
          'rate (spans per minute)',
          [{ label: 'rate', color: COLORS.current, value: (p) => p.ratePerMin, format: rate }],
          1,
        )
      : timeChart(
          points,
          'spans per collection',
          [{ label: 'spans', color: COLORS.current, value: (p) => p.spans, format: count }],
          1,
        ),
  );
  section.append(row);
  section.append(
    dataTable(
      points,
      [
        { label: 'collected', sort: (p) => p.collectedAt, cell: (p) => when(p.collectedAt) },
        { label: 'verdict', sort: (p) => p.verdict ?? null, cell: (p) => badge(p.verdict) },
        { label: 'p50', sort: (p) => p.latencyP50Us ?? null, cell: (p) => duration(p.latencyP50Us), numeric: true },
        { label: 'p95', sort: (p) => p.latencyP95Us ?? null, cell: (p) => duration(p.latencyP95Us), numeric: true },
        { label: 'p99', sort: (p) => p.latencyP99Us ?? null, cell: (p) => duration(p.latencyP99Us), numeric: true },
        { label: 'errors', sort: (p) => p.errorRate ?? null, cell: (p) => percent(p.errorRate), numeric: true },
        { label: 'rate', sort: (p) => p.ratePerMin ?? null, cell: (p) => rate(p.ratePerMin), numeric: true },
        {
          label: 'spans / traces',
          sort: (p) => p.spans,
          cell: (p) => `${count(p.spans)} / ${count(p.traces)}${p.complete ? '' : ' partial'}`,
          numeric: true,
        },
        {
          label: 'pinned',
          sort: (p) => p.pinnedAs ?? null,
          cell: (p) => (p.pinnedAs ? el('code', {}, p.pinnedAs) : ''),
        },
        { label: 'ref', sort: (p) => p.ref ?? null, cell: (p) => (p.ref ? el('code', {}, p.ref) : '') },
        { label: 'run', sort: (p) => p.key, cell: (p) => link(p.link, p.link ? 'open' : '—') },
      ],
      { caption: `collections of ${q.id}`, sortBy: 0, descending: true },
    ),
  );
  return section;
}

if (data.queries.length > 1)
  app.append(
    el(
      'nav',
      { label: 'queries' },
      el(
        'ul',
        {},
        ...data.queries.map((q, i) =>
          el('li', {}, badge(q.points.at(-1)?.verdict), ' ', link(`#q-${i}`, q.name ?? q.id)),
        ),
      ),
    ),
  );
if (data.queries.length === 0) app.append(el('p', {}, 'The store holds no collections yet.'));
data.queries.forEach((q, i) => app.append(querySection(q, i)));
document.body.dataset.ready = 'true';
