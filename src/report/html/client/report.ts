/**
 * The report page: built in the browser from the run's report (the same JSON as `--format json`),
 * so every value reaches the page as text through the DOM. Charts are drawn for the values behind
 * findings at load, and for any other value when its row is opened: a diff of 5,000 values opens
 * with tables of 5,000 rows, not 5,000 charts.
 */
import type uPlotType from 'uplot';
import type {
  ChangedValue,
  DiffResult,
  Finding,
  LatencyHistogram,
  MissingValue,
  NewValue,
  Stats,
  TestName,
  UndecidedValue,
} from '../../../diff/types.js';
import { severityRank } from '../../../vocabulary.js';
import { hasNone, noneNote } from '../../none.js';
import type { QueryOutcome, Report } from '../../types.js';
import {
  COLORS,
  badge,
  chart,
  count,
  dataTable,
  duration,
  el,
  link,
  pValue,
  percent,
  rate,
  readData,
  when,
} from './common.js';

interface PageData {
  report: Report;
  binsPerDecade: number;
}

/** How many values get their charts drawn at load, per query; the rest on demand. */
const CHARTED_AT_LOAD = 12;

type Entry =
  | { kind: 'changed'; key: string; item: ChangedValue }
  | { kind: 'new'; key: string; item: NewValue }
  | { kind: 'missing'; key: string; item: MissingValue }
  | { kind: 'undecided'; key: string; item: UndecidedValue };

const TESTS: Record<Finding['metric'], { test?: TestName; name: string }> = {
  'latency.avg': { test: 'latency', name: 'Mann-Whitney rank-sum' },
  'latency.p50': { test: 'latencyP50', name: 'quantile test (p50)' },
  'latency.p90': { test: 'latencyP90', name: 'quantile test (p90)' },
  'latency.p95': { test: 'latencyP95', name: 'quantile test (p95)' },
  'latency.p99': { test: 'latencyP99', name: 'quantile test (p99)' },
  'error-rate': { test: 'errorRate', name: 'Fisher / two-proportion z' },
  rate: { test: 'rate', name: 'Poisson rate (quasi-Poisson)' },
  occurrence: { test: 'rate', name: 'Poisson rate (quasi-Poisson)' },
  new: { name: 'presence (zero on the other side)' },
  missing: { name: 'presence (zero on the other side)' },
};

const { report, binsPerDecade } = readData<PageData>();
const app = document.getElementById('app')!;

function index(r: DiffResult): Map<string, Entry> {
  const map = new Map<string, Entry>();
  const add = (
    key: string,
    list: { changed: ChangedValue[]; new: NewValue[]; missing: MissingValue[]; undecided: UndecidedValue[] },
  ) => {
    for (const item of list.changed) map.set(`${key}\u0000${item.value}`, { kind: 'changed', key, item });
    for (const item of list.new) map.set(`${key}\u0000${item.value}`, { kind: 'new', key, item });
    for (const item of list.missing) map.set(`${key}\u0000${item.value}`, { kind: 'missing', key, item });
    for (const item of list.undecided) map.set(`${key}\u0000${item.value}`, { kind: 'undecided', key, item });
  };
  for (const g of r.groups) add(g.key, g);
  add('edge', r.edges);
  return map;
}

function keyValue(key: string, value: string): HTMLElement {
  return el(
    'span',
    { class: 'kv', title: `${key} = ${value}` },
    el('span', { class: 'k' }, key),
    ' = ',
    el('code', {}, value === '' ? '(empty)' : value),
  );
}

/** Bin centres (µs) and each side's share of spans per bin, over the bins either side uses. */
function distribution(b: LatencyHistogram, c: LatencyHistogram): uPlotType.AlignedData {
  const from = Math.min(b.counts.length ? b.from : Infinity, c.counts.length ? c.from : Infinity);
  const to = Math.max(b.from + b.counts.length, c.from + c.counts.length);
  const xs: number[] = [];
  const ys: [(number | null)[], (number | null)[]] = [[], []];
  const totals = [b, c].map((h) => h.counts.reduce((s, x) => s + x, 0) || 1);
  for (let i = from; i < to; i++) {
    xs.push(Math.pow(10, (i + 0.5) / binsPerDecade));
    [b, c].forEach((h, side) => ys[side]!.push((h.counts[i - h.from] ?? 0) / totals[side]!));
  }
  return [xs, ys[0], ys[1]];
}

/** Draws dashed p50/p95/p99 lines of both sides on a distribution chart. */
function percentileMarks(b: Stats, c: Stats) {
  return (u: uPlotType) => {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.font = `${Math.round(10 * devicePixelRatio)}px system-ui, sans-serif`;
    [
      [b, COLORS.baseline, [4, 4]],
      [c, COLORS.current, []],
    ].forEach(([s, color, dash], side) => {
      const stats = s as Stats;
      for (const p of ['p50', 'p95', 'p99'] as const) {
        const x = u.valToPos(Math.max(1, stats.latencyUs[p]), 'x', true);
        ctx.strokeStyle = color as string;
        ctx.fillStyle = color as string;
        ctx.setLineDash((dash as number[]).map((d) => d * devicePixelRatio));
        ctx.lineWidth = devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        ctx.fillText(p, x + 2 * devicePixelRatio, top + (side ? 22 : 10) * devicePixelRatio);
      }
    });
    ctx.restore();
  };
}

/** Log-axis labels at 1, 2 and 5 of each decade (only 1 when the axis spans many decades). */
function logLabels(u: uPlotType, ticks: number[]): string[] {
  const { min = 1, max = 10 } = u.scales.x!;
  const many = Math.log10(max / Math.max(min, 1e-9)) > 3;
  return ticks.map((t) => {
    if (t === null || t === undefined || t <= 0) return '';
    const mantissa = Math.round(t / Math.pow(10, Math.floor(Math.log10(t) + 1e-9)));
    return mantissa === 1 || (!many && (mantissa === 2 || mantissa === 5)) ? duration(t) : '';
  });
}

function distributionChart(box: HTMLElement, title: string, v: ChangedValue): void {
  const h = v.latencyHistogram!;
  const data = distribution(h.baseline, h.current);
  const b = v.baseline.latencyUs;
  const c = v.current.latencyUs;
  box.setAttribute('role', 'img');
  box.setAttribute(
    'aria-label',
    `Latency distribution of ${title}: baseline p50 ${duration(b.p50)}, p95 ${duration(b.p95)}, p99 ${duration(b.p99)}; current p50 ${duration(c.p50)}, p95 ${duration(c.p95)}, p99 ${duration(c.p99)}`,
  );
  chart(
    box,
    {
      title: 'latency distribution (share of spans per bin, log axis)',
      scales: { x: { time: false, distr: 3, log: 10 }, y: { range: (_u, _min, max) => [0, max * 1.1 || 1] } },
      axes: [
        { values: logLabels, space: 30 },
        { values: (_u, ticks) => ticks.map((t) => percent(t)), size: 60 },
      ],
      series: [
        { label: 'latency', value: (_u, x) => (x === null ? '' : duration(x)) },
        {
          label: 'baseline',
          stroke: COLORS.baseline,
          fill: 'rgba(107,114,128,0.15)',
          dash: [4, 4],
          width: 1.5,
          value: (_u, y) => (y === null ? '—' : percent(y)),
        },
        {
          label: 'current',
          stroke: COLORS.current,
          fill: 'rgba(37,99,235,0.12)',
          width: 2,
          value: (_u, y) => (y === null ? '—' : percent(y)),
        },
      ],
      hooks: { draw: [percentileMarks(v.baseline, v.current)] },
    },
    data,
  );
}

function bars(label: string, rows: [string, number | null | undefined, string][]): HTMLElement {
  const max = Math.max(...rows.map((r) => r[1] ?? 0), 1e-12);
  return el(
    'div',
    { class: 'bars', role: 'group', label },
    el('div', { class: 'bars-title' }, label),
    ...rows.map(([side, v, text]) => {
      const fill = el('span', { class: `bar-fill ${side}` });
      fill.style.width = `${((v ?? 0) / max) * 100}%`;
      return el(
        'div',
        { class: 'bar' },
        el('span', { class: 'bar-label' }, side),
        el('span', { class: 'bar-track' }, fill),
        el('span', { class: 'bar-value' }, text),
      );
    }),
  );
}

function testsTable(v: ChangedValue): HTMLElement {
  const names: [TestName, string][] = [
    ['latency', 'latency (Mann-Whitney)'],
    ['latencyP50', 'p50 (quantile test)'],
    ['latencyP90', 'p90 (quantile test)'],
    ['latencyP95', 'p95 (quantile test)'],
    ['latencyP99', 'p99 (quantile test)'],
    ['errorRate', 'error rate (Fisher / z)'],
    ['rate', 'rate (quasi-Poisson)'],
  ];
  const rows = names.filter(([t]) => v.pValue[t] !== undefined);
  if (rows.length === 0)
    return el(
      'p',
      { class: 'muted' },
      v.enoughData === false ? 'not tested: fewer spans than min-samples on a side' : 'no tests',
    );
  return el(
    'table',
    { class: 'tests' },
    el(
      'thead',
      {},
      el('tr', {}, el('th', {}, 'test'), el('th', { class: 'num' }, 'p'), el('th', { class: 'num' }, 'q')),
    ),
    el(
      'tbody',
      {},
      ...rows.map(([t, name]) =>
        el(
          'tr',
          {},
          el('td', {}, name),
          el('td', { class: 'num' }, pValue(v.pValue[t])),
          el('td', { class: 'num' }, pValue(v.qValue?.[t])),
        ),
      ),
    ),
  );
}

function statsList(label: string, s: Stats | undefined): HTMLElement {
  if (!s) return el('div', { class: 'side' }, el('strong', {}, label), ' not seen');
  const l = s.latencyUs;
  return el(
    'div',
    { class: 'side' },
    el('strong', {}, label),
    ` ${count(s.occurrence)} spans${traces(s) === undefined ? '' : ` in ${count(traces(s))} traces`}, ${count(s.errors)} errors (${percent(s.errorRate)}), ${rate(s.ratePerMin)}; p50 ${duration(l.p50)}, p95 ${duration(l.p95)}, p99 ${duration(l.p99)}, max ${duration(l.max)}`,
  );
}

/** A value's card: its distributions, error and rate bars, and the statistics behind it. */
function card(entry: Entry): HTMLElement {
  const { key, item } = entry;
  const base = 'baseline' in item ? item.baseline : undefined;
  const cur = 'current' in item ? item.current : undefined;
  const box = el('article', { class: 'card' });
  box.dataset.value = item.value;
  box.append(el('h4', {}, keyValue(key, item.value), ' ', el('span', { class: `kind ${entry.kind}` }, entry.kind)));
  box.append(statsList('baseline', base), statsList('current', cur));
  const row = el('div', { class: 'card-row' });
  if (entry.kind === 'changed' && entry.item.latencyHistogram) {
    const chartBox = el('div', { class: 'chart distribution' });
    row.append(chartBox);
    box.append(row);
    // Drawn once the card is in the document, so the chart knows its width.
    requestAnimationFrame(() => distributionChart(chartBox, `${key} = ${item.value}`, entry.item));
  } else {
    row.append(
      el(
        'p',
        { class: 'muted chart-none' },
        entry.kind !== 'changed'
          ? 'seen on one side only: no distribution to compare'
          : entry.item.enoughData === false
            ? // The diff draws only tested values: a picture of a handful of spans would be read as evidence.
              'too few traces on a side to test: no distribution drawn'
            : 'no latency histogram in this result',
      ),
    );
    box.append(row);
  }
  row.append(
    el(
      'div',
      { class: 'side-bars' },
      bars('error rate', [
        ['baseline', base?.errorRate, base ? percent(base.errorRate) : '—'],
        ['current', cur?.errorRate, cur ? percent(cur.errorRate) : '—'],
      ]),
      bars('rate', [
        ['baseline', base?.ratePerMin, base ? rate(base.ratePerMin) : '—'],
        ['current', cur?.ratePerMin, cur ? rate(cur.ratePerMin) : '—'],
      ]),
    ),
  );
  if (entry.kind === 'changed') {
    const v = entry.item;
    const shift = v.latencyShiftUs;
    box.append(
      el(
        'div',
        { class: 'stats' },
        testsTable(v),
        shift
          ? el(
              'p',
              {},
              `latency shift (Hodges-Lehmann) ${duration(shift.estimate)}, ${Math.round(shift.confidence * 100)}% interval ${duration(shift.low)} … ${duration(shift.high)}`,
            )
          : null,
      ),
    );
  } else if (entry.item.pValue !== undefined) {
    box.append(
      el('p', { class: 'stats' }, `presence test: p ${pValue(entry.item.pValue)}, q ${pValue(entry.item.qValue)}`),
    );
  }
  if (entry.kind === 'undecided')
    box.append(el('p', { class: 'muted' }, `undecided: ${entry.item.reason.replace(/-/g, ' ')}`));
  return box;
}

/**
 * The test behind a finding and its q-value. The finding carries the q-value that made it; a
 * percentile speaks through either the rank-sum or its quantile test (whichever is smaller), so the
 * name follows the test whose q-value it is.
 */
function testOf(f: Finding, entry: Entry | undefined): { name: string; q?: number } {
  const t = TESTS[f.metric];
  const q = f.pValue ?? undefined;
  if (entry?.kind === 'changed' && t.test?.startsWith('latencyP') && q !== undefined) {
    const qs = entry.item.qValue ?? {};
    if (qs.latency === q && qs[t.test] !== q) return { name: TESTS['latency.avg'].name, q };
  }
  return { name: t.name, q };
}

/**
 * How sure: the confidence interval of the change that reached the finding's level (relative for a
 * relative rule, in the metric's unit otherwise); for older results, the latency shift's interval.
 */
function interval(f: Finding, entry: Entry | undefined): string {
  const i = f.interval;
  if (i) {
    const relative = i.relativeLow !== null || i.relativeHigh !== null;
    const show = (x: number | null) => {
      if (x === null) return '?';
      const sign = x > 0 ? '+' : '';
      if (relative) return `${sign}${Math.round(x * 100)}%`;
      if (f.metric === 'error-rate') return `${sign}${(x * 100).toFixed(1)}pp`;
      if (f.metric.startsWith('latency')) return `${sign}${duration(x)}`;
      return `${sign}${Number(x.toPrecision(3))}`;
    };
    const [low, high] = relative ? [i.relativeLow, i.relativeHigh] : [i.low, i.high];
    return `${Math.round(i.confidence * 100)}%: ${show(low)} … ${show(high)}`;
  }
  if (!entry || entry.kind !== 'changed' || !f.metric.startsWith('latency')) return '';
  const s = entry.item.latencyShiftUs;
  return s ? `${duration(s.low)} … ${duration(s.high)}` : '';
}

/** The traces behind a side's spans, when the result counts them (the statistics count traces, not spans). */
function traces(s: Stats | undefined): number | undefined {
  const n = (s as { traces?: unknown } | undefined)?.traces;
  return typeof n === 'number' ? n : undefined;
}

function spans(entry: Entry | undefined): string {
  if (!entry) return '';
  const item = entry.item as { baseline?: Stats; current?: Stats };
  const side = (s: Stats | undefined) =>
    s ? `${count(s.occurrence)}${traces(s) === undefined ? '' : ` (${count(traces(s))} tr.)`}` : '0';
  return `${side(item.baseline)} → ${side(item.current)}`;
}

function findingsTable(
  list: readonly Finding[],
  entries: Map<string, Entry>,
  open: (f: Finding) => void,
  caption: string,
): HTMLElement {
  return dataTable(
    list,
    [
      {
        label: 'severity',
        sort: (f) => severityRank(f.severity),
        cell: (f) => el('span', { class: `sev ${f.severity}` }, f.severity),
      },
      { label: 'value', sort: (f) => `${f.key} = ${f.value}`, cell: (f) => keyValue(f.key, f.value) },
      { label: 'metric', sort: (f) => f.metric },
      {
        label: 'baseline → current',
        sort: (f) => f.current,
        cell: (f) => `${fmt(f.metric, f.baseline)} → ${fmt(f.metric, f.current)}`,
        numeric: true,
      },
      { label: 'change', sort: (f) => f.change, numeric: true },
      { label: 'test', sort: (f) => testOf(f, entries.get(`${f.key}\u0000${f.value}`)).name },
      {
        label: 'q',
        sort: (f) => testOf(f, entries.get(`${f.key}\u0000${f.value}`)).q ?? null,
        cell: (f) => pValue(testOf(f, entries.get(`${f.key}\u0000${f.value}`)).q),
        numeric: true,
        title: 'Benjamini-Hochberg adjusted p-value of the test that made the finding',
      },
      {
        label: 'interval',
        sort: (f) => interval(f, entries.get(`${f.key}\u0000${f.value}`)),
        title: 'confidence interval of the change that reached the finding\u2019s level',
      },
      {
        label: 'spans',
        sort: (f) => {
          const item = entries.get(`${f.key}\u0000${f.value}`)?.item as { current?: Stats } | undefined;
          return item?.current?.occurrence ?? 0;
        },
        cell: (f) => spans(entries.get(`${f.key}\u0000${f.value}`)),
        numeric: true,
        title: 'spans baseline → current',
      },
      { label: 'rule', sort: (f) => f.rule },
    ],
    { caption, onRow: open },
  );
}

function fmt(metric: Finding['metric'], v: number | null): string {
  if (v === null) return '—';
  if (metric.startsWith('latency')) return duration(v);
  if (metric === 'error-rate') return percent(v);
  if (metric === 'rate') return rate(v);
  return count(v);
}

function valuesTable(
  key: string,
  entries: Entry[],
  findingsOf: Map<string, Finding[]>,
  open: (e: Entry, tr: HTMLTableRowElement) => void,
): HTMLElement {
  const stat = (e: Entry, side: 'baseline' | 'current') => (e.item as { baseline?: Stats; current?: Stats })[side];
  const change = (b: number | undefined, c: number | undefined) => (b && c !== undefined ? (c - b) / b : null);
  return dataTable(
    entries,
    [
      {
        label: 'value',
        sort: (e) => e.item.value,
        cell: (e) => el('code', {}, e.item.value === '' ? '(empty)' : e.item.value),
      },
      {
        label: 'status',
        sort: (e) =>
          e.kind === 'changed' ? (findingsOf.get(`${key}\u0000${e.item.value}`)?.[0]?.severity ?? 'ok') : e.kind,
      },
      {
        label: 'spans b → c',
        sort: (e) => stat(e, 'current')?.occurrence ?? 0,
        cell: (e) => `${count(stat(e, 'baseline')?.occurrence ?? 0)} → ${count(stat(e, 'current')?.occurrence ?? 0)}`,
        numeric: true,
      },
      {
        label: 'errors b → c',
        sort: (e) => stat(e, 'current')?.errorRate ?? null,
        cell: (e) => `${percent(stat(e, 'baseline')?.errorRate)} → ${percent(stat(e, 'current')?.errorRate)}`,
        numeric: true,
      },
      {
        label: 'rate b → c',
        sort: (e) => stat(e, 'current')?.ratePerMin ?? null,
        cell: (e) => `${rate(stat(e, 'baseline')?.ratePerMin)} → ${rate(stat(e, 'current')?.ratePerMin)}`,
        numeric: true,
      },
      {
        label: 'p50 b → c',
        sort: (e) => stat(e, 'current')?.latencyUs.p50 ?? null,
        cell: (e) => `${duration(stat(e, 'baseline')?.latencyUs.p50)} → ${duration(stat(e, 'current')?.latencyUs.p50)}`,
        numeric: true,
      },
      {
        label: 'p95 b → c',
        sort: (e) => stat(e, 'current')?.latencyUs.p95 ?? null,
        cell: (e) => `${duration(stat(e, 'baseline')?.latencyUs.p95)} → ${duration(stat(e, 'current')?.latencyUs.p95)}`,
        numeric: true,
      },
      {
        label: 'p95 Δ',
        sort: (e) => change(stat(e, 'baseline')?.latencyUs.p95, stat(e, 'current')?.latencyUs.p95),
        cell: (e) => signed(change(stat(e, 'baseline')?.latencyUs.p95, stat(e, 'current')?.latencyUs.p95)),
        numeric: true,
      },
      {
        label: 'min q',
        sort: (e) => minQ(e),
        cell: (e) => pValue(minQ(e)),
        numeric: true,
        title: 'smallest q-value of the value’s tests',
      },
    ],
    { caption: `values of ${key}`, onRow: open, sortBy: 2, descending: true },
  );
}

function signed(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${x > 0 ? '+' : ''}${(x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0)}%`;
}

function minQ(e: Entry): number | null {
  if (e.kind === 'changed') {
    const qs = Object.values(e.item.qValue ?? {}).filter((q): q is number => typeof q === 'number');
    return qs.length ? Math.min(...qs) : null;
  }
  return e.item.qValue ?? null;
}

/** The call-edge graph: services' operations in columns by call depth, edges coloured by what changed. */
function edgeGraph(r: DiffResult, findingsOf: Map<string, Finding[]>): HTMLElement | null {
  const all: { value: string; kind: string; spans: number }[] = [
    ...r.edges.changed.map((v) => ({
      value: v.value,
      kind: findingsOf.get(`edge\u0000${v.value}`)?.[0]?.severity ?? 'same',
      spans: v.current.occurrence,
    })),
    ...r.edges.new.map((v) => ({ value: v.value, kind: 'new', spans: v.current.occurrence })),
    ...r.edges.missing.map((v) => ({ value: v.value, kind: 'missing', spans: v.baseline.occurrence })),
    ...r.edges.undecided.map((v) => ({
      value: v.value,
      kind: 'undecided',
      spans: (v.current ?? v.baseline)?.occurrence ?? 0,
    })),
  ];
  const MAX = 150;
  const shown = all
    .map((e) => ({ ...e, ends: e.value.split(' -> ') }))
    .filter((e) => e.ends.length === 2)
    .sort((a, b) => Number(b.kind !== 'same') - Number(a.kind !== 'same') || b.spans - a.spans)
    .slice(0, MAX);
  if (shown.length === 0) return null;
  const children = new Map<string, string[]>();
  const nodes = new Set<string>();
  const hasParent = new Set<string>();
  for (const e of shown) {
    const [from, to] = e.ends as [string, string];
    nodes.add(from);
    nodes.add(to);
    hasParent.add(to);
    children.set(from, [...(children.get(from) ?? []), to]);
  }
  const depth = new Map<string, number>();
  const queue = [...nodes].filter((n) => !hasParent.has(n)).sort();
  if (queue.length === 0) queue.push([...nodes].sort()[0]!);
  for (const n of queue) depth.set(n, 0);
  while (queue.length) {
    const n = queue.shift()!;
    for (const c of children.get(n) ?? [])
      if (!depth.has(c)) {
        depth.set(c, depth.get(n)! + 1);
        queue.push(c);
      }
  }
  for (const n of [...nodes].sort()) if (!depth.has(n)) depth.set(n, 0);
  const columns = new Map<number, string[]>();
  for (const n of [...nodes].sort()) columns.set(depth.get(n)!, [...(columns.get(depth.get(n)!) ?? []), n]);
  const W = 230;
  const H = 30;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [d, list] of columns) list.forEach((n, i) => pos.set(n, { x: 10 + d * (W + 60), y: 20 + i * H }));
  const width = 20 + (Math.max(...columns.keys()) + 1) * (W + 60);
  const height = 30 + Math.max(...[...columns.values()].map((l) => l.length)) * H;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute(
    'aria-label',
    `call-edge graph: ${nodes.size} operations, ${shown.length} edges; the table below lists them`,
  );
  for (const e of shown) {
    const a = pos.get(e.ends[0]!)!;
    const b = pos.get(e.ends[1]!)!;
    const path = document.createElementNS(NS, 'path');
    const x1 = a.x + W;
    const y1 = a.y;
    const x2 = b.x;
    const y2 = b.y;
    path.setAttribute(
      'd',
      x2 > x1
        ? `M${x1},${y1} C${x1 + 40},${y1} ${x2 - 40},${y2} ${x2},${y2}`
        : `M${x1},${y1} C${x1 + 60},${y1 - 40} ${x2 - 60},${y2 - 40} ${x2},${y2}`,
    );
    path.setAttribute('class', `edge ${e.kind}`);
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${e.value} (${e.kind}, ${count(e.spans)} spans)`;
    path.append(title);
    svg.append(path);
  }
  for (const [n, p] of pos) {
    const g = document.createElementNS(NS, 'g');
    g.setAttribute('class', 'node');
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(p.x));
    rect.setAttribute('y', String(p.y - 11));
    rect.setAttribute('width', String(W));
    rect.setAttribute('height', '22');
    rect.setAttribute('rx', '4');
    const text = document.createElementNS(NS, 'text');
    text.setAttribute('x', String(p.x + 6));
    text.setAttribute('y', String(p.y + 4));
    text.textContent = n.length > 34 ? `${n.slice(0, 33)}…` : n;
    const title = document.createElementNS(NS, 'title');
    title.textContent = n;
    g.append(title, rect, text);
    svg.append(g);
  }
  const box = el('div', { class: 'graph' });
  box.dataset.nodes = String(nodes.size);
  box.dataset.edges = String(shown.length);
  box.append(svg);
  const legend = el(
    'p',
    { class: 'legend' },
    ...['new', 'missing', 'fail', 'warn', 'notice', 'same', 'undecided'].map((k) =>
      el('span', { class: `key edge-${k}` }, k),
    ),
  );
  return el(
    'div',
    {},
    legend,
    all.length > MAX
      ? el('p', { class: 'muted' }, `showing the ${MAX} edges that changed most or carry most spans, of ${all.length}`)
      : null,
    box,
  );
}

function historyChart(o: QueryOutcome): HTMLElement | null {
  const h = (o.history ?? [])
    .filter((e) => e.latencyP95Us !== undefined)
    .slice()
    .reverse();
  if (h.length < 2) return null;
  const box = el('div', { class: 'chart history' });
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', `p50, p95 and p99 of the last ${h.length} collections`);
  requestAnimationFrame(() =>
    chart(
      box,
      {
        title: 'recent collections (whole query)',
        height: 180,
        scales: { x: { time: true } },
        axes: [{}, { values: (_u, t) => t.map((x) => duration(x)), size: 60 }],
        series: [
          {},
          { label: 'p50', stroke: COLORS.p50, value: (_u, y) => (y === null ? '—' : duration(y)) },
          { label: 'p95', stroke: COLORS.p95, value: (_u, y) => (y === null ? '—' : duration(y)) },
          { label: 'p99', stroke: COLORS.p99, value: (_u, y) => (y === null ? '—' : duration(y)) },
        ],
      },
      [
        h.map((e) => Date.parse(e.collectedAt) / 1000),
        h.map((e) => e.latencyP50Us ?? null),
        h.map((e) => e.latencyP95Us ?? null),
        h.map((e) => e.latencyP99Us ?? null),
      ],
    ),
  );
  return box;
}

function sides(r: DiffResult): HTMLElement {
  const row = (label: string, s: DiffResult['current'] | null) =>
    el(
      'tr',
      {},
      el('th', {}, label + (s?.pooled ? ` (${s.pooled} pooled)` : '')),
      el('td', {}, s?.snapshotId ? link(s.uiLink, s.snapshotId) : '—'),
      el('td', {}, s ? when(s.collectedAt) : '(none yet)'),
      el('td', { class: 'num' }, s?.windowMinutes ? `${Math.round(s.windowMinutes)} min` : '—'),
      el('td', { class: 'num' }, s ? `${count(s.spans)} / ${count(s.traces)}` : '—'),
      el('td', { class: 'num' }, s ? `${percent(s.coverage)}${s.complete ? '' : ' partial'}` : '—'),
    );
  return el(
    'table',
    { class: 'sides' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}),
        el('th', {}, 'snapshot'),
        el('th', {}, 'collected'),
        el('th', { class: 'num' }, 'window'),
        el('th', { class: 'num' }, 'spans / traces'),
        el('th', { class: 'num' }, 'coverage'),
      ),
    ),
    el('tbody', {}, row('baseline', r.baseline), row('current', r.current)),
  );
}

function querySection(o: QueryOutcome, n: number): HTMLElement {
  const section = el('section', { class: 'query', id: `q-${n}` });
  section.append(
    el(
      'h2',
      {},
      badge(o.result?.verdict ?? (o.error ? 'error' : undefined)),
      ' ',
      o.query.name,
      ' ',
      el('span', { class: 'muted' }, `(${o.query.id})`),
    ),
  );
  if (o.query.query) section.append(el('p', { class: 'querytext' }, el('code', {}, o.query.query)));
  if (o.error) section.append(el('p', { class: 'error' }, o.error));
  if (o.warnings.length) section.append(el('ul', { class: 'warnings' }, ...o.warnings.map((w) => el('li', {}, w))));
  const r = o.result;
  if (!r) return section;
  if (r.reason) section.append(el('p', { class: 'reason' }, r.reason));
  section.append(sides(r));
  const hist = historyChart(o);
  if (hist) section.append(hist);

  const entries = index(r);
  const findingsOf = new Map<string, Finding[]>();
  for (const f of r.findings)
    findingsOf.set(`${f.key}\u0000${f.value}`, [...(findingsOf.get(`${f.key}\u0000${f.value}`) ?? []), f]);
  const cards = el('div', { class: 'cards' });
  const opened = new Map<string, HTMLElement>();
  const openCard = (key: string, value: string, after?: HTMLElement): HTMLElement | undefined => {
    const id = `${key}\u0000${value}`;
    const existing = opened.get(id);
    if (existing) {
      existing.scrollIntoView({ block: 'nearest' });
      return existing;
    }
    const entry = entries.get(id);
    if (!entry) return undefined;
    const c = card(entry);
    opened.set(id, c);
    (after ?? cards).append(c);
    return c;
  };

  section.append(el('h3', {}, `Findings (${r.findings.length})`));
  if (r.findings.length) {
    section.append(
      findingsTable(
        r.findings,
        entries,
        (f) => openCard(f.key, f.value)?.scrollIntoView({ block: 'nearest' }),
        'findings',
      ),
    );
    section.append(
      el(
        'p',
        { class: 'muted' },
        'The values behind the first findings are drawn below; open any row to draw its value.',
      ),
    );
    section.append(cards);
    let drawn = 0;
    for (const f of r.findings) {
      if (drawn >= CHARTED_AT_LOAD) break;
      if (!opened.has(`${f.key}\u0000${f.value}`) && openCard(f.key, f.value)) drawn += 1;
    }
  } else {
    section.append(el('p', { class: 'muted' }, 'No value crossed a threshold with significance.'), cards);
  }
  if (r.improvements.length)
    section.append(
      el('h3', {}, `Improvements (${r.improvements.length})`),
      findingsTable(
        r.improvements,
        entries,
        (f) => openCard(f.key, f.value)?.scrollIntoView({ block: 'nearest' }),
        'improvements',
      ),
    );
  if (r.traffic?.length)
    section.append(
      el('h3', {}, `Traffic shifts (${r.traffic.length})`),
      findingsTable(
        r.traffic,
        entries,
        (f) => openCard(f.key, f.value)?.scrollIntoView({ block: 'nearest' }),
        'traffic shifts',
      ),
    );

  for (const g of r.groups) {
    const list = [...entries.values()].filter((e) => e.key === g.key);
    const detail = el('div', { class: 'cards' });
    const box = el('details', { class: 'group' });
    box.open = r.groups.length <= 3;
    box.append(el('summary', {}, el('h3', {}, 'by ', el('code', {}, g.key), ` (${list.length} values)`)));
    box.append(
      valuesTable(g.key, list, findingsOf, (e) =>
        openCard(g.key, e.item.value, detail)?.scrollIntoView({ block: 'nearest' }),
      ),
    );
    if (list.some((e) => hasNone(g.key, e.item.value)))
      box.append(el('p', { class: 'muted none-note' }, ...noneNote(g.key, (text) => el('code', {}, text))));
    box.append(detail);
    section.append(box);
  }

  const edgeCount = r.edges.changed.length + r.edges.new.length + r.edges.missing.length + r.edges.undecided.length;
  if (edgeCount) {
    const box = el('details', { class: 'group' });
    box.open = true;
    box.append(el('summary', {}, el('h3', {}, `Call edges (${edgeCount})`)));
    const graph = edgeGraph(r, findingsOf);
    if (graph) box.append(graph);
    const detail = el('div', { class: 'cards' });
    box.append(
      valuesTable(
        'edge',
        [...entries.values()].filter((e) => e.key === 'edge'),
        findingsOf,
        (e) => openCard('edge', e.item.value, detail)?.scrollIntoView({ block: 'nearest' }),
      ),
      detail,
    );
    section.append(box);
  }
  return section;
}

function render(): void {
  const nav = el('nav', { label: 'queries' });
  if (report.outcomes.length > 1)
    nav.append(
      el(
        'ul',
        {},
        ...report.outcomes.map((o, i) =>
          el('li', {}, badge(o.result?.verdict ?? (o.error ? 'error' : undefined)), ' ', link(`#q-${i}`, o.query.name)),
        ),
      ),
    );
  app.append(nav);
  report.outcomes.forEach((o, i) => app.append(querySection(o, i)));
  document.body.dataset.ready = 'true';
}

render();
