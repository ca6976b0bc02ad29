// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// Run through `npm run build`; CI rebuilds and fails when dist/ differs from what is committed.
import ncc from '@vercel/ncc';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  { input: 'src/index.ts', outDir: 'dist' },
  { input: 'src/cli.ts', outDir: 'dist/cli', shebang: true },
];

await rm(join(root, 'dist'), { recursive: true, force: true });
for (const entry of entries) {
  const { code, assets } = await ncc(join(root, entry.input), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2023',
  });
  const outDir = join(root, entry.outDir);
  await mkdir(outDir, { recursive: true });
  const body = entry.shebang && !code.startsWith('#!') ? `#!/usr/bin/env node\n${code}` : code;
  await writeFile(join(outDir, 'index.js'), body, { mode: entry.shebang ? 0o755 : 0o644 });
  for (const [name, asset] of Object.entries(assets)) {
    const file = join(outDir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, asset.source, asset.permissions ? { mode: asset.permissions } : undefined);
  }
  console.log(`built ${relative(root, join(outDir, 'index.js'))} (${(body.length / 1024).toFixed(0)} KiB)`);
}
