import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { collect } from '../../src/modes/collect.js';
import { createModeContext, type ModeContext } from '../../src/modes/context.js';
import { gate } from '../../src/modes/gate.js';
import { LocalStore } from '../../src/store/index.js';

/**
 * A collection with no spans (the query matched nothing, the export folder is empty) is
 * "inconclusive: no spans" in collect and gate alike, never a pass, and never stored as a baseline.
 */
async function context(): Promise<{ ctx: ModeContext; storeDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'td-empty-'));
  await mkdir(join(dir, 'exports'));
  const file = join(dir, 'trace-differ.yml');
  await writeFile(
    file,
    [
      'version: 1',
      'source: { otlp: { path: exports } }',
      'queries:',
      '  - id: checkout',
      '    filter: service.name = "checkout"',
      '',
    ].join('\n'),
  );
  const config = await loadConfig(file);
  const storeDir = join(dir, 'store');
  return {
    storeDir,
    ctx: createModeContext({
      logger: silentLogger,
      config,
      queries: config.queries,
      sources: { lightstep: {}, basePath: dir },
      store: new LocalStore(storeDir),
    }),
  };
}

describe('an empty collection', () => {
  it('collect: inconclusive, "No spans", and nothing stored', async () => {
    const { ctx, storeDir } = await context();
    const report = await collect(ctx);
    expect(report.verdict).toBe('inconclusive');
    const [outcome] = report.outcomes;
    expect(outcome!.error).toBeUndefined();
    expect(outcome!.result!.reason).toBe(
      'No spans: the current dataset is empty, so there is nothing to compare, and it is not stored.',
    );
    expect(await readdir(storeDir).catch(() => [])).toEqual([]);
  });

  it('gate with a fresh snapshot: inconclusive, "No spans", never a pass', async () => {
    const { ctx } = await context();
    const report = await gate(ctx, { current: 'snapshot' });
    expect(report.verdict).toBe('inconclusive');
    expect(report.outcomes[0]!.result!.reason).toBe(
      'No spans: the current dataset is empty, so there is nothing to compare.',
    );
  });
});
