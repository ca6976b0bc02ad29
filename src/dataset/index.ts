/** dataset: the span dataset, its file format, and readers of the other shapes spans come in. */
export { encodeDataset, isDatasetFile, readDatasetFile, writeDatasetFile } from './file.js';
export { FORMAT_VERSION } from './format.js';
export { readSpansFile, toSeedNdjson } from './seed-spans.js';
export type * from './types.js';
export { assembleDataset, spanWindow, type AssembleOptions } from './assemble.js';
export {
  canonicalTable,
  concatTables,
  emptyTable,
  normaliseId,
  spanAt,
  spansOfTable,
  SpanTableBuilder,
  tableOf,
  type SpanTable,
} from './table.js';
