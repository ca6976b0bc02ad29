/**
 * Test setup: in the action, the code under test writes to stdout only through @actions/core and the
 * @actions/* clients: workflow commands (`::debug::`, `::add-mask::`…) and the clients' progress lines,
 * thousands per run. That is a runner's log, not a test report, so stdout writes of the test process
 * are kept out of the output here. Tests that capture stdout themselves still see every write (they
 * wrap this one), console.log still reaches the report through vitest, and the bundled action and
 * CLI run as child processes are untouched. TRACE_DIFFER_TEST_STDOUT=1 lets the writes through.
 */
if (!process.env.TRACE_DIFFER_TEST_STDOUT) {
  process.stdout.write = ((_chunk: unknown, ...rest: unknown[]) => {
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}
