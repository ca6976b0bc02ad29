import { getOctokit } from '@actions/github';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diff } from '../../src/diff/index.js';
import { silentLogger } from '../../src/log.js';
import {
  annotateFindings,
  publishReport,
  setRunOutputs,
  writePlanSummary,
  type PublishOptions,
  type PublishTarget,
} from '../../src/publish/index.js';
import type { Report } from '../../src/report/types.js';
import { SETTINGS, traffic } from '../diff/datasets.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';

/**
 * Publishing as the action does it: the real job summary and outputs files of a runner
 * (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT), the real Octokit against the loopback GitHub, and the
 * workflow commands @actions/core prints for annotations.
 */
let dir: string;
let summaryFile: string;
let outputFile: string;
let gh: GitHubServer;
const saved = { summary: process.env.GITHUB_STEP_SUMMARY, output: process.env.GITHUB_OUTPUT };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-publish-'));
  summaryFile = join(dir, 'step_summary');
  outputFile = join(dir, 'output');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.env.GITHUB_OUTPUT = outputFile;
});
afterAll(() => {
  process.env.GITHUB_STEP_SUMMARY = saved.summary;
  process.env.GITHUB_OUTPUT = saved.output;
});
beforeEach(async () => {
  // The runner gives each step empty files.
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  gh = await startGitHubServer();
});
afterEach(() => gh.close());

const ANDROID = { id: 'android', name: 'Android checkout', query: 'service IN ("android")' };
function regression(): Report {
  const result = diff({
    baseline: [traffic(1, 2000)],
    // 60 % slower: p95 +45 %, its interval past the +25 % fail level (40 % reaches only the warn level).
    current: traffic(2, 2000, { slower: [{ service: 'android', operation: '/api/make-payment', percent: 60 }] }),
    query: ANDROID,
    settings: { ...SETTINGS, groupBy: [['operation']] },
  });
  return {
    mode: 'gate',
    verdict: result.verdict,
    outcomes: [{ query: ANDROID, result, warnings: [] }],
    generatedAt: '',
  };
}

function options(extra: Partial<PublishOptions> = {}): PublishOptions {
  return {
    targets: new Set<PublishTarget>(['summary', 'comment']),
    mode: 'gate',
    github: { octokit: getOctokit('test-token', { baseUrl: gh.url }), ...{ owner: 'acme', repo: 'shop' } },
    pullRequest: { number: 7, fromFork: false },
    workflow: 'deploy',
    alertOn: 'fail',
    logger: silentLogger,
    ...extra,
  };
}

/** The outputs file as the runner reads it: `name<<DELIMITER`, the value, the delimiter. */
async function outputs(): Promise<Record<string, string>> {
  const text = await readFile(outputFile, 'utf8');
  const result: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) result[m[1]!] = m[3]!;
  return result;
}

/** What @actions/core prints as workflow commands while `fn` runs. */
async function commands(fn: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = write;
  }
  // The runner decodes %25 in a command's message back to %.
  return lines.filter((l) => l.startsWith('::')).map((l) => l.replace(/%25/g, '%'));
}

describe('publishing a gate run', () => {
  it('posts the sticky comment and writes the same report to the job summary', async () => {
    const published = await publishReport(regression(), options());
    expect(published).toEqual({ comment: 'created', issues: {}, problems: [] });
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toMatch(
      /^## ❌ 1 regression in Android checkout: `operation` = `\/api\/make-payment` p95 \+\d+% \(\d+ → \d+ ms\)\n/,
    );
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toBe(`<!-- trace-differ:gate:deploy -->\n${summary.trimEnd()}\n`);
  });

  it('skips the comment on a fork’s pull request, says so in the summary, and leaves the verdict to the gate', async () => {
    const published = await publishReport(regression(), options({ pullRequest: { number: 7, fromFork: true } }));
    expect(published).toEqual({ comment: 'skipped', issues: {}, problems: [] });
    expect(gh.state.requests).toEqual([]);
    const summary = await readFile(summaryFile, 'utf8');
    const [first, , notice] = summary.split('\n');
    expect(first).toMatch(/^## ❌ /);
    expect(notice).toBe(
      '> ℹ️ This pull request comes from a fork: its token is read-only, so no comment is posted. The gate still decides; see examples/workflows/fork-comment.yml to comment from a workflow_run.',
    );
  });

  it('turns a missing permission into one problem line with the fix, in the summary too, and does not throw', async () => {
    gh.failNext(/^POST .*\/comments$/, 403, 'Resource not accessible by integration');
    const published = await publishReport(regression(), options());
    expect(published.problems).toEqual([
      "GitHub refused to comment on pull request #7: the token lacks the 'pull-requests' permission; fix: add 'permissions: { pull-requests: write }' to the workflow or job (pull requests from forks and Dependabot only ever get a read-only token)",
    ]);
    expect(await readFile(summaryFile, 'utf8')).toContain(
      "> ⚠️ GitHub refused to comment on pull request \\#\u20607: the token lacks the 'pull-requests' permission; fix: add 'permissions: { pull-requests: write }'",
    );
  });

  it('keeps the job summary under 1 MiB and the comment under 65,536 characters', async () => {
    const report = regression();
    // 600 copies of the query: about 2 MiB of markdown in full.
    report.outcomes = Array.from({ length: 600 }, () => report.outcomes[0]!);
    report.fullReportHint = 'the artifacts of https://github.com/acme/shop/actions/runs/42';
    await publishReport(report, options());
    const summary = await readFile(summaryFile);
    expect(summary.length).toBeLessThan(1024 * 1024);
    expect(summary.toString()).toContain(
      'The full report is in the artifacts of https:\u2060//github.com/acme/shop/actions/runs/42',
    );
    expect(gh.state.comments[0]!.body.length).toBeLessThan(65_536);
  });
});

describe('publishing a scheduled collect', () => {
  it('opens the alert issue of the failing query; the summary is written as well', async () => {
    const report = { ...regression(), mode: 'collect' };
    const published = await publishReport(
      report,
      options({ mode: 'collect', targets: new Set(['summary', 'issue']), pullRequest: undefined }),
    );
    expect(published).toEqual({ issues: { android: 'opened' }, problems: [] });
    expect(gh.state.issues.map((i) => i.title)).toEqual(['trace-differ: Android checkout regressed (fail)']);
    expect(await readFile(summaryFile, 'utf8')).toMatch(/^## ❌ /);
  });

  it('without a token, publishes the summary only', async () => {
    const published = await publishReport(
      regression(),
      options({ mode: 'collect', targets: new Set(['summary', 'issue']), github: undefined }),
    );
    expect(published).toEqual({ issues: {}, problems: [] });
    expect(await readFile(summaryFile, 'utf8')).toMatch(/^## ❌ /);
  });
});

describe('the plan', () => {
  it('has a job summary too: the queries the matrix runs', async () => {
    await writePlanSummary(['android', 'ios']);
    expect(await readFile(summaryFile, 'utf8')).toBe(
      '## 🗺️ trace-differ plan: 2 queries, one job each\n\n- `android`\n- `ios`\n\n',
    );
  });
});

describe('outputs and the gate', () => {
  it('sets verdict, findings and the report paths through the GITHUB_OUTPUT file', async () => {
    setRunOutputs({
      verdict: 'fail',
      findings: 3,
      reportJson: '/tmp/r/report.json',
      reportMarkdown: '/tmp/r/report.md',
    });
    expect(await outputs()).toEqual({
      verdict: 'fail',
      findings: '3',
      'report-json': '/tmp/r/report.json',
      'report-markdown': '/tmp/r/report.md',
    });
  });

  it('annotates each failing finding with one error, and under dry-run with a warning instead', async () => {
    const report = regression();
    const failing = report.outcomes[0]!.result!.findings.filter((f) => f.severity === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const errors = await commands(() => annotateFindings(report, 'fail'));
    expect(errors).toHaveLength(failing.length);
    expect(errors[0]).toMatch(
      /^::error title=trace-differ%3A Android checkout regressed::operation = \/api\/make-payment: latency\.p95 \+\d+% \(\d+ → \d+ ms\), rule latency\.p95: \{ warn: \+10%, fail: \+25% \}$/,
    );
    const warnings = await commands(() => annotateFindings(report, 'fail', { dryRun: true }));
    expect(warnings).toHaveLength(failing.length);
    expect(warnings[0]).toMatch(/^::warning title=trace-differ \(dry-run\)%3A Android checkout would fail::operation /);
    expect(await commands(() => annotateFindings(report, 'never'))).toEqual([]);
  });
});
