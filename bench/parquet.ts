/**
 * Format 2 beside Parquet (pure-JS hyparquet-writer / hyparquet, nothing native) on the same table:
 * bytes a span, time to write, time to read back into columns. `node --import tsx bench/parquet.ts FILE.tdds`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { asyncBufferFromFile, parquetRead } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readDatasetFile } from '../src/dataset/file.js';
import { decodeV2, encodeV2 } from '../src/dataset/format-v2.js';

const path = process.argv[2]!;
const loaded = await readDatasetFile(path);
if (!loaded.ok) throw new Error(loaded.problem);
const t = loaded.dataset.table;
const n = t.size;
const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const c = process.cpuUsage();
  const r = await f();
  const u = process.cpuUsage(c);
  return [r, (u.user + u.system) / 1000];
};

const [ours, oursWrite] = await time(() => encodeV2(loaded.dataset));
await writeFile('/tmp/bench-format2.tdds', ours);
const [, oursRead] = await time(async () => decodeV2(await readFile('/tmp/bench-format2.tdds')));

// The same columns as Parquet: ids and names as strings (dictionary-encoded by the writer), numbers as INT64/INT32.
const str = (col: Int32Array, dict: string[]) => Array.from(col, (i) => (i < 0 ? null : dict[i]!));
const [parquet, parquetWrite] = await time(() =>
  parquetWriteBuffer({
    columnData: [
      { name: 'trace_id', data: Array.from(t.trace, (i) => t.traceIds[i]!), type: 'STRING' },
      { name: 'span_id', data: str(t.span, t.spanIds), type: 'STRING' },
      { name: 'parent_span_id', data: str(t.parentSpan, t.spanIds), type: 'STRING' },
      { name: 'service', data: str(t.service, t.strings), type: 'STRING' },
      { name: 'operation', data: str(t.operation, t.strings), type: 'STRING' },
      { name: 'start_us', data: Array.from(t.start, BigInt), type: 'INT64' },
      { name: 'duration_us', data: Array.from(t.duration, BigInt), type: 'INT64' },
      { name: 'error', data: Array.from(t.error, Boolean), type: 'BOOLEAN' },
      ...t.tagKeys.map((k, c) => ({ name: `tag.${k}`, data: str(t.tags[c]!, t.strings), type: 'STRING' as const })),
    ],
  }),
);
await writeFile('/tmp/bench-format2.parquet', Buffer.from(parquet));
const [, parquetRead_] = await time(async () => {
  const file = await asyncBufferFromFile('/tmp/bench-format2.parquet');
  let rows = 0;
  await parquetRead({ file, onChunk: (chunk) => void (rows += chunk.rowEnd - chunk.rowStart) });
  return rows;
});
const size = async (p: string) => (await stat(p)).size;
console.log(`| format | bytes a span | write (cpu) | read (cpu) |`);
console.log(`| --- | --- | --- | --- |`);
console.log(
  `| trace-differ format 2 | ${((await size('/tmp/bench-format2.tdds')) / n).toFixed(1)} | ${(oursWrite / 1000).toFixed(2)} s | ${(oursRead / 1000).toFixed(2)} s |`,
);
console.log(
  `| Parquet (hyparquet-writer, snappy) | ${((await size('/tmp/bench-format2.parquet')) / n).toFixed(1)} | ${(parquetWrite / 1000).toFixed(2)} s | ${(parquetRead_ / 1000).toFixed(2)} s (hyparquet) |`,
);
