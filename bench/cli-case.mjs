// One bench case through the program users run: the built CLI (dist/cli/index.js), in this process, with
// the arguments given; on exit, the whole process's CPU time and peak memory (every thread's, the worker's
// included) as one JSON line on stdout (the report itself goes where `-o` says). Plain JavaScript, so
// that no compiler runs inside the measurement.
const cli = new URL('../dist/cli/index.js', import.meta.url);
process.argv = [process.argv[0], cli.pathname, ...process.argv.slice(2)];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, peakMiB: u.maxRSS / 1024 })}\n`,
  );
});
await import(cli.href);
