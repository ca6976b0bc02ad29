import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';

describe('trace-differ --help', () => {
  it('lists the subcommands and exits 0', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const code = await main(['--help']);
    spy.mockRestore();
    expect(code).toBe(0);
    expect(out.join('')).toContain('demo');
  });
});
