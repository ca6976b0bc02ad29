/**
 * Exact percentiles from a sorted typed array, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R's quantile() and NumPy's percentile()).
 */
export function percentileSorted(sorted: Float64Array, p: number, from = 0, n = sorted.length - from): number {
  // `from` and `n`: a run of a larger array read in place (a view per value costs more than its percentiles).
  if (n === 0) return 0;
  if (n === 1) return sorted[from]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[from + lo]! + (h - lo) * (sorted[from + hi]! - sorted[from + lo]!);
}

/** The mean of `values`, or of the run `from` … `from + n` of it. */
export function meanOf(values: Float64Array, from = 0, n = values.length - from): number {
  let sum = 0;
  for (let i = from; i < from + n; i++) sum += values[i]!;
  return n ? sum / n : 0;
}
