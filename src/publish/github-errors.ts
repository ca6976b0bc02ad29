import { PublishError } from '../errors.js';

/**
 * GitHub answers a token that lacks a permission with 403 "Resource not accessible by
 * integration". The user's fix is one line of the workflow, so that is what the error says.
 */
export function explain(error: unknown, what: string, permission: string): never {
  const status = (error as { status?: number }).status;
  const message = (error as Error).message ?? String(error);
  if (status === 403 && /not accessible by integration|permission|forbidden/i.test(message)) {
    throw new PublishError(
      `GitHub refused to ${what}: the token lacks the '${permission}' permission`,
      `add 'permissions: { ${permission}: write }' to the workflow or job`,
      { cause: error },
    );
  }
  if (status === 403 && /rate limit/i.test(message)) {
    throw new PublishError(
      `GitHub's API rate limit stopped trace-differ from being able to ${what}`,
      'wait for the limit to reset, or run less often',
      { cause: error },
    );
  }
  if (status === 404) {
    throw new PublishError(
      `GitHub could not find what trace-differ needed to ${what} (404)`,
      "check that 'github-token' can see this repository",
      { cause: error },
    );
  }
  throw new PublishError(`GitHub failed to ${what}: ${message}`, 'see the log above; re-running the job may help', {
    cause: error,
  });
}
