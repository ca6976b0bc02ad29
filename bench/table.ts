/** One measured line of `npm run bench`. Each bench file exports `run(): Promise<BenchRow[]>`. */
export interface BenchRow {
  /** What was measured, e.g. `diff 1M vs 1M spans, 3 keys`. */
  case: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak RSS or heap growth in MiB, when measured. */
  peakMiB?: number;
  /** Anything else worth a column: a bound, a ratio, requests made. */
  note?: string;
  /** The case was stopped at its time limit (`ms`): it takes longer than that. */
  overLimit?: boolean;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const header = ['case', 'time', 'peak memory', 'note'];
  const body = rows.map((r) => [
    r.case,
    (r.overLimit ? '> ' : '') +
      (!Number.isFinite(r.ms) ? '—' : r.ms >= 1000 ? `${(r.ms / 1000).toFixed(2)} s` : `${r.ms.toFixed(0)} ms`),
    r.peakMiB === undefined ? '' : `${r.peakMiB.toFixed(0)} MiB`,
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of body) console.log(line(row));
}
