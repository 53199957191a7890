// Phone budgets, measured (a benchmark, not a test): the JavaScript of the first screen, gzipped
// as the server sends it, and how long a participant's board takes to show on emulated slow 3G
// (Chromium's Network.emulateNetworkConditions: 400 kbit/s both ways, 400 ms round trip) from a
// cold start (empty cache, no service worker) and from the service worker's cache (reopened).
//
//   BASE_URL=http://127.0.0.1:8080 ORGANISER_EMAIL=… ORGANISER_PASSWORD=… [RUNS=5] [POSTS=60] \
//     node bench/phone-budgets.mjs
//
// "Board visible" = the first post card of the board is in the page, timed inside the page
// (performance.now(), i.e. from the start of the navigation) by a MutationObserver.
import { gzipSync } from 'node:zlib';
import { config, launchBrowser, newFair, PHONE, rest } from '../e2e/support.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const POSTS = Number(process.env.POSTS ?? 60);
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const ms = (x) => `${Math.round(x)} ms`;

// 1. First-screen JavaScript: the entry script and its modulepreloads from index.html.
const html = await (await fetch(`${config.baseUrl}/`, { headers: { Accept: 'text/html' } })).text();
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
let raw = 0;
let gz = 0;
for (const src of scripts) {
  const res = await fetch(config.baseUrl + src, { headers: { 'Accept-Encoding': 'gzip' } });
  const body = Buffer.from(await res.arrayBuffer());
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
}

// 2. A live fair with a realistic board.
const f = await newFair(`Pomiar telefonu ${new Date().toISOString()}`);
const ngo = await f.entity('Fundacja Pomiarowa', 'NGO', 'Tczew');
const anna = await f.person('Anna Nowak', ngo.id, 'participant');
await f.goLive();
const { token, expiresAt, fairId, personId } = await rest('POST', '/api/auth/badge', {
  body: { badgeToken: anna.badgeToken },
});
for (let i = 0; i < POSTS; i++) {
  await rest('POST', `/api/fairs/${fairId}/posts`, {
    token,
    body: {
      kind: i % 2 ? 'REQUEST' : 'OFFER',
      category: ['ROOMS', 'EQUIPMENT', 'VOLUNTEERS', 'PROMOTION', 'TRANSPORT'][i % 5],
      title: `Ogłoszenie próbne nr ${i + 1}: sala, sprzęt albo pomoc wolontariuszy`,
      description: 'Opis ogłoszenia do pomiaru: kilka zdań, jak na prawdziwej giełdzie w Tczewie.',
      town: 'Tczew',
    },
  });
}
const session = JSON.stringify({ token, expiresAt, fairId, personId });

// Records when the first post card appears, from the navigation's start.
const probe = (s) => {
  if (!localStorage.getItem('gielda.session.person')) localStorage.setItem('gielda.session.person', s);
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="post-card"]')) {
      window.__boardAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// DEBUG=1: where the time went (navigation, each resource: start → end, board).
const timings = () =>
  JSON.stringify({
    nav: performance
      .getEntriesByType('navigation')
      .map((e) => [e.workerStart, e.responseEnd, e.domInteractive]),
    res: performance
      .getEntriesByType('resource')
      .map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]),
    board: window.__boardAt,
  });

const b = await launchBrowser();
const cold = [];
const warm = [];
const transferred = [];
try {
  for (let r = 0; r < RUNS; r++) {
    const { context, page } = await b.newContext(PHONE);
    await context.addInitScript(probe, session);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    let jsBytes = 0;
    const jsResponses = new Set();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') jsResponses.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (jsResponses.has(e.requestId)) jsBytes += e.encodedDataLength;
    });
    await page.goto(`${config.baseUrl}/f/${fairId}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__boardAt !== undefined, null, { timeout: 120_000 });
    cold.push(await page.evaluate(() => window.__boardAt));
    if (process.env.DEBUG) console.log(await page.evaluate(timings));
    transferred.push(jsBytes);
    // Wait for the service worker to take the page (its precache done) and the live board to be
    // kept on the phone (as after any use of the board), then reopen the app.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await page.waitForFunction(
      (id) => localStorage.getItem(`gielda.board.person.${id}.at`) !== null,
      fairId,
      {
        timeout: 120_000,
      },
    );
    await page.close();
    const again = await context.newPage();
    const cdp2 = await context.newCDPSession(again);
    await cdp2.send('Network.enable');
    await cdp2.send('Network.emulateNetworkConditions', SLOW_3G);
    await again.goto(`${config.baseUrl}/f/${fairId}`, { waitUntil: 'commit' });
    await again.waitForFunction(() => window.__boardAt !== undefined, null, { timeout: 120_000 });
    warm.push(await again.evaluate(() => window.__boardAt));
    if (process.env.DEBUG) console.log(await again.evaluate(timings));
    await context.close();
  }
} finally {
  await b.dispose();
}

const c = stats(cold);
const w = stats(warm);
console.log(
  `first-screen JS: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip -9`,
);
console.log(
  `first-screen JS over the wire (browser, gzip by the server): ${(stats(transferred).median / 1024).toFixed(1)} KiB`,
);
console.log(`board: ${POSTS} posts; slow 3G 400 kbit/s, 400 ms RTT; ${RUNS} runs`);
console.log(
  `cold start (no cache, no service worker): median ${ms(c.median)}, min ${ms(c.min)}, max ${ms(c.max)}`,
);
console.log(
  `from the service worker cache (reopened):  median ${ms(w.median)}, min ${ms(w.min)}, max ${ms(w.max)}`,
);
