import { explain } from './github-errors.js';
import { tokenLogin, type Octokit } from './octokit.js';

export function markerOf(id: string): string {
  return `<!-- trace-differ:${id.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

/**
 * One comment per workflow and query set on the PR: found by its hidden marker and its author
 * over every page of comments, updated in place, never duplicated.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  options: { owner: string; repo: string; issueNumber: number; marker: string; body: string },
): Promise<{ id: number; action: 'created' | 'updated' }> {
  const marker = markerOf(options.marker);
  const body = `${marker}\n${options.body}`;
  const login = await tokenLogin(octokit);
  const params = { owner: options.owner, repo: options.repo, issue_number: options.issueNumber };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...params, per_page: 100 });
    const mine = comments.find((c) => c.body?.includes(marker) && (!login || c.user?.login === login));
    if (mine) {
      await octokit.rest.issues.updateComment({ owner: options.owner, repo: options.repo, comment_id: mine.id, body });
      return { id: mine.id, action: 'updated' };
    }
    const created = await octokit.rest.issues.createComment({ ...params, body });
    return { id: created.data.id, action: 'created' };
  } catch (error) {
    explain(error, `comment on pull request #${options.issueNumber}`, 'pull-requests');
  }
}
