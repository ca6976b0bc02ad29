import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataset, STACK, trace } from './run-cli.js';

/**
 * What the file readers make of unusual files, seen through the CLI: read like any other file, or
 * one line naming the file and place, exit 2, never a TypeError's stack.
 */
let dir: string;
let current: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-readers-'));
  current = await readFile(dataset('current.ndjson'), 'utf8');
});

const diffAgainst = (file: string) =>
  trace(['diff', dataset('baseline.ndjson'), file, '--format', 'json', '--fail-on', 'never']);
const spansOf = (stdout: string) =>
  (JSON.parse(stdout) as { outcomes: { result: { current: { spans: number } } }[] }).outcomes[0]!.result.current.spans;

describe('files the readers take', () => {
  it('reads a gzipped NDJSON file like the plain one', async () => {
    const file = join(dir, 'current.ndjson.gz');
    await writeFile(file, gzipSync(current));
    const r = await diffAgainst(file);
    expect(r.code, r.stderr).toBe(0);
    expect(spansOf(r.stdout)).toBe(1200);
  });

  it('reads a gzipped span JSON array like the plain one', async () => {
    const spans = current
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    const file = join(dir, 'current.json.gz');
    await writeFile(file, gzipSync(JSON.stringify(spans)));
    const r = await diffAgainst(file);
    expect(r.code, r.stderr).toBe(0);
    expect(spansOf(r.stdout)).toBe(1200);
  });

  it('keeps a U+2028 inside an NDJSON string within its line', async () => {
    const lines = current.trim().split('\n');
    const first = JSON.parse(lines[0]!) as { tags: Record<string, string> };
    first.tags.customer = 'ACME\u2028LTD';
    // JSON.stringify escapes U+2028; a hand-written or other-tool export may hold it raw, as JSON allows.
    lines[0] = JSON.stringify(first).replace('\\u2028', '\u2028');
    expect(lines[0]).toContain('\u2028');
    const file = join(dir, 'u2028.ndjson');
    await writeFile(file, lines.join('\n'));
    const r = await diffAgainst(file);
    expect(r.code, r.stderr).toBe(0);
    expect(spansOf(r.stdout)).toBe(1200);
  });
});

describe('files the readers refuse, with one line and exit 2', () => {
  it.each([
    // No trace format has a list of nulls: the file is named as in no format read, before any reader runs.
    ['[null]', 'null.json', '[null]', /null\.json: not a trace file trace-differ reads: it looks like a JSON list/],
    [
      'a span time that is not a finite number',
      'infinite.ndjson',
      '{"span-id":"a","trace-id":"b","span-name":"x","start-time-micros":1e400,"end-time-micros":2}\n',
      /infinite\.ndjson:1:47: "start-time-micros" is Infinity; expected a finite number of microseconds since the epoch/,
    ],
    [
      'an OTLP span whose name is a number',
      'otlp-name.json',
      JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '0102030405060708090a0b0c0d0e0f10',
                    spanId: '0102030405060708',
                    name: 42,
                    startTimeUnixNano: '1000',
                    endTimeUnixNano: '2000',
                  },
                ],
              },
            ],
          },
        ],
      }),
      /otlp-name\.json:1:\d+: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.name is a number, expected a string/,
    ],
    [
      'an OTLP span time that is not a finite number',
      'otlp-time.json',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"x","startTimeUnixNano":1e400,"endTimeUnixNano":"2000"}]}]}]}',
      /otlp-time\.json:1:\d+: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\] has no startTimeUnixNano or endTimeUnixNano/,
    ],
  ])('%s', async (_, name, text, message) => {
    const file = join(dir, name);
    await writeFile(file, text);
    const r = await diffAgainst(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('fix: ');
    expect(r.stderr).not.toMatch(STACK);
  });
});
