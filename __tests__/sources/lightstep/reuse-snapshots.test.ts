import { spansOfTable } from '../../../src/dataset/table.js';
import { describe, expect, it } from 'vitest';
import type { SourceError } from '../../../src/errors.js';
import { recordingLogger } from '../../../src/log.js';
import { sourceFor, type SourceSettings } from '../../../src/sources/index.js';
import { logText, query, setup, sorted } from './setup.js';

/**
 * Each snapshot request spends one of the organization's 60 an hour. A re-run of a failed job
 * picks up the snapshot its failed attempt took, and two queries of the same text in one run
 * share one snapshot; through `sourceFor`, as the action builds its sources, over real HTTP.
 */
describe('picking up a recent snapshot instead of creating one', () => {
  const settingsFor = (sim: { apiKey: string; url: string }, extra: Partial<SourceSettings['lightstep']> = {}) => ({
    lightstep: { apiKey: sim.apiKey, apiUrl: sim.url, requestsPerSecond: 2000, ...extra },
    timeScale: 0.001,
  });
  const demoQuery = (text?: string) => ({
    ...query(text),
    source: { kind: 'lightstep' as const, organization: 'demo-org', project: 'demo-project' },
  });

  it('a re-run (attempt 2) lists once and collects the failed attempt’s snapshot without creating one', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 30 });
    const first = await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    expect(sim.stats().requests['list-snapshots'] ?? 0).toBe(0);

    // A new process: the re-run of the job.
    const rerun = settingsFor(sim);
    const logger = recordingLogger();
    const again = await sourceFor(demoQuery(), rerun, { attempt: '2' }).collect(demoQuery(), { logger });
    expect(sim.stats().snapshotsCreated).toBe(1);
    expect(again.provenance.snapshotId).toBe(first.provenance.snapshotId);
    expect(sorted(spansOfTable(again.table))).toEqual(sorted(spansOfTable(first.table)));
    expect(logText(logger)).toMatch(/reusing snapshot \w+ of the same query text, complete \d+ s ago/);

    // A second query of the re-run, another text: the list is not asked again, a snapshot is created.
    await sourceFor(demoQuery('service IN ("iOS")'), rerun, { attempt: '2' }).collect(demoQuery('service IN ("iOS")'), {
      logger,
    });
    expect(sim.stats().requests['list-snapshots']).toBe(1);
    expect(sim.stats().snapshotsCreated).toBe(2);
  });

  it('a re-run whose picked-up snapshot cannot be collected takes a new one', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 10 });
    // The first attempt fails on its snapshot: it never lists exemplars (the default 8 reads allowed).
    sim.setFaults({ notCompleteReads: 8 });
    const failed = await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' })
      .collect(demoQuery(), { logger: recordingLogger() })
      .catch((e: unknown) => e);
    expect((failed as SourceError).message).toMatch(/listed no exemplars after 8 reads/);
    // The re-run picks it up, meets the same trouble, and takes a new snapshot, which completes.
    sim.setFaults({ notCompleteReads: 8 });
    const logger = recordingLogger();
    const dataset = await sourceFor(demoQuery(), settingsFor(sim), { attempt: '2' }).collect(demoQuery(), { logger });
    expect(sim.stats().snapshotsCreated).toBe(2);
    expect(dataset.coverage.complete).toBe(true);
    expect(sorted(spansOfTable(dataset.table))).toEqual(sorted(sim.groundTruth(dataset.provenance.snapshotId!)));
    expect(logText(logger)).toMatch(
      /reusing snapshot (\w+) [^]*the picked-up snapshot \1 could not be collected .*; taking a new one/,
    );
  });

  it('a first attempt never lists, even with a matching snapshot minutes old: that one is another run’s', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 10 });
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    expect(sim.stats().requests['list-snapshots'] ?? 0).toBe(0);
    expect(sim.stats().snapshotsCreated).toBe(2);
  });

  it('two queries of the same text in one run share one snapshot, even when collected at once', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 20 });
    const run = settingsFor(sim);
    const logger = recordingLogger();
    const [a, b] = await Promise.all([
      sourceFor(demoQuery(), run).collect({ ...demoQuery(), id: 'a' }, { logger }),
      sourceFor(demoQuery(), run).collect({ ...demoQuery(), id: 'b' }, { logger }),
    ]);
    expect(sim.stats().snapshotsCreated).toBe(1);
    expect(sim.stats().requests['list-snapshots'] ?? 0).toBe(0);
    expect(a.provenance.snapshotId).toBe(b.provenance.snapshotId);
    expect(sorted(spansOfTable(a.table))).toEqual(sorted(spansOfTable(b.table)));
    expect(logText(logger)).toMatch(/reusing snapshot \w+, taken \d+ s ago in this run for the same query text/);
  });

  it('does not pick up a snapshot older than the window, nor reuse at all with a window of 0', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 10 });
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    await new Promise((r) => setTimeout(r, 30));
    const logger = recordingLogger();
    // A window of 1 ms: the failed attempt's snapshot, complete 30 ms ago, is too old.
    const stale = settingsFor(sim, { reuseSnapshotsWithinMinutes: 1 / 60_000 });
    await sourceFor(demoQuery(), stale, { attempt: '2' }).collect(demoQuery(), { logger });
    expect(sim.stats().requests['list-snapshots']).toBe(1);
    expect(sim.stats().snapshotsCreated).toBe(2);
    expect(logText(logger)).toMatch(
      /no snapshot of this query text complete in the last 0 s among those listed; creating one/,
    );

    const off = settingsFor(sim, { reuseSnapshotsWithinMinutes: 0 });
    await Promise.all([
      sourceFor(demoQuery(), off, { attempt: '3' }).collect(demoQuery(), { logger }),
      sourceFor(demoQuery(), off, { attempt: '3' }).collect(demoQuery(), { logger }),
    ]);
    expect(sim.stats().requests['list-snapshots']).toBe(1);
    expect(sim.stats().snapshotsCreated).toBe(4);
  });

  it('does not pick up a listed snapshot whose age the list does not state', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 10, listCompleteTime: false });
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    const logger = recordingLogger();
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '2' }).collect(demoQuery(), { logger });
    expect(sim.stats().snapshotsCreated).toBe(2);
    expect(logText(logger)).toMatch(
      /1 listed without a complete-time: their age is unknown, so they are not picked up/,
    );
  });

  it('the config key reuse-snapshots-within-minutes reaches the source', async () => {
    const { sim } = await setup({ tracesPerSnapshot: 10 });
    await sourceFor(demoQuery(), settingsFor(sim), { attempt: '1' }).collect(demoQuery(), {
      logger: recordingLogger(),
    });
    const q = demoQuery();
    const configured = { ...q, source: { ...q.source, reuseSnapshotsWithinMinutes: 0 } };
    await sourceFor(configured, settingsFor(sim), { attempt: '2' }).collect(configured, { logger: recordingLogger() });
    expect(sim.stats().requests['list-snapshots'] ?? 0).toBe(0);
    expect(sim.stats().snapshotsCreated).toBe(2);
  });
});
