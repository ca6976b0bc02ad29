import { describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { BIN_COUNT, binEdgeUs, latencyHistogram } from '../../src/diff/histogram.js';
import { QUERY, SETTINGS, datasetOf, spansOf } from './datasets.js';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('latency histograms (for the HTML report)', () => {
  it('counts each latency in its log-spaced bin: ten a decade from 1 µs', () => {
    // 1 µs, 1.25 µs and 10 µs: bins 0, 0 and 10; 1 ms: bin 30; 999 µs: bin 29.
    const h = latencyHistogram(sorted([1, 1.25, 10, 999, 1000]));
    expect(h.from).toBe(0);
    expect(h.counts).toHaveLength(31);
    expect(h.counts[0]).toBe(2);
    expect(h.counts[10]).toBe(1);
    expect(h.counts[29]).toBe(1);
    expect(h.counts[30]).toBe(1);
    expect(binEdgeUs(30)).toBeCloseTo(1000, 6);
  });

  it('keeps only the bins from the first used to the last, and puts what falls outside at the ends', () => {
    const h = latencyHistogram(sorted([0, 2e9, 5e9]));
    expect(h).toEqual({ from: 0, counts: [1, ...new Array<number>(BIN_COUNT - 2).fill(0), 2] });
    const mid = latencyHistogram(sorted([20_000, 21_000, 40_000]));
    expect(mid.from).toBe(43);
    expect(mid.counts.reduce((a, b) => a + b)).toBe(3);
    expect(latencyHistogram(sorted([]))).toEqual({ from: 0, counts: [] });
  });

  it('counts a long run as binning each latency would, bins searched for instead of a logarithm per latency', () => {
    const binned = (xs: Float64Array) => {
      const counts = new Array<number>(BIN_COUNT).fill(0);
      for (const us of xs)
        counts[Math.min(BIN_COUNT - 1, Math.max(0, us < 1 ? 0 : Math.floor(Math.log10(us) * 10 + 1e-9)))]! += 1;
      const from = counts.findIndex((c) => c > 0);
      return { from, counts: counts.slice(from, counts.findLastIndex((c) => c > 0) + 1) };
    };
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [n, spread] of [
      [40, 1],
      [500, 4],
      [5000, 9],
      [3000, 0.01],
    ] as const) {
      // Log-uniform latencies over `spread` decades, some repeated, some right at a bin edge.
      const xs = Array.from({ length: n }, (_, i) =>
        i % 7 === 0 ? Math.round(binEdgeUs(i % 90)) : Math.round(Math.pow(10, 1 + next() * spread)),
      );
      const s = sorted(xs);
      expect(latencyHistogram(s)).toEqual(binned(s));
    }
  });

  it('is on every tested value, one count per span, whatever the order of the spans, and on no untested one', () => {
    // `c` is on both sides but in fewer traces than min-samples: untested, so it gets no picture.
    const spans = [
      ...spansOf('a', 50, (i) => 1000 + i * 37),
      ...spansOf('b', 40, (i) => 20_000 + i * 11),
      ...spansOf('c', 3, (i) => 500 + i),
    ];
    const current = [
      ...spansOf('a', 60, (i) => 1500 + i * 41),
      ...spansOf('b', 40, (i) => 25_000 + i * 13),
      ...spansOf('c', 4, (i) => 600 + i),
    ];
    const run = (c: typeof current) =>
      diff({
        baseline: [datasetOf(spans)],
        current: datasetOf(c),
        query: QUERY,
        settings: { ...SETTINGS, groupBy: [['operation']] },
      });
    const result = run(current);
    const a = result.groups[0]!.changed.find((v) => v.value === 'a')!;
    const total = (h: { counts: number[] }) => h.counts.reduce((x, y) => x + y, 0);
    expect(total(a.latencyHistogram!.baseline)).toBe(50);
    expect(total(a.latencyHistogram!.current)).toBe(60);
    const c = result.groups[0]!.changed.find((v) => v.value === 'c')!;
    expect(c.enoughData).toBe(false);
    expect(c).not.toHaveProperty('latencyHistogram');
    expect(result.groups[0]!.changed.filter((v) => v.latencyHistogram).map((v) => v.value)).toEqual(['a', 'b']);
    expect(run([...current].reverse()).groups[0]!.changed).toEqual(result.groups[0]!.changed);
  });
});
