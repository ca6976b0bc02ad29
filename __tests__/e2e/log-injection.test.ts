import { describe, expect, it } from 'vitest';
import { runAction, workspaceWithConfig } from './run-action.js';

/**
 * The runner reads every line a step prints for workflow commands (`::error::…`, `::add-mask::…`,
 * `##[…]`). A configuration (or a stored index) whose text holds a line break must not write one:
 * here a query text and a path, logged by the bundled action, each carry `\n::error …`.
 */
describe('configuration text with line breaks in the log', () => {
  it('starts no workflow command', async () => {
    const workspace = await workspaceWithConfig('td-inject-', [
      'version: 1',
      'source:',
      '  lightstep: { organization: acme, project: prod }',
      'queries:',
      '  - id: pay',
      '    query: "service IN (\\"pay\\")\\n::error title=pwned::injected by the query\\r\\n##[error]old style"',
      '  - id: missing',
      '    source: { otlp: { path: "nothing/\\n::warning::injected by the path" } }',
    ]);
    const r = await runAction({
      workspace,
      eventName: 'schedule',
      event: {},
      runId: 4100,
      inputs: { store: 'none', 'artifact-retention-days': '0', publish: 'summary', 'fail-on': 'never' },
    });
    const lines = `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/);
    // The action's own commands are still there; no line starts with one the configuration wrote.
    expect(lines.some((l) => l.startsWith('::error::'))).toBe(true);
    expect(lines.filter((l) => /^\s*(::error title=pwned|##\[error\]old style|::warning::injected)/.test(l))).toEqual(
      [],
    );
    // The text itself is still shown, as text.
    expect(r.stdout).toContain('::error title=pwned::injected by the query');
  });
});
