import { canonicalTable, SpanTableBuilder, traceCount, type SpanTable } from './table.js';
import type { Coverage, Dataset, Provenance } from './types.js';

export interface AssembleOptions {
  /** Where the spans came from; the window is computed from the spans unless given. */
  provenance: Provenance;
  /** What the source knows of coverage; by default complete, with the traces counted here. */
  coverage?: Partial<Coverage>;
  /** Rows of the raw table to keep (a source's filter); every row when absent. */
  keep?: (table: SpanTable, row: number) => boolean;
  /** Whether to add the spans' window to a provenance without one (default true; a stored dataset is read back as written). */
  window?: boolean;
}

/** The earliest start and latest end of a table's spans, or undefined when it has none. */
export function spanWindow(t: SpanTable): { windowStartUs: number; windowEndUs: number } | undefined {
  if (t.size === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < t.size; i++) {
    const s = t.start[i]!;
    if (s < start) start = s;
    const e = s + t.duration[i]!;
    if (e > end) end = e;
  }
  return { windowStartUs: start, windowEndUs: end };
}

/**
 * The one place a dataset is assembled from what a reader wrote into a `SpanTableBuilder`:
 * spans deduplicated on (trace id, span id), the source's filter applied, the table made canonical
 * (see `canonicalTable`: order-free), the window and the trace count computed. Every reader and
 * source ends here.
 */
export function assembleDataset(raw: SpanTableBuilder | SpanTable, options: AssembleOptions): Dataset {
  // The builder is handed over: its rows become the raw table without a copy.
  const rawTable = raw instanceof SpanTableBuilder ? raw.finish(true) : raw;
  const keep = options.keep;
  const table = canonicalTable(rawTable, keep ? (row) => keep(rawTable, row) : undefined);
  const traces = traceCount(table);
  const window =
    options.window === false ||
    (options.provenance.windowStartUs !== undefined && options.provenance.windowEndUs !== undefined)
      ? {}
      : (spanWindow(table) ?? {});
  return {
    provenance: { ...options.provenance, ...window },
    coverage: {
      complete: true,
      exemplars: rawTable.size,
      tracesWanted: traces,
      tracesFetched: traces,
      tracesFailed: 0,
      failures: [],
      ...options.coverage,
    },
    table,
  };
}
