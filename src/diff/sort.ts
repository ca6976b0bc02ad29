/**
 * Sorts a run of latencies in place. Latencies are integer microseconds below 2^32 (71 minutes), so a
 * long run is radix-sorted by two 16-bit digits, a few times faster than the comparison sort of a
 * typed array; anything else (fractions, negatives, longer) takes the typed array's own sort.
 */
export function sortLatencies(xs: Float64Array): Float64Array {
  const n = xs.length;
  if (n < 4096) return xs.sort();
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    if (!(x >= 0 && x < 4294967296 && Number.isInteger(x))) return xs.sort();
    keys[i] = x;
  }
  const tmp = new Uint32Array(n);
  const counts = new Int32Array(65536);
  for (const shift of [0, 16]) {
    const [from, to] = shift === 0 ? [keys, tmp] : [tmp, keys];
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) to[counts[(from[i]! >>> shift) & 0xffff]!++] = from[i]!;
  }
  for (let i = 0; i < n; i++) xs[i] = keys[i]!;
  return xs;
}
