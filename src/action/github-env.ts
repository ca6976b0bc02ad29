import { readFile } from 'node:fs/promises';

/**
 * What the runner tells the action about where it runs, read from the environment each time
 * (not at import, as `@actions/github`'s context does) so tests and the CLI can vary it.
 */
export interface GitHubEnv {
  eventName?: string;
  owner?: string;
  repo?: string;
  runId?: string;
  runAttempt?: string;
  ref?: string;
  sha?: string;
  serverUrl: string;
  apiUrl: string;
  workflow?: string;
  /** The pull request number when the event is a pull request. */
  pullRequest?: { number: number; fromFork: boolean; baseRef?: string; headSha?: string };
  /** The repository's default branch, when the event payload names it. */
  defaultBranch?: string;
  /** When the event's deployment was created (deployment and deployment_status events), ISO-8601. */
  deploymentAt?: string;
  /** The run a workflow_run event is about: its head commit and the pull requests GitHub links to it. */
  workflowRun?: { headSha?: string; pullRequests: number[] };
}

interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string; fork?: boolean } | null };
    base?: { ref?: string; repo?: { full_name?: string } };
  };
  repository?: { default_branch?: string; full_name?: string };
  deployment?: { created_at?: string };
  workflow_run?: { head_sha?: string; pull_requests?: { number?: number }[] };
}

export async function readGitHubEnv(env: NodeJS.ProcessEnv = process.env): Promise<GitHubEnv> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch {
      // A missing or unreadable event file only loses PR details; the run can still collect and summarise.
    }
  }
  const pr = payload.pull_request;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? payload.repository?.full_name;
  return {
    eventName: env.GITHUB_EVENT_NAME,
    owner: owner || undefined,
    repo: repo || undefined,
    runId: env.GITHUB_RUN_ID,
    runAttempt: env.GITHUB_RUN_ATTEMPT,
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workflow: env.GITHUB_WORKFLOW,
    pullRequest:
      pr && typeof pr.number === 'number'
        ? {
            number: pr.number,
            fromFork:
              Boolean(pr.head?.repo?.fork) ||
              (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo),
            baseRef: pr.base?.ref,
            headSha: pr.head?.sha,
          }
        : undefined,
    defaultBranch: payload.repository?.default_branch,
    deploymentAt: payload.deployment?.created_at,
    workflowRun: payload.workflow_run
      ? {
          headSha: payload.workflow_run.head_sha,
          pullRequests: (payload.workflow_run.pull_requests ?? [])
            .map((p) => p.number)
            .filter((n): n is number => typeof n === 'number'),
        }
      : undefined,
  };
}

/** A link to this run, for reports ("full report in the artifacts of run …"). */
export function runUrl(gh: GitHubEnv): string | undefined {
  if (!gh.owner || !gh.repo || !gh.runId) return undefined;
  return `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${gh.runId}`;
}
