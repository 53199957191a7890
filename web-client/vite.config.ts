import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Backend for `npm run dev` / `npm run preview` (API_TARGET=http://127.0.0.1:8099 to use another instance).
const target = process.env.API_TARGET ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api': target,
  '/q': target,
  '/ws': { target: target.replace(/^http/, 'ws'), ws: true },
};

/** Files of public/ that the service worker precaches with the build. */
const PUBLIC_PRECACHE = [
  '/manifest.webmanifest',
  '/favicon.svg',
  '/icon.svg',
  '/icon-192.png',
  '/icon-512.png',
];

/**
 * Emits /sw.js (src/sw/sw.js) with this build's files to precache and a version made from their
 * names (content hashes): a new build is a new service worker.
 */
function serviceWorker(): Plugin {
  return {
    name: 'gielda-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f !== 'index.html' && !f.endsWith('.map'))
        .map((f) => `/${f}`)
        .sort();
      const precache = ['/index.html', ...files, ...PUBLIC_PRECACHE];
      const template = readFileSync(new URL('./src/sw/sw.js', import.meta.url), 'utf8');
      const version = createHash('sha256')
        .update(template + precache.join('\n'))
        .digest('hex')
        .slice(0, 12);
      const source = template
        .replace("'__VERSION__'", JSON.stringify(version))
        .replace('__PRECACHE__', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// Preact via the automatic JSX runtime (tsconfig: jsxImportSource "preact"); no React plugin needed.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  plugins: [serviceWorker()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    sourcemap: false,
    assetsInlineLimit: 2048,
  },
  server: {
    port: 5173,
    proxy,
  },
  preview: {
    port: 4173,
    proxy,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
