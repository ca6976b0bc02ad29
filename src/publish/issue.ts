import { reaches, type FailOn, type Verdict } from '../vocabulary.js';
import { markerOf } from './comment.js';
import { explain } from './github-errors.js';
import { tokenLogin, writtenBy, type Octokit } from './octokit.js';

export const ALERT_LABEL = 'trace-differ';

export interface AlertOptions {
  owner: string;
  repo: string;
  queryId: string;
  queryName: string;
  verdict: Verdict;
  alertOn: FailOn;
  /** The report of this query, markdown. */
  body: string;
  runUrl?: string;
}

export type AlertAction = 'opened' | 'updated' | 'closed' | 'unchanged' | 'none';

/**
 * The alert issue of one query: opened when the verdict reaches alert-on, found again by label
 * and hidden marker through the issues list (search lags), commented on only when the verdict
 * changes (a comment every run would be noise), closed with a comment when the query recovers.
 * An inconclusive run changes nothing: it neither raises nor clears an alert.
 */
export async function syncAlertIssue(octokit: Octokit, o: AlertOptions): Promise<AlertAction> {
  const marker = markerOf(`alert:${o.queryId}`);
  const repo = { owner: o.owner, repo: o.repo };
  const alerting = reaches(o.verdict, o.alertOn);
  const stateLine = (v: Verdict) => `<!-- trace-differ-verdict:${v} -->`;
  try {
    const login = await tokenLogin(octokit);
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'open',
      labels: ALERT_LABEL,
      per_page: 100,
    });
    const issue = open.find((i) => !i.pull_request && i.body?.startsWith(marker) && writtenBy(login, i.user));
    const run = o.runUrl ? ` ([run](${o.runUrl}))` : '';
    if (!issue) {
      if (!alerting) return 'none';
      await ensureLabel(octokit, repo);
      await octokit.rest.issues.create({
        ...repo,
        title: titleOf(o),
        labels: [ALERT_LABEL],
        body: `${marker}\n${stateLine(o.verdict)}\n${o.body}`,
      });
      return 'opened';
    }
    const previous = /<!-- trace-differ-verdict:(\w+) -->/.exec(issue.body ?? '')?.[1] as Verdict | undefined;
    if (o.verdict === 'inconclusive') return 'unchanged';
    if (!alerting) {
      await octokit.rest.issues.createComment({
        ...repo,
        issue_number: issue.number,
        body: `✅ Recovered: the verdict is now **${o.verdict}**${run}.\n\n${o.body}`,
      });
      await octokit.rest.issues.update({
        ...repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
      return 'closed';
    }
    // The body always shows the latest report (an edit notifies nobody); a comment only when the verdict changes.
    await octokit.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      title: titleOf(o),
      body: `${marker}\n${stateLine(o.verdict)}\n${o.body}`,
    });
    if (previous === o.verdict) return 'unchanged';
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: `The verdict changed from ${previous ?? 'unknown'} to **${o.verdict}**${run}.`,
    });
    return 'updated';
  } catch (error) {
    explain(error, `update the alert issue of query '${o.queryId}'`, 'issues');
  }
}

function titleOf(o: AlertOptions): string {
  return `trace-differ: ${o.queryName} regressed (${o.verdict})`;
}

async function ensureLabel(octokit: Octokit, repo: { owner: string; repo: string }): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name: ALERT_LABEL });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    try {
      await octokit.rest.issues.createLabel({
        ...repo,
        name: ALERT_LABEL,
        color: 'd93f0b',
        description: 'Regressions found by trace-differ',
      });
    } catch (createError) {
      // 422: another run created it in between; the label is there, which is all that matters.
      if ((createError as { status?: number }).status !== 422) throw createError;
    }
  }
}
