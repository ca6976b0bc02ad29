import { PublishError } from '../errors.js';

/** The parts of Octokit's RequestError that say what went wrong. */
interface GitHubAnswer {
  status?: number;
  message?: string;
  response?: {
    headers?: Record<string, string | number | undefined>;
    data?: { message?: string; errors?: ({ message?: string; code?: string; field?: string } | string)[] };
  };
}

function header(error: GitHubAnswer, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** `resets at 14:05 UTC` from the epoch seconds GitHub sends in x-ratelimit-reset. */
function resetTime(error: GitHubAnswer): string {
  const reset = Number(header(error, 'x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0)
    return ` (it resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC)`;
  const after = Number(header(error, 'retry-after'));
  return Number.isFinite(after) && after > 0 ? ` (retry after ${after} s)` : '';
}

function validationDetails(error: GitHubAnswer): string {
  const errors = error.response?.data?.errors ?? [];
  const details = errors
    .map((e) => (typeof e === 'string' ? e : (e.message ?? [e.field, e.code].filter(Boolean).join(' '))))
    .filter(Boolean);
  return details.length ? `: ${details.join('; ')}` : '';
}

/**
 * Turns GitHub's answer into one line a person can act on. A token without a permission gets
 * 403 "Resource not accessible by integration"; the fix is one line of the workflow, so that is
 * what the error says. Rate limits say when they reset; 404, 410 and 422 say what GitHub found.
 */
export function explain(error: unknown, what: string, permission: string): never {
  const answer = (typeof error === 'object' && error !== null ? error : {}) as GitHubAnswer;
  const status = answer.status;
  const message = answer.response?.data?.message ?? answer.message ?? String(error);
  const rateLimited =
    (status === 403 || status === 429) &&
    (header(answer, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message) || status === 429);
  if (rateLimited) {
    const secondary = /secondary/i.test(message);
    throw new PublishError(
      `GitHub's ${secondary ? 'secondary ' : ''}API rate limit stopped trace-differ from being able to ${what}${resetTime(answer)}`,
      secondary ? 'run less often or fewer queries at once' : 'wait for the limit to reset, or run less often',
      { cause: error },
    );
  }
  if (status === 403) {
    throw new PublishError(
      `GitHub refused to ${what}: the token lacks the '${permission}' permission`,
      `add 'permissions: { ${permission}: write }' to the workflow or job (pull requests from forks and Dependabot only ever get a read-only token)`,
      { cause: error },
    );
  }
  if (status === 401) {
    throw new PublishError(
      `GitHub did not accept the token to ${what} (401 ${message})`,
      "check the 'github-token' input",
      {
        cause: error,
      },
    );
  }
  if (status === 404) {
    throw new PublishError(
      `GitHub could not find what trace-differ needed to ${what} (404)`,
      "check that the pull request exists and that 'github-token' can see this repository",
      { cause: error },
    );
  }
  if (status === 410) {
    throw new PublishError(
      `GitHub refused to ${what}: ${message} (410)`,
      "enable issues in the repository settings, or leave 'issue' out of the 'publish' input",
      { cause: error },
    );
  }
  if (status === 422) {
    throw new PublishError(
      `GitHub rejected the request to ${what}: ${message}${validationDetails(answer)} (422)`,
      'this is likely a bug in trace-differ; please report it with this line',
      { cause: error },
    );
  }
  throw new PublishError(
    `GitHub failed to ${what}: ${message}${status ? ` (${status})` : ''}`,
    're-running the job may help',
    { cause: error },
  );
}
