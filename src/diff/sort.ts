/**
 * The order of `xs` ascending, as indices (ties keep index order), and the values in that order into
 * `sorted` when given: the grouping places each value's spans in this order, so every value's
 * latencies come out sorted, with their traces beside them, without a sort per value. Integer
 * microseconds below 2^20 (about a second) take one counting pass; below 2^33, a stable
 * least-significant-digit radix sort of 11-bit digits (a digit's counters stay in the first-level
 * cache; a digit that is the same for every value is skipped); anything else a comparison sort of
 * the indices.
 */
export function ascendingOrder(xs: Float64Array, sorted?: Float64Array): Uint32Array {
  const n = xs.length;
  let integral = n >= 4096;
  let max = 0;
  for (let i = 0; integral && i < n; i++) {
    const x = xs[i]!;
    integral = x >= 0 && x < 8589934592 && Number.isInteger(x);
    if (x > max) max = x;
  }
  if (integral && max < COUNTING_LIMIT) return countingOrder(xs, max, sorted);
  if (!integral) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // NaN compares as neither smaller nor larger: ties fall back to the index, so the sort still ends.
    order.sort((a, b) => xs[a]! - xs[b]! || a - b);
    if (sorted) for (let i = 0; i < n; i++) sorted[i] = xs[order[i]!]!;
    return order;
  }
  // The three digits' counts in one pass; the keys are carried along with the indices, so no pass reads xs at random.
  const counts = new Int32Array(3 * DIGIT);
  let keys: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const low = x % 4194304;
    counts[low & MASK]!++;
    counts[DIGIT + (low >>> BITS)]!++;
    counts[2 * DIGIT + (x - low) / 4194304]!++;
    keys[i] = low;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let high: Uint32Array | undefined;
  let nextKeys: Uint32Array = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  /** The top digit when it is the same for every value (then it is skipped, and `keys` end up the low 22 bits in order). */
  let top = -1;
  for (let d = 0; d < 3; d++) {
    const base = d * DIGIT;
    const same = sameDigit(counts, base, n);
    if (d === 2) top = same;
    if (same >= 0) continue;
    if (d === 2 && !high) {
      // The top digit (latencies of 70 minutes and more) is read from xs only when some value has one.
      high = new Uint32Array(n);
      for (let i = 0; i < n; i++) high[i] = Math.floor(xs[order[i]!]! / 4194304);
      keys = high;
    }
    let sum = 0;
    for (let k = 0; k < DIGIT; k++) {
      const c = counts[base + k]!;
      counts[base + k] = sum;
      sum += c;
    }
    const shift = d === 1 ? BITS : 0;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const at = counts[base + ((key >>> shift) & MASK)]!++;
      nextOrder[at] = order[i]!;
      nextKeys[at] = key;
    }
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  // The values in order come free from the carried keys, unless the top digit had to be sorted on.
  if (sorted) {
    if (top >= 0) for (let i = 0; i < n; i++) sorted[i] = top * 4194304 + keys[i]!;
    else for (let i = 0; i < n; i++) sorted[i] = xs[order[i]!]!;
  }
  return order;
}

const BITS = 11;
const DIGIT = 1 << BITS;
const MASK = DIGIT - 1;

/** The digit every value has, when they all have the same (one counter holds all n), or -1. */
function sameDigit(counts: Int32Array, base: number, n: number): number {
  for (let k = 0; k < DIGIT; k++) if (counts[base + k] === n) return k;
  return -1;
}

/** Latencies below this many µs (about a second) are ordered by one counting pass, a counter per µs. */
const COUNTING_LIMIT = 1 << 20;

/** A stable counting sort: one pass to count, one to place; the values in order are the counters read back. */
function countingOrder(xs: Float64Array, max: number, sorted?: Float64Array): Uint32Array {
  const n = xs.length;
  const counts = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) counts[xs[i]! + 1]!++;
  if (sorted) {
    for (let v = 0, at = 0; v <= max; v++) {
      const c = counts[v + 1]!;
      if (c > 0) sorted.fill(v, at, at + c);
      at += c;
    }
  }
  for (let v = 0; v <= max; v++) counts[v + 1]! += counts[v]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[counts[xs[i]!]!++] = i;
  return order;
}
