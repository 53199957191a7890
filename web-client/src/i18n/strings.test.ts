// The phone's first screen carries only its own Polish strings (pl.ts); the rest (pl-more.ts)
// load with the first lazy screen. This checks that every key the first screen's files name —
// every file src/start.tsx imports statically, followed through its static imports — is in pl.ts,
// so the board never waits for strings. (A key that is missed all the same shows empty for a
// moment: i18n/index.tsx then loads the rest and draws again.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pl } from './pl';
import { plMore } from './pl-more';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function firstScreenFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports of values (not `import type`, not dynamic import()).
    for (const m of code.matchAll(/^import (?!type\b)[^;]*?from '(\.[^']+)';/gms)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx']) {
        try {
          readFileSync(base + ext);
          visit(base + ext);
          break;
        } catch {
          /* try the next extension */
        }
      }
    }
  };
  visit(path.join(src, 'start.tsx'));
  return [...seen];
}

describe("the first screen's strings", () => {
  it('are all in pl.ts', () => {
    const files = firstScreenFiles();
    expect(files.map((f) => path.relative(src, f))).toContain('phone/FairHome.tsx');
    expect(files.map((f) => path.relative(src, f))).not.toContain('phone/PostForm.tsx');
    const named = new Set<string>();
    for (const f of files) {
      if (f.includes(`${path.sep}i18n${path.sep}`)) continue;
      for (const m of readFileSync(f, 'utf8').matchAll(/['"]([A-Za-z_]\w*)['"]/g)) named.add(m[1]!);
    }
    const lateKeys = Object.keys(plMore).filter((k) => named.has(k));
    expect(lateKeys, 'keys the first screen names that are only in pl-more.ts').toEqual([]);
    expect(Object.keys(pl).length).toBeGreaterThan(50);
  });
});
