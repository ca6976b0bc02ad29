import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset, STACK, trace } from './run-cli.js';

/**
 * Input mistakes through the bundled CLI: one line naming the input, what was expected and the fix,
 * exit 2, no stack trace; and what the report says when the inputs are odd but usable.
 */
let dir: string;
let currentLines: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-input-'));
  currentLines = (await readFile(dataset('current.ndjson'), 'utf8')).trim().split('\n');
});

/** The example current dataset with each span changed by `edit`, written to `name`. */
async function edited(name: string, edit: (span: Record<string, unknown>, i: number) => void): Promise<string> {
  const file = join(dir, name);
  const lines = currentLines.map((l, i) => {
    const span = JSON.parse(l) as Record<string, unknown>;
    edit(span, i);
    return JSON.stringify(span);
  });
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function config(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('an empty side is an input error in diff', () => {
  it.each([
    ['an empty JSON array', 'empty-array.json', '[]'],
    ['OTLP JSON with no resourceSpans', 'empty-otlp.json', '{"resourceSpans":[]}'],
    ['an empty folder', 'empty-folder', undefined],
  ])('%s: exit 2 and "holds no spans", for either side', async (_, name, text) => {
    const path = join(dir, name);
    if (text === undefined) await mkdir(path, { recursive: true });
    else await writeFile(path, text);
    for (const args of [
      [dataset('baseline.ndjson'), path],
      [path, dataset('current.ndjson')],
    ]) {
      const r = await trace(['diff', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`trace-differ: '${path}' holds no spans: there is nothing to compare`);
      expect(r.stderr).toContain('fix: pass a file or folder with spans');
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('an empty file is named as such', () => {
  // An empty file reads as no spans (one empty part of an export does not stop the rest); a side of none is refused.
  it('a 0-byte file: exit 2 and "holds no spans", for either side', async () => {
    const path = join(dir, 'empty.ndjson');
    await writeFile(path, '');
    for (const args of [
      [dataset('baseline.ndjson'), path],
      [path, dataset('current.ndjson')],
    ]) {
      const r = await trace(['diff', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`'${path}' holds no spans: there is nothing to compare`);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('group-by keys are checked against the spans', () => {
  it('a key no span has is an error listing the keys the spans do have, most common first', async () => {
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--group-by',
      'operation,nosuchkey',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "trace-differ: group-by key 'nosuchkey' is on no span of either side; the spans have service, operation and the tags customer (2400), http.status_code (800)",
    );
    expect(r.stderr).toContain('fix: group by keys the spans have (see --group-by)');
    expect(r.stderr).not.toMatch(STACK);
  });

  it("the example config's `region` on data without it is the same error, naming the config", async () => {
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--config',
      'examples/trace-differ.yml',
      '--query',
      'payments',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("group-by key 'region' is on no span of either side");
    expect(r.stderr).toContain('fix: group by keys the spans have (see group-by: in examples/trace-differ.yml)');
  });

  it('a key on fewer spans than min-samples is a warning at the top of the report', async () => {
    const current = await edited('few-regions.ndjson', (span, i) => {
      if (i < 5) (span.tags as Record<string, string>).region = 'eu';
    });
    const r = await trace(['diff', dataset('baseline.ndjson'), current, '--group-by', 'region', '--fail-on', 'never']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      "> ⚠️ Group-by key 'region' is on only 5 spans of both sides together (fewer than min-samples 30): 'region' puts the others under (none).",
    );
  });
});

describe('--config applies the query text to file inputs', () => {
  it('keeps the traces with a span the Lightstep query matches, and says how many spans remain', async () => {
    const file = await config(
      'narrow.yml',
      [
        'version: 1',
        'source: { lightstep: { organization: acme, project: production } }',
        'queries:',
        '  - id: transactions',
        '    query: operation IN ("/api/get-transactions")',
        '    group-by: [operation]',
        '',
      ].join('\n'),
    );
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--config',
      file,
      '--query',
      'transactions',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const kept = /current\.ndjson': (\d+) of 1200 spans kept by the query text of 'transactions'/.exec(r.stderr);
    expect(kept).not.toBeNull();
    const spans = Number(kept![1]);
    expect(spans).toBeGreaterThan(0);
    expect(spans).toBeLessThan(1200);
    const json = JSON.parse(r.stdout) as { outcomes: { result: { current: { spans: number } } }[] };
    expect(json.outcomes[0]!.result.current.spans).toBe(spans);
  });

  it('says plainly, on stderr and in the report, when the query text cannot be applied', async () => {
    const file = await config(
      'unreadable.yml',
      [
        'version: 1',
        'source: { lightstep: { organization: acme, project: production } }',
        'queries:',
        '  - id: odd',
        '    query: service IN ("android") OR error = true',
        '    group-by: [operation]',
        '',
      ].join('\n'),
    );
    const r = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--config',
      file,
      '--fail-on',
      'never',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: The query text of 'odd' was not applied to");
    expect(r.stdout).toMatch(
      /> ⚠️ The query text of 'odd' was not applied to .*current\.ndjson: it cannot be read as a span filter/,
    );
  });

  it('a query that matches no span of a file is an input error', async () => {
    const file = await config(
      'nothing.yml',
      [
        'version: 1',
        'source: { lightstep: { organization: acme, project: production } }',
        'queries:',
        '  - id: nothing',
        '    query: service IN ("no-such-service")',
        '',
      ].join('\n'),
    );
    const r = await trace(['diff', dataset('baseline.ndjson'), dataset('current.ndjson'), '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /'.*baseline\.ndjson' has 1200 spans, but none matches the query text of 'nothing' \(service IN \("no-such-service"\)\)/,
    );
  });
});

describe('what the report says about file sides', () => {
  it('warns at the top when the two sides share no service/operation', async () => {
    const renamed = await edited('renamed.ndjson', (span) => {
      const reporter = span.reporter as { name: string };
      reporter.name = `new-${reporter.name}`;
    });
    const r = await trace(['diff', dataset('baseline.ndjson'), renamed, '--fail-on', 'never']);
    expect(r.code, r.stderr).toBe(0);
    const firstTable = r.stdout.indexOf('| |');
    const warning = r.stdout.indexOf(
      '> ⚠️ The two sides share no service/operation: they may come from different systems',
    );
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(firstTable);
    expect(r.stdout).toContain('baseline services: android, api-server');
    expect(r.stdout).toContain('current: new-android, new-api-server');
  });

  it("shows a file side's spans' time range, and no 'collected' time", async () => {
    const r = await trace(['diff', dataset('baseline.ndjson'), dataset('current.ndjson'), '--fail-on', 'never']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| | snapshot | time | spans / traces | coverage |');
    expect(r.stdout).toMatch(
      /\| baseline \| — \| spans 2026-11-02 09:00:00Z – 2026-11-02 09:09:5\dZ, 10 min window \|/,
    );
    expect(r.stdout).toMatch(/\| current \| — \| spans 2026-11-02 10:00:00Z – 2026-11-02 10:09:5\dZ, 10 min window \|/);
    expect(r.stdout).not.toContain('collected');
    const json = await trace([
      'diff',
      dataset('baseline.ndjson'),
      dataset('current.ndjson'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    const result = (JSON.parse(json.stdout) as { outcomes: { result: { current: Record<string, unknown> } }[] })
      .outcomes[0]!.result;
    expect(result.current.spansFrom).toBe('2026-11-02T10:00:00.000Z');
  });
});

describe('output and credentials', () => {
  it('-o into a folder that does not exist yet makes the folder', async () => {
    const out = join(dir, 'new', 'folder', 'report.md');
    const r = await trace(['diff', dataset('baseline.ndjson'), dataset('current.ndjson'), '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`report written to ${out}`);
    expect(await readFile(out, 'utf8')).toContain('/api/make-payment');
  });

  it('-o where no file can be written: exit 2, one line, and the report on stdout instead', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const out = join(blocker, 'report.md');
    const r = await trace(['diff', dataset('baseline.ndjson'), dataset('current.ndjson'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `trace-differ: cannot write the report to '${out}' (EEXIST: file already exists, mkdir '${blocker}'); it was printed to stdout instead`,
    );
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toContain('/api/make-payment');
  });

  it('collect without LIGHTSTEP_API_KEY: exit 2, said once for all the queries', async () => {
    const r = await trace(['collect', '--config', 'examples/trace-differ.yml', '--store', join(dir, 'store')]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/LIGHTSTEP_API_KEY/g)).toHaveLength(2); // the message and its fix
    expect(r.stderr).toContain(
      'trace-differ: LIGHTSTEP_API_KEY is not set, and the Lightstep queries (android, payments) need it',
    );
    expect(r.stderr).not.toContain('[android]');
    expect(r.stderr).not.toMatch(STACK);
  });
});
