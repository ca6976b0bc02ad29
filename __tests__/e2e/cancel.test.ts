import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { runAction, simulatorSource, workspaceWithConfig } from './run-action.js';

/**
 * A cancelled job: the runner sends SIGINT (then SIGTERM). The bundled action stops its collections at
 * once, says why, writes its summary and fails the step, instead of dying mid-request or waiting out a snapshot.
 */
const API_KEY = 'lsk-cancel-0123456789';
let sim: Simulator;
let workspace: string;

beforeAll(async () => {
  // A snapshot that takes a minute to complete: without cancellation the run would sit in that wait.
  sim = await startSimulator({ seed: 4, tracesPerSnapshot: 50, apiKey: API_KEY, completeAfterMs: 60_000 });
  workspace = await workspaceWithConfig('td-cancel-', [
    ...simulatorSource(sim),
    'queries:',
    '  - id: android',
    '    query: service IN ("android")',
  ]);
});
afterAll(() => sim?.close());

describe('a cancelled job', () => {
  it('stops the snapshot wait on SIGINT, says so in the log and the summary, and fails the step', async () => {
    const r = await runAction({
      workspace,
      eventName: 'schedule',
      event: {},
      runId: 1,
      inputs: {
        'lightstep-api-key': API_KEY,
        'lightstep-api-url': sim.url,
        store: 'local',
        'artifact-retention-days': '0',
      },
      cancel: { when: 'collecting until', signal: 'SIGINT' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('::warning::received SIGINT: the job was cancelled; stopping the collections');
    expect(r.stdout).toMatch(/::error::1 of 1 queries could not be diffed: android \(cancelled: /);
    expect(r.summary).toContain('cancelled');
    // The key is only ever printed to the runner's mask command, which hides it from the log.
    const withKey = r.stdout.split('\n').filter((line) => line.includes(API_KEY));
    expect(withKey.length).toBeGreaterThan(0);
    expect(withKey.every((line) => line === `::add-mask::${API_KEY}`)).toBe(true);
  });
});
