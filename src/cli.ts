// The CLI's entry point (`trace-differ`, dist/cli/index.js). It checks the Node version before anything
// else is loaded: the bundled dependencies use Node 24 APIs at load time, and an older Node would die
// with a stack trace instead of saying what to do. All logic lives in cli/program.ts, imported lazily.
const MIN_NODE_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);

if (major < MIN_NODE_MAJOR) {
  const script = process.argv[1] ?? 'trace-differ';
  const args = process.argv.slice(2).join(' ');
  process.stderr.write(
    `trace-differ: needs Node ≥ ${MIN_NODE_MAJOR} (found v${process.versions.node})\n` +
      `  fix: run it with npx, which fetches Node ${MIN_NODE_MAJOR}: npx -y node@${MIN_NODE_MAJOR} ${script}${args ? ` ${args}` : ''}\n`,
  );
  process.exitCode = 2;
} else if (!(await (await import('./sources/files/worker.js')).serveReadWorker(import.meta.url))) {
  // (A worker reading one side runs this same file: see sources/files/worker.ts.)
  const { main } = await import('./cli/program.js');
  process.exitCode = await main(process.argv.slice(2));
}
