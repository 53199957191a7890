// WCAG 2.1/2.2 AA: axe-core runs on every screen (phone boards and their tabs, the post form, a
// post, matches, contracts, the contract form, the notary queue, the help desk, the big screen,
// the organiser's pages, joining, landing, not found) and the suite fails on any serious or
// critical violation. Also: lang="pl", keyboard use of the phone's tabs, visible focus, reduced
// motion on the big screen, and one polite live region that summarises the big screen's events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { config, launchBrowser, newFair, PHONE, rest, SCREEN, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page; returns the serious and critical violations, one line per node. */
async function audit(page, screen) {
  // Contrast is judged on what people read: after entrance animations (the big screen's ticker
  // fades items in), not mid-fade. Endless ones are left running.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => {})),
    ),
  );
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(result.passes.length > 0, `${screen}: axe ran and checked something`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${screen}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary ?? ''}`,
      ),
    );
}

describe('accessibility: axe on every screen, keyboard, reduced motion, live region', () => {
  const env = {};
  let b;

  before(async () => {
    const f = await newFair(`Giełda dostępna ${stamp}`);
    const ngo = await f.entity(`Stowarzyszenie Przyjaciół Ziemi Kociewskiej ${stamp}`, 'NGO', 'Tczew');
    const school = await f.entity(`Szkoła Podstawowa nr 12 ${stamp}`, 'PUBLIC', 'Pelplin');
    const anna = await f.person('Anna Nowak', ngo.id, 'participant');
    const bartek = await f.person('Bartek Wiśniewski', school.id, 'participant');
    const notary = await f.person('Natalia Notariusz', ngo.id, 'notary');
    const animator = await f.person('Adam Animator', ngo.id, 'animator');
    await f.goLive();
    const screen = await rest('POST', `/api/fairs/${f.fairId}/screens`, { token: f.token });
    const tokenOf = async (who) =>
      (await rest('POST', '/api/auth/badge', { body: { badgeToken: who.badgeToken } })).token;
    const ta = await tokenOf(anna);
    const tb = await tokenOf(bartek);
    const post = (t, body) =>
      rest('POST', `/api/fairs/${f.fairId}/posts`, { token: t, body: { town: 'Tczew', ...body } });
    const need = await post(ta, {
      kind: 'REQUEST',
      category: 'ROOMS',
      title: `Sala na warsztaty dla 30 osób ${stamp}`,
    });
    await post(ta, {
      kind: 'OFFER',
      category: 'PROMOTION',
      title: `Promocja w mediach społecznościowych ${stamp}`,
    });
    await post(tb, { kind: 'OFFER', category: 'ROOMS', title: `Sala gimnastyczna na warsztaty ${stamp}` });
    // A contract signed by both: it is in the notary's queue and on both phones.
    const c = await rest('POST', `/api/fairs/${f.fairId}/contracts`, {
      token: ta,
      body: {
        partners: [{ entityId: school.id }],
        items: [
          {
            fromEntityId: school.id,
            toEntityId: ngo.id,
            category: 'ROOMS',
            description: 'sala gimnastyczna',
          },
          {
            fromEntityId: ngo.id,
            toEntityId: school.id,
            category: 'PROMOTION',
            description: 'promocja festynu',
          },
        ],
        signNow: true,
      },
    });
    await rest('POST', `/api/fairs/${f.fairId}/contracts/${c.id}/sign`, {
      token: tb,
      body: { version: c.version, contentHash: c.contentHash },
    });
    // One signed by A only: it shows its QR for B to co-sign.
    const open = await rest('POST', `/api/fairs/${f.fairId}/contracts`, {
      token: ta,
      body: {
        partners: [{ entityId: school.id }],
        items: [
          {
            fromEntityId: ngo.id,
            toEntityId: school.id,
            category: 'TRANSPORT',
            description: 'przewóz ławek',
          },
        ],
        signNow: true,
      },
    });
    Object.assign(env, {
      ...f,
      ngo,
      school,
      anna,
      bartek,
      notary,
      animator,
      screen,
      need,
      contract: c,
      open,
    });
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

  run('no serious or critical axe violation on any screen', async () => {
    const found = [];
    const check = async (page, screen) => found.push(...(await audit(page, screen)));
    const base = `${config.baseUrl}/f/${env.fairId}`;

    // Phone of a participant: every tab, a post, the form, matches, contracts.
    const { page: p } = await b.newContext(PHONE);
    await p.goto(`${config.baseUrl}/b/${env.anna.badgeToken}`);
    await p.locator('[data-testid="conn"].conn-live').waitFor();
    assert.equal(await p.locator('html').getAttribute('lang'), 'pl');
    await p.getByTestId('board-offers').getByTestId('post-card').first().waitFor();
    await check(p, 'phone board: Oferty');
    for (const [tab, ready] of [
      ['Potrzeby', () => p.getByTestId('board-requests').getByTestId('post-card').first().waitFor()],
      ['Moje', () => p.getByTestId('board-mine').getByTestId('post-card').first().waitFor()],
      ['Dopasowania', () => p.getByTestId('board-matches').getByTestId('match').first().waitFor()],
      ['Kontrakty', () => p.getByTestId('contract-card').first().waitFor()],
    ]) {
      await p.getByRole('tab', { name: new RegExp(tab) }).click();
      await ready();
      await check(p, `phone board: ${tab}`);
    }
    await p.goto(`${base}/p/${env.need.id}`);
    await p.getByTestId('post-card').first().waitFor();
    await check(p, 'phone: post detail');
    await p.goto(`${base}/new`);
    await p.getByTestId('post-form').waitFor();
    await check(p, 'phone: post form');
    await p.getByTestId('post-form').locator('button[type="submit"]').click();
    await p.locator('.field-error, [role="alert"]').first().waitFor();
    await check(p, 'phone: post form with errors');
    await p.goto(`${base}/contracts/new`);
    await p.getByTestId('contract-form').waitFor();
    await check(p, 'phone: contract form');
    await p.goto(`${base}/contracts/${env.contract.id}`);
    await p.getByTestId('contract').getByTestId('items').waitFor();
    await check(p, 'phone: contract');
    await p.goto(`${base}/contracts/${env.open.id}`);
    await p.getByTestId('contract-show-qr').click();
    await p.getByTestId('contract-qr').waitFor();
    await check(p, 'phone: contract with its QR');

    // Notary console: queue, help, deals, moderation.
    const { page: n } = await b.newContext();
    await n.goto(`${config.baseUrl}/b/${env.notary.badgeToken}`);
    // A notary's (or help desk's) badge opens the console itself.
    await n.waitForURL(/\/notary$/);
    await n.locator(`[data-testid="queue-contract"][data-id="${env.contract.id}"]`).waitFor();
    await check(n, 'notary console');

    // Help desk (animator): its board, posting on behalf of someone, its console.
    const { page: h } = await b.newContext({ viewport: { width: 1024, height: 768 } });
    await h.goto(`${config.baseUrl}/b/${env.animator.badgeToken}`);
    await h.locator('[data-testid="conn"].conn-live').waitFor();
    await check(h, 'help desk: board');
    await h.goto(`${base}/new`);
    await h.getByTestId('post-form').waitFor();
    await check(h, 'help desk: post on behalf');
    await h.goto(`${config.baseUrl}/notary`);
    await h.getByTestId('help-queue').waitFor();
    await check(h, 'help desk: console');

    // Big screen at 1920×1080.
    const { page: s } = await b.newContext(SCREEN);
    await s.goto(`${config.baseUrl}/screen/${env.screen.screenToken}`);
    await s.getByTestId('screen-conn').waitFor({ state: 'detached' });
    await s.getByTestId('ticker-item').first().waitFor();
    await s.getByTestId('join-code').waitFor();
    await check(s, 'big screen');

    // Organiser: login, fairs, one fair (summary, people, exports).
    const { page: o } = await b.newContext();
    await o.goto(`${config.baseUrl}/organiser/login`);
    await o.getByRole('heading', { name: 'Logowanie organizatora' }).waitFor();
    await check(o, 'organiser: login');
    await o.getByLabel('E-mail').fill(config.email);
    await o.getByLabel('Hasło').fill(config.password);
    await o.getByRole('button', { name: 'Zaloguj się' }).click();
    await o.getByRole('heading', { name: 'Twoje giełdy' }).waitFor();
    await check(o, 'organiser: fairs');
    await o.goto(`${config.baseUrl}/organiser/fairs/${env.fairId}`);
    await o.getByTestId('fair-name').waitFor();
    await o.getByTestId('people').getByText('Anna Nowak').waitFor();
    await check(o, 'organiser: fair');

    // Joining, landing, not found.
    const { page: j } = await b.newContext(PHONE);
    await j.goto(`${config.baseUrl}/`);
    await check(j, 'landing');
    await j.goto(`${config.baseUrl}/join`);
    await j.getByLabel('Wpisz kod giełdy').waitFor();
    await check(j, 'join: code');
    await j.goto(`${config.baseUrl}/join/${env.fair.joinCode}`);
    await j.getByTestId('join-fair-name').waitFor();
    await check(j, 'join: form');
    await j.goto(`${config.baseUrl}/scan`);
    await j.locator('[data-testid="scanner"]:is([data-state="denied"], [data-state="nocamera"])').waitFor();
    await check(j, 'scanner without a camera');
    await j.goto(`${config.baseUrl}/nie-ma-takiej-strony`);
    await j.getByRole('heading', { level: 1 }).waitFor();
    await check(j, 'not found');

    assert.deepEqual(found, [], `axe found serious or critical violations:\n${found.join('\n')}`);
  });

  run('the phone works from the keyboard: skip link, tabs, visible focus', async () => {
    const { page } = await b.newContext(PHONE);
    await page.goto(`${config.baseUrl}/b/${env.bartek.badgeToken}`);
    await page.locator('[data-testid="conn"].conn-live').waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Przejdź do treści' });
    assert.ok(
      await skip.evaluate((el) => el === document.activeElement),
      'the first Tab lands on the skip link',
    );
    assert.ok(await skip.isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Tab reaches the first tab; arrows move between tabs and select them.
    const offers = page.getByRole('tab', { name: /Oferty/ });
    for (let i = 0; i < 10 && !(await offers.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await offers.evaluate((el) => el === document.activeElement), 'Tab reaches the "Oferty" tab');
    const outline = await offers.evaluate((el) => {
      const cs = window.getComputedStyle(el);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    assert.notEqual(outline.style, 'none', 'focus is visible');
    assert.ok(outline.width >= 2, 'focus outline is at least 2 px');
    await page.keyboard.press('ArrowRight');
    const requests = page.getByRole('tab', { name: /Potrzeby/ });
    assert.equal(await requests.getAttribute('aria-selected'), 'true');
    // Focus moves once the selected tab has rendered: wait for it (≤ 5 s), then judge.
    await page
      .waitForFunction((el) => el === document.activeElement, await requests.elementHandle(), {
        timeout: 5000,
      })
      .catch(() => {});
    assert.ok(await requests.evaluate((el) => el === document.activeElement), 'focus follows the arrow');
    await page.getByTestId('board-requests').waitFor();
  });

  run(
    'the big screen: no motion when reduced motion is asked for; one polite summary of events',
    async () => {
      const { page } = await b.newContext({ ...SCREEN, reducedMotion: 'reduce' });
      await page.goto(`${config.baseUrl}/screen/${env.screen.screenToken}`);
      await page.getByTestId('screen-conn').waitFor({ state: 'detached' });
      const item = page.getByTestId('ticker-item').first();
      await item.waitFor();
      assert.equal(await item.evaluate((el) => window.getComputedStyle(el).animationName), 'none');
      const live = page.getByTestId('screen-announce');
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('[aria-live="assertive"]').count(), 0, 'nothing interrupts');
      // Two new posts: one announcement that counts them, not one per event.
      const tb = (await rest('POST', '/api/auth/badge', { body: { badgeToken: env.bartek.badgeToken } }))
        .token;
      for (const title of [`Rzutnik na jeden dzień ${stamp}`, `Nagłośnienie na festyn ${stamp}`]) {
        await rest('POST', `/api/fairs/${env.fairId}/posts`, {
          token: tb,
          body: { kind: 'OFFER', category: 'EQUIPMENT', title, town: 'Pelplin' },
        });
      }
      await page.getByTestId('ticker-item').filter({ hasText: 'Nagłośnienie na festyn' }).waitFor();
      await live.filter({ hasText: '2 nowe ogłoszenia' }).waitFor();
    },
  );
});
