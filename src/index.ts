// The action's entry point (action.yml `main: dist/index.js`). All logic lives in action/main.ts so tests can import run().
import { run } from './action/main.js';
import { serveReadWorker } from './sources/files/worker.js';

// A worker reading one side runs this same file (see sources/files/worker.ts).
if (!(await serveReadWorker(import.meta.url))) await run();
