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

/**
 * Sorts latencies in place together with the trace index of each (aligned), ties in trace order,
 * so the result does not depend on the order the spans came in. Long runs of integer latencies
 * go by radix (trace then latency, 16 bits a pass, each pass stable); anything else by comparison.
 */
export function sortLatenciesWithTraces(xs: Float64Array, traces: Int32Array): void {
  const n = xs.length;
  let integers = n >= 4096;
  for (let i = 0; i < n && integers; i++) {
    const x = xs[i]!;
    integers = x >= 0 && x < 4294967296 && Number.isInteger(x) && traces[i]! >= 0;
  }
  if (!integers) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => xs[a]! - xs[b]! || traces[a]! - traces[b]!);
    const x2 = Float64Array.from(order, (i) => xs[i]!);
    const t2 = Int32Array.from(order, (i) => traces[i]!);
    xs.set(x2);
    traces.set(t2);
    return;
  }
  let keys = new Uint32Array(n);
  let payload = new Int32Array(traces);
  for (let i = 0; i < n; i++) keys[i] = xs[i]!;
  let keysTo = new Uint32Array(n);
  let payloadTo = new Int32Array(n);
  const counts = new Int32Array(65536);
  const pass = (digit: (i: number) => number) => {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[digit(i)]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[digit(i)]!++;
      keysTo[at] = keys[i]!;
      payloadTo[at] = payload[i]!;
    }
    [keys, keysTo] = [keysTo, keys];
    [payload, payloadTo] = [payloadTo, payload];
  };
  pass((i) => payload[i]! & 0xffff);
  pass((i) => payload[i]! >>> 16);
  pass((i) => keys[i]! & 0xffff);
  pass((i) => keys[i]! >>> 16);
  for (let i = 0; i < n; i++) xs[i] = keys[i]!;
  traces.set(payload);
}
