import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends a test run with one plain line, `Tests: N passed, N failed, N skipped`, that any CI reading the
 * log can count (Vitest's own summary is styled for people). Vitest's default reporter still prints
 * everything else.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      // A file that fails to load has no tests to count, but it failed.
      if (module.state() === 'failed' && ![...module.children.allTests()].length) count.failed++;
    }
    process.stdout.write(`\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
