import type { Coverage, Dataset, Provenance, Span } from '../dataset/types.js';

/**
 * Where readers put spans. Every reader (files of each format, API answers) writes through this
 * one interface and keeps no list of its own, so the dataset is assembled in one place
 * (`DatasetBuilder`), which is what the span table replaces.
 */
export interface SpanSink {
  add(span: Span): void;
}

/** The order two copies of one (trace, span) are kept in: the same copy wins whatever the input order. */
function before(a: Span, b: Span): boolean {
  if (a.startUs !== b.startUs) return a.startUs < b.startUs;
  if (a.durationUs !== b.durationUs) return a.durationUs < b.durationUs;
  const ka = `${a.service}\u0000${a.operation}\u0000${a.parentSpanId ?? ''}`;
  const kb = `${b.service}\u0000${b.operation}\u0000${b.parentSpanId ?? ''}`;
  return ka < kb;
}

/**
 * Assembles a dataset from the spans a source emits: a span repeated (the same trace and span id,
 * as overlapping exports and re-fetched traces give) is kept once, the same copy whatever the
 * order; the window is the spans' own time span unless the source names one.
 */
export class DatasetBuilder implements SpanSink {
  private readonly spans: Span[] = [];
  private readonly at = new Map<string, number>();
  private readonly traces = new Set<string>();
  /** Spans offered, repeats included. */
  offered = 0;

  constructor(private readonly keep: (span: Span) => boolean = () => true) {}

  add(span: Span): void {
    this.offered++;
    if (!this.keep(span)) return;
    const id = `${span.traceId}/${span.spanId}`;
    const i = this.at.get(id);
    if (i !== undefined) {
      if (before(span, this.spans[i]!)) this.spans[i] = span;
      return;
    }
    this.at.set(id, this.spans.length);
    this.spans.push(span);
    this.traces.add(span.traceId);
  }

  get spanCount(): number {
    return this.spans.length;
  }

  get traceCount(): number {
    return this.traces.size;
  }

  /**
   * The dataset. Coverage defaults to "everything read was kept" (files); the window to the spans'
   * own extent when the provenance names none.
   */
  finish(provenance: Provenance, coverage?: Coverage): Dataset {
    const spans = this.spans;
    spans.sort(
      (a, b) =>
        a.startUs - b.startUs ||
        (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0) ||
        (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0),
    );
    let start = Infinity;
    let end = -Infinity;
    for (const s of spans) {
      if (s.startUs < start) start = s.startUs;
      if (s.startUs + s.durationUs > end) end = s.startUs + s.durationUs;
    }
    const window =
      provenance.windowStartUs === undefined && spans.length ? { windowStartUs: start, windowEndUs: end } : {};
    const traces = this.traces.size;
    return {
      provenance: { ...provenance, ...window },
      coverage: coverage ?? {
        complete: true,
        exemplars: this.offered,
        tracesWanted: traces,
        tracesFetched: traces,
        tracesFailed: 0,
        failures: [],
      },
      spans,
    };
  }
}
