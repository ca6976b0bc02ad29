import * as core from '@actions/core';
import { loadConfig } from '../config/index.js';
import { UserError } from '../errors.js';
import { logLines, logText, type Logger } from '../log.js';
import { runAction } from './action.js';

/** The `@actions/core` logger: workflow commands for warnings and errors, `::debug::` for debug. */
export const actionsLogger: Logger = {
  // core.info prints as is: one line, made inert. Annotations and debug lines are workflow commands whose
  // line breaks @actions/core escapes, so an error keeps its fix on a line of its own.
  info: (m) => core.info(logText(m)),
  warn: (m) => core.warning(logLines(m)),
  error: (m) => core.error(logLines(m)),
  debug: (m) => core.debug(logLines(m)),
};

/**
 * The action: read inputs, run the mode, publish, decide. Any error a user can cause ends in one
 * `core.setFailed` line with the fix; only a bug in trace-differ itself shows a stack (in debug).
 */
export async function run(): Promise<void> {
  // A cancelled job gets SIGINT, then SIGTERM 7.5 s later: stop collecting at once, so that the
  // summary still says what happened instead of the step dying mid-request.
  const cancelled = new AbortController();
  const cancel = (signal: NodeJS.Signals) => {
    if (cancelled.signal.aborted) process.exit(1);
    core.warning(`received ${signal}: the job was cancelled; stopping the collections`);
    cancelled.abort();
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  try {
    await runAction({
      input: (name) => core.getInput(name),
      logger: actionsLogger,
      loadConfig,
      signal: cancelled.signal,
    });
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
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
}
