import type { getOctokit } from '@actions/github';

/** The client `@actions/github` makes: the REST methods and `paginate`. */
export type Octokit = ReturnType<typeof getOctokit>;

/** Who the token belongs to: comments and issues are only ever edited if trace-differ's own. */
export async function tokenLogin(octokit: Octokit): Promise<string | undefined> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    // The GITHUB_TOKEN of Actions cannot read /user; its comments are by github-actions[bot].
    return 'github-actions[bot]';
  }
}
