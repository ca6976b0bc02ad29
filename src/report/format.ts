/** Numbers as people read them. */

export function duration(us: number | null | undefined): string {
  if (us === null || us === undefined || !Number.isFinite(us)) return 'n/a';
  const abs = Math.abs(us);
  if (abs < 1000) return `${Math.round(us)} µs`;
  if (abs < 1_000_000) return `${trim(us / 1000)} ms`;
  return `${trim(us / 1_000_000)} s`;
}

/** Three significant digits, without trailing zeros: 12.3, 161, 1.05. */
function trim(x: number): string {
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return String(Number(x.toFixed(digits)));
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function percent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const p = fraction * 100;
  return `${p < 10 && p > 0 ? p.toFixed(digits) : Math.round(p * 10) / 10}%`;
}

export function signedPercent(before: number, after: number): string {
  if (before === 0) return after === 0 ? '±0%' : 'new';
  const p = ((after - before) / before) * 100;
  if (Math.abs(p) < 0.5) return '±0%';
  return `${p > 0 ? '+' : ''}${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  if (p < 0.0001) return '<0.0001';
  return p < 0.01 ? p.toFixed(4) : p.toFixed(2);
}

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of a series (oldest first). */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.map((v) => BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)]).join('');
}
