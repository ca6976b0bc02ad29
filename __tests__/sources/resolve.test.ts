import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASELINE, DEFAULT_SETTINGS } from '../../src/config/index.js';
import type { QueryConfig } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { COLLECT_NOW, resolveDataset } from '../../src/sources/index.js';
import { startBackendFake, type BackendFake } from '../../src/simulator/index.js';
import { LocalStore } from '../../src/store/index.js';
import { queryOf, spansOf } from './backends/setup.js';

/** One function says where a dataset comes from, for an argument of `diff` (or the action's diff mode). */
const fixtures = join(import.meta.dirname, 'files', 'fixtures');
const files: QueryConfig = {
  ...DEFAULT_SETTINGS,
  id: 'files',
  name: 'files',
  query: '',
  source: { kind: 'otlp', path: '.' },
  baseline: DEFAULT_BASELINE,
};
let fake: BackendFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('resolveDataset', () => {
  it('reads a file, and a folder of files in several formats, each recognised from its content', async () => {
    const ctx = { sources: { lightstep: {} }, logger: silentLogger };
    const file = await resolveDataset(join(fixtures, 'zipkin-traces.json'), files, ctx);
    expect(spansOf(file)).toHaveLength(9);
    const dir = await mkdtemp(join(tmpdir(), 'td-resolve-'));
    await cp(join(fixtures, 'jaeger-traces'), join(dir, 'jaeger'), { recursive: true });
    await cp(join(fixtures, 'tempo-v2-trace.json'), join(dir, 'tempo.json'));
    // The same two traces twice (Jaeger and Tempo) are kept once.
    const folder = await resolveDataset(dir, files, ctx);
    expect(spansOf(folder)).toHaveLength(9);
    expect(folder.provenance.source).toBe('file');
  });

  it("collects the query's source for 'now', and finds a stored key", async () => {
    fake = await startBackendFake({ backend: 'tempo', traces: 60 });
    const query = queryOf(`tempo: { url: ${fake.url} }`, '{ resource.service.name = "web" }');
    const store = new LocalStore(await mkdtemp(join(tmpdir(), 'td-resolve-store-')));
    const ctx = { sources: { lightstep: {} }, store, logger: silentLogger };
    const now = await resolveDataset(COLLECT_NOW, query, ctx);
    expect(now.provenance.source).toBe('tempo');
    expect(spansOf(now).length).toBeGreaterThan(0);
    const entry = await store.put(now);
    expect(spansOf(await resolveDataset(entry.key, query, ctx))).toEqual(spansOf(now));
  });

  it('names every kind of argument it takes when it finds none of them', async () => {
    const error = await resolveDataset('no-such-thing', files, {
      sources: { lightstep: {} },
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      "'no-such-thing' is not a file, a folder, a stored dataset key, a Lightstep snapshot id or 'now'",
    );
  });
});
