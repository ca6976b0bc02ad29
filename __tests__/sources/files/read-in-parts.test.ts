import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { spansOfTable } from '../../../src/dataset/table.js';
import { readSpanFiles, splitPoint } from '../../../src/sources/files/spans.js';

/**
 * `convert` reads one large file of JSON Lines in two parts at once (the second in a worker thread),
 * then joins them: the dataset must be the one a whole read gives, whatever falls on either side of
 * the cut — a trace's spans in both parts, a filter that keeps whole traces, a mistake past the cut.
 * The files here are small; the size from which a file is cut is lowered for them.
 */

let dir: string;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Spans of `traces` traces, each trace's spans spread over the whole file (the first spans of every trace, then the next…). */
function seedLines(traces: number): string[] {
  const lines: string[] = [];
  for (let k = 0; k < 6; k++)
    for (let t = 0; t < traces; t++)
      lines.push(
        JSON.stringify({
          'span-id': hex(t * 6 + k + 1, 16),
          'trace-id': hex(t + 1, 32),
          ...(k ? { 'parent-span-id': hex(t * 6 + 1, 16) } : {}),
          'span-name': `op-${(t + k) % 9}`,
          'start-time-micros': 1_700_000_000_000_000 + t * 100 + k,
          'end-time-micros': 1_700_000_000_000_500 + t * 100 + k * 7,
          'is-error': (t + k) % 17 === 0,
          tags: { customer: `c-${t % 11}` },
          reporter: { name: k === 0 ? 'edge' : `svc-${k % 3}` },
        }),
      );
  return lines;
}

function otlpLines(traces: number): string[] {
  return Array.from({ length: 6 }, (_, k) =>
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: `svc-${k % 3}` } }] },
          scopeSpans: [
            {
              spans: Array.from({ length: traces }, (_, t) => ({
                traceId: hex(t + 1, 32),
                spanId: hex(t * 6 + k + 1, 16),
                ...(k ? { parentSpanId: hex(t * 6 + 1, 16) } : {}),
                name: `op-${(t + k) % 9}`,
                startTimeUnixNano: `${1_700_000_000_000_000 + t * 100 + k}000`,
                endTimeUnixNano: `${1_700_000_000_000_500 + t * 100 + k * 7}000`,
                attributes: [{ key: 'customer', value: { stringValue: `c-${t % 11}` } }],
              })),
            },
          ],
        },
      ],
    }),
  );
}

const read = (path: string, parts: boolean, filter?: string) =>
  readSpanFiles([path], {
    queryId: 'parts',
    ...(filter ? { filter } : {}),
    ...(parts ? { parallel: true, partsFromBytes: 1 } : {}),
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'td-parts-'));
});

describe('one file of JSON Lines read in two parts at once', () => {
  it.each([
    ['NDJSON', 'spans.ndjson', () => seedLines(3000)],
    ['OTLP JSON Lines', 'spans.otlp.jsonl', () => otlpLines(3000)],
  ])('gives the dataset a whole read gives (%s), traces cut in two included', async (_, name, lines) => {
    const path = join(dir, name);
    await writeFile(path, `${lines().join('\n')}\n`);
    expect(await splitPoint(path, 1)).toBeGreaterThan(0);
    const whole = await read(path, false);
    const parts = await read(path, true);
    expect(parts.table.size).toBe(whole.table.size);
    expect(spansOfTable(parts.table)).toEqual(spansOfTable(whole.table));
    expect(parts.provenance.source).toBe(whole.provenance.source);
    // A filter that keeps a span's whole trace is applied to the joined parts, not to each part.
    const filter = name.endsWith('.ndjson') ? 'service IN ("edge")' : 'service.name = "svc-1"';
    expect(spansOfTable((await read(path, true, filter)).table)).toEqual(
      spansOfTable((await read(path, false, filter)).table),
    );
  });

  it('names a mistake past the cut by its line in the whole file', async () => {
    const lines = seedLines(500);
    lines[lines.length - 3] = '{"span-id": "00000000000000ff", "start-time-micros": "soon"}';
    const path = join(dir, 'broken.ndjson');
    await writeFile(path, `${lines.join('\n')}\n`);
    const whole = await read(path, false).catch((e: Error) => e.message);
    expect(whole).toContain(`${path}:${lines.length - 2}:`);
    expect(await read(path, true).catch((e: Error) => e.message)).toBe(whole);
  });

  it('is not cut when it is gzip, a JSON array or one pretty-printed document', async () => {
    const lines = seedLines(200);
    const cases: [string, string | Buffer][] = [
      ['spans.ndjson.gz', gzipSync(`${lines.join('\n')}\n`)],
      ['array.json', `[\n${lines.join(',\n')}\n]\n`],
      ['pretty.json', JSON.stringify(JSON.parse(otlpLines(20)[0]!), null, 2)],
    ];
    for (const [name, content] of cases) {
      await writeFile(join(dir, name), content);
      expect(await splitPoint(join(dir, name), 1)).toBeUndefined();
    }
  });
});
