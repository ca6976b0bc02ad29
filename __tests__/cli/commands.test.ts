import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { root, STACK, trace } from './run-cli.js';

/**
 * The commands a user expects, through the bundled CLI: --version, collect against `simulate`
 * with the action's Lightstep options, history of the store, and stored keys as diff sides.
 */
describe('trace-differ --version', () => {
  it("prints the package's version and exits 0", async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await trace([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  });
});

describe('collect against the simulator, then history and diff of stored keys', () => {
  let sim: Simulator;
  let dir: string;
  let config: string;
  let env: Record<string, string>;
  const store = () => join(dir, 'store');
  const lightstep = () => [
    '--lightstep-api-url',
    sim.url,
    '--lightstep-organization',
    sim.organization,
    '--lightstep-project',
    sim.project,
  ];

  beforeAll(async () => {
    // Names unlike the config's, so that collect works only if --lightstep-organization/--lightstep-project are used.
    sim = await startSimulator({ organization: 'sim-org', project: 'sim-project', tracesPerSnapshot: 80 });
    env = { LIGHTSTEP_API_KEY: 'any-key' };
    dir = await mkdtemp(join(tmpdir(), 'td-commands-'));
    config = join(dir, 'trace-differ.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'source:',
        '  lightstep: { organization: acme, project: production }',
        'defaults:',
        '  group-by: [operation]',
        '  baseline: previous',
        'queries:',
        '  - id: android',
        '    query: service IN ("android")',
        '  - id: nothing',
        '    query: service IN ("no-such-service")',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => sim?.close());

  it('collects every query; one whose snapshot has no spans is "inconclusive: no spans" and is not stored', async () => {
    const r = await trace(['collect', '--config', config, '--store', store(), '--format', 'text', ...lightstep()], {
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toMatch(/nothing.*\n(.*\n)*.*verdict:\s+inconclusive/);
    expect(r.stdout).toContain(
      'No spans: the current dataset is empty, so there is nothing to compare, and it is not stored.',
    );
    expect(r.stdout).not.toMatch(/verdict:\s+pass/);
    expect(await readdir(store())).toEqual(['android']);
  });

  it('history lists the collections with their numbers and verdicts, newest first', async () => {
    const again = await trace(
      ['collect', '--config', config, '--store', store(), '--query', 'android', ...lightstep()],
      {
        env,
      },
    );
    expect(again.code, again.stderr).toBeLessThan(2);
    const r = await trace(['history', '--store', store()]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('android: 2 collections, newest first');
    expect(lines[1]).toMatch(/^ {2}collected +key +spans +traces +errors +p50 +p95 +p99 +verdict$/);
    expect(lines[2]).toMatch(
      /^ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +\S+ +[\d,]+ +[\d,]+ +[\d.]+% +[\d.]+ m?s +[\d.]+ m?s +[\d.]+ m?s +(pass|notice|warn|fail|inconclusive)$/,
    );
    expect(lines[3]).toMatch(/ inconclusive$/);
    expect(lines).toHaveLength(4);
  });

  it('history of a query the store does not hold names the ones it does, exit 2', async () => {
    const r = await trace(['history', 'nothing', '--store', store()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trace-differ: the store ${store()} holds no query 'nothing'`);
    expect(r.stderr).toContain('fix: use one of: android');
  });

  it('diff takes two stored keys without --config or --query: the store says which query holds them', async () => {
    const keys = (await readdir(join(store(), 'android')))
      .filter((f) => f.endsWith('.tdds'))
      .map((f) => f.slice(0, -'.tdds'.length))
      .sort();
    expect(keys).toHaveLength(2);
    const r = await trace(['diff', keys[0]!, keys[1]!, '--store', store(), '--format', 'json', '--fail-on', 'never']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`'${keys[0]}': the dataset stored for query 'android'`);
    const json = JSON.parse(r.stdout) as {
      outcomes: { result: { current: { spans: number }; baseline: { spans: number } } }[];
    };
    expect(json.outcomes[0]!.result.current.spans).toBeGreaterThan(0);
    expect(json.outcomes[0]!.result.baseline.spans).toBeGreaterThan(0);
    // With the config, the stored key's query is chosen for its settings without --query.
    const withConfig = await trace([
      'diff',
      keys[0]!,
      keys[1]!,
      '--store',
      store(),
      '--config',
      config,
      '--fail-on',
      'never',
    ]);
    expect(withConfig.code, withConfig.stderr).toBe(0);
    expect(withConfig.stdout).toContain('android');
    expect(withConfig.stdout).toContain('service IN ("android")');
  });
});
