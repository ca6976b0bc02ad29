import { glob, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DIFF_SCHEMA, type DiffResult } from '../diff/types.js';
import { InputError } from '../errors.js';
import type { Logger } from '../log.js';
import type { QueryOutcome, Report } from '../report/types.js';
import { worstVerdict } from './outcomes.js';
import { DiffResultSchema, ReportSchema, describeIssue, withTrustedLinks } from './results-schema.js';

/**
 * Every `.json` file under `path` (a folder, searched recursively, as download-artifact lays them out),
 * `path` itself, or the files a glob (`results/*\/report.json`) matches.
 */
async function resultFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    const matches: string[] = [];
    for await (const m of glob(path)) matches.push(m);
    if (matches.length > 0) return matches.sort();
    throw new InputError(
      `results '${path}' does not exist and matches no file`,
      'point it at the folder the result artifacts were downloaded to',
    );
  }
  if (info.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function looksLikeDiffResult(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { schema?: unknown }).schema === DIFF_SCHEMA;
}

function looksLikeReport(x: unknown): boolean {
  return typeof x === 'object' && x !== null && Array.isArray((x as { outcomes?: unknown }).outcomes);
}

/**
 * `merge`: combine the JSON results of matrix jobs (each a report-json output) into one report.
 * A file that is not a trace-differ result is named and skipped; the merged verdict is the worst.
 */
export async function mergeResults(path: string, log: Logger, now: Date): Promise<Report> {
  const outcomes: QueryOutcome[] = [];
  let pullRequest: number | undefined;
  for (const file of await resultFiles(path)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      log.warn(`${file} is not valid JSON (${(error as Error).message}); skipped`);
      continue;
    }
    // The results may come from a fork's artifact: validated whole, or set aside naming the field.
    const links = (result: DiffResult) =>
      withTrustedLinks(result, (link) =>
        log.warn(`${file}: a UI link to an untrusted host was left out (${JSON.stringify(link.slice(0, 80))})`),
      );
    if (looksLikeReport(parsed)) {
      const report = ReportSchema.safeParse(parsed);
      if (!report.success) {
        log.warn(`${file} was set aside: ${describeIssue(report.error)}`);
        continue;
      }
      outcomes.push(...report.data.outcomes.map((o) => (o.result ? { ...o, result: links(o.result) } : o)));
      pullRequest ??= report.data.pullRequest;
    } else if (looksLikeDiffResult(parsed)) {
      const result = DiffResultSchema.safeParse(parsed);
      if (!result.success) {
        log.warn(`${file} was set aside: ${describeIssue(result.error)}`);
        continue;
      }
      outcomes.push({ query: result.data.query, result: links(result.data), warnings: [] });
    } else {
      log.warn(`${file} is not a trace-differ result (no 'outcomes' and no schema ${DIFF_SCHEMA}); skipped`);
    }
  }
  if (outcomes.length === 0) {
    throw new InputError(
      `no trace-differ results found in '${path}'`,
      "upload each job's report-json output as an artifact and download them all here",
    );
  }
  log.info(`merged ${outcomes.length} query results`);
  return { mode: 'merge', verdict: worstVerdict(outcomes), outcomes, generatedAt: now.toISOString(), pullRequest };
}
