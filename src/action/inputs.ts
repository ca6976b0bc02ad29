import type { BaselineSpec } from '../config/types.js';
import { parseBaseline } from '../config/index.js';
import { InputError } from '../errors.js';
import { parseHeaderLines, type BackendSettings } from '../sources/index.js';

export const MODES = ['collect', 'gate', 'diff', 'plan', 'merge'] as const;
export type Mode = (typeof MODES)[number];
import { FAIL_ON, PUBLISH_TARGETS, type FailOn, type PublishTarget } from '../vocabulary.js';

export type { FailOn, PublishTarget } from '../vocabulary.js';
export type StoreKind = 'cache' | 'artifact' | 'local' | 'none';

/** The action's inputs (action.yml), validated once, in one place. */
export interface RunInputs {
  mode: Mode;
  configPath: string;
  query?: string;
  lightstep: { apiKey?: string; organization?: string; project?: string; apiUrl?: string };
  /** Tempo, Jaeger, Zipkin: the URL (wins over the config's) and credentials. */
  backend: BackendSettings;
  githubToken?: string;
  publish: Set<PublishTarget>;
  failOn: FailOn;
  alertOn: FailOn;
  baseline?: BaselineSpec;
  current: 'snapshot' | 'newest';
  /** `current-after`: an ISO-8601 time, or `deployment` (the time of the event's deployment). */
  currentAfter?: string;
  store: StoreKind;
  storePath: string;
  artifactRetentionDays: number;
  baselineDataset?: string;
  currentDataset?: string;
  results?: string;
  /** collect: keep the new datasets under this name as well (`baseline: pinned:<name>`). */
  pin?: string;
  dryRun: boolean;
  /** Also write the history dashboard (an HTML page of every query's stored collections) for Pages. */
  dashboard: boolean;
}

/** Reads one input the way @actions/core does, but from any lookup (tests pass a plain object). */
export type InputLookup = (name: string) => string;

/** The mode a triggering event implies when the `mode` input is empty. */
export function modeForEvent(eventName: string | undefined): Mode | undefined {
  switch (eventName) {
    case 'schedule':
    case 'workflow_dispatch':
      return 'collect';
    case 'pull_request':
    case 'pull_request_target':
      return 'gate';
    default:
      return undefined;
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    `input '${name}' is '${value}', expected one of: ${allowed.join(', ')}`,
    `set '${name}: ${fallback}' in the step's 'with:'`,
  );
}

export function readInputs(input: InputLookup, eventName: string | undefined): RunInputs {
  const modeText = input('mode');
  let mode: Mode;
  if (modeText === '') {
    const implied = modeForEvent(eventName);
    if (!implied) {
      throw new InputError(
        `input 'mode' is empty and the event '${eventName ?? '(none)'}' does not imply one`,
        `set 'mode:' to one of ${MODES.join(', ')} in the step's 'with:'`,
      );
    }
    mode = implied;
  } else {
    mode = oneOf('mode', modeText, MODES, 'collect');
  }

  const publishText = input('publish');
  const publish = new Set<PublishTarget>(['summary']);
  if (publishText === '') {
    if (mode === 'gate' || mode === 'merge') publish.add('comment');
    if (mode === 'collect') publish.add('issue');
  } else {
    publish.clear();
    for (const part of publishText.split(/[\s,]+/).filter(Boolean)) {
      publish.add(oneOf('publish', part, PUBLISH_TARGETS, 'summary'));
    }
  }

  const baselineText = input('baseline');
  const retention = input('artifact-retention-days') || '14';
  const retentionDays = Number(retention);
  if (!Number.isInteger(retentionDays) || retentionDays < 0 || retentionDays > 90) {
    throw new InputError(
      `input 'artifact-retention-days' is '${retention}', expected a whole number of days from 0 to 90`,
      `set 'artifact-retention-days: 14' (0 skips the upload)`,
    );
  }
  const dryRunText = input('dry-run').toLowerCase();
  const dashboard = ['true', '1', 'yes'].includes(input('dashboard').toLowerCase());
  const store = oneOf('store', input('store'), ['cache', 'artifact', 'local', 'none'] as const, 'cache');
  if (dashboard && (store === 'none' || mode === 'merge' || mode === 'plan')) {
    throw new InputError(
      `input 'dashboard: true' needs a store to read the history from, and mode '${mode}' with store '${store}' has none`,
      "set 'dashboard: true' on a collect (or gate) step with 'store: cache', 'artifact' or 'local'",
    );
  }

  const current = oneOf('current', input('current'), ['snapshot', 'newest'] as const, 'snapshot');
  const currentAfter = readCurrentAfter(input('current-after'));
  if (currentAfter && current !== 'newest') {
    throw new InputError(
      "input 'current-after' only applies with 'current: newest' (a fresh snapshot is always after it)",
      "set 'current: newest', or remove 'current-after'",
    );
  }

  return {
    mode,
    configPath: input('config') || '.github/trace-differ.yml',
    query: input('query') || undefined,
    lightstep: {
      apiKey: input('lightstep-api-key') || undefined,
      organization: input('lightstep-organization') || undefined,
      project: input('lightstep-project') || undefined,
      apiUrl: input('lightstep-api-url') || undefined,
    },
    backend: {
      url: input('backend-url') || undefined,
      token: input('backend-token') || undefined,
      username: input('backend-username') || undefined,
      password: input('backend-password') || undefined,
      headers: parseHeaderLines(input('backend-headers'), "input 'backend-headers'"),
    },
    githubToken: input('github-token') || undefined,
    publish,
    failOn: oneOf('fail-on', input('fail-on'), FAIL_ON, 'fail'),
    alertOn: oneOf('alert-on', input('alert-on'), FAIL_ON, 'fail'),
    baseline: baselineText ? parseBaseline(baselineText) : undefined,
    current,
    currentAfter,
    store,
    storePath: input('store-path') || '.trace-differ',
    artifactRetentionDays: retentionDays,
    baselineDataset: input('baseline-dataset') || undefined,
    currentDataset: input('current-dataset') || undefined,
    results: input('results') || undefined,
    pin: readPin(input('pin'), mode),
    dryRun: dryRunText === 'true' || dryRunText === '1' || dryRunText === 'yes',
    dashboard,
  };
}

/** `current-after`: `deployment`, or a time `Date` reads (ISO-8601, e.g. 2026-11-24T09:30:00Z), normalised to ISO. */
function readCurrentAfter(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (value === 'deployment') return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new InputError(
      `input 'current-after' is '${value}', expected an ISO-8601 time or 'deployment'`,
      "set 'current-after: 2026-11-24T09:30:00Z', or 'current-after: deployment' on a deployment_status event",
    );
  }
  return new Date(time).toISOString();
}

/** `pin`: a name for `baseline: pinned:<name>`; only collect stores datasets, so only collect can pin. */
function readPin(text: string, mode: Mode): string | undefined {
  const name = text.trim();
  if (name === '') return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new InputError(
      `input 'pin' is '${name}', expected a name of letters, digits, ".", "_" and "-"`,
      "set e.g. 'pin: release-2026-11'",
    );
  }
  if (mode !== 'collect') {
    throw new InputError(
      `input 'pin' only applies in collect mode (this run is '${mode}')`,
      "remove 'pin', or run collect",
    );
  }
  return name;
}
