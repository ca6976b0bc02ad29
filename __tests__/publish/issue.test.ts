import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { syncAlertIssue, type AlertOptions } from '../../src/publish/index.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';

/** The real Octokit of @actions/github, over real HTTP, against the loopback GitHub. */
let gh: GitHubServer | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

async function client(options: { login?: string } = {}) {
  gh = await startGitHubServer(options);
  return { gh, octokit: getOctokit('test-token', { baseUrl: gh.url }) };
}

const repo = { owner: 'acme', repo: 'shop' };
const alert = (verdict: AlertOptions['verdict'], extra: Partial<AlertOptions> = {}): AlertOptions => ({
  ...repo,
  queryId: 'android',
  queryName: 'Android checkout',
  verdict,
  alertOn: 'fail',
  body: `report: ${verdict}`,
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
  ...extra,
});

describe('the alert issue of a query', () => {
  it('opens on a failing verdict, stays quiet while unchanged, and closes with a comment on recovery', async () => {
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
      body: '<!-- trace-differ:alert:android -->\n<!-- trace-differ-verdict:fail -->\nreport: fail',
    });
    // Unchanged: no comment (no notification), but the body shows the latest report.
    expect(await syncAlertIssue(octokit, alert('fail', { body: 'report: fail, run 2' }))).toBe('unchanged');
    expect(issue!.body).toMatch(/\nreport: fail, run 2$/);
    expect(await syncAlertIssue(octokit, alert('inconclusive'))).toBe('unchanged');
    expect(gh.state.comments).toHaveLength(0);
    expect(await syncAlertIssue(octokit, alert('pass'))).toBe('closed');
    expect(issue!.state).toBe('closed');
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toBe(
      '✅ Recovered: the verdict is now **pass** ([run](https://github.com/acme/shop/actions/runs/42)).\n\nreport: pass',
    );
    // A new regression opens a new issue: the closed one is history.
    expect(await syncAlertIssue(octokit, alert('fail'))).toBe('opened');
    expect(gh.state.issues).toHaveLength(2);
  });

  it('comments when the verdict changes while it alerts, and retitles the issue', async () => {
    const { gh, octokit } = await client();
    await syncAlertIssue(octokit, alert('warn', { alertOn: 'warn' }));
    expect(await syncAlertIssue(octokit, alert('fail', { alertOn: 'warn' }))).toBe('updated');
    expect(gh.state.issues[0]!.title).toBe('trace-differ: Android checkout regressed (fail)');
    expect(gh.state.comments.map((c) => c.body)).toEqual([
      'The verdict changed from warn to **fail** ([run](https://github.com/acme/shop/actions/runs/42)).',
    ]);
  });

  it('is found by its label and hidden marker through the issues list, never by search (which lags)', async () => {
    const { gh, octokit } = await client();
    await syncAlertIssue(octokit, alert('fail'));
    gh.state.requests.length = 0;
    await syncAlertIssue(octokit, alert('pass'));
    expect(gh.state.requests.some((r) => r.includes('/search/'))).toBe(false);
    expect(gh.state.requests).toContain('GET /repos/acme/shop/issues?state=open&labels=trace-differ&per_page=100');
  });

  it('keeps one issue per query, and leaves an issue a person wrote with the marker alone', async () => {
    const { gh, octokit } = await client();
    gh.state.issues.push({
      id: 1,
      number: 1,
      title: 'copied the marker',
      body: '<!-- trace-differ:alert:android -->',
      state: 'open',
      labels: [{ name: 'trace-differ' }],
      user: { login: 'someone', type: 'User' },
    });
    await syncAlertIssue(octokit, alert('fail'));
    await syncAlertIssue(octokit, alert('fail', { queryId: 'ios', queryName: 'iOS' }));
    expect(gh.state.issues.map((i) => i.title)).toEqual([
      'copied the marker',
      'trace-differ: Android checkout regressed (fail)',
      'trace-differ: iOS regressed (fail)',
    ]);
    expect(gh.state.issues[0]!.state).toBe('open');
  });

  it('uses the label another run created in between', async () => {
    const { gh, octokit } = await client();
    // The label lookup says 404, but by the time trace-differ creates it, it exists (422 already_exists).
    gh.failNext(/^GET \/repos\/acme\/shop\/labels\//, 404, 'Not Found');
    gh.state.labels.add('trace-differ');
    expect(await syncAlertIssue(octokit, alert('fail'))).toBe('opened');
  });

  it('names the permission to add when issues are read-only, and says when issues are disabled', async () => {
    const { gh, octokit } = await client();
    gh.failNext(/^POST \/repos\/acme\/shop\/issues$/, 403, 'Resource not accessible by integration');
    await expect(syncAlertIssue(octokit, alert('fail'))).rejects.toThrow(
      "GitHub refused to update the alert issue of query 'android': the token lacks the 'issues' permission",
    );
    gh.failNext(/^POST \/repos\/acme\/shop\/issues$/, 410, 'Issues are disabled for this repo');
    const error = await syncAlertIssue(octokit, alert('fail')).catch((e: { describe(): string }) => e.describe());
    expect(error).toBe(
      "GitHub refused to update the alert issue of query 'android': Issues are disabled for this repo (410)\n" +
        "  fix: enable issues in the repository settings, or leave 'issue' out of the 'publish' input",
    );
  });
});
