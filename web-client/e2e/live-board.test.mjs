// Journeys 3 and 8: two phones and the hall's big screen follow the live board. A post made on
// phone A shows on phone B and on the screen without a reload; the notary hides it and it is gone
// everywhere; phone B loses the network, posts, sees it queued, comes back, and the post appears
// exactly once everywhere. A write whose answer is lost is retried with the same key. Search
// ignores case and Polish diacritics.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  config,
  launchBrowser,
  newFair,
  PHONE,
  rest,
  SCREEN,
  withArtifacts,
  signInBody,
  toConsole,
} from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

/** Cards (on a phone) or ticker rows (on the screen) whose text has `title`. */
const cards = (page, title) => page.getByTestId('post-card').filter({ hasText: title });
const ticker = (page, title) => page.getByTestId('ticker-item').filter({ hasText: title });

/**
 * Waits until exactly `n` elements with data-testid `testId` contain `text` (the page is asked on
 * every change, no fixed sleeps).
 */
async function waitCount(page, testId, text, n, what) {
  try {
    await page.waitForFunction(
      ([id, t, want]) =>
        [...document.querySelectorAll(`[data-testid="${id}"]`)].filter((e) => e.textContent.includes(t))
          .length === want,
      [testId, text, n],
    );
  } catch (e) {
    const count = await page.getByTestId(testId).filter({ hasText: text }).count();
    assert.equal(count, n, `${what} (${e.message.split('\n')[0]})`);
  }
}

describe('live board: two phones, the big screen and the notary', () => {
  const env = {};
  let b;

  before(async () => {
    const { token, fair, fairId, entity, person, goLive } = await newFair(`Giełda na żywo ${stamp}`);
    const ngo = await entity(`Fundacja Ziarno ${stamp}`, 'NGO', 'Tczew');
    const school = await entity(`Szkoła Podstawowa nr 2 ${stamp}`, 'PUBLIC', 'Pelplin');
    const anna = await person('Anna Nowak', ngo.id, 'participant');
    const bartek = await person('Bartek Wiśniewski', school.id, 'participant');
    const notary = await person('Natalia Notariusz', ngo.id, 'notary');
    await goLive();
    const screen = await rest('POST', `/api/fairs/${fairId}/screens`, { token });
    Object.assign(env, { token, fairId, fair, anna, bartek, notary, screen });

    b = await launchBrowser();
    env.a = await b.newContext(PHONE);
    env.b = await b.newContext(PHONE);
    env.s = await b.newContext(SCREEN);
    env.n = await b.newContext();
    await Promise.all([
      env.a.page.goto(`${config.baseUrl}/b#${anna.signInSecret}`),
      env.b.page.goto(`${config.baseUrl}/b#${bartek.signInSecret}`),
      env.s.page.goto(`${config.baseUrl}/screen/${screen.screenToken}`),
      env.n.page.goto(`${config.baseUrl}/b#${notary.signInSecret}`),
    ]);
    for (const x of [env.a, env.b, env.n]) {
      await x.page.locator('[data-testid="conn"].conn-live').waitFor();
    }
    await toConsole(env.n.page);
    await env.n.page.getByRole('heading', { name: 'Moderacja ogłoszeń' }).waitFor();
    await env.n.page.locator('[data-testid="conn"].conn-live').waitFor();
    await env.s.page.getByTestId('ticker').waitFor();
    await env.s.page.getByTestId('screen-conn').waitFor({ state: 'detached' });
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

  run('a post from phone A appears live on phone B and on the screen; the notary hides it', async () => {
    const { a, s, n } = env;
    const title = `Sala na 40 osób z rzutnikiem ${stamp}`;

    // The join QR on the screen points at this origin's join page.
    const qr = s.page.getByTestId('join-qr');
    assert.equal(await qr.getAttribute('data-value'), `${config.baseUrl}/join/${env.fair.joinCode}`);
    await s.page.getByTestId('counter-offers').filter({ hasText: /^0/ }).waitFor();

    await a.page.getByTestId('add-post').click();
    const form = a.page.getByTestId('post-form');
    await form.getByRole('radio', { name: 'Oferuję' }).waitFor();
    assert.equal(await form.getByRole('radio', { name: 'Oferuję' }).isChecked(), true, 'offer by default');
    await form.getByLabel('Tytuł').fill(title);
    await form.getByRole('radio', { name: 'Sale i lokale' }).click();
    await form.getByText('Więcej szczegółów').click();
    await form.getByLabel('Ile', { exact: true }).fill('1 sala');
    assert.equal(await form.getByLabel('Miejscowość').inputValue(), 'Tczew', "the entity's town by default");
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await a.page.getByTestId('toast').filter({ hasText: 'Opublikowano.' }).waitFor();
    await waitCount(a.page, 'post-card', title, 1, 'A sees its post once');

    // Live on phone B and on the big screen, without a reload.
    await waitCount(env.b.page, 'post-card', title, 1, 'B sees the post once');
    await ticker(s.page, title).waitFor();
    await ticker(s.page, title)
      .filter({ hasText: 'Sale i lokale' })
      .filter({ hasText: 'Fundacja Ziarno' })
      .waitFor();
    await s.page.getByTestId('counter-offers').filter({ hasText: /^1/ }).waitFor();

    // The notary hides it, with a reason: gone from the screen and from phone B at once.
    const modCard = n.page.getByTestId('mod-post').filter({ hasText: title });
    await modCard.getByTestId('hide').click();
    await modCard.getByTestId('hide-confirm').click();
    await modCard.getByText('Podaj powód.').waitFor();
    await modCard.getByRole('button', { name: 'Chodzi o pieniądze' }).click();
    await modCard.getByTestId('hide-confirm').click();
    await modCard.getByText('Ukryte', { exact: true }).waitFor();
    await ticker(s.page, title).waitFor({ state: 'detached' });
    await waitCount(env.b.page, 'post-card', title, 0, 'hidden on B');
    await waitCount(a.page, 'post-card', title, 0, 'hidden on A');
    await s.page.getByTestId('counter-offers').filter({ hasText: /^0/ }).waitFor();

    // Restored: back on the boards.
    await modCard.getByTestId('unhide').click();
    await ticker(s.page, title).waitFor();
    await waitCount(env.b.page, 'post-card', title, 1, 'restored on B');
  });

  run('"Moje": an edit and a withdrawal reach the other phone and the screen', async () => {
    const { a, s } = env;
    const title = `Sala na 40 osób z rzutnikiem ${stamp}`;
    const edited = `Sala na 60 osób z rzutnikiem ${stamp}`;
    await a.page.getByRole('tab', { name: /Moje/ }).click();
    const mine = cards(a.page, title);
    await mine.getByTestId('edit').click();
    const form = a.page.getByTestId('post-form');
    assert.equal(await form.getByLabel('Tytuł').inputValue(), title, 'the form shows the post');
    assert.equal(await form.getByLabel('Ile', { exact: true }).inputValue(), '1 sala');
    await form.getByLabel('Tytuł').fill(edited);
    await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await a.page.getByTestId('toast').filter({ hasText: 'Zapisano zmiany.' }).waitFor();
    await env.b.page.getByRole('tab', { name: /Oferty/ }).click();
    await waitCount(env.b.page, 'post-card', edited, 1, 'B sees the new title');
    await waitCount(env.b.page, 'post-card', title, 0, 'and not the old one');
    await ticker(s.page, edited).waitFor();

    await cards(a.page, edited).getByTestId('withdraw').click();
    await cards(a.page, edited).getByTestId('withdraw-yes').click();
    await waitCount(a.page, 'post-card', edited, 0, 'gone from "Moje"');
    await waitCount(env.b.page, 'post-card', edited, 0, 'gone from B');
    await ticker(s.page, edited).waitFor({ state: 'detached' });
    await s.page.getByTestId('counter-offers').filter({ hasText: /^0/ }).waitFor();
  });

  run('phone B posts while offline; the post is sent once when it is back', async () => {
    const { a, s } = env;
    const pb = env.b.page;
    const title = `Potrzebny transport na festyn ${stamp}`;

    await env.b.context.setOffline(true);
    await pb.locator('[data-testid="conn"].conn-offline').filter({ hasText: 'Offline' }).waitFor();
    await pb.getByRole('tab', { name: /Potrzeby/ }).click();
    await pb.getByTestId('add-post').click();
    const form = pb.getByTestId('post-form');
    assert.equal(
      await form.getByRole('radio', { name: 'Potrzebuję' }).isChecked(),
      true,
      'request from that tab',
    );
    await form.getByLabel('Tytuł').fill(title);
    await form.getByRole('radio', { name: 'Transport' }).click();
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await pb.getByTestId('toast').filter({ hasText: 'Zapisane w telefonie' }).waitFor();
    await pb.getByTestId('queued').filter({ hasText: '1 akcja czeka' }).waitFor();
    await cards(pb, title).getByTestId('pending').filter({ hasText: 'Czeka na wysłanie' }).waitFor();
    const stored = await pb.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('gielda.outbox.'))
        .map((k) => JSON.parse(localStorage.getItem(k)).items)
        .flat(),
    );
    assert.equal(stored.length, 1, 'the action is kept in localStorage');
    assert.match(stored[0].key, /^[0-9a-f-]{36}$/, 'with its idempotency key');
    const before = await rest('GET', `/api/fairs/${env.fairId}/posts`, { token: env.token });
    assert.equal(before.filter((p) => p.title === title).length, 0, 'nothing reached the server');

    await env.b.context.setOffline(false);
    await pb.getByTestId('queued').waitFor({ state: 'detached' });
    await pb.locator('[data-testid="conn"].conn-live').waitFor();
    await a.page.getByRole('tab', { name: /Potrzeby/ }).click();
    await waitCount(a.page, 'post-card', title, 1, 'A sees it once');
    await waitCount(s.page, 'ticker-item', title, 1, 'the screen shows it once');
    await waitCount(pb, 'post-card', title, 1, 'B shows it once');
    await cards(pb, title).getByTestId('pending').waitFor({ state: 'detached' });
    const all = await rest('GET', `/api/fairs/${env.fairId}/posts`, { token: env.token });
    assert.equal(all.filter((p) => p.title === title).length, 1, 'stored exactly once');
  });

  run('a post whose answer is lost is retried with the same key and made once', async () => {
    const pa = env.a.page;
    const title = `Rzutnik multimedialny ${stamp}`;
    const keys = [];
    let dropped = false;
    await pa.route('**/api/fairs/*/posts', async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      keys.push(req.headers()['idempotency-key']);
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch(); // the server does the write...
      await route.abort('connectionreset'); // ...but the phone never hears the answer
    });
    await pa.getByRole('tab', { name: /Oferty/ }).click();
    await env.b.page.getByRole('tab', { name: /Oferty/ }).click();
    await pa.getByTestId('add-post').click();
    const form = pa.getByTestId('post-form');
    await form.getByLabel('Tytuł').fill(title);
    await form.getByRole('radio', { name: 'Sprzęt' }).click();
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await waitCount(env.b.page, 'post-card', title, 1, 'B sees it once');
    await waitCount(pa, 'post-card', title, 1, 'A sees it once');
    await pa.getByTestId('queued').waitFor({ state: 'detached' });
    await pa.unroute('**/api/fairs/*/posts');
    assert.equal(keys.length, 2, 'one retry');
    assert.ok(keys[0] && keys[0] === keys[1], 'the retry carries the same Idempotency-Key');
    const all = await rest('GET', `/api/fairs/${env.fairId}/posts`, { token: env.token });
    assert.equal(all.filter((p) => p.title === title).length, 1, 'stored exactly once');
  });

  run('search ignores case and Polish diacritics', async () => {
    const { token } = await rest('POST', '/api/auth/badge', { body: signInBody(env.anna) });
    // Not in "Sale i lokale": search also looks at the category's name.
    const post = (title, town, category) =>
      rest('POST', `/api/fairs/${env.fairId}/posts`, {
        token,
        body: { kind: 'OFFER', category, title, town },
      });
    const gym = `Salę gimnastyczną udostępnimy ${stamp}`;
    const hall = `Sala konferencyjna ${stamp}`;
    const lodz = `Nagłośnienie na koncert ${stamp}`;
    await post(gym, 'Pelplin', 'OTHER');
    await post(hall, 'Tczew', 'TRAINING');
    await post(lodz, 'Łódź', 'EQUIPMENT');
    const pb = env.b.page;
    await pb.getByRole('tab', { name: /Oferty/ }).click();
    await cards(pb, lodz).waitFor();
    const search = pb.getByTestId('search');

    await search.fill('sale');
    // Search knows Polish inflection (ui/search.ts): every form of "sala" finds every other.
    await waitCount(pb, 'post-card', gym, 1, '"sale" finds "Salę"');
    await waitCount(pb, 'post-card', hall, 1, '"sale" finds "Sala"');

    await search.fill('SALA');
    await waitCount(pb, 'post-card', hall, 1, '"SALA" finds "Sala"');
    await waitCount(pb, 'post-card', gym, 1, '"SALA" finds "Salę"');

    await search.fill('lodz');
    await waitCount(pb, 'post-card', lodz, 1, '"lodz" finds the post in Łódź');
    await waitCount(pb, 'post-card', '', 1, 'and nothing else');

    // A category chip narrows the list; "Wszystkie" brings everything back.
    await search.fill('');
    await pb.getByRole('button', { name: 'Sprzęt', exact: true }).click();
    await waitCount(pb, 'post-card', hall, 0, 'not equipment');
    await waitCount(pb, 'post-card', lodz, 1, 'equipment');
    await pb.getByRole('button', { name: 'Wszystkie', exact: true }).click();
    await waitCount(pb, 'post-card', hall, 1, 'all categories again');
  });
});
