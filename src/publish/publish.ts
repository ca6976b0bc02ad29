import { PublishError } from '../errors.js';
import type { Logger } from '../log.js';
import { md } from '../report/escape.js';
import { renderMarkdown, type ReportLinks } from '../report/markdown.js';
import type { Report } from '../report/types.js';
import { stickyCommentId, upsertStickyComment } from './comment.js';
import { syncAlertIssue, type AlertAction } from './issue.js';
import { withRetries, type Octokit } from './octokit.js';
import { writeJobSummary } from './summary.js';
import type { FailOn, PublishTarget } from '../vocabulary.js';

/** GitHub's limits: a job summary holds 1 MiB, a comment or issue body 65,536 characters. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const COMMENT_LIMIT_CHARS = 65_536;
// Room for the hidden markers and the notices put in front of a rendering.
const MARGIN = 2_000;

export type { PublishTarget } from '../vocabulary.js';

export interface PublishOptions {
  targets: ReadonlySet<PublishTarget>;
  /** The mode that made the report: `gate` gets no alert issue, and is the mode a fork's read-only token matters to. */
  mode: string;
  /** Absent when there is no token or repository (a local run): comments and issues are skipped. */
  github?: { octokit: Octokit; owner: string; repo: string };
  /** The pull request the run is about; a fork's token is read-only, so it gets no comment. */
  pullRequest?: { number: number; fromFork: boolean };
  workflow?: string;
  /** The queries of this run when it covers only some of the config's (a matrix job): the comment is theirs. */
  queryIds?: readonly string[];
  alertOn: FailOn;
  runUrl?: string;
  /** Where the whole report is (the run's page with the job summary, the report artifact): a cut rendering links to them. */
  links?: ReportLinks;
  logger: Logger;
}

export interface PublishOutcome {
  comment?: 'created' | 'updated' | 'skipped';
  issues: Record<string, AlertAction>;
  /** One line each, with the fix: what could not be published. The caller decides whether the step fails. */
  problems: string[];
}

/** Notices go right after the first line, so the verdict stays first. */
function withNotices(markdown: string, notices: readonly string[]): string {
  if (notices.length === 0) return markdown;
  const cut = markdown.indexOf('\n\n');
  const head = cut < 0 ? markdown : markdown.slice(0, cut);
  const rest = cut < 0 ? '\n' : markdown.slice(cut);
  return `${head}\n\n${notices.map((n) => `> ${n}`).join('\n>\n')}${rest}`;
}

function problemOf(error: unknown): string {
  if (error instanceof PublishError) return error.fix ? `${error.message}; fix: ${error.fix}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Publishes a report where the run asks: the sticky PR comment, the alert issue of each query,
 * and last the job summary, which says what the others could not do (a fork's read-only token,
 * a missing permission). A publishing failure never hides the verdict: it is returned as a
 * problem line, and the outputs and the gate still happen.
 */
export async function publishReport(report: Report, o: PublishOptions): Promise<PublishOutcome> {
  const outcome: PublishOutcome = { issues: {}, problems: [] };
  const notices: string[] = [];
  const log = o.logger;
  const commentable = o.targets.has('comment');
  const prNumber = o.pullRequest?.number ?? report.pullRequest;
  if (o.github) withRetries(o.github.octokit);

  if (commentable && prNumber !== undefined) {
    if (o.pullRequest?.fromFork && o.mode === 'gate') {
      outcome.comment = 'skipped';
      const notice =
        'This pull request comes from a fork: its token is read-only, so no comment is posted. The gate still decides; ' +
        'see examples/workflows/fork-comment.yml to comment from a workflow_run.';
      log.warn(notice);
      notices.push(`ℹ️ ${notice}`);
    } else if (o.github) {
      try {
        const { action } = await upsertStickyComment(o.github.octokit, {
          owner: o.github.owner,
          repo: o.github.repo,
          issueNumber: prNumber,
          marker: stickyCommentId(o.workflow, o.queryIds),
          body: renderMarkdown(report, { maxChars: COMMENT_LIMIT_CHARS - MARGIN, links: o.links }),
        });
        outcome.comment = action;
        log.info(`PR #${prNumber}: comment ${action}`);
      } catch (error) {
        outcome.problems.push(problemOf(error));
      }
    }
  }

  if (o.targets.has('issue') && o.mode !== 'gate' && o.github) {
    for (const q of report.outcomes) {
      if (!q.result) continue;
      const single: Report = { ...report, verdict: q.result.verdict, outcomes: [q] };
      try {
        const action = await syncAlertIssue(o.github.octokit, {
          owner: o.github.owner,
          repo: o.github.repo,
          queryId: q.query.id,
          queryName: q.query.name,
          verdict: q.result.verdict,
          alertOn: o.alertOn,
          body: renderMarkdown(single, { maxChars: COMMENT_LIMIT_CHARS - MARGIN, links: o.links }),
          runUrl: o.runUrl,
        });
        outcome.issues[q.query.id] = action;
        if (action !== 'none') log.info(`[${q.query.id}] alert issue ${action}`);
      } catch (error) {
        outcome.problems.push(problemOf(error));
      }
    }
  }

  if ((commentable || o.targets.has('issue')) && !o.github)
    log.info('No GitHub token or repository in this environment: comments and alert issues are skipped.');

  // The caller reports the problems (once, as the step's error); the summary says them too.
  for (const p of outcome.problems) notices.push(`⚠️ ${md(p, 600)}`);
  if (o.targets.has('summary')) {
    // The summary does not link to itself: only to the artifact.
    const markdown = renderMarkdown(report, {
      maxBytes: SUMMARY_LIMIT_BYTES - MARGIN,
      links: o.links?.artifact ? { artifact: o.links.artifact } : undefined,
    });
    await writeJobSummary(withNotices(markdown, notices));
  }
  return outcome;
}
