import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';
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

/** Modules of the app's first screen: what src/start.tsx imports statically (see firstScreen()). */
const appModules = new Set<string>();

/**
 * Finds the modules of the app's first screen once the module graph is known: src/start.tsx and
 * everything it imports statically, but not what the entry script itself imports (that stays in
 * the entry, so the entry never waits for the app's chunk). They become one chunk, "app".
 */
function firstScreen(): Plugin {
  return {
    name: 'gielda-first-screen',
    apply: 'build',
    buildEnd() {
      const closure = (from: string): Set<string> => {
        const seen = new Set<string>();
        const todo = [from];
        while (todo.length) {
          const id = todo.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const ids = [...this.getModuleIds()];
      const find = (suffix: string) => {
        const id = ids.find((i) => i.endsWith(suffix));
        if (!id) throw new Error(`gielda-first-screen: no module ${suffix}`);
        return id;
      };
      const entry = closure(find('/src/main.tsx'));
      appModules.clear();
      for (const id of closure(find('/src/start.tsx'))) if (!entry.has(id)) appModules.add(id);
    },
  };
}

/**
 * The entry script (src/main.tsx) is small and imports the app (src/start.tsx) dynamically, so it
 * can start the first board's requests at once. So that the app's code does not wait for the entry
 * to run, index.html names the app's chunk and the chunks it imports as modulepreloads: the browser
 * downloads them in parallel with the entry. Lazy screens (post form, contracts, scanner, …) stay
 * out.
 */
function preloadApp(): Plugin {
  return {
    name: 'gielda-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const isChunk = (o: Rollup.OutputChunk | Rollup.OutputAsset | undefined): o is Rollup.OutputChunk =>
          o?.type === 'chunk';
        const app = Object.values(bundle)
          .filter(isChunk)
          .find((c) => c.moduleIds.some((id) => id.endsWith('/src/start.tsx')));
        if (!app) throw new Error('gielda-preload-app: no chunk for src/start.tsx');
        const files: string[] = [];
        const visit = (name: string) => {
          const c = bundle[name];
          if (name === entry.fileName || files.includes(name) || !isChunk(c)) return;
          files.push(name);
          c.imports.forEach(visit);
        };
        visit(app.fileName);
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// Preact via the automatic JSX runtime (tsconfig: jsxImportSource "preact"); no React plugin needed.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  plugins: [firstScreen(), preloadApp(), serviceWorker()],
  build: {
    target: 'es2020',
    outDir: 'dist',
    sourcemap: false,
    assetsInlineLimit: 2048,
    rolldownOptions: {
      output: {
        // The app's first screen (src/start.tsx and everything it imports) is one chunk: on
        // HTTP/1.1 a browser opens at most 6 connections to a host, and the first board's three
        // requests must not queue behind many small chunks. Lazy screens get their own chunks.
        codeSplitting: {
          groups: [
            {
              name: 'app',
              // + rolldown's small runtime (shared with the lazy QR decoder): one request less
              test: (id) => appModules.has(id) || /rolldown[\\/]runtime/.test(id),
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
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
