import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadConfig,
  parseBaseline,
  parseChange,
  parseConfig,
  parseGroupBy,
} from '../../src/config/index.js';
import { ConfigError, UserError } from '../../src/errors.js';

const FILE = '.github/trace-differ.yml';

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message.split('\n').slice(1);
  }
  throw new Error('expected the config to be rejected');
}

const HEAD = `version: 1
source:
  lightstep: { organization: acme, project: production }
`;

describe('loading the example configuration of DESIGN.md', () => {
  it('merges the defaults into each query, the query winning per metric', async () => {
    const config = await loadConfig(join(import.meta.dirname, '..', '..', 'examples', 'trace-differ.yml'));
    const android = config.queries.find((q) => q.id === 'android')!;
    expect(android.name).toBe('Android checkout');
    expect(android.query).toBe('service IN ("android")');
    expect(android.groupBy).toEqual([['operation'], ['http.status_code'], ['service', 'operation']]);
    expect(android.source).toEqual({
      kind: 'lightstep',
      organization: 'acme',
      project: 'production',
      apiUrl: undefined,
    });
    expect(android.baseline).toEqual({ kind: 'median-of', count: 3 });
    const rules = Object.fromEntries(android.thresholds.metrics.map((r) => [r.metric, r]));
    // The query's p99 is added; the defaults' p95, avg, error-rate and rate stay.
    expect(rules['latency.p99']!.levels).toEqual([
      { severity: 'fail', change: { kind: 'relative', amount: 0.3, text: '+30%' } },
    ]);
    expect(rules['latency.p95']!.text).toBe('latency.p95: { warn: +10%, fail: +25% }');
    expect(rules['latency.avg']!.text).toBe('latency.avg: +20%');
    expect(rules['error-rate']!.levels).toEqual([
      { severity: 'fail', change: { kind: 'absolute', amount: 0.02, text: '+2pp' } },
    ]);
    expect(android.thresholds.missing).toBe('warn');
    // The second query takes group-by from its own list and everything else from defaults.
    const payments = config.queries.find((q) => q.id === 'payments')!;
    expect(payments.groupBy).toEqual([['service'], ['customer'], ['region']]);
    expect(payments.minSamples).toBe(30);
  });

  it('uses the built-in defaults when the config says nothing', () => {
    const config = parseConfig(`${HEAD}queries:\n  - id: a\n    query: service IN ("a")\n`, FILE);
    const [q] = config.queries;
    expect(q!.groupBy).toEqual(DEFAULT_SETTINGS.groupBy);
    expect(q!.minSamples).toBe(30);
    expect(q!.significance).toBe(0.01);
    expect(q!.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(q!.baseline).toEqual({ kind: 'previous' });
  });

  it('reads an OTLP source with a filter per query', () => {
    const config = parseConfig(
      `version: 1\nsource: { otlp: { path: traces/*.jsonl } }\nqueries:\n  - id: a\n    filter: service.name = "android"\n`,
      FILE,
    );
    expect(config.queries[0]).toMatchObject({
      source: { kind: 'otlp', path: 'traces/*.jsonl' },
      query: 'service.name = "android"',
    });
  });
});

describe('a broken configuration is reported whole, with file, line, column, field and the fix', () => {
  it('suggests the key that was meant', () => {
    expect(problemsOf(`${HEAD}defaults:\n  min-sample: 30\nqueries:\n  - id: a\n    query: q\n`)).toEqual([
      `  ${FILE}:5:3: defaults.min-sample: unknown key 'min-sample' (did you mean 'min-samples'?); allowed here: group-by, min-samples, significance, thresholds, baseline`,
    ]);
  });

  it('says which direction a change without a sign should take', () => {
    const lines = problemsOf(
      `${HEAD}defaults:\n  thresholds:\n    latency.p95: { warn: 10% }\nqueries:\n  - id: a\n    query: q\n`,
    );
    expect(lines).toEqual([
      `  ${FILE}:6:26: defaults.thresholds.latency.p95.warn: '10%' has no sign: say which direction is bad, '+10%' (an increase) or '-10%' (a decrease)`,
      '    e.g. latency.p95: { warn: +10%, fail: +25ms }',
    ]);
  });

  it('refuses percentage points on a latency and milliseconds on an error rate', () => {
    const lines = problemsOf(
      `${HEAD}defaults:\n  thresholds:\n    latency.p99: +2pp\n    error-rate: { fail: +5ms }\nqueries:\n  - id: a\n    query: q\n`,
    );
    expect(lines[0]).toBe(
      `  ${FILE}:6:18: defaults.thresholds.latency.p99: '+2pp': the unit 'pp' cannot be used for latency.p99`,
    );
    expect(lines[2]).toBe(
      `  ${FILE}:7:25: defaults.thresholds.error-rate.fail: '+5ms': the unit 'ms' cannot be used for error-rate`,
    );
    expect(lines[3]).toBe('    e.g. error-rate: { warn: +1pp, fail: +2pp }');
  });

  it('names the allowed severities', () => {
    expect(
      problemsOf(`${HEAD}defaults:\n  thresholds:\n    missing: sometimes\nqueries:\n  - id: a\n    query: q\n`)[0],
    ).toBe(
      `  ${FILE}:6:14: defaults.thresholds.missing: expected "ignore" or "notice" or "warn" or "fail", got the text "sometimes"`,
    );
  });

  it('reports a wrong type with what was found', () => {
    expect(problemsOf(`${HEAD}queries:\n  - id: a\n    query: q\n    group-by: operation\n`)).toEqual([
      `  ${FILE}:7:15: queries[0].group-by: expected a list, got the text "operation"`,
      '    e.g. group-by: [operation, http.status_code, [service, operation]]',
    ]);
  });

  it('reports every mistake of the file at once, in file order', () => {
    const lines = problemsOf(
      `version: 2\nsource:\n  lightstep: { organization: acme, projekt: p }\nqueries:\n  - id: a\n    query: q\n    baseline: last\n`,
    );
    expect(lines.filter((l) => !l.startsWith('    e.g.')).map((l) => l.split(': ')[0])).toEqual([
      `  ${FILE}:1:10`,
      `  ${FILE}:3:14`,
      `  ${FILE}:3:36`,
      `  ${FILE}:7:15`,
    ]);
  });

  it('rejects duplicate query ids and a Lightstep query without a query text', () => {
    expect(problemsOf(`${HEAD}queries:\n  - id: a\n    query: q\n  - id: a\n  - id: b\n`)).toEqual([
      `  ${FILE}:7:5: queries[1].query: is required for a Lightstep source`,
      '    e.g. query: service IN ("android")',
      `  ${FILE}:7:9: queries[1].id: duplicate id 'a' (also queries[0]); ids must be unique`,
      '    e.g. id: a-2',
      `  ${FILE}:8:5: queries[2].query: is required for a Lightstep source`,
      '    e.g. query: service IN ("android")',
    ]);
  });

  it('reads an OTLP filter when the file is loaded, so a typo stops nothing halfway', () => {
    expect(
      problemsOf(
        'version: 1\nsource: { otlp: { path: t.jsonl } }\nqueries:\n  - id: a\n    filter: service.name ~ "x"\n  - id: b\n    query: service IN ("b")\n',
      ),
    ).toEqual([
      `  ${FILE}:5:13: queries[0].filter: filter "service.name ~ \\"x\\"" cannot be read at character 1: "service.name ~ \\"x\\""`,
      '    e.g. service.name = "android" AND http.route IN ("/api/pay", "/api/cart")',
      `  ${FILE}:7:12: queries[1].query: an OTLP source selects spans with 'filter', not 'query'`,
      '    e.g. filter: service.name = "android"',
    ]);
  });

  it('asks for a source when there is none', () => {
    expect(problemsOf(`version: 1\nqueries:\n  - id: a\n    query: q\n`)[0]).toBe(
      `  ${FILE}:3:5: queries[0]: has no source: set a top-level source, or one on this query`,
    );
  });

  it('asks for at least one query', () => {
    expect(problemsOf(`${HEAD}queries: []\n`)[0]).toBe(`  ${FILE}:4:10: queries: must not be empty`);
  });

  it('points at YAML syntax errors', () => {
    expect(problemsOf('version: 1\nqueries: [ {id: a\n')[0]).toMatch(
      new RegExp(`^  ${FILE.replace(/\./g, '\\.')}:3:1: \\(top level\\): YAML syntax: `),
    );
  });

  it('says how to create a missing file, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-config-'));
    const missing = join(dir, 'nope.yml');
    await expect(loadConfig(missing)).rejects.toThrow(UserError);
    await expect(loadConfig(missing)).rejects.toThrow(`the configuration file ${missing} does not exist`);
  });

  it('loads a real file from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-config-'));
    const file = join(dir, 'trace-differ.yml');
    await writeFile(file, `${HEAD}queries:\n  - id: a\n    query: q\n`);
    expect((await loadConfig(file)).file).toBe(file);
    expect(await readFile(file, 'utf8')).toContain('id: a');
  });
});

describe('the small parsers the CLI and the action share', () => {
  it('parses changes into fractions and microseconds', () => {
    expect(parseChange('+20%', 'latency.p95')).toEqual({ kind: 'relative', amount: 0.2, text: '+20%' });
    expect(parseChange('+15ms', 'latency.p95').amount).toBe(15_000);
    expect(parseChange('-200us', 'latency.avg').amount).toBe(-200);
    expect(parseChange('+1.5s', 'latency.p99').amount).toBe(1_500_000);
    expect(parseChange('+2pp', 'error-rate').amount).toBeCloseTo(0.02);
    expect(parseChange('-30/min', 'rate').amount).toBe(-30);
    expect(() => parseChange('+2pp', 'rate')).toThrow("'+2pp': the unit 'pp' cannot be used for rate");
  });

  it('parses --group-by with combined keys', () => {
    expect(parseGroupBy('operation,http.status_code,service+operation')).toEqual([
      ['operation'],
      ['http.status_code'],
      ['service', 'operation'],
    ]);
    expect(() => parseGroupBy(',')).toThrow(UserError);
  });

  it('parses baselines', () => {
    expect(parseBaseline('previous')).toEqual({ kind: 'previous' });
    expect(parseBaseline('pinned:v1.2')).toEqual({ kind: 'pinned', name: 'v1.2' });
    expect(parseBaseline('median-of:5')).toEqual({ kind: 'median-of', count: 5 });
    expect(() => parseBaseline('median-of:1')).toThrow(UserError);
  });
});
