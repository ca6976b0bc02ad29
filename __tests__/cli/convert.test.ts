import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { readDatasetFile } from '../../src/dataset/index.js';
import { generateTraffic } from '../../src/simulator/traffic.js';
import { START_US } from '../diff/datasets.js';
import { writeAs } from '../support/span-formats.js';

const dir = await mkdtemp(join(tmpdir(), 'td-convert-'));
const spans = generateTraffic({ seed: 3, traces: 60, startUs: START_US, windowMinutes: 5 });
let stderr: string[] = [];

beforeEach(() => {
  stderr = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void stderr.push(args.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe('trace-differ convert IN… OUT', () => {
  it('reads a folder of mixed formats (gzipped OTLP JSON Lines, NDJSON) once into one dataset file', async () => {
    const folder = join(dir, 'export');
    await mkdir(folder, { recursive: true });
    const half = Math.floor(spans.length / 2);
    await writeFile(join(folder, 'a.jsonl.gz'), await promisify(gzip)(writeAs('otlp-lines', spans.slice(0, half))));
    await writeFile(join(folder, 'b.ndjson'), writeAs('ndjson', spans.slice(half)));
    await writeFile(join(folder, 'README.md'), '# not spans\n');
    const out = join(dir, 'export.tdds');
    expect(await main(['convert', folder, out])).toBe(0);
    const loaded = await readDatasetFile(out);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.dataset.table.size).toBe(spans.length);
    expect(loaded.dataset.table.traceIds).toHaveLength(60);
    expect((await readFile(out)).subarray(0, 23).toString()).toBe('TRACE-DIFFER-DATASET 2\n');
    // The dataset diffs like the export it came from.
    expect(await main(['diff', out, folder, '--format', 'json', '-o', join(dir, 'same.json')])).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'same.json'), 'utf8')) as {
      verdict: string;
      outcomes: { result: { findings: unknown[]; current: { spans: number }; baseline: { spans: number } } }[];
    };
    expect(report.verdict).toBe('pass');
    const { result } = report.outcomes[0]!;
    expect(result.findings).toEqual([]);
    expect([result.baseline.spans, result.current.spans]).toEqual([spans.length, spans.length]);
  });

  it('answers a mistake in an input with one line naming the file, line and column, and exit code 2', async () => {
    const bad = join(dir, 'bad.ndjson');
    await writeFile(
      bad,
      `${writeAs('ndjson', spans.slice(0, 2))}{"span-id": "x", "start-time-micros": 1e400, "end-time-micros": 5}\n`,
    );
    expect(await main(['convert', bad, join(dir, 'bad.tdds')])).toBe(2);
    expect(stderr.join('\n')).toContain(`${bad}:3:18: "start-time-micros" is Infinity; expected a finite number`);
    expect(stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('needs an input and an output', async () => {
    expect(await main(['convert', join(dir, 'only.tdds')])).toBe(2);
    expect(stderr.join('\n')).toContain('convert needs at least one input and the file to write');
  });
});
