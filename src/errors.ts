/**
 * Errors a user can cause or fix. Each carries the fix, so that the mode that catches it
 * can print one clear line (or one annotation) instead of a stack trace.
 */
export class UserError extends Error {
  /** What to do about it, in one sentence. */
  readonly fix: string | undefined;

  constructor(message: string, fix?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.fix = fix;
  }

  /** The message and the fix, as a person should read them. */
  describe(): string {
    return this.fix ? `${this.message}\n  fix: ${this.fix}` : this.message;
  }
}

/** The configuration file is wrong. `problems` lists every mistake in the file at once. */
export class ConfigError extends UserError {
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => formatConfigProblem(file, p));
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the configuration\n${lines.join('\n')}`,
    );
    this.problems = problems;
  }

  override describe(): string {
    return this.message;
  }
}

export interface ConfigProblem {
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  /** Dotted path of the field, e.g. `queries[0].thresholds.latency.p95`. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  /** An example of the right form, e.g. `latency.p95: { warn: +10%, fail: +25% }`. */
  example?: string;
}

export function formatConfigProblem(file: string, p: ConfigProblem): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  const example = p.example ? `\n    e.g. ${p.example}` : '';
  return `  ${where}: ${p.path || '(top level)'}: ${p.message}${example}`;
}

/** A trace source (Lightstep API, OTLP files) failed in a way the user can act on. */
export class SourceError extends UserError {}

/** A stored dataset or the store itself is unusable. */
export class StoreError extends UserError {}

/** Publishing to GitHub failed (missing permission, fork PR, …). */
export class PublishError extends UserError {}

/** Bad command-line or action input. */
export class InputError extends UserError {}
