import * as core from '@actions/core';
import type { Verdict } from '../diff/types.js';
import { code } from '../report/escape.js';

/** The job summary (GITHUB_STEP_SUMMARY): written in every mode. */
export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.emptyBuffer().addRaw(markdown, true).write();
}

/** The job summary of `plan`, which has no report: which queries the matrix will run, one job each. */
export async function writePlanSummary(queryIds: readonly string[]): Promise<void> {
  const n = queryIds.length;
  await writeJobSummary(
    `## 🗺️ trace-differ plan: ${n} quer${n === 1 ? 'y' : 'ies'}, one job each\n\n${queryIds.map((id) => `- ${code(id, 100)}`).join('\n')}\n`,
  );
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
