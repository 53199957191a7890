// What the Maven build runs for the web client: npm ci, lint and the Vite build — each only when
// its inputs changed since the last successful run (a stamp file under target/). A `-Prun` start
// with nothing changed in web-client/ then skips all three (BENCHMARKS.md: time to the banner).
//
//   node scripts/build-if-changed.mjs <outDir> <stampFile>
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [outDir, stampFile] = process.argv.slice(2);
if (!outDir || !stampFile) {
  process.stderr.write('usage: build-if-changed.mjs <outDir> <stampFile>\n');
  process.exit(2);
}
const SKIP = new Set(['node_modules', 'dist', 'test-results', '.vite']);

function hashTree(dir, hash = createHash('sha256')) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(full, hash);
    else if (entry.isFile()) {
      hash.update(path.relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  }
  return hash;
}

const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
const inputsHash = () => hashTree(root).digest('hex');

let stamp = {};
try {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
} catch {
  /* first build */
}

function npm(...args) {
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const installed = existsSync(path.join(root, 'node_modules', '.package-lock.json'));
if (!installed || stamp.lock !== lockHash()) npm('ci', '--no-audit', '--no-fund');
else process.stdout.write('web client: dependencies up to date (npm ci skipped)\n');

const built = existsSync(path.join(outDir, 'index.html'));
if (built && stamp.inputs === inputsHash()) {
  process.stdout.write('web client: nothing changed since the last build (lint and Vite skipped)\n');
} else {
  npm('run', 'lint');
  npm('run', 'build', '--', '--outDir', outDir, '--emptyOutDir');
}
// Hashed after the build: `npm run build` regenerates src/api/schema.d.ts from openapi.json.
mkdirSync(path.dirname(stampFile), { recursive: true });
writeFileSync(stampFile, JSON.stringify({ lock: lockHash(), inputs: inputsHash() }));
