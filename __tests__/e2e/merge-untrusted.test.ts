import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import type { Report } from '../../src/report/types.js';
import { QUERY, SETTINGS, traffic } from '../diff/datasets.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runAction } from './run-action.js';

/**
 * fork-comment.yml's merge step reads report.json from an artifact the fork's pull request uploaded, and
 * posts it with a write token. A fork that rewrites that file must not get links, images or @-mentions
 * into the bot's comment: through the bundled action, the loopback GitHub, and the real comment it posts.
 */
const EVIL = 'https://evil.example';
let gh: GitHubServer;
let workspace: string;

beforeAll(async () => {
  gh = await startGitHubServer();
  workspace = await mkdtemp(join(tmpdir(), 'td-merge-untrusted-'));
});
afterAll(() => gh?.close());

/** A genuine gate result with findings, as the fork's gate job would have uploaded it. */
function genuineReport(): Report & { outcomes: { result: DiffResult }[] } {
  const result = diff({
    baseline: [traffic(1, 150)],
    current: traffic(2, 150, { slower: [{ service: 'android', operation: '/api/get-transactions', percent: 80 }] }),
    query: QUERY,
    settings: SETTINGS,
  });
  expect(result.findings.length).toBeGreaterThan(0);
  return {
    mode: 'gate',
    verdict: result.verdict,
    outcomes: [{ query: QUERY, result, warnings: [] }],
    generatedAt: '2026-11-30T00:00:00.000Z',
    pullRequest: 12,
  };
}

/** The comment with its code spans taken out: what is left is what GitHub would render as markdown. */
function outsideCode(body: string): string {
  return body.replace(/(`+)[^`]*?\1/g, ' ');
}

describe('merge mode with a results file a fork rewrote', () => {
  it('sets aside fields the markdown prints as they are, escapes the text, and links only to trusted hosts', async () => {
    const results = join(workspace, 'results');
    // 1. Payloads in the fields the markdown prints verbatim: pooled, collectedAt, a finding's change and metric.
    const verbatim = genuineReport();
    const r1 = verbatim.outcomes[0]!.result;
    (r1.current as { pooled: unknown }).pooled = `2 [pooled](${EVIL}/p) ![x](${EVIL}/p.png) @mallory`;
    (r1.baseline as { collectedAt: string }).collectedAt = `2026-11-29 <img src="${EVIL}/c.png"> @octocat`;
    (r1.findings[0] as { change: string }).change = `[+90%](${EVIL}/f) ![](${EVIL}/f.png) @acme/security`;
    (r1.findings[0] as { metric: string }).metric = `latency.p95 [m](${EVIL}/m) @admin`;
    await mkdir(join(results, 'trace-differ-result-a'), { recursive: true });
    await writeFile(join(results, 'trace-differ-result-a', 'report.json'), JSON.stringify(verbatim));
    // 2. Payloads in free text (kept, escaped), UI links to other hosts, a javascript: link, and 1e999 (Infinity).
    const text = genuineReport();
    const r2 = text.outcomes[0]!.result;
    text.outcomes[0]!.query = { ...QUERY, name: `Checkout @everyone [n](${EVIL}/n) <img src=${EVIL}/n.png>` };
    text.outcomes[0]!.warnings = [`![w](${EVIL}/w.png) @mallory see ${EVIL}/w`];
    r2.reason = `<a href="${EVIL}/r">click</a> @octocat`;
    r2.current.uiLink = `${EVIL}/phish`;
    r2.current.snapshotId = 'snap-1';
    r2.baseline!.uiLink = 'javascript:alert(1)';
    r2.baseline!.snapshotId = 'snap-0';
    (r2.findings[0] as { value: string }).value = `](${EVIL}/v) @mallory`;
    (r2.findings[0] as { rule: string }).rule = `<img src=${EVIL}/rule.png>`;
    await mkdir(join(results, 'trace-differ-result-b'), { recursive: true });
    await writeFile(join(results, 'trace-differ-result-b', 'report.json'), JSON.stringify(text));
    // 3. A number no JSON writer emits: 1e999 parses to Infinity.
    const infinite = JSON.stringify(genuineReport()).replace(/"spans":\d+/, '"spans":1e999');
    await mkdir(join(results, 'trace-differ-result-c'), { recursive: true });
    await writeFile(join(results, 'trace-differ-result-c', 'report.json'), infinite);

    gh.state.pulls.push({ number: 12, head: { sha: 'c'.repeat(40) } });
    const r = await runAction({
      workspace,
      eventName: 'workflow_run',
      event: {
        action: 'completed',
        workflow_run: {
          event: 'pull_request',
          head_sha: 'c'.repeat(40),
          head_repository: { full_name: 'mallory/shop' },
          pull_requests: [],
        },
        repository: { full_name: 'acme/shop', default_branch: 'main' },
      },
      runId: 900,
      apiUrl: gh.url,
      inputs: {
        mode: 'merge',
        results,
        publish: 'summary,comment',
        'fail-on': 'never',
        'github-token': 'ghs_workflow_token',
        'artifact-retention-days': '0',
      },
      extraEnv: { GITHUB_WORKFLOW: 'trace-differ (comment on fork PRs)' },
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /::warning::.*trace-differ-result-a.report\.json was set aside: .*outcomes\.0\.result\.current\.pooled: .*outcomes\.0\.result\.findings\.0\.metric: .*outcomes\.0\.result\.findings\.0\.change: /,
    );
    expect(r.stdout).toMatch(
      /::warning::.*trace-differ-result-c.report\.json was set aside: outcomes\.0\.result\.current\.spans: /,
    );
    expect(r.stdout).toMatch(
      /::warning::.*trace-differ-result-b.report\.json: a UI link to an untrusted host was left out/,
    );

    const comments = gh.state.comments.filter((c) => c.issue_number === 12);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toMatch(/Checkout/); // file b was posted
    const markdown = outsideCode(body);
    // No link, image or HTML to another host; no @-mention; no bare URL GitHub would link.
    // An escaped bracket (\\]) is text, not the end of a link.
    const targets = [...markdown.matchAll(/(?<!\\)\]\(([^)\s]+)/g)].map((m) => m[1]!);
    for (const target of targets) expect(new URL(target).hostname).toMatch(/(^|\.)(github\.com|lightstep\.com)$/);
    expect(markdown).not.toMatch(/(?<!\\)<(img|a\s)/i); // `\<img` is text
    expect(markdown).not.toMatch(/@(everyone|mallory|octocat|admin|acme)/);
    expect(markdown).not.toContain(EVIL);
    expect(markdown).not.toContain('javascript:');
    // What file a carried never reached the comment at all.
    expect(body).not.toMatch(/evil\.example.(p|c|f|m)\b/);
  });
});
