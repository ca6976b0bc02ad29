import { explain } from './github-errors.js';
import { tokenLogin, writtenBy, type Octokit } from './octokit.js';

export function markerOf(id: string): string {
  return `<!-- trace-differ:${id.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

/**
 * The id of a workflow's sticky comment: one per workflow, and per query set when a run covers
 * only some queries (matrix jobs each gating their own query must not overwrite each other).
 */
export function stickyCommentId(workflow: string | undefined, queryIds?: readonly string[]): string {
  const base = `gate:${workflow ?? 'trace-differ'}`;
  return queryIds?.length ? `${base}:${[...queryIds].sort().join(',')}` : base;
}

/**
 * One comment per workflow and query set on the PR: found by its hidden marker and its author
 * over every page of comments, updated in place, never duplicated (copies left by two runs that
 * raced are deleted).
 */
export async function upsertStickyComment(
  octokit: Octokit,
  options: { owner: string; repo: string; issueNumber: number; marker: string; body: string },
): Promise<{ id: number; action: 'created' | 'updated' }> {
  const marker = markerOf(options.marker);
  const body = `${marker}\n${options.body}`;
  const repo = { owner: options.owner, repo: options.repo };
  try {
    const login = await tokenLogin(octokit);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: options.issueNumber,
      per_page: 100,
    });
    // The marker opens the body: a span value that merely contains marker text (it is in the report) never matches.
    const mine = comments.filter((c) => c.body?.startsWith(marker) && writtenBy(login, c.user));
    const [first, ...copies] = mine;
    if (first) {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
      for (const copy of copies) await octokit.rest.issues.deleteComment({ ...repo, comment_id: copy.id });
      return { id: first.id, action: 'updated' };
    }
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: options.issueNumber, body });
    return { id: created.data.id, action: 'created' };
  } catch (error) {
    explain(error, `comment on pull request #${options.issueNumber}`, 'pull-requests');
  }
}
