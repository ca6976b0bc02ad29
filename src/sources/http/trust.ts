import { SourceError } from '../../errors.js';

/**
 * Where a backend's credentials may be sent: the URL named by an action input (the workflow file)
 * wins over the configuration's; a secret travels over https, or plain http to loopback only (the
 * fakes, a local proxy); on events where the configuration may come from a pull request
 * (pull_request_target, workflow_run, issue_comment, …), a URL the configuration names is refused
 * when credentials would be sent to it, unless the workflow names the same URL.
 * Kept in this one function so that the project's shared endpoint check can replace it.
 */

/** Events whose workflow and checkout come from the same commit by default. */
const SAME_COMMIT_EVENTS = new Set(['schedule', 'workflow_dispatch', 'push']);

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface BackendUrlOptions {
  /** The action input (or CLI option / environment variable) naming the URL, when set. */
  input?: string;
  /** Whether credentials will be sent (a token, a password, extra headers). */
  withSecrets: boolean;
  /** GITHUB_EVENT_NAME inside Actions; undefined outside (the CLI). */
  event: string | undefined;
  names: { backend: string; input: string; configKey: string; example: string };
}

/** The base URL of a backend, without a trailing slash, or a SourceError saying why not and how to fix it. */
export function trustedBackendUrl(url: string | undefined, options: BackendUrlOptions): string {
  const { names } = options;
  const fromInput = options.input?.trim() || undefined;
  const chosen = (fromInput ?? url?.trim() ?? '').replace(/\/+$/, '');
  if (!chosen) {
    throw new SourceError(
      `no ${names.backend} URL was given`,
      `set ${names.configKey} in the configuration (e.g. ${names.example}), or the '${names.input}' input`,
    );
  }
  const where = fromInput ? `input '${names.input}'` : `${names.configKey} of the configuration`;
  const parsed = URL.canParse(chosen) ? new URL(chosen) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new SourceError(
      `the ${names.backend} URL ${JSON.stringify(chosen)} (${where}) is not an http(s) URL`,
      `set it to the base URL of the API, e.g. ${names.example}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new SourceError(
      `the ${names.backend} URL (${where}) carries a user name or password`,
      'remove them from the URL: pass them as backend-username / backend-password inputs (from secrets)',
    );
  }
  if (options.withSecrets && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    throw new SourceError(
      `the ${names.backend} URL ${chosen} (${where}) is plain http: the credentials would cross the network in clear text`,
      `use https://${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname} (plain http is allowed without credentials, or to 127.0.0.1 and localhost)`,
    );
  }
  const untrustedConfig = options.event !== undefined && !SAME_COMMIT_EVENTS.has(options.event);
  if (options.withSecrets && !fromInput && untrustedConfig) {
    throw new SourceError(
      `${names.configKey} of the configuration names ${parsed.host}, and on a '${options.event}' event the configuration may come from a pull request: the ${names.backend} credentials are sent only to a host the workflow itself names`,
      `name it in the workflow: '${names.input}: ${chosen}' in the step's 'with:'`,
    );
  }
  return chosen;
}
