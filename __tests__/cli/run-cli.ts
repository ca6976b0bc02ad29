import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The bundled CLI (dist/cli/index.js, the `trace-differ` bin), run as a person runs it: a child
 * process, its stdout, stderr and exit code. Build it first with `npm run build`.
 */
export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli', 'index.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** The Node binary to run it with (default: the one running the tests, Node 24). */
  node?: string;
  /** Extra Node options before the script, e.g. `--import <preload>`. */
  nodeArgs?: string[];
  /** The script to run instead of the repository's bundle (e.g. an installed package's bin). */
  script?: string;
}

export function trace(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.script ?? cli, ...args], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** A stack trace line, which no user-facing error may show. */
export const STACK = /\n\s+at .*:\d+:\d+\)?/;

export const dataset = (name: string) => join(root, 'examples', 'datasets', name);
