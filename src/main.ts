import * as core from '@actions/core';
import { loadConfig } from './config/index.js';
import { UserError } from './errors.js';
import type { Logger } from './log.js';
import { runAction } from './modes/action.js';

/** The `@actions/core` logger: workflow commands for warnings and errors, `::debug::` for debug. */
export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  error: (m) => core.error(m),
  debug: (m) => core.debug(m),
};

/**
 * The action: read inputs, run the mode, publish, decide. Any error a user can cause ends in one
 * `core.setFailed` line with the fix; only a bug in trace-differ itself shows a stack (in debug).
 */
export async function run(): Promise<void> {
  try {
    await runAction({ input: (name) => core.getInput(name), logger: actionsLogger, loadConfig });
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(error.describe());
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error));
      core.setFailed(
        `trace-differ failed unexpectedly: ${error instanceof Error ? error.message : String(error)} ` +
          '(this is a bug in trace-differ; re-run with ACTIONS_STEP_DEBUG=true for details and report it)',
      );
    }
  }
}
