/**
 * A compact latency histogram of one side of a value, for pictures (the HTML report): counts in
 * fixed log-spaced bins, so both sides of every value share bin edges and a reader can overlay
 * them without the raw latencies. Ten bins per decade from 1 µs to 1,000 s; what falls outside is
 * counted in the first or last bin.
 */
import type { LatencyHistogram } from './types.js';

export const BINS_PER_DECADE = 10;
/** Bin i holds latencies in [10^(i/10), 10^((i+1)/10)) µs. */
export const BIN_COUNT = 9 * BINS_PER_DECADE;

/** The lower edge of bin `i` in µs. */
export function binEdgeUs(i: number): number {
  return Math.pow(10, i / BINS_PER_DECADE);
}

/** The histogram of sorted latencies (µs), trimmed to the bins from the first to the last one used. */
export function latencyHistogram(sorted: Float64Array): LatencyHistogram {
  const counts = new Array<number>(BIN_COUNT).fill(0);
  for (const us of sorted) {
    const bin = us < 1 ? 0 : Math.floor(Math.log10(us) * BINS_PER_DECADE + 1e-9);
    counts[Math.min(BIN_COUNT - 1, Math.max(0, bin))]! += 1;
  }
  const first = counts.findIndex((c) => c > 0);
  if (first < 0) return { from: 0, counts: [] };
  let last = counts.length - 1;
  while (counts[last] === 0) last -= 1;
  return { from: first, counts: counts.slice(first, last + 1) };
}
