/**
 * Benjamini-Hochberg adjusted p-values (q-values): the same numbers as R's p.adjust(p, "BH").
 * A diff runs hundreds of tests; controlling the false-discovery rate keeps sheer numbers
 * from producing findings.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const q = new Array<number>(m);
  let running = 1;
  order.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  });
  return q;
}
