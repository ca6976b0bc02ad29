import { spansOfTable } from '../../src/dataset/table.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isDatasetFile,
  readDatasetFile,
  readSpansFile,
  toSeedNdjson,
  writeDatasetFile,
} from '../../src/dataset/index.js';
import { InputError } from '../../src/errors.js';
import { traffic } from '../diff/datasets.js';

const dir = await mkdtemp(join(tmpdir(), 'td-dataset-'));
const dataset = traffic(7, 300);
const file = join(dir, 'android.tdds');
const { bytes } = await writeDatasetFile(file, dataset);
const original = await readFile(file);

describe('the dataset file', () => {
  it('round-trips spans, provenance and coverage exactly', async () => {
    const loaded = await readDatasetFile(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.dataset.provenance).toEqual(dataset.provenance);
    expect(loaded.dataset.coverage).toEqual(dataset.coverage);
    expect(spansOfTable(loaded.dataset.table)).toEqual(spansOfTable(dataset.table));
    expect(await isDatasetFile(file)).toBe(true);
  });

  it('is compact: under 40 bytes a span on sandbox-like traffic', () => {
    const perSpan = bytes / spansOfTable(dataset.table).length;
    console.log(
      `dataset file: ${bytes} bytes for ${spansOfTable(dataset.table).length} spans = ${perSpan.toFixed(1)} bytes/span`,
    );
    expect(perSpan).toBeLessThan(40);
  });

  it('sets aside a file corrupted anywhere (magic, header, body, checksum), naming it', async () => {
    const headerEnd = original.indexOf(10, original.indexOf(10) + 1);
    const offsets = new Set<number>();
    for (let o = 0; o < original.length; o += Math.max(1, Math.floor(original.length / 150))) offsets.add(o);
    for (const o of [0, 5, headerEnd - 3, headerEnd + 1, headerEnd + 20, original.length - 1, original.length - 6])
      offsets.add(o);
    for (const offset of offsets) {
      const broken = Buffer.from(original);
      broken[offset] = broken[offset]! ^ 0x5a;
      const path = join(dir, `broken-${offset}.tdds`);
      await writeFile(path, broken);
      const loaded = await readDatasetFile(path);
      // A flip inside the header's JSON strings can still parse (e.g. a letter of the query text);
      // everything else must be caught.
      if (loaded.ok) {
        expect(offset, `offset ${offset} went unnoticed`).toBeLessThan(headerEnd);
        expect(spansOfTable(loaded.dataset.table)).toEqual(spansOfTable(dataset.table));
      } else {
        expect(loaded.problem).toContain(`dataset ${path} was set aside: `);
      }
    }
  });

  it('names a truncated file as truncated', async () => {
    const path = join(dir, 'truncated.tdds');
    await writeFile(path, original.subarray(0, original.length - 100));
    const loaded = await readDatasetFile(path);
    expect(loaded).toEqual({ ok: false, problem: expect.stringMatching(/set aside: it is truncated|its body is/) });
  });

  it('refuses a newer or an unknown older format with the fix, and a file that is not a dataset', async () => {
    const future = join(dir, 'future.tdds');
    await writeFile(future, Buffer.concat([Buffer.from('TRACE-DIFFER-DATASET 9\n{}\n'), Buffer.alloc(10)]));
    expect(await readDatasetFile(future)).toEqual({
      ok: false,
      problem: `dataset ${future} was set aside: it was written by a newer trace-differ (format 9; this one reads up to 1): upgrade trace-differ to read it`,
    });
    const older = join(dir, 'older.tdds');
    await writeFile(older, Buffer.concat([Buffer.from('TRACE-DIFFER-DATASET 0\n{}\n'), Buffer.alloc(10)]));
    expect(await readDatasetFile(older)).toEqual({
      ok: false,
      problem: `dataset ${older} was set aside: its format version 0 is older than any this trace-differ reads (1 to 1): collect it again`,
    });
    const other = join(dir, 'other.json');
    await writeFile(other, '[]');
    expect(await isDatasetFile(other)).toBe(false);
    expect(await readDatasetFile(other)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not a trace-differ dataset'),
    });
    expect(await readDatasetFile(join(dir, 'absent.tdds'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('ENOENT'),
    });
  });
});

describe("the seed's span JSON", () => {
  it('reads NDJSON and JSON arrays into the same dataset', async () => {
    const ndjson = join(dir, 'spans.ndjson');
    await writeFile(ndjson, toSeedNdjson(dataset.table));
    const array = join(dir, 'spans.json');
    await writeFile(array, `[${toSeedNdjson(dataset.table).trim().split('\n').join(',\n')}]`);
    const fromLines = await readSpansFile(ndjson);
    const fromArray = await readSpansFile(array);
    expect(spansOfTable(fromLines.table)).toEqual(spansOfTable(dataset.table));
    expect(spansOfTable(fromArray.table)).toEqual(spansOfTable(dataset.table));
  });

  it('takes the parent from parent_span_guid as Lightstep stores it, and drops repeated spans', async () => {
    const path = join(dir, 'lightstep.ndjson');
    const row = {
      'span-id': 'b',
      'trace-id': 't',
      'span-name': 'op',
      'start-time-micros': 10,
      'end-time-micros': 25,
      tags: { parent_span_guid: 'a', n: 3 },
      reporter: { name: 'svc' },
    };
    await writeFile(path, `${JSON.stringify(row)}\n${JSON.stringify(row)}\n`);
    const spans = spansOfTable((await readSpansFile(path)).table);
    expect(spans).toEqual([
      {
        // Hex ids are kept at full width (a 64-bit id written without its leading zeros is padded).
        spanId: '000000000000000b',
        traceId: 't',
        parentSpanId: '000000000000000a',
        service: 'svc',
        operation: 'op',
        startUs: 10,
        durationUs: 15,
        error: false,
        tags: { n: '3' },
      },
    ]);
  });

  it('streams a JSON array element by element, across read chunks, with brackets and quotes inside strings', async () => {
    // Far larger than one 64 KiB read, with values that would fool a scanner that ignored strings.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      'span-id': `s${i}`,
      'trace-id': `t${i % 100}`,
      'span-name': i % 2 ? 'op],[{"x' : 'op\\',
      'start-time-micros': 1000 + i,
      'end-time-micros': 2000 + i,
      tags: { note: '} ] , [ { "quoted" \\' },
      reporter: { name: 'svc' },
    }));
    const path = join(dir, 'big.json');
    await writeFile(path, `[\n${rows.map((r) => `  ${JSON.stringify(r, null, 1)}`).join(',\n')}\n]\n`);
    const spans = spansOfTable((await readSpansFile(path)).table);
    expect(spans).toHaveLength(3000);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    expect(byId.get('s2999')).toMatchObject({
      operation: 'op],[{"x',
      tags: { note: '} ] , [ { "quoted" \\' },
    });
    expect(byId.get('s0')!.operation).toBe('op\\');
  });

  it('names the file, line and element of bad JSON in an array, and a cut-off array', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '[\n{"span-id":"a","start-time-micros":1,"end-time-micros":2},\n{oops}\n]');
    await expect(readSpansFile(bad)).rejects.toThrow(`${bad}:3: span 2: not valid JSON`);
    const cut = join(dir, 'cut.json');
    await writeFile(cut, '[{"span-id":"a","start-time-micros":1,"end-time-micros":2},{"span-id":"b"');
    await expect(readSpansFile(cut)).rejects.toThrow(/cut\.json: not valid JSON \(line 1: the array is not closed/);
  });

  it('names the file and line of bad JSON', async () => {
    const path = join(dir, 'bad.ndjson');
    await writeFile(path, '{"span-id":"a","start-time-micros":1,"end-time-micros":2}\n{oops\n');
    await expect(readSpansFile(path)).rejects.toThrow(InputError);
    await expect(readSpansFile(path)).rejects.toThrow(`${path}:2: not valid JSON`);
  });
});
