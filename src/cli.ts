// The CLI's entry point (`trace-differ`, dist/cli/index.js). All logic lives in cli/program.ts.
import { main } from './cli/program.js';

process.exitCode = await main(process.argv.slice(2));
