/**
 * Sources turn a configured query into a span dataset. Lightstep snapshots and OTLP exports
 * are the two built in; `sourceFor` picks the one a query's `source:` names.
 */
import type { Dispatcher } from 'undici';
import type { QueryConfig } from '../config/types.js';
import { SourceError } from '../errors.js';
import { createLightstepSource } from './lightstep/index.js';
import { createOtlpSource } from './otlp/index.js';
import type { Source } from './source.js';

export type { CollectContext, Source } from './source.js';

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
  };
  /** Multiplies every wait of the Lightstep source (snapshot completion, polling); the demo and tests use a small one. */
  timeScale?: number;
  /** Directory OTLP paths are relative to (the repository root in the action). */
  basePath?: string;
}

export function sourceFor(query: QueryConfig, settings: SourceSettings): Source {
  if (query.source.kind === 'otlp') return createOtlpSource({ basePath: settings.basePath });
  const ls = settings.lightstep;
  const organization = ls.organization ?? query.source.organization;
  const project = ls.project ?? query.source.project;
  if (!ls.apiKey) {
    throw new SourceError(
      `query '${query.id}' reads from Lightstep, but no API key was given`,
      "pass it from a secret: 'lightstep-api-key: ${{ secrets.LIGHTSTEP_API_KEY }}' (CLI: the LIGHTSTEP_API_KEY environment variable)",
    );
  }
  return createLightstepSource({
    apiKey: ls.apiKey,
    organization,
    project,
    apiUrl: ls.apiUrl ?? query.source.apiUrl,
    dispatcher: ls.dispatcher,
    // The client keeps one pair of limiters per organization, so queries collected at once share the API's limits.
    requestsPerSecond: ls.requestsPerSecond ?? query.source.requestsPerSecond,
    snapshotRequestsPerHour: ls.snapshotRequestsPerHour ?? query.source.snapshotRequestsPerHour,
    timeScale: settings.timeScale,
  });
}
