import type { Span } from '../dataset/types.js';

/**
 * Where the Jaeger and Zipkin readers put spans: a `SpanTableBuilder` (dataset/table.ts), whose
 * table `assembleDataset` turns into the dataset in one place. Readers keep no list of their own.
 */
export interface SpanSink {
  add(span: Span): void;
}
