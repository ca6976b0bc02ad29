import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeDatasetV1, readDatasetFile } from '../../src/dataset/index.js';
import { traffic } from '../diff/datasets.js';

/**
 * Format 1's `sha256` covers the header and the body: a header edited into other valid JSON is set aside,
 * and a file written before the field existed (its body's checksum only) is still read.
 */
const dir = await mkdtemp(join(tmpdir(), 'td-checksum-'));
const dataset = traffic(7, 120);
// Format 1's header carries the checksum as a field; format 2 ends in a trailer over everything.
const original = await encodeDatasetV1(dataset);

/** The magic line, the header as JSON, and the body of a format-1 file. */
function parts() {
  const first = original.indexOf(10);
  const second = original.indexOf(10, first + 1);
  return {
    head: original.subarray(0, first + 1),
    json: JSON.parse(original.subarray(first + 1, second).toString('utf8')) as Record<string, unknown>,
    body: original.subarray(second + 1),
  };
}

describe("a dataset file's checksum", () => {
  it('sets aside a file whose header was edited into other valid JSON (a moved collectedAt, another query)', async () => {
    const { head, json, body } = parts();
    const provenance = json.provenance as Record<string, unknown>;
    for (const [name, edit] of [
      ['time', { ...json, provenance: { ...provenance, collectedAt: '2030-01-01T00:00:00.000Z' } }],
      ['query', { ...json, provenance: { ...provenance, queryId: 'checkout' } }],
      ['coverage', { ...json, coverage: { ...(json.coverage as object), complete: false } }],
    ] as const) {
      const path = join(dir, `edited-${name}.tdds`);
      await writeFile(path, Buffer.concat([head, Buffer.from(`${JSON.stringify(edit)}\n`), body]));
      expect(await readDatasetFile(path)).toEqual({
        ok: false,
        problem: `dataset ${path} was set aside: its checksum does not match (the header or the body was altered)`,
      });
    }
  });

  it('still reads a file written before the checksum covered the header (body checksum only)', async () => {
    const { head, json, body } = parts();
    const { sha256, ...older } = json;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = join(dir, 'body-checksum-only.tdds');
    await writeFile(path, Buffer.concat([head, Buffer.from(`${JSON.stringify(older)}\n`), body]));
    expect(await readDatasetFile(path)).toEqual({ ok: true, dataset });
  });
});
