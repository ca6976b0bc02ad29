/**
 * Spans of one trace are not independent draws: a request that is slow is slow in all its spans, a
 * request that fails fails many, and a loop calls the same operation many times. The trace is the
 * unit of sampling, so variances here are cluster-robust (the "sandwich" of survey statistics): a
 * statistic that is a mean over spans gets the variance of its per-trace totals, not of its spans.
 */

/** Trace index → slot + 1 (0: not seen yet) and spans per slot: shared scratch, cleared after each use. */
let slotOf = new Int32Array(1024);
let sizeScratch = new Float64Array(1024);

/** The traces of one value on one side: which trace (slot 0..count-1) each span belongs to. */
export class Clusters {
  private slots?: Int32Array;
  private spansPer?: Float64Array;
  readonly count: number;

  /**
   * `traces[i]`: the side's dense trace index of span i (any numbering: only equality matters). Or a
   * number n: n spans, each in a trace of its own, as a caller that counted the traces knows; then the
   * slots (slot i is span i, as the traces would give) are made only if read, which the tests do not
   * when every trace holds one span.
   */
  constructor(traces: Int32Array | number) {
    if (typeof traces === 'number') {
      this.count = traces;
      return;
    }
    const n = traces.length;
    if (sizeScratch.length < n) sizeScratch = new Float64Array(Math.max(n, 2 * sizeScratch.length));
    const slot = new Int32Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const t = traces[i]!;
      if (t >= slotOf.length) {
        const grown = new Int32Array(Math.max(t + 1, 2 * slotOf.length));
        grown.set(slotOf);
        slotOf = grown;
      }
      let s = slotOf[t]! - 1;
      if (s < 0) {
        s = count++;
        slotOf[t] = s + 1;
      }
      slot[i] = s;
      sizeScratch[s]!++;
    }
    for (let i = 0; i < n; i++) slotOf[traces[i]!] = 0;
    this.spansPer = sizeScratch.slice(0, count);
    sizeScratch.fill(0, 0, count);
    this.slots = slot;
    this.count = count;
  }

  /** The slot of each span, aligned with the value's latencies. */
  get slot(): Int32Array {
    if (!this.slots) {
      this.slots = new Int32Array(this.count);
      for (let i = 0; i < this.count; i++) this.slots[i] = i;
    }
    return this.slots;
  }

  /** Spans per slot (m_k). */
  get sizes(): Float64Array {
    return (this.spansPer ??= new Float64Array(this.count).fill(1));
  }

  /** Every span its own trace: what the classic tests assume. */
  static independent(n: number): Clusters {
    return new Clusters(n);
  }

  /** Per-trace totals of a per-span quantity, for spans from..to-1 (the others add nothing). */
  totals(value: (i: number) => number, from = 0, to = this.slot.length): Float64Array {
    const out = new Float64Array(this.count);
    const slot = this.slot;
    for (let i = from; i < to; i++) out[slot[i]!]! += value(i);
    return out;
  }

  /**
   * Cluster-robust variance of the ratio Σ totals / Σ m (a mean per span: an error rate, a mean
   * latency, the share below a threshold), linearised around `centre` (the ratio itself, or a pooled
   * ratio under a null hypothesis): K/(K−1) · Σ_k (total_k − centre·m_k)² / n². Undefined below two
   * traces, where no variation between traces can be seen.
   */
  ratioVariance(totals: Float64Array, centre: number): number | undefined {
    const k = this.count;
    if (k < 2) return undefined;
    let n = 0;
    let ss = 0;
    const sizes = this.sizes;
    for (let c = 0; c < k; c++) {
      const m = sizes[c]!;
      const r = totals[c]! - centre * m;
      n += m;
      ss += r * r;
    }
    return (k / (k - 1)) * (ss / (n * n));
  }
}

/**
 * The design effect of a count whose spans come in traces of m_k spans each, at its worst (every span
 * of a trace alike): Σ m² / Σ m, Kish's deff for an intra-trace correlation of 1. Used where only the
 * count per trace is known (the error rate: a value's errors are not tied to their traces here).
 */
export function worstCaseDesignEffect(sumSquares: number, spans: number): number {
  return spans > 0 ? Math.max(1, sumSquares / spans) : 1;
}
