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
