import { visibleText } from './text.js';

/**
 * The one logging interface every stage takes. The action passes an `@actions/core` logger,
 * the CLI a console logger, tests a recording one. Stages never import `@actions/core` for logging,
 * so the same code runs in all three.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/**
 * One log line of text that may carry configuration or stored text (a query, a path, an index
 * field): line breaks and control characters become spaces, invisible characters `<U+…>`, and a line
 * that would start with a workflow command (`::error::…`, the older `##[error]…`) is quoted with `> `.
 * The runner reads every line a step prints, after leading blanks, for such commands: a query text
 * with a newline then `::error …` must not become one. Every Logger below passes its lines through it.
 */
export function logText(text: string): string {
  return visibleText(text).replace(/^(\s*)(::|##\[)/, '$1> $2');
}

/** Text of several lines (an error and its fix) made safe line by line with `logText`. */
export function logLines(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u0085|\u2028|\u2029/)
    .map(logText)
    .join('\n');
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
};

/** Logs to stderr so that stdout stays clean for reports (`trace-differ diff … > report.md`). */
export function consoleLogger(options: { verbose?: boolean } = {}): Logger {
  // Run inside a workflow, the CLI's stderr is read for workflow commands as the action's stdout is.
  return {
    info: (m) => console.error(logLines(m)),
    warn: (m) => console.error(logLines(`warning: ${m}`)),
    error: (m) => console.error(logLines(`error: ${m}`)),
    debug: (m) => {
      if (options.verbose) console.error(logLines(`debug: ${m}`));
    },
  };
}

/** A logger that keeps what it was told; for tests and for collecting warnings into a report. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
  };
}
