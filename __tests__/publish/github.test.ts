import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/errors.js';
import { syncAlertIssue, upsertStickyComment, type AlertOptions } from '../../src/publish/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';

/** The real Octokit of @actions/github, over real HTTP, against the loopback GitHub. */
let gh: GitHubServer | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function client(options: { login?: string; pageSize?: number } = {}) {
  gh = await startGitHubServer(options);
  return { gh, octokit: getOctokit('test-token', { baseUrl: gh.url }) };
}

const repo = { owner: 'acme', repo: 'shop' };

describe('the sticky PR comment', () => {
  it('is created once, then updated in place on every run', async () => {
    const { gh, octokit } = await client();
    const first = await upsertStickyComment(octokit, { ...repo, issueNumber: 7, marker: 'gate', body: 'run 1' });
    const second = await upsertStickyComment(octokit, { ...repo, issueNumber: 7, marker: 'gate', body: 'run 2' });
    expect(first.action).toBe('created');
    expect(second).toEqual({ id: first.id, action: 'updated' });
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toBe('<!-- trace-differ:gate -->\nrun 2');
  });

  it('finds its comment beyond the first page, and leaves other people’s comments with the marker alone', async () => {
    const { gh, octokit } = await client({ pageSize: 10 });
    for (let i = 0; i < 35; i++)
      gh.state.comments.push({ id: i + 1, issue_number: 7, body: `chatter ${i}`, user: { login: 'someone' } });
    gh.state.comments.push({
      id: 98,
      issue_number: 7,
      body: '<!-- trace-differ:gate -->\nquoted by a person',
      user: { login: 'someone' },
    });
    gh.state.comments.push({
      id: 99,
      issue_number: 7,
      body: '<!-- trace-differ:gate -->\nold',
      user: { login: 'github-actions[bot]' },
    });
    const result = await upsertStickyComment(octokit, { ...repo, issueNumber: 7, marker: 'gate', body: 'new' });
    expect(result).toEqual({ id: 99, action: 'updated' });
    expect(gh.state.comments.find((c) => c.id === 98)!.body).toContain('quoted by a person');
    expect(
      gh.state.requests.filter((r) => r.startsWith('GET /repos/acme/shop/issues/7/comments')).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('names the permission to add when the token may not comment', async () => {
    const { gh, octokit } = await client();
    gh.failNext(/^POST .*\/comments$/, 403, 'Resource not accessible by integration');
    const error = await upsertStickyComment(octokit, { ...repo, issueNumber: 7, marker: 'gate', body: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).describe()).toBe(
      "GitHub refused to comment on pull request #7: the token lacks the 'pull-requests' permission\n  fix: add 'permissions: { pull-requests: write }' to the workflow or job",
    );
  });
});

describe('the alert issue', () => {
  const alert = (verdict: AlertOptions['verdict'], body = `report: ${verdict}`): AlertOptions => ({
    ...repo,
    queryId: 'android',
    queryName: 'Android checkout',
    verdict,
    alertOn: 'fail',
    body,
  });

  it('opens on a failing verdict, stays quiet while unchanged, comments on a change, closes on recovery', async () => {
    const { gh, octokit } = await client();
    expect(await syncAlertIssue(octokit, alert('pass'))).toBe('none');
    expect(gh.state.issues).toHaveLength(0);
    expect(await syncAlertIssue(octokit, alert('fail'))).toBe('opened');
    expect(gh.state.labels.has('trace-differ')).toBe(true);
    const [issue] = gh.state.issues;
    expect(issue).toMatchObject({
      title: 'trace-differ: Android checkout regressed (fail)',
      state: 'open',
      labels: [{ name: 'trace-differ' }],
    });
    expect(await syncAlertIssue(octokit, alert('fail'))).toBe('unchanged');
    expect(await syncAlertIssue(octokit, alert('inconclusive'))).toBe('unchanged');
    expect(gh.state.comments).toHaveLength(0);
    expect(await syncAlertIssue(octokit, alert('pass'))).toBe('closed');
    expect(issue!.state).toBe('closed');
    expect(gh.state.comments[0]!.body).toMatch(/^✅ Recovered: the verdict is now \*\*pass\*\*/);
    // A new regression opens a new issue: the closed one is history.
    expect(await syncAlertIssue(octokit, alert('fail'))).toBe('opened');
    expect(gh.state.issues).toHaveLength(2);
  });

  it('keeps one issue per query', async () => {
    const { gh, octokit } = await client();
    await syncAlertIssue(octokit, alert('fail'));
    await syncAlertIssue(octokit, { ...alert('fail'), queryId: 'ios', queryName: 'iOS' });
    expect(gh.state.issues.map((i) => i.title)).toEqual([
      'trace-differ: Android checkout regressed (fail)',
      'trace-differ: iOS regressed (fail)',
    ]);
  });

  it('names the permission to add when issues are read-only', async () => {
    const { gh, octokit } = await client();
    gh.failNext(/^POST \/repos\/acme\/shop\/issues$/, 403, 'Resource not accessible by integration');
    await expect(syncAlertIssue(octokit, alert('fail'))).rejects.toThrow("the token lacks the 'issues' permission");
  });
});
