import { describe, expect, it, vi } from 'vitest';
import { consoleLogger, logLines, logText } from '../../src/log.js';

/**
 * The runner reads every line a step prints (stdout and stderr, after leading blanks) for workflow
 * commands. Text from the configuration or a stored index that holds a line break must not start one.
 */
const HOSTILE =
  'service IN ("android")\n::error title=pwned::the gate failed\r\n  ##[error]old style\u2028::set-env name=X::1';

/** The lines a printed text makes that the runner would take for commands. */
const commands = (printed: string) => printed.split(/\r\n|\r|\n/).filter((l) => /^\s*(::|##\[)/.test(l));

describe('log lines with configuration or stored text', () => {
  it('are one line, with no workflow command in them', () => {
    const line = logText(`[android] collecting: ${HOSTILE}`);
    expect(line).not.toMatch(/[\r\n\u2028]/);
    expect(commands(line)).toEqual([]);
    expect(line).toContain('::error title=pwned::the gate failed');
  });

  it('that start with a command marker are quoted with "> "', () => {
    expect(logText('::error::x')).toBe('> ::error::x');
    expect(logText('  ##[warning]x')).toBe('  > ##[warning]x');
    expect(logText('a ::error::x')).toBe('a ::error::x');
  });

  it('keep an error and its fix on lines of their own, none of them a command', () => {
    const text = logLines(`no OTLP files at ${HOSTILE}\n  fix: point source.otlp.path at a file`);
    expect(text.split('\n')).toHaveLength(5);
    expect(commands(text)).toEqual([]);
    expect(text.split('\n').at(-1)).toBe('  fix: point source.otlp.path at a file');
  });

  it('reach the CLI’s stderr inert', () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void printed.push(m));
    try {
      const log = consoleLogger({ verbose: true });
      log.info(HOSTILE);
      log.warn(HOSTILE);
      log.error(HOSTILE);
      log.debug(HOSTILE);
    } finally {
      spy.mockRestore();
    }
    expect(printed).toHaveLength(4);
    expect(commands(printed.join('\n'))).toEqual([]);
  });
});
