// Rewrites the report excerpt at the top of README.md from what `npm start` prints (the seeded
// demo), so the excerpt is the product's own output. Run after `npm run build`:
//   node scripts/readme-excerpt.mjs
// __tests__/cli/cli.test.ts checks that every table row the excerpt quotes is printed as is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'td-excerpt-'));
const report = execFileSync(process.execPath, [join(root, 'dist', 'cli', 'index.js'), 'demo', '--out', out], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
});

const lines = report.trim().split('\n');
// The headline and the first (most severe) query, up to the next query's heading.
const second = lines.findIndex((line, i) => i > 2 && line.startsWith('### '));
const rest = lines
  .slice(second)
  .find((line) => line.startsWith('### '))
  .replace(/^### \S+ /, '')
  .replace(/ · .*$/, '');
const quoted = [...lines.slice(0, second), `*(… and the same for the second query, ${rest})*`]
  .map((line) => (line ? `> ${line}` : '>'))
  .join('\n');

const start = '<!-- report-excerpt:start -->';
const end = '<!-- report-excerpt:end -->';
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const head = readme.slice(0, readme.indexOf(start) + start.length);
const intro = readme.slice(head.length, readme.indexOf('\n> ', head.length));
const tail = readme.slice(readme.indexOf(end));
writeFileSync(join(root, 'README.md'), `${head}${intro}\n${quoted}\n\n${tail}`);
