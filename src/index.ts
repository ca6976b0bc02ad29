// The action's entry point (action.yml `main: dist/index.js`). All logic lives in main.ts so tests can import run().
import { run } from './main.js';

await run();
