/** publish: where a report goes — the job summary, outputs, a sticky PR comment, an alert issue, annotations. */
export { writeJobSummary, writePlanSummary, setRunOutputs } from './summary.js';
export { upsertStickyComment, markerOf, stickyCommentId } from './comment.js';
export { syncAlertIssue, ALERT_LABEL, type AlertAction, type AlertOptions } from './issue.js';
export { annotateFindings, ANNOTATIONS_PER_STEP } from './gate.js';
export {
  publishReport,
  SUMMARY_LIMIT_BYTES,
  COMMENT_LIMIT_CHARS,
  type PublishOptions,
  type PublishOutcome,
  type PublishTarget,
} from './publish.js';
export { withRetries, type Octokit } from './octokit.js';
