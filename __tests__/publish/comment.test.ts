import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishError } from '../../src/errors.js';
import { stickyCommentId, upsertStickyComment, withRetries } from '../../src/publish/index.js';
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
const post = (octokit: ReturnType<typeof getOctokit>, body: string, marker = 'gate:deploy') =>
  upsertStickyComment(octokit, { ...repo, issueNumber: 7, marker, body });

describe('the sticky PR comment', () => {
  it('is created once, then updated in place on every run', async () => {
    const { gh, octokit } = await client();
    const first = await post(octokit, 'run 1');
    const second = await post(octokit, 'run 2');
    expect(first.action).toBe('created');
    expect(second).toEqual({ id: first.id, action: 'updated' });
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toBe('<!-- trace-differ:gate:deploy -->\nrun 2');
  });

  it('finds its comment beyond the first page, and leaves people’s comments that quote the marker alone', async () => {
    const { gh, octokit } = await client({ pageSize: 10 });
    for (let i = 0; i < 35; i++)
      gh.state.comments.push({
        id: i + 1,
        issue_number: 7,
        body: `chatter ${i}`,
        user: { login: 'someone', type: 'User' },
      });
    gh.state.comments.push({
      id: 98,
      issue_number: 7,
      body: '<!-- trace-differ:gate:deploy -->\nquoted by a person',
      user: { login: 'someone', type: 'User' },
    });
    gh.state.comments.push({
      id: 99,
      issue_number: 7,
      body: '<!-- trace-differ:gate:deploy -->\nold',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect(await post(octokit, 'new')).toEqual({ id: 99, action: 'updated' });
    expect(gh.state.comments.find((c) => c.id === 98)!.body).toContain('quoted by a person');
    expect(gh.state.requests.filter((r) => r.startsWith('GET /repos/acme/shop/issues/7/comments'))).toHaveLength(4);
  });

  it('finds the comment of a GitHub App token (which cannot read /user) by its bot author', async () => {
    const { gh, octokit } = await client({ login: 'deploy-bot[bot]' });
    await post(octokit, 'run 1');
    await post(octokit, 'run 2');
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]).toMatchObject({
      user: { login: 'deploy-bot[bot]' },
      body: expect.stringContaining('run 2'),
    });
  });

  it('with a personal token, edits only that person’s comment, not a bot’s with the same marker', async () => {
    const { gh, octokit } = await client({ login: 'release-manager' });
    gh.state.comments.push({
      id: 5,
      issue_number: 7,
      body: '<!-- trace-differ:gate:deploy -->\nby the Actions token',
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect((await post(octokit, 'mine')).action).toBe('created');
    expect(gh.state.comments.find((c) => c.id === 5)!.body).toContain('by the Actions token');
  });

  it('is not fooled by another workflow’s comment whose report shows the marker as a span value', async () => {
    const { gh, octokit } = await client();
    await post(octokit, 'values: `<!-- trace-differ:gate:deploy -->`', 'gate:nightly');
    expect((await post(octokit, 'deploy report')).action).toBe('created');
    expect(gh.state.comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- trace-differ:gate:nightly -->',
      '<!-- trace-differ:gate:deploy -->',
    ]);
  });

  it('heals duplicates two racing runs left: the first is updated, the copies deleted', async () => {
    const { gh, octokit } = await client();
    for (const id of [11, 12, 13])
      gh.state.comments.push({
        id,
        issue_number: 7,
        body: `<!-- trace-differ:gate:deploy -->\ncopy ${id}`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      });
    expect(await post(octokit, 'latest')).toEqual({ id: 11, action: 'updated' });
    expect(gh.state.comments.map((c) => [c.id, c.body])).toEqual([[11, '<!-- trace-differ:gate:deploy -->\nlatest']]);
  });

  it('is one per workflow and query set: matrix jobs gating different queries keep their own', async () => {
    const { gh, octokit } = await client();
    expect(stickyCommentId('deploy')).toBe('gate:deploy');
    expect(stickyCommentId('deploy', ['ios', 'android'])).toBe('gate:deploy:android,ios');
    await post(octokit, 'android', stickyCommentId('deploy', ['android']));
    await post(octokit, 'ios', stickyCommentId('deploy', ['ios']));
    await post(octokit, 'android again', stickyCommentId('deploy', ['android']));
    expect(gh.state.comments.map((c) => c.body)).toEqual([
      '<!-- trace-differ:gate:deploy:android -->\nandroid again',
      '<!-- trace-differ:gate:deploy:ios -->\nios',
    ]);
  });
});

describe("GitHub's refusals, each one line with the fix", () => {
  const refusal = async (setup: (gh: GitHubServer) => void) => {
    const { gh, octokit } = await client();
    setup(gh);
    const error = await post(octokit, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    return (error as PublishError).describe();
  };

  it('403 without permission: names the permission to add', async () => {
    expect(
      await refusal((gh) => gh.failNext(/^POST .*\/comments$/, 403, 'Resource not accessible by integration')),
    ).toBe(
      "GitHub refused to comment on pull request #7: the token lacks the 'pull-requests' permission\n" +
        "  fix: add 'permissions: { pull-requests: write }' to the workflow or job (pull requests from forks and Dependabot only ever get a read-only token)",
    );
  });

  it('403 rate limit: says so and when it resets, not that a permission is missing', async () => {
    const reset = Date.UTC(2026, 10, 24, 14, 5) / 1000;
    const line = await refusal((gh) =>
      gh.failNext(/^GET .*\/comments$/, 403, 'API rate limit exceeded for installation ID 1.', {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      }),
    );
    expect(line).toBe(
      "GitHub's API rate limit stopped trace-differ from being able to comment on pull request #7 (it resets at 14:05 UTC)\n" +
        '  fix: wait for the limit to reset, or run less often',
    );
  });

  it('429 secondary rate limit: says to run less at once', async () => {
    const line = await refusal((gh) =>
      gh.failNext(/^POST .*\/comments$/, 429, 'You have exceeded a secondary rate limit.', {
        headers: { 'retry-after': '60' },
      }),
    );
    expect(line).toMatch(
      /^GitHub's secondary API rate limit .* \(retry after 60 s\)\n {2}fix: run less often or fewer queries at once$/,
    );
  });

  it('404: the pull request or repository cannot be seen', async () => {
    expect(await refusal((gh) => gh.failNext(/^GET .*\/comments$/, 404, 'Not Found'))).toBe(
      'GitHub could not find what trace-differ needed to comment on pull request #7 (404)\n' +
        "  fix: check that the pull request exists and that 'github-token' can see this repository",
    );
  });

  it('422: what GitHub found invalid', async () => {
    const line = await refusal((gh) =>
      gh.failNext(/^POST .*\/comments$/, 422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      }),
    );
    expect(line.split('\n')[0]).toBe(
      'GitHub rejected the request to comment on pull request #7: Validation Failed: body is too long (maximum is 65536 characters) (422)',
    );
  });
});

describe('retries', () => {
  const retrying = async () => {
    const { gh, octokit } = await client();
    return { gh, octokit: withRetries(octokit, { baseDelayMs: 10 }) };
  };
  const count = (gh: GitHubServer, line: RegExp) => gh.state.requests.filter((r) => line.test(r)).length;

  it('sends a read again after a 5xx', async () => {
    const { gh, octokit } = await retrying();
    gh.failNext(/^GET .*\/comments$/, 502, 'Bad Gateway', 2);
    expect((await post(octokit, 'x')).action).toBe('created');
    expect(count(gh, /^GET \/repos\/acme\/shop\/issues\/7\/comments/)).toBe(3);
  });

  it('does not send a create again after a 5xx: it may have been done, and a duplicate comment is worse than a failed run', async () => {
    const { gh, octokit } = await retrying();
    gh.failNext(/^POST .*\/comments$/, 502, 'Bad Gateway');
    const error = await post(octokit, 'x').catch((e: PublishError) => e.describe());
    expect(error).toBe(
      'GitHub failed to comment on pull request #7: Bad Gateway (502)\n  fix: re-running the job may help',
    );
    expect(count(gh, /^POST /)).toBe(1);
  });

  it('waits out a secondary rate limit that asks for a short pause, then goes on', async () => {
    const { gh, octokit } = await retrying();
    gh.failNext(/^POST .*\/comments$/, 403, 'You have exceeded a secondary rate limit.', {
      headers: { 'retry-after': '1' },
    });
    expect((await post(octokit, 'x')).action).toBe('created');
    expect(count(gh, /^POST /)).toBe(2);
    expect(gh.state.comments).toHaveLength(1);
  });

  it('does not wait for a primary rate limit to reset', async () => {
    const { gh, octokit } = await retrying();
    gh.failNext(/^GET .*\/comments$/, 403, 'API rate limit exceeded', { headers: { 'x-ratelimit-remaining': '0' } });
    await expect(post(octokit, 'x')).rejects.toThrow("GitHub's API rate limit stopped trace-differ");
    expect(count(gh, /^GET \/repos/)).toBe(1);
  });
});
