import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDatasetFile, writeDatasetFile } from '../../src/dataset/index.js';
import type { Span } from '../../src/dataset/types.js';
import { datasetOf, span } from '../diff/datasets.js';

/**
 * A dataset file written by anyone (a fork's artifact, a hand-edited file) whose rows hold a duration
 * that is not a number, with a checksum that matches: set aside where it is read, never diffed (a NaN
 * latency once kept the rank-sum test turning forever).
 */
describe('a dataset file with a duration that is not a finite number', () => {
  for (const bad of ['120', 'NaN-ish', null]) {
    it(`is set aside, naming the span (duration ${JSON.stringify(bad)})`, async () => {
      // The span table refuses such a duration, so the file is written right and its second row edited,
      // with a checksum that matches, as someone else's writer could have made it.
      const spans: Span[] = [span({ spanId: 'a', durationUs: 10 }), span({ spanId: 'b', durationUs: 20 })];
      const file = join(await mkdtemp(join(tmpdir(), 'td-nan-')), 'd.tdds');
      await writeDatasetFile(file, datasetOf(spans));
      await setSecondDuration(file, bad);
      const loaded = await readDatasetFile(file);
      expect(loaded.ok).toBe(false);
      expect(!loaded.ok && loaded.problem).toMatch(/span 2 has a start or duration that is not a finite number/);
    });
  }
});

/** Rewrites the duration of the file's second span row, and the header's body length and checksum to match. */
async function setSecondDuration(file: string, duration: unknown): Promise<void> {
  const data = await readFile(file);
  const first = data.indexOf(10);
  const second = data.indexOf(10, first + 1);
  const header = JSON.parse(data.subarray(first + 1, second).toString('utf8')) as Record<string, unknown>;
  const lines = gunzipSync(data.subarray(second + 1))
    .toString('utf8')
    .split('\n');
  const rows = lines.slice(1).filter(Boolean);
  const row = JSON.parse(rows[1]!) as unknown[];
  row[6] = duration;
  lines[1 + lines.slice(1).indexOf(rows[1]!)] = JSON.stringify(row);
  const body = gzipSync(Buffer.from(lines.join('\n')));
  header.bodyBytes = body.length;
  header.bodySha256 = createHash('sha256').update(body).digest('hex');
  await writeFile(file, Buffer.concat([data.subarray(0, first + 1), Buffer.from(`${JSON.stringify(header)}\n`), body]));
}
