import { defineConfig } from 'vitest/config';

// Backend for `npm run dev` / `npm run preview` (API_TARGET=http://127.0.0.1:8099 to use another instance).
const target = process.env.API_TARGET ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api': target,
  '/q': target,
  '/ws': { target: target.replace(/^http/, 'ws'), ws: true },
};

// Preact via the automatic JSX runtime (tsconfig: jsxImportSource "preact"); no React plugin needed.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
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
