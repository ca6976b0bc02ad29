import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the trace-differ package: two levels above this module both in the sources
 * (src/cli/) and in the bundle (dist/cli/). Found from the module's own URL, not from argv,
 * so that it holds under npx, a global install or a symlinked bin.
 */
export function packageRoot(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), '..', '..');
}

/** A file shipped with the package, e.g. `examples/trace-differ.yml`. */
export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
