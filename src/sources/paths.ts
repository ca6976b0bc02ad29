import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { SourceError } from '../errors.js';

/**
 * Files a configuration names, as the action reads them: in a workspace that may hold a pull
 * request's checkout, next to the runner's own files and the checkout's credentials (`.git/config`).
 * Returns a check for each file the path led to: its real path (symlinks followed) must lie inside
 * the real `basePath` and outside its `.git` folder. `../`, absolute paths elsewhere and symlinks that
 * lead out are refused, naming the configuration key, the path and where it led.
 */
export async function insideWorkspace(
  basePath: string,
  given: string,
  configKey: string,
): Promise<(file: string) => Promise<string>> {
  const base = await realpath(basePath);
  return async (file) => {
    const real = await realpath(file);
    const rel = relative(base, real);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    if (outside || rel.split(sep).includes('.git')) {
      throw new SourceError(
        `${configKey} ${JSON.stringify(given)} reaches ${real}, ${outside ? 'outside the workspace' : "inside the workspace's .git folder"} ${base}`,
        "keep the files in the repository's workspace (a path relative to it, without symlinks that lead out of it); " +
          'a workflow that needs a file from elsewhere copies it into the workspace first',
      );
    }
    return file;
  };
}
