// The action's entry point (action.yml `main: dist/index.js`). All logic lives in action/main.ts so tests can import run().
import { run } from './action/main.js';

await run();
