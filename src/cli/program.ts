import { Command, CommanderError } from 'commander';
import { UserError } from '../errors.js';

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('trace-differ')
    .description('Diff distributed-trace datasets: RED changes by group-by keys, with statistics that do not cry wolf.')
    .exitOverride();
  program
    .command('demo')
    .description('run two collect cycles against the built-in Lightstep simulator and print the report')
    .action(() => {
      throw new UserError('demo is not available yet in this build');
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UserError) {
      console.error(`trace-differ: ${error.describe()}`);
      return 2;
    }
    throw error;
  }
}
