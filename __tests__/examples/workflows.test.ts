import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, parse, parseDocument } from 'yaml';

/**
 * The workflows users copy must work as written and ask for no more than they use: every `with:` input
 * of a trace-differ step exists in action.yml; each job is granted exactly the permissions its steps
 * need, each with a comment saying why; checkouts keep no credentials; every job has a time limit.
 */

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const root = join(import.meta.dirname, '..', '..');
const action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const exampleDir = join(root, 'examples', 'workflows');
const examples = (await readdir(exampleDir)).filter((f) => f.endsWith('.yml'));
const readme = await readFile(join(root, 'README.md'), 'utf8');
/** The workflows written out in the README (yaml blocks with jobs:), checked by the same rules as examples/. */
const readmeWorkflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((text) => /^jobs:/m.test(text));

function differSteps(wf: Workflow): { job: string; step: Step }[] {
  return Object.entries(wf.jobs).flatMap(([job, j]) =>
    j.steps
      .filter((s) => s.uses === './' || s.uses?.startsWith('trace-differ/trace-differ@'))
      .map((step) => ({ job, step })),
  );
}

/** What each mode writes to GitHub, hence the permission it needs. */
function neededPermissions(wf: Workflow, step: Step): Record<string, string> {
  const events = Object.keys(wf.on);
  const mode = String(step.with?.mode ?? (events.includes('pull_request') ? 'gate' : 'collect'));
  const publish = step.with?.publish
    ? String(step.with.publish).split(',')
    : mode === 'gate' || mode === 'merge'
      ? ['summary', 'comment']
      : mode === 'collect'
        ? ['summary', 'issue']
        : ['summary'];
  const needed: Record<string, string> = {};
  if (publish.includes('comment')) needed['pull-requests'] = 'write';
  if (publish.includes('issue')) needed.issues = 'write';
  // Only the artifact store reads other runs' artifacts; the cache store needs no permission.
  if (step.with?.store === 'artifact') needed.actions = 'read';
  return needed;
}

/** Every permission a job needs: its trace-differ steps', a checkout's contents: read, another run's artifacts. */
function jobNeeds(wf: Workflow, job: Job): Record<string, string> {
  const needed: Record<string, string> = {};
  for (const step of job.steps) {
    if (step.uses?.startsWith('actions/checkout@')) needed.contents = 'read';
    if (step.uses?.startsWith('actions/download-artifact@') && step.with?.['run-id']) needed.actions = 'read';
    // Publishing the dashboard to Pages: deploy-pages writes the site and proves its origin with an OIDC token.
    if (step.uses?.startsWith('actions/deploy-pages@')) Object.assign(needed, { pages: 'write', 'id-token': 'write' });
    if (step.uses === './' || step.uses?.startsWith('trace-differ/trace-differ@'))
      Object.assign(needed, neededPermissions(wf, step));
  }
  return needed;
}

describe('action.yml', () => {
  it('runs on node24 from the bundled dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('describes every input and output, and gives every input a string default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, `default of ${name}`).toBe('string');
    }
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description, name).toBeTruthy();
    expect(Object.keys(action.outputs).sort()).toEqual([
      'dashboard-path',
      'findings',
      'matrix',
      'report-html',
      'report-json',
      'report-markdown',
      'verdict',
    ]);
  });
});

const sources: [string, () => Promise<string>][] = [
  ...examples.map((file): [string, () => Promise<string>] => [
    `examples/workflows/${file}`,
    () => readFile(join(exampleDir, file), 'utf8'),
  ]),
  ...readmeWorkflows.map((text, i): [string, () => Promise<string>] => [
    `README.md workflow ${i + 1}`,
    () => Promise.resolve(text),
  ]),
];

describe.each(sources)('%s', (file, read) => {
  it('uses only inputs that action.yml declares', async () => {
    const wf = parse(await read()) as Workflow;
    const steps = differSteps(wf);
    expect(steps.length).toBeGreaterThan(0);
    for (const { step } of steps) {
      for (const key of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs), `${file}: ${key}`).toContain(key);
    }
  });

  it('grants each job the permissions its steps need, and no others', async () => {
    const wf = parse(await read()) as Workflow;
    for (const [name, job] of Object.entries(wf.jobs)) {
      const granted = job.permissions ?? wf.permissions ?? {};
      expect(granted, `${file}: job ${name}`).toEqual(jobNeeds(wf, job));
    }
  });

  it('says why it needs each permission, in a comment beside it', async () => {
    const doc = parseDocument(await read());
    const maps = [
      doc.get('permissions', true),
      ...Object.keys((doc.toJS() as Workflow).jobs).map((job) => doc.getIn(['jobs', job, 'permissions'], true)),
    ];
    for (const map of maps) {
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        const value = pair.value as { comment?: string } | null;
        expect(value?.comment?.trim(), `${file}: ${String(pair.key)}`).toBeTruthy();
      }
    }
  });

  it('checks out without keeping the token in .git/config, and limits every job in time', async () => {
    const wf = parse(await read()) as Workflow;
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(
        job['timeout-minutes'],
        `${file}: job ${name} has no timeout-minutes (the default is 6 hours)`,
      ).toBeGreaterThan(0);
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials'], `${file}: job ${name}`).toBe(false);
    }
  });

  it('keeps scheduled runs from overlapping', async () => {
    const wf = parse(await read()) as Workflow;
    if ('schedule' in wf.on) expect(wf.concurrency).toBeTruthy();
  });
});

describe('README', () => {
  it('writes out the scheduled collect and the deploy-PR gate', () => {
    expect(readmeWorkflows.length).toBeGreaterThanOrEqual(2);
  });

  it('lists every input and output of action.yml in its tables', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`| \`${name}\``);
    }
  });

  it('keeps the inputs and outputs tables in sync with action.yml: defaults and descriptions', () => {
    const rows = new Map(
      [...readme.matchAll(/^\| `([a-z-]+)` \| (.*) \|$/gm)].map((m) => [
        m[1]!,
        m[2]!.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|')),
      ]),
    );
    for (const [name, input] of Object.entries(action.inputs)) {
      const [defaultCell, description] = rows.get(name) ?? [];
      expect(defaultCell === '(empty)' ? '' : defaultCell?.replace(/^`|`$/g, ''), `default of ${name}`).toBe(
        input.default,
      );
      expect(description, `description of ${name}`).toBe(input.description.trim());
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(rows.get(name)?.[0], `description of ${name}`).toBe(output.description.trim());
    }
  });

  it('gives exactly npm start and npm test as the quick start after npm ci', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const quick = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? '';
    const commands = [...quick.matchAll(/^(npm [a-z]+)\s*$/gm)].map((m) => m[1]);
    expect(commands).toEqual(['npm ci', 'npm start', 'npm test']);
  });
});
