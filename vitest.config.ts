import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Tests talk to real loopback servers and spawn the bundled action; give them room on a 2-core CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The @actions/* clients' stdout (::debug:: lines, progress) stays out of the test output (see the file).
    setupFiles: ['./__tests__/support/quiet-actions.ts'],
    // The default report for people, and one plain closing line for CI logs.
    reporters: ['default', './scripts/count-reporter.ts'],
  },
});
