/* Giełda service worker: the app shell works without Wi-Fi. vite.config.ts builds it into /sw.js
 * with the list of this build's files and a version. The board, the session and queued writes live
 * in localStorage (the page's own), so a phone reopened offline shows its last board.
 *
 * - install: precache this build (index.html, every hashed asset, manifest, icons);
 * - navigations: the cached shell at once (its assets are all in the same cache), else network;
 * - /assets/…: cache first (names are content hashes), any older build's cache too;
 * - /api, /ws, /q: never touched;
 * - update: a new version waits until the page asks it to take over ("Nowa wersja" → Odśwież) or
 *   every tab of the old one is closed; the previous build's cache is kept, so a page still running
 *   the old shell can lazy-load its old chunks: an old shell is never stranded.
 */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'gielda-shell-';
const CACHE = PREFIX + VERSION;
const META = 'gielda-meta';
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      // The very first version has nobody to strand: take over at once.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(META);
      const old = await meta.match('/versions');
      const versions = old ? await old.json() : [];
      const keep = [...versions.filter((v) => v !== VERSION), VERSION].slice(-2);
      await meta.put('/versions', new Response(JSON.stringify(keep)));
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !keep.includes(name.slice(PREFIX.length))) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
  if (event.data && event.data.type === 'VERSION')
    event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || /^\/(api|ws|q)(\/|$)/.test(url.pathname)) return;
  if (req.mode === 'navigate') {
    event.respondWith(shell(req));
  } else if (PRECACHE.includes(url.pathname) || url.pathname.startsWith('/assets/')) {
    event.respondWith(cached(req));
  }
});

async function shell(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(SHELL);
  if (hit) return hit;
  return fetch(req);
}

async function cached(req) {
  const hit = (await caches.match(req, { cacheName: CACHE })) ?? (await caches.match(req));
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && new URL(req.url).pathname.startsWith('/assets/')) {
    const copy = res.clone();
    void caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return res;
}
