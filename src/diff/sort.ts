/**
 * The order of `xs` ascending, as indices (ties keep index order): the grouping places each value's
 * spans in this order, so every value's latencies come out sorted, with their traces beside them,
 * without a sort per value. Integer microseconds below 2^32 take two stable 16-bit radix passes;
 * anything else a comparison sort of the indices.
 */
export function ascendingOrder(xs: Float64Array): Uint32Array {
  const n = xs.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let integral = n >= 4096;
  for (let i = 0; integral && i < n; i++) {
    const x = xs[i]!;
    integral = x >= 0 && x < 4294967296 && Number.isInteger(x);
  }
  // NaN compares as neither smaller nor larger: ties fall back to the index, so the sort still ends.
  if (!integral) return order.sort((a, b) => xs[a]! - xs[b]! || a - b);
  const tmp = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (const shift of [0, 16]) {
    const [from, to] = shift === 0 ? [order, tmp] : [tmp, order];
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(xs[from[i]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = from[i]!;
      to[counts[(xs[at]! >>> shift) & 0xffff]!++] = at;
    }
  }
  return order;
}
