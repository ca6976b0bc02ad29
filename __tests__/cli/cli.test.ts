import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The bundled CLI (dist/cli/index.js, the `trace-differ` bin and what `npm start` runs), run as a
 * person runs it: a child process, its stdout, stderr and exit code.
 */
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function trace(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

const STACK = /\n\s+at .*:\d+:\d+\)?/;
const dataset = (name: string) => join(root, 'examples', 'datasets', name);

describe('trace-differ <command> --help', () => {
  it.each([
    ['diff', /Usage: trace-differ diff \[options\] <baseline> <current>/, '--group-by <keys>'],
    ['collect', /Usage: trace-differ collect \[options\]/, '--store <dir>'],
    ['plan', /Usage: trace-differ plan \[options\]/, '--config <file>'],
    ['merge', /Usage: trace-differ merge \[options\] <results>/, '--format <format>'],
    ['demo', /Usage: trace-differ demo \[options\]/, '--out <dir>'],
    ['simulate', /Usage: trace-differ simulate \[options\]/, '--port <n>'],
  ])('%s documents its arguments and options and exits 0', async (command, usage, option) => {
    const r = await trace([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(usage);
    expect(r.stdout).toContain(option);
  });

  it('lists every command at the top level', async () => {
    const r = await trace(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['diff', 'collect', 'plan', 'merge', 'demo', 'simulate'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('refuses an unknown command with exit 2 and the help', async () => {
    const r = await trace(['difff']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown command 'difff'");
    expect(r.stderr).toContain('(Did you mean diff?)');
  });
});

describe('trace-differ diff', () => {
  it('finds the regression of the example datasets, prints markdown, and exits 1 at --fail-on fail', async () => {
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--config',
      'examples/trace-differ.yml',
      '--query',
      'android',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^## ❌ \d+ regressions in Android checkout/);
    expect(r.stdout).toContain('/api/make-payment');
  });

  it('writes the JSON contract with --format json and exits 0 with --fail-on never', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-cli-'));
    const out = join(dir, 'result.json');
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--group-by',
      'operation,service+operation',
      '--format',
      'json',
      '--output',
      out,
      '--fail-on',
      'never',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8')) as {
      verdict: string;
      outcomes: { result: { schema: string; groups: { key: string }[]; findings: { value: string }[] } }[];
    };
    expect(json.verdict).toBe('fail');
    const [{ result }] = json.outcomes as [(typeof json.outcomes)[0]];
    expect(result.schema).toBe('trace-differ/diff@1');
    expect(result.groups.map((g) => g.key)).toEqual(['operation', 'service+operation']);
    expect(result.findings.map((f) => f.value)).toContain('/api/make-payment');
  });

  it('says which side is not a file, with exit 2 and no stack trace', async () => {
    const r = await trace(['diff', dataset('baseline.ndjson'), 'nope.ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "trace-differ: 'nope.ndjson' is not a file, a folder, a stored dataset key, a Lightstep snapshot id or 'now'",
    );
    expect(r.stderr).toContain('fix: pass the path of a dataset or trace file');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('reports every mistake of a broken --config at once, with line and column, and no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-cli-'));
    const config = join(dir, 'trace-differ.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'source:',
        '  lightstep: { organization: acme, project: production }',
        'defaults:',
        '  treshold: {}',
        '  thresholds:',
        '    latency.p95: 25%',
        'queries:',
        '  - id: a',
        '    query: service IN ("a")',
        '',
      ].join('\n'),
    );
    const r = await trace(['diff', dataset('baseline.ndjson'), dataset('current.ndjson'), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trace-differ: ${config}: 2 problems in the configuration`);
    expect(r.stderr).toContain(`${config}:5:3: defaults.treshold: unknown key 'treshold' (did you mean 'thresholds'?)`);
    expect(r.stderr).toContain(
      `${config}:7:18: defaults.thresholds.latency.p95: '25%' has no sign: say which direction is bad, '+25%' (an increase) or '-25%' (a decrease)`,
    );
    expect(r.stderr).toContain('e.g. latency.p95: { warn: +10%, fail: +25ms }');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('trace-differ plan and merge', () => {
  it('plan prints the matrix of the config', async () => {
    const r = await trace(['plan', '--config', 'examples/trace-differ.yml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ query: ['android', 'payments'] });
  });

  it('merge combines JSON results into one report with the worst verdict', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-cli-'));
    const diffTo = async (name: string, current: string) => {
      const r = await trace([
        'diff',
        dataset('baseline.ndjson'),
        dataset(current),
        '--format',
        'json',
        '--output',
        join(dir, name),
        '--fail-on',
        'never',
      ]);
      expect(r.code, r.stderr).toBe(0);
    };
    await diffTo('same.json', 'baseline.ndjson');
    await diffTo('slower.json', 'current.ndjson');
    await writeFile(join(dir, 'notes.json'), '{"hello": "world"}');
    const r = await trace(['merge', dir, '--format', 'text', '--fail-on', 'fail']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('notes.json is not a trace-differ result');
    expect(r.stderr).toContain('merged 2 query results');
    expect(r.stdout).toMatch(/verdict:\s+pass/);
    expect(r.stdout).toMatch(/verdict:\s+fail/);
  });

  it('merge takes a glob of result files, and names a path that matches nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-cli-'));
    await mkdir(join(dir, 'trace-differ-result-a'));
    const r1 = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--format',
      'json',
      '--output',
      join(dir, 'trace-differ-result-a', 'report.json'),
      '--fail-on',
      'never',
    ]);
    expect(r1.code, r1.stderr).toBe(0);
    const merged = await trace(['merge', join(dir, '*', 'report.json'), '--fail-on', 'never']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('merged 1 query results');
    const none = await trace(['merge', join(dir, 'nothing-*.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`results '${join(dir, 'nothing-*.json')}' does not exist and matches no file`);
  });
});

describe('trace-differ simulate', () => {
  it('serves the Lightstep API on loopback until interrupted, then exits 0', async () => {
    const child = spawn(process.execPath, [cli, 'simulate', '--port', '0'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
    });
    const response = await fetch(`${url}/public/v0.2/demo-org/projects/demo-project/snapshots`, {
      method: 'POST',
      headers: { authorization: 'Bearer any', 'content-type': 'application/json' },
      body: JSON.stringify({ data: { attributes: { query: 'service IN ("android")' } } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { id: string } }).data.id).toMatch(/^[A-Za-z0-9]{10}$/);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});

describe('trace-differ simulate --backend', () => {
  it.each([
    [
      'tempo',
      (url: string, now: number) =>
        `${url}/api/search?q=${encodeURIComponent('{ resource.service.name = "android" }')}&start=${now - 600}&end=${now}&limit=5`,
      'traces',
    ],
    [
      'jaeger',
      (url: string, now: number) =>
        `${url}/api/v3/traces?query.serviceName=android&query.startTimeMin=${new Date((now - 600) * 1000).toISOString()}&query.startTimeMax=${new Date(now * 1000).toISOString()}`,
      'result',
    ],
    ['zipkin', (url: string) => `${url}/api/v2/traces?serviceName=android&limit=5`, '0'],
  ] as const)('serves a %s fake on loopback until interrupted, then exits 0', async (backend, search, key) => {
    const child = spawn(process.execPath, [cli, 'simulate', '--backend', backend, '--port', '0'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
    });
    const response = await fetch(search(url, Math.floor(Date.now() / 1000)));
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty(key);
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});

describe('trace-differ demo --source tempo', () => {
  it('runs the whole pipeline against a Tempo fake, offline, and exits 0', async () => {
    const out = await mkdtemp(join(tmpdir(), 'td-demo-tempo-'));
    const r = await trace(['demo', '--source', 'tempo', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/▶ tempo fake on http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stderr).toMatch(/\[payments\] fetched \d+ of \d+ traces from Tempo at 127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/^\n## ❌ /);
    expect(r.stdout).toContain('score');
    for (const query of ['android', 'payments'])
      expect((await readdir(join(out, 'store', query))).filter((f) => f.endsWith('.tdds'))).toHaveLength(2);
  });
});

describe('npm start (trace-differ demo)', () => {
  it('runs two collect cycles against the simulator, prints the report with a verdict, and exits 0', async () => {
    const out = await mkdtemp(join(tmpdir(), 'td-demo-'));
    const r = await trace(['demo', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // Progress lines tell a newcomer what is happening, on stderr so that stdout is the report.
    expect(r.stderr).toMatch(/▶ Lightstep API simulator on http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stderr).toContain('▶ cycle 1: the first collection of each query (there is no baseline yet)');
    expect(r.stderr).toContain('▶ cycle 2: collect again and diff against cycle 1');
    expect(r.stderr).toMatch(/▶ verdict: (fail|warn)\. Report: /);
    expect(r.stdout).toMatch(/^\n## ❌ /);
    expect(r.stdout).toContain('/api/make-payment');
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('/api/make-payment');
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toMatchObject({ mode: 'collect' });
    // Two datasets per query of the example config: one per cycle.
    for (const query of ['android', 'payments'])
      expect((await readdir(join(out, 'store', query))).filter((f) => f.endsWith('.tdds'))).toHaveLength(2);

    // The README's excerpt is this report (the simulator is seeded): every table row it quotes is printed as is.
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const excerpt = readme.slice(
      readme.indexOf('<!-- report-excerpt:start -->'),
      readme.indexOf('<!-- report-excerpt:end -->'),
    );
    const quoted = excerpt
      .split('\n')
      .filter((line) => /^> (##|\| `|\| ❌|\| ℹ️|\| ⚠️)/.test(line))
      .map((line) => line.slice(2));
    expect(quoted.length).toBeGreaterThan(10);
    const printed = new Set(r.stdout.split('\n'));
    expect(quoted.filter((line) => !printed.has(line))).toEqual([]);
  });
});
