/**
 * Sources turn a configured query into a span dataset. Lightstep snapshots and OTLP exports
 * are the two built in; `sourceFor` picks the one a query's `source:` names.
 */
import type { Dispatcher } from 'undici';
import type { QueryConfig } from '../config/types.js';
import { SourceError } from '../errors.js';
import {
  createLightstepSource,
  DEFAULT_REUSE_WITHIN_MS,
  newSnapshotMemo,
  type SnapshotMemo,
} from './lightstep/index.js';
import type { BackendSettings } from './backend.js';
import { createJaegerSource } from './jaeger/index.js';
import { createOtlpSource } from './otlp/index.js';
import { createTempoSource } from './tempo/index.js';
import { createZipkinSource } from './zipkin/index.js';
import type { Source } from './source.js';
import { trustedEndpoint } from './endpoint.js';

export type { CollectContext, Source } from './source.js';
export { backendSettingsFromEnv, parseHeaderLines, type BackendSettings } from './backend.js';
export { COLLECT_NOW, resolveDataset, type ResolveContext } from './resolve.js';

/**
 * The sources of one run. Queries collected with one SourceSettings object are one run: those of
 * the same query text share a Lightstep snapshot (see `SnapshotReuse`); a new run takes a new object.
 */
export interface SourceSettings {
  lightstep: {
    apiKey?: string;
    organization?: string;
    project?: string;
    apiUrl?: string;
    dispatcher?: Dispatcher;
    /** The client-side limit of non-snapshot requests (default the documented 100/s). */
    requestsPerSecond?: number;
    /** The client-side limit of snapshot requests (default the documented 60/hour). */
    snapshotRequestsPerHour?: number;
    /** Pick up a snapshot of the same query text at most this old instead of creating one; 0: never (default 15). */
    reuseSnapshotsWithinMinutes?: number;
    /** List the organization's snapshots before creating (default: only on a re-run attempt, see `SnapshotReuse`). */
    listSnapshots?: boolean;
  };
  /** Multiplies every wait of the Lightstep source (snapshot completion, polling); the demo and tests use a small one. */
  timeScale?: number;
  /** Directory OTLP paths are relative to (the repository root in the action). */
  basePath?: string;
  /** Tempo, Jaeger and Zipkin: the URL input and the credentials (action inputs or environment variables). */
  backend?: BackendSettings;
  /**
   * Files named by the configuration must resolve inside `basePath` (the action: the workspace, where a
   * pull request's checkout may be). The CLI reads what its user names.
   */
  confinePaths?: boolean;
  /** GITHUB_EVENT_NAME inside Actions, undefined elsewhere: it says whether the configuration may come from a pull request. */
  event?: string;
}

/** The Lightstep hosts the API documents (lightstep-api.md): a configuration may always name these. */
export const LIGHTSTEP_HOSTS = ['api.lightstep.com', 'api.eu.lightstep.com'] as const;

/** The base URL a query's Lightstep key may be sent to (see `trustedEndpoint`). */
export function lightstepApiUrl(query: QueryConfig, settings: SourceSettings): string {
  return trustedEndpoint(query.source.kind === 'lightstep' ? query.source.apiUrl : undefined, {
    input: settings.lightstep.apiUrl,
    fallback: 'https://api.lightstep.com',
    event: settings.event,
    documentedHosts: LIGHTSTEP_HOSTS,
    names: { backend: 'Lightstep', input: 'lightstep-api-url', configKey: 'source.lightstep.api-url' },
  });
}

/** One memo of snapshots per run: the queries of a run share one `SourceSettings` object. */
const runs = new WeakMap<SourceSettings, SnapshotMemo>();

/**
 * The source of a query. `run.attempt` is GITHUB_RUN_ATTEMPT: on a re-run of a failed job, the
 * Lightstep source lists the snapshots once to pick up those of the failed attempt.
 */
export function sourceFor(query: QueryConfig, settings: SourceSettings, run: { attempt?: string } = {}): Source {
  const kind = query.source.kind;
  if (kind === 'otlp') return createOtlpSource({ basePath: settings.basePath, confine: settings.confinePaths });
  if (kind === 'tempo' || kind === 'jaeger' || kind === 'zipkin') {
    const options = { settings: settings.backend ?? {}, event: settings.event };
    return kind === 'tempo'
      ? createTempoSource(options)
      : kind === 'jaeger'
        ? createJaegerSource(options)
        : createZipkinSource(options);
  }
  const source = query.source;
  const ls = settings.lightstep;
  const organization = ls.organization ?? source.organization;
  const project = ls.project ?? source.project;
  if (!ls.apiKey) {
    throw new SourceError(
      `query '${query.id}' reads from Lightstep, but no API key was given`,
      "pass it from a secret: 'lightstep-api-key: ${{ secrets.LIGHTSTEP_API_KEY }}' (CLI: the LIGHTSTEP_API_KEY environment variable)",
    );
  }
  let memo = runs.get(settings);
  if (!memo) runs.set(settings, (memo = newSnapshotMemo()));
  return createLightstepSource({
    apiKey: ls.apiKey,
    organization,
    project,
    apiUrl: lightstepApiUrl(query, settings),
    dispatcher: ls.dispatcher,
    // The client keeps one pair of limiters per organization, so queries collected at once share the API's limits.
    requestsPerSecond: ls.requestsPerSecond ?? source.requestsPerSecond,
    snapshotRequestsPerHour: ls.snapshotRequestsPerHour ?? source.snapshotRequestsPerHour,
    timeScale: settings.timeScale,
    reuse: {
      withinMs:
        (ls.reuseSnapshotsWithinMinutes ?? source.reuseSnapshotsWithinMinutes ?? DEFAULT_REUSE_WITHIN_MS / 60_000) *
        60_000,
      list: ls.listSnapshots ?? Number(run.attempt) > 1,
      memo,
    },
  });
}
