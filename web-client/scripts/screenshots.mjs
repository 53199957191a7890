// The README's screenshots (docs/screenshots/*.jpg, small JPEGs) from a running app with a demo
// fair made over the API:
//   BASE_URL=… ORGANISER_EMAIL=… ORGANISER_PASSWORD=… node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, launchBrowser, newFair, PHONE, rest } from '../e2e/support.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
await mkdir(out, { recursive: true });

const f = await newFair('Giełda Zasobów Tczew 2026', 'Hala Widowiskowo-Sportowa, Tczew');
const ngo = await f.entity('Fundacja Ziarno', 'NGO', 'Tczew');
const school = await f.entity('Szkoła Podstawowa nr 5', 'PUBLIC', 'Tczew');
const firm = await f.entity('Drukarnia Kociewie', 'BUSINESS', 'Pelplin');
const anna = await f.person('Anna Nowak', ngo.id, 'participant');
const jan = await f.person('Jan Kowalski', school.id, 'participant');
const ola = await f.person('Ola Wiśniewska', firm.id, 'participant');
const notary = await f.person('Natalia Notariusz', ngo.id, 'notary');
await f.goLive();
const tok = async (who) =>
  (await rest('POST', '/api/auth/badge', { body: { badgeToken: who.badgeToken } })).token;
const [ta, tj, to, tn] = await Promise.all([tok(anna), tok(jan), tok(ola), tok(notary)]);
const post = (t, kind, category, title, description = '') =>
  rest('POST', `/api/fairs/${f.fairId}/posts`, {
    token: t,
    body: { kind, category, title, description, town: 'Tczew' },
  });
await post(tj, 'OFFER', 'ROOMS', 'Sala gimnastyczna w soboty', 'Do 60 osób, z nagłośnieniem.');
await post(to, 'OFFER', 'PRINTING', 'Druk 500 ulotek A5', 'Pełny kolor, do końca miesiąca.');
await post(ta, 'OFFER', 'VOLUNTEERS', '5 wolontariuszy na festyn', 'Obsługa stoisk i szatni.');
await post(ta, 'REQUEST', 'ROOMS', 'Sala na warsztaty dla 30 osób');
await post(to, 'REQUEST', 'IT_SERVICES', 'Pomoc przy stronie internetowej');
await post(tj, 'REQUEST', 'TRANSPORT', 'Przewóz dzieci na wycieczkę do Malborka');
const c = await rest('POST', `/api/fairs/${f.fairId}/contracts`, {
  token: ta,
  body: {
    partners: [{ entityId: school.id }],
    items: [
      {
        fromEntityId: school.id,
        toEntityId: ngo.id,
        category: 'ROOMS',
        description: 'sala gimnastyczna na warsztaty',
      },
      {
        fromEntityId: ngo.id,
        toEntityId: school.id,
        category: 'VOLUNTEERS',
        description: 'wolontariusze na festyn szkolny',
      },
    ],
    signNow: true,
  },
});
await rest('POST', `/api/fairs/${f.fairId}/contracts/${c.id}/sign`, {
  token: tj,
  body: { version: c.version, contentHash: c.contentHash },
});
await rest('POST', `/api/fairs/${f.fairId}/contracts/${c.id}/register`, { token: tn, body: {} });
const screen = await rest('POST', `/api/fairs/${f.fairId}/screens`, { token: f.token });

const b = await launchBrowser();
try {
  const { page } = await b.newContext({ ...PHONE, deviceScaleFactor: 1.5 });
  await page.goto(`${config.baseUrl}/b/${anna.badgeToken}`);
  await page.locator('[data-testid="conn"].conn-live').waitFor();
  await page.getByTestId('post-card').nth(2).waitFor();
  await page.screenshot({ path: path.join(out, 'phone-board.jpg'), type: 'jpeg', quality: 70 });
  const s = await b.newContext({ viewport: { width: 1280, height: 720 } });
  await s.page.goto(`${config.baseUrl}/screen/${screen.screenToken}`);
  await s.page.getByTestId('screen-conn').waitFor({ state: 'detached' });
  await s.page.getByTestId('ticker-contract').waitFor();
  await s.page.locator('[data-testid="screen-charts"][data-slide] svg').waitFor();
  await s.page.getByTestId('looking-item').first().waitFor();
  await s.page.evaluate(() => window.document.getAnimations().forEach((a) => a.finish()));
  await s.page.screenshot({ path: path.join(out, 'big-screen.jpg'), type: 'jpeg', quality: 70 });
} finally {
  await b.dispose();
}
