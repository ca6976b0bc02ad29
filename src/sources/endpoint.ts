import * as core from '@actions/core';
import { SourceError } from '../errors.js';

/**
 * Where a secret may be sent. A backend's URL comes from an action input (the workflow file), from the
 * configuration file, or is the backend's documented host. On most events the configuration is as
 * trusted as the workflow: both come from the same commit. On the others (pull_request_target,
 * workflow_run, issue_comment, …) the workflow comes from the default branch while the checked-out
 * configuration may be a pull request's, so a host the configuration names would receive the key of
 * whoever wrote the pull request. There, a host from the configuration must be a documented one, or the
 * workflow must name it in the action input. Everywhere, a key travels over https only; plain http is
 * allowed to loopback alone (the simulators, a local proxy).
 */

/**
 * Events whose workflow and checkout come from the same commit by default: the configuration read
 * there is no less trusted than the workflow itself. `pull_request` is not among them: a fork's
 * workflow gets no secrets, but a repository may send them to forks, and Dependabot's PRs get some.
 */
const SAME_COMMIT_EVENTS = new Set(['schedule', 'workflow_dispatch', 'push']);

/**
 * Whether the configuration file (and every URL and path in it) may come from a pull request: on any
 * event but those above. `undefined` is a run outside GitHub Actions (the CLI on someone's machine).
 */
export function configMayComeFromPullRequest(event: string | undefined): boolean {
  return event !== undefined && !SAME_COMMIT_EVENTS.has(event);
}

/** The event a run is under: GITHUB_EVENT_NAME inside GitHub Actions, nothing elsewhere. */
export function runEvent(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.GITHUB_ACTIONS === 'true' ? env.GITHUB_EVENT_NAME || 'unknown' : undefined;
}

/** 127.0.0.0/8, ::1 and localhost: a request there never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface EndpointOptions {
  /** The action input (or CLI option) naming the URL, when set: it wins over the configuration. */
  input?: string;
  /** The documented URL used when neither the input nor the configuration names one; without it, one must. */
  fallback?: string;
  /**
   * Whether a secret goes with the requests (a key, a token, a password, extra headers): default true.
   * Without one, nothing can leak, and a plain-http or configuration-named host is the configuration's business.
   */
  withSecrets?: boolean;
  /** GITHUB_EVENT_NAME inside Actions (see `runEvent`); undefined outside. */
  event: string | undefined;
  /** Hosts the backend documents (e.g. api.lightstep.com); a configuration may always name these. */
  documentedHosts: readonly string[];
  /** For messages: the backend, its action input and its configuration key. */
  names: { backend: string; input: string; configKey: string };
}

/**
 * The base URL a backend's secret may be sent to, without a trailing slash: the input, else the
 * configuration's `url`, else the documented fallback — or a SourceError that says why not and how to
 * allow it. Sources call this before any request that carries a key.
 */
export function trustedEndpoint(url: string | undefined, options: EndpointOptions): string {
  const { names } = options;
  const withSecrets = options.withSecrets ?? true;
  const fromInput = options.input?.trim() || undefined;
  const chosen = (fromInput ?? url?.trim() ?? options.fallback ?? '').replace(/\/+$/, '');
  const example =
    options.fallback ?? `https://${options.documentedHosts[0] ?? `${names.backend.toLowerCase()}.example.com`}`;
  if (!chosen) {
    throw new SourceError(
      `no ${names.backend} URL was given`,
      `set ${names.configKey} in the configuration (e.g. ${example}), or the '${names.input}' input`,
    );
  }
  const where = fromInput ? `input '${names.input}'` : url ? `${names.configKey} of the configuration` : 'the default';
  const parsed = URL.canParse(chosen) ? new URL(chosen) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new SourceError(
      `the ${names.backend} URL ${JSON.stringify(chosen)} (${where}) is not an https URL`,
      `set it to the API's base URL alone, e.g. ${example}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new SourceError(
      `the ${names.backend} URL (${where}) carries a user name or password`,
      `remove them from the URL: the key is sent in a header, from the action's input`,
    );
  }
  if (withSecrets && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    throw new SourceError(
      `the ${names.backend} URL ${chosen} (${where}) is plain http: the key would cross the network in clear text`,
      `use https://${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname} (plain http is allowed to 127.0.0.1 and localhost only)`,
    );
  }
  const documented = options.documentedHosts.includes(parsed.hostname.toLowerCase()) && parsed.protocol === 'https:';
  if (withSecrets && !fromInput && url && !documented && configMayComeFromPullRequest(options.event)) {
    throw new SourceError(
      `${names.configKey} of the configuration names ${parsed.host}, and on a '${options.event}' event the configuration ` +
        `may come from a pull request: the ${names.backend} key is sent only to ` +
        `${options.documentedHosts.length ? `${options.documentedHosts.join(' or ')}, or to ` : ''}a host the workflow itself names`,
      `if ${parsed.host} is yours, name it in the workflow: '${names.input}: ${chosen}' in the step's 'with:' (see docs/security.md)`,
    );
  }
  return chosen;
}

/**
 * Masks a secret in the runner's log as soon as a source holds it (a key, a token, a password), so that
 * nothing printed later can show it. Outside Actions the command would only print it, so it is not issued.
 */
export function maskSecret(secret: string): void {
  if (secret && process.env.GITHUB_ACTIONS === 'true') core.setSecret(secret);
}
