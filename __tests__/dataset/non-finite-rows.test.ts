import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeDataset, encodeDatasetV1, readDatasetFile } from '../../src/dataset/index.js';
import type { Dataset } from '../../src/dataset/types.js';
import { datasetOf, span } from '../diff/datasets.js';

/**
 * A dataset file written by anyone (a fork's artifact, a hand-edited file) whose rows hold a time
 * that is not a finite number, with a checksum that matches: set aside where it is read, never
 * diffed (a NaN latency once kept the rank-sum test turning forever). In either format.
 */
describe('a dataset file with a duration that is not a finite number', () => {
  for (const [format, encode] of [
    ['format 1', encodeDatasetV1],
    ['format 2', encodeDataset],
  ] as const) {
    for (const bad of [NaN, Infinity]) {
      it(`is set aside, naming the span (${format}, duration ${bad})`, async () => {
        const dataset: Dataset = datasetOf([
          span({ spanId: 'a', traceId: 't', durationUs: 10 }),
          span({ spanId: 'b', traceId: 't', durationUs: 20 }),
        ]);
        dataset.table.duration[1] = bad;
        const file = join(await mkdtemp(join(tmpdir(), 'td-nan-')), 'd.tdds');
        await writeFile(file, await encode(dataset));
        const loaded = await readDatasetFile(file);
        expect(loaded.ok).toBe(false);
        expect(!loaded.ok && loaded.problem).toMatch(/span 2 has a start or duration that is not a finite number/);
      });
    }
  }
});
