// The CLI's entry point (`trace-differ`, dist/cli/index.js). It checks the Node version before anything
// else is loaded: the bundled dependencies use Node 24 APIs at load time, and an older Node would die
// with a stack trace instead of saying what to do. All logic lives in cli/program.ts, imported lazily.
import nodeModule from 'node:module';

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
} else {
  // Node keeps the compiled code of the bundle between runs (in the temp directory, keyed by the files'
  // contents; off with NODE_DISABLE_COMPILE_CACHE=1): ~0.1 s less at the start of every run.
  nodeModule.enableCompileCache?.();
  // A worker reading one side runs this same file (see sources/files/worker.ts).
  if (!(await (await import('./sources/files/worker.js')).serveReadWorker(import.meta.url))) {
    const { main } = await import('./cli/program.js');
    process.exitCode = await main(process.argv.slice(2));
  }
}
