// Journeys 4, 5 and 6: phone A proposes a contract to B (partner by the code printed on B's badge,
// items "who gives what to whom"), both sign on their own phones and each sees the other's
// signature live; the notary registers it; the big screen shows "Kontrakt nr 1" on the ticker and
// the counter goes to 1. A contract that mentions money carries the server's reason.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, config, launchBrowser, newFair, PHONE, rest, SCREEN, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const shot = async (page, name) => {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
};

describe('contracts: two phones sign, the notary registers, the big screen rings the gong', () => {
  const env = {};
  let b;

  before(async () => {
    const { token, fair, fairId, entity, person, goLive } = await newFair(`Giełda kontraktów ${stamp}`);
    const ngo = await entity(`Fundacja Ziarno ${stamp}`, 'NGO', 'Tczew');
    const bank = await entity(`Bank Spółdzielczy ${stamp}`, 'BUSINESS', 'Tczew');
    const anna = await person('Anna Nowak', ngo.id, 'participant');
    const bartek = await person('Bartek Wiśniewski', bank.id, 'participant');
    const notary = await person('Natalia Notariusz', ngo.id, 'notary');
    await goLive();
    const screen = await rest('POST', `/api/fairs/${fairId}/screens`, { token });
    Object.assign(env, { token, fairId, fair, ngo, bank, anna, bartek, notary, screen });

    b = await launchBrowser();
    env.a = await b.newContext(PHONE);
    env.b = await b.newContext(PHONE);
    env.s = await b.newContext(SCREEN);
    env.n = await b.newContext();
    await Promise.all([
      env.a.page.goto(`${config.baseUrl}/b/${anna.badgeToken}`),
      env.b.page.goto(`${config.baseUrl}/b/${bartek.badgeToken}`),
      env.s.page.goto(`${config.baseUrl}/screen/${screen.screenToken}`),
      env.n.page.goto(`${config.baseUrl}/b/${notary.badgeToken}`),
    ]);
    for (const x of [env.a, env.b, env.n]) {
      await x.page.locator('[data-testid="conn"].conn-live').waitFor();
    }
    // A notary's (or help desk's) badge opens the console itself.
    await env.n.page.waitForURL(/\/notary$/);
    await env.n.page.getByTestId('contract-queue').waitFor();
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

  const party = (page, name) => page.getByTestId('party').filter({ hasText: name });

  run('A proposes, both sign live, the notary registers, the screen shows "Kontrakt nr 1"', async () => {
    const pa = env.a.page;
    const pb = env.b.page;
    const { n, s } = env;

    // A: Kontrakty → Nowy kontrakt, partner by the code under B's QR.
    await pa.getByRole('tab', { name: /Kontrakty/ }).click();
    await pa.getByTestId('new-contract').click();
    const form = pa.getByTestId('contract-form');
    await form.getByLabel('Kod z identyfikatora partnera').fill(env.bartek.badgeToken);
    await form.getByTestId('partner-check').click();
    await form.getByTestId('partner').filter({ hasText: 'Bank Spółdzielczy' }).waitFor();
    const items = form.getByTestId('item-fields');
    assert.equal(await items.count(), 2, 'a swap has two sides by default');
    // Item 1: the bank gives promotion to the foundation; item 2: the foundation gives a room.
    await items.nth(0).getByLabel('Co', { exact: true }).fill('promocja warsztatów w oddziałach banku');
    await items.nth(0).getByLabel('Kategoria').selectOption('PROMOTION');
    await items.nth(0).getByLabel('Wartość (zł)').fill('500');
    await items.nth(1).getByLabel('Co', { exact: true }).fill('sala na warsztaty');
    await items.nth(1).getByLabel('Kategoria').selectOption('ROOMS');
    await items.nth(1).getByLabel('Kiedy').fill('sobota 10–14');
    await items.nth(1).getByLabel('Godziny').fill('4');
    await shot(pa, 'phone-contract-form');
    await form.getByTestId('contract-submit').click();

    const ca = pa.getByTestId('contract');
    await ca.getByTestId('contract-status').filter({ hasText: 'Zaproponowany' }).waitFor();
    const contractId = await ca.getAttribute('data-id');

    // B finds it live in "Kontrakty" and opens it.
    await pb.getByRole('tab', { name: /Kontrakty/ }).click();
    await pb
      .locator(`[data-testid="contract-card"][data-id="${contractId}"]`)
      .getByTestId('contract-link')
      .click();
    const cb = pb.getByTestId('contract');
    await cb.getByTestId('items').filter({ hasText: 'sala na warsztaty' }).waitFor();
    await party(pb, 'Fundacja Ziarno').and(pb.locator('[data-signed="false"]')).waitFor();

    // A signs (the short content hash is shown); B sees it without a reload.
    assert.match(await ca.getByTestId('sign-hash').innerText(), /[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}/);
    await ca.getByTestId('sign').click();
    await ca.getByTestId('contract-note').filter({ hasText: 'Podpisano.' }).waitFor();
    await party(pb, 'Fundacja Ziarno').and(pb.locator('[data-signed="true"]')).waitFor();
    await cb.getByTestId('signature-count').filter({ hasText: '1 podpis z 2' }).waitFor();

    // B signs; A sees it live; both read "Podpisany".
    await cb.getByTestId('sign').click();
    await party(pa, 'Bank Spółdzielczy').and(pa.locator('[data-signed="true"]')).waitFor();
    await ca.getByTestId('contract-status').filter({ hasText: 'Podpisany' }).waitFor();
    await cb.getByTestId('contract-status').filter({ hasText: 'Podpisany' }).waitFor();
    await shot(pb, 'phone-contract-signed');

    // The notary's queue has it (live); Register gives number 1.
    const q = n.page.locator(`[data-testid="queue-contract"][data-id="${contractId}"]`);
    await q.getByTestId('items').filter({ hasText: 'promocja warsztatów' }).waitFor();
    await shot(n.page, 'console-contract-queue');
    await q.getByTestId('register').click();
    await n.page.getByTestId('registered').filter({ hasText: 'Zarejestrowano: nr 1' }).waitFor();
    await n.page.getByTestId('chain-verify').click();
    await n.page
      .getByTestId('chain-result')
      .filter({ hasText: 'Rejestr nienaruszony (1 kontrakt)' })
      .waitFor();

    // The big screen: the ticker line and the counter.
    const line = s.page.getByTestId('ticker-contract').filter({ hasText: 'Kontrakt nr 1' });
    await line.filter({ hasText: 'Fundacja Ziarno' }).filter({ hasText: 'Bank Spółdzielczy' }).waitFor();
    await s.page.getByTestId('counter-contracts').filter({ hasText: /^1/ }).waitFor();
    await shot(s.page, 'screen-contract-gong');

    // A big screen opened now lists the contract at once (from its snapshot) and does not ring.
    const late = await b.newContext(SCREEN);
    await late.page.goto(`${config.baseUrl}/screen/${env.screen.screenToken}`);
    const lateLine = late.page.getByTestId('ticker-contract').filter({ hasText: 'Kontrakt nr 1' });
    await lateLine.waitFor();
    assert.doesNotMatch((await lateLine.first().getAttribute('class')) ?? '', /\bgong\b/);

    // Both phones: "Zarejestrowany nr 1".
    await ca.getByTestId('contract-status').filter({ hasText: 'Zarejestrowany nr 1' }).waitFor();
    await cb.getByTestId('contract-status').filter({ hasText: 'Zarejestrowany nr 1' }).waitFor();
  });

  run('a contract that mentions money shows the reason on the phone', async () => {
    const pa = env.a.page;
    await pa.goto(`${config.baseUrl}/f/${env.fairId}/contracts/new`);
    const form = pa.getByTestId('contract-form');
    await form.getByLabel('albo wybierz podmiot z listy').selectOption(String(env.bank.id));
    const items = form.getByTestId('item-fields');
    await items.nth(0).getByLabel('Co', { exact: true }).fill('sala konferencyjna za 200 zł gotówką');
    await items.nth(0).getByLabel('Kategoria').selectOption('ROOMS');
    await items.nth(1).getByLabel('Co', { exact: true }).fill('ulotki o festynie');
    await items.nth(1).getByLabel('Kategoria').selectOption('PRINTING');
    await form.getByTestId('contract-submit').click();
    const c = pa.getByTestId('contract');
    await c.getByTestId('contract-status').filter({ hasText: 'Zaproponowany' }).waitFor();
    const money = c.getByTestId('warning-money');
    await money.first().waitFor();
    assert.ok((await money.first().innerText()).length > 5, 'the reason text from the server');
    await shot(pa, 'phone-contract-money');
  });
});
