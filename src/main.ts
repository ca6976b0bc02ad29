import * as core from '@actions/core';
import { UserError } from './errors.js';

/**
 * The action: read inputs, run the mode, publish. Any error a user can cause ends in one
 * `core.setFailed` line with the fix; only a bug in trace-differ itself shows a stack (in debug).
 */
export async function run(): Promise<void> {
  try {
    const mode = core.getInput('mode') || 'collect';
    throw new UserError(`mode '${mode}' is not available yet in this build`, 'use a released version of trace-differ');
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(error.describe());
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error));
      core.setFailed(`trace-differ failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
