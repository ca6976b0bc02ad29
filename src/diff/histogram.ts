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

/** The bin of a latency (µs): what falls outside the bins goes to the first or the last. */
function binOf(us: number): number {
  const bin = us < 1 ? 0 : Math.floor(Math.log10(us) * BINS_PER_DECADE + 1e-9);
  return bin < 0 ? 0 : bin > BIN_COUNT - 1 ? BIN_COUNT - 1 : bin;
}

/** Below this many latencies each is binned; above, the bins' boundaries are searched for. */
const SEARCH_FROM = 32;

/**
 * The histogram of sorted latencies (µs), trimmed to the bins from the first to the last one used.
 * The bin only grows along a sorted array, so a long one is cut where the bin changes (a binary
 * search per bin used) instead of taking a logarithm per latency.
 */
export function latencyHistogram(sorted: Float64Array): LatencyHistogram {
  const n = sorted.length;
  for (let i = 0; i < n; i++) if (Number.isNaN(sorted[i]!)) return histogramOf(sorted);
  if (n === 0) return { from: 0, counts: [] };
  const from = binOf(sorted[0]!);
  const last = binOf(sorted[n - 1]!);
  // Pushed, not `new Array(k).fill(0)`: a packed array of small integers, made faster for the few bins most values use.
  const counts: number[] = [];
  for (let b = from; b <= last; b++) counts.push(0);
  if (n < SEARCH_FROM) {
    for (let i = 0; i < n; i++) counts[binOf(sorted[i]!) - from]! += 1;
    return { from, counts };
  }
  let i = 0;
  while (i < n) {
    const bin = binOf(sorted[i]!);
    // The first index past i in a later bin: gallop, then bisect.
    let lo = i;
    let step = 1;
    let hi = i + 1;
    while (hi < n && binOf(sorted[hi]!) === bin) {
      lo = hi;
      step *= 2;
      hi = Math.min(n, hi + step);
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (binOf(sorted[mid]!) === bin) lo = mid;
      else hi = mid;
    }
    counts[bin - from]! += hi - i;
    i = hi;
  }
  return { from, counts };
}

/** The histogram latency by latency, leaving out what is not a number (NaN has no place in a sorted order). */
function histogramOf(values: Float64Array): LatencyHistogram {
  const counts = new Array<number>(BIN_COUNT).fill(0);
  for (const us of values) if (!Number.isNaN(us)) counts[binOf(us)]! += 1;
  const first = counts.findIndex((c) => c > 0);
  if (first < 0) return { from: 0, counts: [] };
  let last = counts.length - 1;
  while (counts[last] === 0) last -= 1;
  return { from: first, counts: counts.slice(first, last + 1) };
}
