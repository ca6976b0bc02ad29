/**
 * Test setup: the @actions/* clients (artifact, cache, core) log every request as a `::debug::`
 * workflow command on stdout. A runner hides those unless step debugging is on; a test run has no
 * runner, so they would fill the output (thousands of lines). They are dropped here, in the test
 * process only: tests that capture stdout themselves still see them, and the bundled action run as
 * a child process is untouched. Set TRACE_DIFFER_TEST_DEBUG=1 to see them.
 */
if (!process.env.TRACE_DIFFER_TEST_DEBUG) {
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  const isDebug = (chunk: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString() : '';
    return text.length > 0 && text.split(/\r?\n/).every((line) => line === '' || line.startsWith('::debug::'));
  };
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isDebug(chunk)) return write(chunk, ...rest);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}
