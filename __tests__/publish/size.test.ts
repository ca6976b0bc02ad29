import { getOctokit } from '@actions/github';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MetricRule } from '../../src/config/types.js';
import type { Span } from '../../src/dataset/types.js';
import { diff } from '../../src/diff/index.js';
import type { DiffResult } from '../../src/diff/types.js';
import { silentLogger } from '../../src/log.js';
import { mergeResults } from '../../src/modes/merge.js';
import {
  annotateFindings,
  ANNOTATIONS_PER_STEP,
  COMMENT_LIMIT_CHARS,
  publishReport,
  SUMMARY_LIMIT_BYTES,
  type PublishOptions,
} from '../../src/publish/index.js';
import { renderJson } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { datasetOf, SETTINGS, span, traffic } from '../diff/datasets.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';

/**
 * Big runs on GitHub's limits: a comment holds 65,536 characters, a job summary 1 MiB, and a step
 * shows 10 error annotations. What matters most — the failing query, its worst finding — must be
 * what survives the cut. Published as the action does it: the runner's summary file, the real
 * Octokit against the loopback GitHub, the workflow commands @actions/core prints.
 */
let dir: string;
let summaryFile: string;
let gh: GitHubServer;
const saved = process.env.GITHUB_STEP_SUMMARY;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-size-'));
  summaryFile = join(dir, 'step_summary');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
});
afterAll(() => {
  process.env.GITHUB_STEP_SUMMARY = saved;
});
beforeEach(async () => {
  await writeFile(summaryFile, '');
  gh = await startGitHubServer();
});
afterEach(() => gh.close());

const LINKS = {
  summary: 'https://github.com/acme/shop/actions/runs/42',
  artifact: 'https://github.com/acme/shop/actions/runs/42/artifacts/4242',
};

function options(extra: Partial<PublishOptions> = {}): PublishOptions {
  return {
    targets: new Set(['summary', 'comment']),
    mode: 'merge',
    github: { octokit: getOctokit('test-token', { baseUrl: gh.url }), owner: 'acme', repo: 'shop' },
    pullRequest: { number: 7, fromFork: false },
    workflow: 'deploy',
    alertOn: 'fail',
    links: LINKS,
    logger: silentLogger,
    ...extra,
  };
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
  return lines.filter((l) => l.startsWith('::'));
}

function diffOf(query: { id: string; name: string; query: string }, percent: number): DiffResult {
  return diff({
    baseline: [traffic(1, 1500)],
    current: traffic(2, 1500, { slower: [{ service: 'android', operation: '/api/make-payment', percent }] }),
    query,
    settings: SETTINGS,
  });
}

describe('a merge of 31 query results whose only failure comes last by name', () => {
  it('puts the failing query in the headline and in the cut comment and summary', async () => {
    // 30 queries with a warning (40 % slower: p95 +31 %, confirmed past +10 %), one that fails (60 % slower),
    // each a result file of a matrix job.
    const warn = diffOf({ id: 'w', name: 'w', query: 'service IN ("android")' }, 40);
    const fail = diffOf({ id: 'zz-payments', name: 'zz-payments', query: 'service IN ("android")' }, 60);
    expect(warn.verdict).toBe('warn');
    expect(fail.verdict).toBe('fail');
    const results = join(dir, 'results');
    const write = async (name: string, result: DiffResult) => {
      const query = { ...result.query, id: name, name };
      const report: Report = {
        mode: 'gate',
        verdict: result.verdict,
        outcomes: [{ query, result: { ...result, query }, warnings: [], rules: SETTINGS.thresholds.metrics }],
        generatedAt: '2026-11-24T00:00:00Z',
        pullRequest: 7,
      };
      await mkdir(join(results, name), { recursive: true });
      await writeFile(join(results, name, 'report.json'), renderJson(report));
    };
    for (let i = 1; i <= 30; i++) await write(`query-${String(i).padStart(2, '0')}`, warn);
    await write('zz-payments', fail);

    const report = await mergeResults(results, silentLogger, new Date('2026-11-24T00:00:00Z'));
    expect(report.outcomes.map((o) => o.query.name).at(-1)).toBe('zz-payments');
    expect(report.verdict).toBe('fail');
    await publishReport(report, options());

    const comment = gh.state.comments[0]!.body;
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    const [, headline] = comment.split('\n');
    expect(headline).toMatch(
      /^## ❌ 31 of 31 queries regressed — zz-payments: `\w+` = `[^`]+` p95 \+\d+% \(\d+ → \d+ ms\)/,
    );
    expect(comment).toContain('### ❌ zz-payments');
    // The failing query comes first, before the warnings.
    expect(comment.indexOf('### ❌ zz-payments')).toBeLessThan(comment.indexOf('### ⚠️ query-01'));
    expect(comment).toContain('> ✂️ This report was shortened');
    // The failing query keeps its value tables; the warnings after it are the ones cut.
    const zz = comment.split('### ❌ zz-payments')[1]!.split('\n### ')[0]!;
    expect(zz).not.toContain('✂️ Shortened');
    expect(zz).toContain('#### `operation`');
    expect(comment.split('\n### ').at(-1)).toContain('*✂️ Shortened: ');
    expect(comment).toContain(
      'The full report is in [the job summary](https://github.com/acme/shop/actions/runs/42) and [the report artifact](https://github.com/acme/shop/actions/runs/42/artifacts/4242).',
    );

    const summary = await readFile(summaryFile, 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary.split('\n')[0]).toBe(headline);
    expect(summary).toContain('### ❌ zz-payments');
  });
});

describe('a diff of 5,000 changed values', () => {
  /** `n` spans of an operation, 1–2 ms, `factor` times slower. */
  const spans = (operation: string, n: number, factor: number, side: string): Span[] =>
    Array.from({ length: n }, (_, i) =>
      span({
        operation,
        traceId: `${side}-${operation.slice(0, 40)}-${i}`,
        durationUs: Math.round((1000 + i * 25) * factor),
      }),
    );
  const huge = 'h'.repeat(10_000);
  const operations = [huge, ...Array.from({ length: 4_999 }, (_, i) => `operation-${i}`)];
  // 4,000 values (and the 10 kB one) 60 % slower, the rest calm.
  const side = (current: boolean) =>
    datasetOf(
      operations.flatMap((op, i) => spans(op, 40, current && i <= 4_000 ? 1.6 : 1, current ? 'c' : 'b')),
      { windowMinutes: 10 },
    );
  // 40 traces a value bound no p95 interval (+60 % is a notice there); their mean is bounded, so a mean rule fails.
  const rules: MetricRule[] = [
    ...SETTINGS.thresholds.metrics,
    {
      metric: 'latency.avg',
      levels: [{ severity: 'fail', change: { kind: 'relative', amount: 0.25, text: '+25%' } }],
      text: 'latency.avg: +25%',
    },
  ];
  const result = diff({
    baseline: [side(false)],
    current: side(true),
    query: { id: 'all', name: 'Every operation', query: 'service IN ("svc")' },
    settings: { ...SETTINGS, groupBy: [['operation']], thresholds: { ...SETTINGS.thresholds, metrics: rules } },
  });
  const report: Report = {
    mode: 'gate',
    verdict: result.verdict,
    outcomes: [{ query: result.query, result, warnings: [], rules }],
    generatedAt: '2026-11-24T00:00:00Z',
  };

  it('fits the comment and the summary within GitHub’s limits, the verdict first', async () => {
    expect(result.groups[0]!.changed).toHaveLength(5_000);
    expect(result.findings.length).toBeGreaterThan(4_000);
    await publishReport(report, options({ mode: 'gate' }));
    const comment = gh.state.comments[0]!.body;
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(comment.split('\n')[1]).toMatch(/^## ❌ [\d,]+ regressions in Every operation: `operation` = /);
    expect(comment).toMatch(/^\| ❌ fail \| `operation` \|/m);
    const summary = await readFile(summaryFile, 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary.length).toBeGreaterThan(comment.length);
  });

  it('writes at most 10 annotations with the step’s failure, the most important, each short, and counts the rest', async () => {
    const annotations = await commands(() => annotateFindings(report, 'fail'));
    // The step's own failure message (core.setFailed) is the tenth error annotation.
    expect(annotations.length).toBe(ANNOTATIONS_PER_STEP - 1);
    for (const a of annotations) expect(a.length).toBeLessThan(500);
    expect(annotations.at(-1)).toMatch(
      /^::error title=trace-differ%3A [\d,]+ more findings::[\d,]+ more findings reach fail-on: fail in 1 query; /,
    );
    // The 10 kB value is the most impactful (its spans are the slowest) and is cut, not dropped.
    expect(annotations.some((a) => a.includes(`operation = ${'h'.repeat(99)}…`))).toBe(true);
  });
});
