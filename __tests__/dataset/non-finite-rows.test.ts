import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      const spans: Span[] = [
        span({ spanId: 'a', durationUs: 10 }),
        span({ spanId: 'b', durationUs: bad as unknown as number }),
      ];
      const file = join(await mkdtemp(join(tmpdir(), 'td-nan-')), 'd.tdds');
      await writeDatasetFile(file, datasetOf(spans));
      const loaded = await readDatasetFile(file);
      expect(loaded.ok).toBe(false);
      expect(!loaded.ok && loaded.problem).toMatch(/span 2 has a start or duration that is not a finite number/);
    });
  }
});
