import type { QueryConfig } from '../config/types.js';
import type { Dataset, SourceKind } from '../dataset/types.js';
import type { Logger } from '../log.js';

export interface CollectContext {
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * A source turns one configured query into a dataset. Lightstep snapshots and OTLP exports are
 * two implementations; a new backend (Tempo, Jaeger API) is a new file beside them.
 * Failures the user can act on are thrown as `SourceError`; a partly fetched query is not a
 * failure but a dataset with `coverage.complete === false`.
 */
export interface Source {
  readonly kind: SourceKind;
  collect(query: QueryConfig, context: CollectContext): Promise<Dataset>;
}
