import * as core from '@actions/core';
import type { Verdict } from '../diff/types.js';

/** The job summary (GITHUB_STEP_SUMMARY): written in every mode. */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.emptyBuffer().addRaw(markdown, true).write();
}

/** The step's outputs, so later steps can build on the result. */
export function setRunOutputs(outputs: {
  verdict: Verdict;
  findings: number;
  reportJson: string;
  reportMarkdown: string;
  matrix?: string;
}): void {
  core.setOutput('verdict', outputs.verdict);
  core.setOutput('findings', String(outputs.findings));
  core.setOutput('report-json', outputs.reportJson);
  core.setOutput('report-markdown', outputs.reportMarkdown);
  if (outputs.matrix !== undefined) core.setOutput('matrix', outputs.matrix);
}
