/**
 * What both pages share in the browser: elements built from text (never from markup, so a span value
 * can only ever be text), sortable and filterable tables, and uPlot charts that record what they drew.
 */
// The charting library is inlined before this script as an IIFE that defines the global `uPlot`
// (its types declare that UMD global; the client tsconfig allows using it from modules).
import type uPlotType from 'uplot';
// The page formats durations exactly as the markdown does: one function for both.
export { duration } from '../../format.js';

type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; title?: string; id?: string; role?: string; label?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title) node.title = props.title;
  if (props.id) node.id = props.id;
  if (props.role) node.setAttribute('role', props.role);
  if (props.label) node.setAttribute('aria-label', props.label);
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'number' ? String(c) : c);
  return node;
}

export function readData<T>(): T {
  return JSON.parse(document.getElementById('data')!.textContent!) as T;
}

export function percent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 'n/a';
  const p = fraction * 100;
  return `${p > 0 && p < 10 ? p.toFixed(2) : p.toFixed(1)}%`;
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? 'n/a' : Math.round(n).toLocaleString('en-US');
}

export function rate(perMin: number | null | undefined): string {
  if (perMin === null || perMin === undefined) return 'n/a';
  return `${perMin >= 100 ? Math.round(perMin) : Number(perMin.toPrecision(3))}/min`;
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  if (p < 0.0001) return '<0.0001';
  return p < 0.01 ? p.toFixed(4) : p.toFixed(2);
}

export function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function badge(verdict: string | undefined): HTMLElement {
  return el('span', { class: `badge v-${verdict ?? 'none'}` }, verdict ?? '—');
}

/** A link only to http(s) or to a relative path of the page's own folder (never javascript:). */
export function link(href: string | undefined, text: string): Node {
  if (!href || !(/^https?:\/\//i.test(href) || /^[\w./-]+$/.test(href) || /^#[\w-]+$/.test(href)))
    return document.createTextNode(text);
  const a = el('a', {}, text);
  a.href = href;
  a.rel = 'noopener noreferrer';
  return a;
}

export interface Column<T> {
  label: string;
  /** The value sorted on (numbers sort numerically; null sorts last). */
  sort: (row: T) => string | number | null;
  cell?: (row: T) => Child;
  numeric?: boolean;
  title?: string;
}

/** Rows shown at first, and added by each "show more": a table of 5,000 values opens as fast as one of 100. */
const PAGE = 100;

/**
 * A table whose headers sort (click or Enter, aria-sort tells a screen reader) and whose rows a text
 * box filters. Sorting and filtering work on every row; only the first rows of the result are in the
 * document (more on request), and each row is built the first time it is shown.
 */
export function dataTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: {
    caption: string;
    onRow?: (row: T, tr: HTMLTableRowElement) => void;
    sortBy?: number;
    descending?: boolean;
  },
): HTMLElement {
  const table = el('table', { class: 'data' });
  table.append(el('caption', { class: 'sr-only' }, options.caption));
  const head = el('tr');
  const body = el('tbody');
  interface Item {
    row: T;
    index: number;
    text: string;
    tr?: HTMLTableRowElement;
  }
  const items: Item[] = rows.map((row, index) => ({
    row,
    index,
    text: columns
      .map((c) => String(c.sort(row) ?? ''))
      .join('\u0000')
      .toLowerCase(),
  }));
  let matched = items;
  let limit = PAGE;

  const build = (item: Item): HTMLTableRowElement => {
    const tr = el('tr');
    for (const c of columns)
      tr.append(el('td', { class: c.numeric ? 'num' : undefined }, c.cell ? c.cell(item.row) : c.sort(item.row)));
    if (options.onRow) {
      tr.tabIndex = 0;
      tr.classList.add('clickable');
      const open = () => options.onRow!(item.row, tr);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open();
      });
    }
    item.tr = tr;
    return tr;
  };

  const more = el('button', { class: 'more' });
  more.type = 'button';
  more.addEventListener('click', () => {
    limit += PAGE * 10;
    render();
  });
  const shown = el('span', { class: 'shown' });
  const render = () => {
    const fragment = document.createDocumentFragment();
    for (const item of matched.slice(0, limit)) fragment.append(item.tr ?? build(item));
    body.replaceChildren(fragment);
    const rest = matched.length - limit;
    more.hidden = rest <= 0;
    more.textContent = `show ${Math.min(rest, PAGE * 10)} more of ${rest}`;
    shown.textContent = matched.length === items.length ? '' : `${matched.length} of ${items.length} match`;
  };

  const headers = columns.map((c, i) => {
    const th = el('th', { title: c.title, class: c.numeric ? 'num' : undefined });
    th.setAttribute('aria-sort', 'none');
    const button = el('button', { class: 'sort' }, c.label);
    button.type = 'button';
    // A first click sorts text A→Z and numbers largest first; a second click turns the order round.
    button.addEventListener('click', () => {
      const now = th.getAttribute('aria-sort');
      sort(i, now === 'none' ? (c.numeric ? -1 : 1) : now === 'ascending' ? -1 : 1);
      render();
    });
    th.append(button);
    head.append(th);
    return th;
  });
  function sort(col: number, dir: 1 | -1): void {
    const key = columns[col]!.sort;
    // By each row's original index: `items` is in the previous sort's order.
    const values: (string | number | null)[] = [];
    for (const item of items) values[item.index] = key(item.row);
    items.sort((a, b) => {
      const x = values[a.index]!;
      const y = values[b.index]!;
      if (x === y) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
    headers.forEach((h, i) =>
      h.setAttribute('aria-sort', i === col ? (dir === 1 ? 'ascending' : 'descending') : 'none'),
    );
    matched = filter.value.trim()
      ? items.filter((item) => item.text.includes(filter.value.trim().toLowerCase()))
      : items;
  }

  const filter = el('input', { class: 'filter', label: `filter ${options.caption}` });
  filter.type = 'search';
  filter.placeholder = `filter ${rows.length} rows`;
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    matched = q ? items.filter((item) => item.text.includes(q)) : items;
    limit = PAGE;
    render();
  });
  if (options.sortBy !== undefined) sort(options.sortBy, options.descending ? -1 : 1);
  render();
  table.append(el('thead', {}, head), body);
  return el(
    'div',
    { class: 'table' },
    rows.length > 8 ? el('div', { class: 'tools' }, filter, shown) : null,
    el('div', { class: 'scroll' }, table),
    more,
  );
}

let theme: { fg: string; line: string } | undefined;

function readTheme(): { fg: string; line: string } {
  const style = getComputedStyle(document.documentElement);
  return { fg: getComputedStyle(document.body).color, line: style.getPropertyValue('--line').trim() || '#e5e7eb' };
}

/** Chart widths, read once per kind of chart: reading a width forces a layout of the whole page. */
const widths = new Map<string, number>();

/**
 * A uPlot chart in `box`. Once drawn, the box records what the chart holds (series, points), read
 * from the chart itself, so a test can check that each chart is there and complete.
 */
export function chart(
  box: HTMLElement,
  options: Omit<uPlotType.Options, 'width' | 'height'> & { height?: number },
  data: uPlotType.AlignedData,
): uPlotType {
  let width = widths.get(box.className);
  if (width === undefined) {
    width = Math.max(280, Math.min(box.clientWidth || 560, 900));
    widths.set(box.className, width);
  }
  const hooks = options.hooks ?? {};
  const recorded: uPlotType.Hooks.Arrays = {
    ...hooks,
    draw: [
      ...(hooks.draw ?? []),
      (u: uPlotType) => {
        box.dataset.series = String(u.series.length - 1);
        box.dataset.points = String(u.data[0].length);
        box.classList.add('drawn');
      },
    ],
  };
  // Canvas text and lines take the page's colours, so the charts read in dark mode too.
  const { fg, line } = (theme ??= readTheme());
  const axes = (options.axes ?? [{}, {}]).map((a) => ({
    stroke: fg,
    grid: { stroke: line, width: 1 },
    ticks: { stroke: line, width: 1 },
    ...a,
  }));
  return new uPlot({ ...options, axes, width, height: options.height ?? 220, hooks: recorded }, data, box);
}

export const COLORS = { baseline: '#6b7280', current: '#2563eb', p50: '#059669', p95: '#d97706', p99: '#dc2626' };
