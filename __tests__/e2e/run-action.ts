import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs the bundled action (dist/index.js) as a child process with the environment a GitHub runner
 * gives it: INPUT_* variables, the event payload file, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP.
 */
export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunnerEnv {
  workspace: string;
  eventName: string;
  event: object;
  inputs: Record<string, string>;
  runId: number;
  /** GITHUB_RUN_ATTEMPT: 2 and up for "Re-run jobs" of the same run. */
  attempt?: number;
  apiUrl?: string;
  extraEnv?: Record<string, string>;
  /** Sends the child a signal once its stdout shows `when`, as the runner does when a job is cancelled. */
  cancel?: { when: string; signal: NodeJS.Signals };
}

const root = join(import.meta.dirname, '..', '..');

/** A checked-out repository as the action sees it: a temp dir with `.github/trace-differ.yml`. */
export async function workspaceWithConfig(prefix: string, config: string | readonly string[]): Promise<string> {
  const workspace = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(workspace, '.github'));
  const text = typeof config === 'string' ? config : [...config, ''].join('\n');
  await writeFile(join(workspace, '.github', 'trace-differ.yml'), text);
  return workspace;
}

/** The config lines that point a Lightstep source at a simulator's organization and project. */
export const simulatorSource = (sim: { organization: string; project: string }): string[] => [
  'version: 1',
  'source:',
  `  lightstep: { organization: ${sim.organization}, project: ${sim.project} }`,
];

/**
 * The runner sets INPUT_<NAME> for every input of action.yml, with its default when the step does not
 * give one (`${{ github.token }}` evaluated to the job's token): so does this harness.
 */
async function defaultInputs(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      (input.default ?? '').replace(/\$\{\{\s*github\.token\s*\}\}/, 'ghs_job_token'),
    ]),
  );
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` heredoc records (what core.setOutput writes). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const [, name, delimiter] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

export async function runAction(env: RunnerEnv): Promise<ActionRun> {
  const temp = await mkdtemp(join(tmpdir(), 'td-runner-'));
  const eventPath = join(temp, 'event.json');
  const summaryPath = join(temp, 'summary.md');
  const outputPath = join(temp, 'output.txt');
  await writeFile(eventPath, JSON.stringify(env.event));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  const inputs = Object.fromEntries(
    Object.entries({ ...(await defaultInputs()), ...env.inputs }).map(([k, v]) => [
      `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
      v,
    ]),
  );
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: env.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_RUN_ID: String(env.runId),
    GITHUB_RUN_ATTEMPT: String(env.attempt ?? 1),
    GITHUB_WORKFLOW: 'trace-differ',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: env.eventName.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_WORKSPACE: env.workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: env.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: temp,
    ...inputs,
    ...env.extraEnv,
  };
  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], { cwd: env.workspace, env: childEnv });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (env.cancel && !signalled && stdout.includes(env.cancel.when)) {
      signalled = true;
      child.kill(env.cancel.signal);
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
  };
}
