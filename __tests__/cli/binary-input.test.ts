import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * A corrupt gzip file, or binary bytes where JSON was expected: the error names the file and what is
 * wrong, exit 2, and quotes no raw byte (no control character, no U+FFFD) into the terminal or the log.
 */
const root = join(import.meta.dirname, '..', '..');

function diff(a: string, b: string): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, [join(root, 'dist', 'cli', 'index.js'), 'diff', a, b], {
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stderr })));
}

describe('binary and corrupt gzip input', () => {
  it('is named without echoing its bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-binary-'));
    const good = gzipSync(Buffer.from(JSON.stringify({ resourceSpans: [] })));
    const corrupt = Buffer.from(good);
    for (let i = 12; i < corrupt.length; i++) corrupt[i]! ^= 0x5a;
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 255));
    const files = {
      'truncated.json.gz': good.subarray(0, good.length - 6),
      'corrupt.json.gz': corrupt,
      'binary.ndjson': bytes,
      'binary.json.gz': gzipSync(Buffer.concat([Buffer.from('{"a":'), bytes])),
    };
    for (const [name, content] of Object.entries(files)) {
      const file = join(dir, name);
      await writeFile(file, content);
      const r = await diff(file, file);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(file);
      // eslint-disable-next-line no-control-regex
      expect(r.stderr.replace(/\n/g, ''), name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
    }
  });
});
