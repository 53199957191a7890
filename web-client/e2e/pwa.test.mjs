// The phone as an installed app: a web app manifest (Polish name, icons, theme colour; a fair's
// pages link that fair's own manifest, so the installed app opens that fair), a service
// worker that serves the app shell without Wi-Fi, a phone reopened offline that shows its last
// board marked with its time and its queued writes, and an update that waits for a tap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { config, launchBrowser, newFair, PHONE, rest, withArtifacts, signInBody } from './support.mjs';

// The service worker controls a page once it has installed (cached the shell); on a loaded CI
// machine that once took longer than the default 15 s, so this real condition gets a minute.
const swControls = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

/** Width and height of a PNG from its IHDR chunk. */
const pngSize = (buf) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });

describe('PWA: manifest, offline shell and board, update flow', () => {
  const env = {};
  let b;

  before(async () => {
    const f = await newFair(`Giełda w kieszeni ${stamp}`);
    const ngo = await f.entity(`Fundacja Kociewie ${stamp}`, 'NGO', 'Tczew');
    const firm = await f.entity(`Drukarnia Wisła ${stamp}`, 'BUSINESS', 'Tczew');
    const anna = await f.person('Anna Nowak', ngo.id, 'participant');
    const olek = await f.person('Olek Drukarz', firm.id, 'participant');
    await f.goLive();
    const { token } = await rest('POST', '/api/auth/badge', { body: signInBody(olek) });
    const offer = `Druk 500 ulotek A5 ${stamp}`;
    await rest('POST', `/api/fairs/${f.fairId}/posts`, {
      token,
      body: { kind: 'OFFER', category: 'PRINTING', title: offer, town: 'Tczew' },
    });
    Object.assign(env, { ...f, anna, offer });
    b = await launchBrowser();
  });

  after(async () => {
    await b?.dispose();
  });

  const run = (name, body) =>
    it(name, () =>
      withArtifacts(
        name,
        () => b.contexts,
        () => body(),
      ),
    );

  run('the manifest is linked, Polish, with icons; the CSP stays strict', async () => {
    const page = await fetch(`${config.baseUrl}/f/1`, { headers: { Accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/, 'no eval, no inline scripts');
    assert.match(await page.text(), /<link rel="manifest" href="\/manifest.webmanifest"/);

    const m = await (await fetch(`${config.baseUrl}/manifest.webmanifest`)).json();
    assert.equal(m.name, 'Giełda Zasobów');
    assert.equal(m.lang, 'pl');
    assert.equal(m.display, 'standalone');
    assert.equal(m.theme_color, '#1f5f8b');
    assert.equal(new URL(m.start_url, config.baseUrl).origin, new URL(config.baseUrl).origin);
    for (const size of [192, 512]) {
      const icon = m.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      assert.ok(icon, `a ${size}px PNG icon`);
      const res = await fetch(new URL(icon.src, config.baseUrl));
      assert.equal(res.status, 200);
      assert.deepEqual(pngSize(Buffer.from(await res.arrayBuffer())), { width: size, height: size });
    }
    assert.ok(
      m.icons.some((i) => i.purpose === 'maskable'),
      'a maskable icon',
    );
    const sw = await fetch(`${config.baseUrl}/sw.js`);
    assert.equal(sw.status, 200);
    assert.match(sw.headers.get('content-type') ?? '', /javascript/);
  });

  run("installed from a fair's board, the app opens that fair (the fair's own manifest)", async () => {
    const { context, page } = await b.newContext(PHONE);
    await page.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
    await page.waitForURL(new RegExp(`/f/${env.fairId}$`));
    await page.getByTestId('post-card').filter({ hasText: env.offer }).waitFor();
    const own = `/f/${env.fairId}/manifest.webmanifest`;
    await page.waitForFunction(
      (href) => document.querySelector('link[rel="manifest"]')?.getAttribute('href') === href,
      own,
    );
    // What Chromium itself reads as this page's app: the fair's manifest, no errors, its start URL.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.equal(manifest.url, config.baseUrl + own);
    assert.deepEqual(manifest.errors, []);
    const data = JSON.parse(manifest.data);
    assert.equal(new URL(data.start_url, manifest.url).href, `${config.baseUrl}/f/${env.fairId}`);
    assert.equal(data.name, 'Giełda Zasobów');
    const { appId } = await cdp.send('Page.getAppId');
    assert.equal(appId, `${config.baseUrl}/f/${env.fairId}`, 'one installed app per fair');
    const res = await fetch(config.baseUrl + own);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    // The service worker's scope covers the start URL: the installed app opens offline too.
    await swControls(page);
    const scope = await page.evaluate(
      async (url) => (await navigator.serviceWorker.getRegistration(url))?.scope ?? null,
      `${config.baseUrl}/f/${env.fairId}`,
    );
    assert.equal(scope, `${config.baseUrl}/`);
    // Off the fair's pages, the generic manifest again.
    await page.goto(`${config.baseUrl}/join`);
    await page.waitForFunction(
      () => document.querySelector('link[rel="manifest"]')?.getAttribute('href') === '/manifest.webmanifest',
    );
  });

  run('a phone reopened without Wi-Fi shows its board with its time and its queued post', async () => {
    const { context, page } = await b.newContext(PHONE);
    await page.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
    await page.locator('[data-testid="conn"].conn-live').waitFor();
    await page.getByTestId('post-card').filter({ hasText: env.offer }).waitFor();
    // The installed app (start_url) opens this phone's fair.
    await page.goto(`${config.baseUrl}/?source=pwa`);
    await page.waitForURL(new RegExp(`/f/${env.fairId}$`));
    await swControls(page);
    await page.waitForFunction(
      (id) => localStorage.getItem(`gielda.board.person.${id}.at`) !== null,
      env.fairId,
    );

    // Wi-Fi gone: a post waits on the phone.
    await context.setOffline(true);
    await page.locator('[data-testid="conn"].conn-offline').waitFor();
    const title = `Potrzebny wolontariusz do szatni ${stamp}`;
    await page.getByRole('tab', { name: /Potrzeby/ }).click();
    await page.getByTestId('add-post').click();
    const form = page.getByTestId('post-form');
    await form.getByLabel('Tytuł').fill(title);
    await form.getByRole('radio', { name: 'Wolontariusze' }).click();
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await page.getByTestId('queued').filter({ hasText: '1 akcja czeka' }).waitFor();
    await page.close();

    // Reopened, still offline: the shell from the service worker, the board from the phone.
    const again = await context.newPage();
    const opened = Date.now();
    await again.goto(`${config.baseUrl}/f/${env.fairId}`);
    await again.getByTestId('fair-name').filter({ hasText: 'Giełda w kieszeni' }).waitFor();
    await again.getByRole('tab', { name: /Oferty/ }).click();
    await again.getByTestId('post-card').filter({ hasText: env.offer }).waitFor();
    const shownIn = Date.now() - opened;
    const bar = again.locator('[data-testid="conn"].conn-offline');
    await bar
      .getByTestId('stale')
      .filter({ hasText: /tablica z \d{1,2}:\d{2}/ })
      .waitFor();
    await bar.getByTestId('queued').filter({ hasText: '1 akcja czeka' }).waitFor();
    await again.getByRole('tab', { name: /Moje/ }).click();
    await again
      .getByTestId('post-card')
      .filter({ hasText: title })
      .getByTestId('pending')
      .filter({ hasText: /Czeka na wysłanie|Wysyłanie/ })
      .waitFor();
    console.log(`# board shown offline from the service worker cache in ${shownIn} ms`);

    // Wi-Fi back: the post goes out once, the board is live and no longer marked.
    await context.setOffline(false);
    await again.locator('[data-testid="conn"].conn-live').waitFor();
    await again.getByTestId('queued').waitFor({ state: 'detached' });
    await again.getByTestId('stale').waitFor({ state: 'detached' });
    const posts = await rest('GET', `/api/fairs/${env.fairId}/posts`, { token: env.token });
    assert.equal(posts.filter((p) => p.title === title).length, 1, 'stored exactly once');
  });

  run('a new version waits for a tap, then takes over; the old shell keeps working meanwhile', async () => {
    const { page } = await b.newContext(PHONE);
    await page.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
    await page.locator('[data-testid="conn"].conn-live').waitFor();
    await swControls(page);
    const script = () => page.evaluate(() => new URL(navigator.serviceWorker.controller.scriptURL).search);
    assert.equal(await script(), '');
    assert.equal(await page.getByTestId('update-bar').count(), 0, 'no update offered without one');
    // The server has a new build: here the same worker under a new script URL, a real update.
    await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next', { scope: '/' }));
    await page.getByTestId('update-bar').filter({ hasText: 'Jest nowa wersja aplikacji' }).waitFor();
    // Installed, but it does not take over by itself: the page still runs the first version.
    assert.equal(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting),
      true,
    );
    assert.equal(await script(), '');
    await page.getByRole('tab', { name: /Kontrakty/ }).click();
    await page.getByTestId('my-contracts').waitFor();
    await page.getByTestId('update-apply').click();
    await page.waitForEvent('load');
    await page.locator('[data-testid="conn"].conn-live').waitFor();
    assert.equal(await script(), '?next');
  });
});
