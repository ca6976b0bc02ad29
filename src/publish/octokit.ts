import type { getOctokit } from '@actions/github';

/** The client `@actions/github` makes: the REST methods and `paginate`. */
export type Octokit = ReturnType<typeof getOctokit>;

/** Who the token belongs to, when GitHub says (a personal access token). */
export async function tokenLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    // The GITHUB_TOKEN of Actions and GitHub App tokens cannot read /user; their comments are by a bot.
    return undefined;
  }
}

/**
 * Whether a comment or issue was written by this token: its login when known, else any bot
 * (github-actions[bot], or the app whose token it is). A person quoting the hidden marker never matches.
 */
export function writtenBy(
  login: string | undefined,
  user: { login?: string; type?: string } | null | undefined,
): boolean {
  if (!user) return false;
  return login ? user.login === login : user.type === 'Bot' || Boolean(user.login?.endsWith('[bot]'));
}

const TRANSIENT = new Set([500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PATCH', 'PUT', 'DELETE']);
const retried = new WeakSet<Octokit>();

interface Answer {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * Retries what GitHub asks to be retried, at most twice: a secondary rate limit with a short
 * `retry-after` (any method: the request was refused, not done), and a 5xx for requests that are
 * safe to send again (a POST that timed out may have created its comment already). A primary
 * rate limit is not waited for: it can take an hour to reset.
 */
export function withRetries(octokit: Octokit, options: { baseDelayMs?: number; maxWaitS?: number } = {}): Octokit {
  if (retried.has(octokit)) return octokit;
  retried.add(octokit);
  const base = options.baseDelayMs ?? 1000;
  const maxWait = options.maxWaitS ?? 60;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const e = error as Answer;
        const after = Number(e.response?.headers?.['retry-after']);
        const secondary =
          (e.status === 403 || e.status === 429) && Number.isFinite(after) && after > 0 && after <= maxWait;
        const transient = TRANSIENT.has(e.status ?? 0) && IDEMPOTENT.has(String(requestOptions.method).toUpperCase());
        if (attempt >= 2 || !(secondary || transient)) throw error;
        await new Promise((resolve) => setTimeout(resolve, secondary ? after * 1000 : base * 2 ** attempt));
      }
    }
  });
  return octokit;
}
