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

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
};

/** Logs to stderr so that stdout stays clean for reports (`trace-differ diff … > report.md`). */
export function consoleLogger(options: { verbose?: boolean } = {}): Logger {
  return {
    info: (m) => console.error(m),
    warn: (m) => console.error(`warning: ${m}`),
    error: (m) => console.error(`error: ${m}`),
    debug: (m) => {
      if (options.verbose) console.error(`debug: ${m}`);
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
