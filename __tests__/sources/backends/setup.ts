import { afterEach } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import type { QueryConfig } from '../../../src/config/types.js';
import { spansOfTable } from '../../../src/dataset/table.js';
import type { Dataset, Span } from '../../../src/dataset/types.js';
import { recordingLogger } from '../../../src/log.js';
import { sourceFor, type BackendSettings } from '../../../src/sources/index.js';
import { startBackendFake, type BackendFake, type BackendFakeOptions } from '../../../src/simulator/index.js';

/**
 * Shared set-up of the Tempo, Jaeger and Zipkin tests: a fake on loopback, a query read from a
 * configuration as a user writes it, and the source collecting over real HTTP. Only retry waits are shortened.
 */
let fakes: BackendFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

export async function fake(options: BackendFakeOptions): Promise<BackendFake> {
  const f = await startBackendFake(options);
  fakes.push(f);
  return f;
}

/** The one query of a configuration whose source block is `source` (YAML) and whose query text is `query`. */
export function queryOf(source: string, query: string): QueryConfig {
  const yaml = `version: 1\nsource:\n${source.replace(/^/gm, '  ')}\nqueries:\n  - id: checkout\n    query: ${JSON.stringify(query)}\n`;
  return parseConfig(yaml, 'trace-differ.yml').queries[0]!;
}

export const waits: number[] = [];
export const quickSleep = (ms: number) => {
  waits.push(ms);
  return new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));
};

export async function collect(
  query: QueryConfig,
  backend: BackendSettings = {},
  options: { event?: string; signal?: AbortSignal } = {},
): Promise<{ dataset: Dataset; log: ReturnType<typeof recordingLogger> }> {
  const log = recordingLogger();
  const source = sourceFor(query, { lightstep: {}, backend: { sleep: quickSleep, ...backend }, event: options.event });
  const dataset = await source.collect(query, { logger: log, signal: options.signal });
  return { dataset, log };
}

/** The error a collection fails with. */
export async function failure(...args: Parameters<typeof collect>): Promise<Error> {
  return collect(...args).then(
    () => {
      throw new Error('the collection did not fail');
    },
    (error: unknown) => error as Error,
  );
}

/** The traces of the fake that have a span meeting `match`, whole. */
export function expectedTraces(f: BackendFake, match: (s: Span) => boolean): Map<string, Span[]> {
  return new Map([...f.traces()].filter(([, spans]) => spans.some(match)));
}

/** What a span is, without the fields a backend's shape adds or drops (tags, host, kind). */
export const core = (s: Span) => ({
  traceId: s.traceId,
  spanId: s.spanId,
  parentSpanId: s.parentSpanId,
  service: s.service,
  operation: s.operation,
  startUs: s.startUs,
  durationUs: s.durationUs,
  error: s.error,
});

export const byId = (a: { traceId: string; spanId: string }, b: { traceId: string; spanId: string }) =>
  `${a.traceId}/${a.spanId}`.localeCompare(`${b.traceId}/${b.spanId}`);

/** The spans of a dataset, as objects (the dataset holds a table). */
export const spansOf = (d: Dataset): Span[] => spansOfTable(d.table);
