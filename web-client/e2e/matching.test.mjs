// Journey 3 (matches) and the brokers: phone B posts an offer that fits phone A's request, and A
// gets a "Nowe dopasowanie" toast that leads to "Dopasowania" (and on to a pre-filled contract);
// the notary console shows the swap (A ↔ B) and the help queue live (A asks for help, the notary
// takes it, A sees it); the big screen shows "Wciąż szukają". Data is set up over REST.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ARTIFACTS,
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
const shot = async (page, name) => {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
};

describe('matching: toast on a phone, deals and help queue on the console, still looking on the screen', () => {
  const env = {};
  let b;

  before(async () => {
    const { token, fair, fairId, entity, person, goLive } = await newFair(
      `Giełda dopasowań ${stamp}`,
      'Centrum Kultury, Tczew',
    );
    const ngo = await entity(`Fundacja Ziarno ${stamp}`, 'NGO', 'Tczew');
    const school = await entity(`Szkoła Podstawowa nr 2 ${stamp}`, 'PUBLIC', 'Tczew');
    const anna = await person('Anna Nowak', ngo.id, 'participant');
    const bartek = await person('Bartek Wiśniewski', school.id, 'participant');
    const notary = await person('Natalia Notariusz', ngo.id, 'notary');
    await goLive();
    const screen = await rest('POST', `/api/fairs/${fairId}/screens`, { token });
    const post = async (who, body) => {
      const { token: t } = await rest('POST', '/api/auth/badge', { body: signInBody(who) });
      return rest('POST', `/api/fairs/${fairId}/posts`, { token: t, body: { town: 'Tczew', ...body } });
    };
    // A needs a room and offers promotion; B needs promotion (B's room offer comes from the phone).
    const need = await post(anna, {
      kind: 'REQUEST',
      category: 'ROOMS',
      title: `Sala na warsztaty dla 30 osób ${stamp}`,
      description: 'Sala z rzutnikiem na sobotnie warsztaty',
    });
    await post(anna, {
      kind: 'OFFER',
      category: 'PROMOTION',
      title: `Promocja wydarzenia w mediach społecznościowych ${stamp}`,
    });
    await post(bartek, {
      kind: 'REQUEST',
      category: 'PROMOTION',
      title: `Promocja festynu szkolnego w mediach społecznościowych ${stamp}`,
    });
    const lonely = await post(bartek, {
      kind: 'REQUEST',
      category: 'TRANSPORT',
      title: `Przewóz łodzi żaglowej nad jezioro ${stamp}`,
    });
    Object.assign(env, { token, fairId, fair, anna, bartek, notary, screen, need, lonely });

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
    await env.n.page.getByRole('heading', { name: 'Konsola notariusza' }).waitFor();
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

  run('a matching post from phone B brings a "Nowe dopasowanie" toast to phone A', async () => {
    const { a } = env;
    const pb = env.b.page;
    const title = `Sala na warsztaty dla 30 osób z rzutnikiem ${stamp}`;
    await pb.getByTestId('add-post').click();
    const form = pb.getByTestId('post-form');
    await form.getByLabel('Tytuł').fill(title);
    await form.getByRole('radio', { name: 'Sale i lokale' }).click();
    await form.getByRole('button', { name: 'Opublikuj' }).click();
    await pb.getByTestId('toast').filter({ hasText: 'Opublikowano.' }).waitFor();

    const toast = a.page.getByTestId('match-toast').filter({ hasText: 'Nowe dopasowanie' });
    await toast.filter({ hasText: title }).waitFor();
    await a.page.getByTestId('matches-badge').waitFor();
    await shot(a.page, 'phone-match-toast');
    await toast.click();
    assert.equal(
      await a.page.getByRole('tab', { name: /Dopasowania/ }).getAttribute('aria-selected'),
      'true',
    );
    const group = a.page.getByTestId('match-group').filter({ hasText: env.need.title });
    const match = group.getByTestId('match').filter({ hasText: title });
    await match.waitFor();
    assert.match(await match.getByTestId('match-score').innerText(), /^(bardzo dobre|dobre|możliwe)$/);
    assert.ok((await match.locator('.reason').count()) > 0, 'reasons as chips');
    await a.page.getByTestId('matches-badge').waitFor({ state: 'detached' });
    await shot(a.page, 'phone-matches');

    // "Zaproponuj kontrakt" opens the contract form with the partner and the item from the match.
    await match.getByRole('button', { name: 'Zaproponuj kontrakt' }).click();
    const proposal = a.page.getByTestId('contract-form');
    await proposal.getByTestId('partner').filter({ hasText: 'Szkoła Podstawowa nr 2' }).waitFor();
    const item = proposal.getByTestId('item-fields').first();
    assert.equal(await item.getByLabel('Co', { exact: true }).inputValue(), title);
    assert.equal(await item.getByLabel('Kategoria').inputValue(), 'ROOMS');
    await a.page.goBack();
    await a.page.getByTestId('my-matches').waitFor();

    // The request's detail on phone B lists who fits it (B's own room offer).
    await pb.getByRole('tab', { name: /Potrzeby/ }).click();
    await pb.getByTestId('post-link').filter({ hasText: env.need.title }).click();
    await pb.getByTestId('post-matches').getByTestId('match').filter({ hasText: title }).waitFor();
    await pb.getByTestId('propose-swap').waitFor();
    await shot(pb, 'phone-post-detail');
    await pb.goBack();
  });

  run('the notary console shows the swap and follows the help queue live', async () => {
    const { a, n } = env;
    const deal = n.page.getByTestId('deal').filter({ hasText: '↔' });
    await deal.filter({ hasText: 'Fundacja Ziarno' }).filter({ hasText: 'Szkoła Podstawowa nr 2' }).waitFor();

    await a.page.getByTestId('need-help').click();
    await a.page.getByLabel('Gdzie jesteś i w czym pomóc?').fill('Nie wiem, jak napisać kontrakt');
    await a.page.getByTestId('need-help-send').click();
    // Nobody took it yet: it waits, and says so ("w drodze" only once a helper takes it).
    await a.page.getByTestId('help-state').filter({ hasText: 'czekamy, aż ktoś je przyjmie' }).waitFor();

    const item = n.page.getByTestId('help-item').filter({ hasText: 'Anna Nowak' });
    await item.filter({ hasText: 'Nie wiem, jak napisać kontrakt' }).waitFor();
    await shot(n.page, 'console-help-deals');
    await item.getByTestId('help-take').click();
    await a.page.getByTestId('help-state').filter({ hasText: 'Pomoc jest w drodze' }).waitFor();
    await item.getByTestId('help-done').click();
    await item.waitFor({ state: 'detached' });
    await a.page.getByTestId('help-state').filter({ hasText: 'Gotowe' }).waitFor();
    await a.page.getByTestId('need-help').waitFor();
  });

  run('the big screen shows requests still looking for a match', async () => {
    const { s } = env;
    await s.page
      .getByTestId('still-looking')
      .getByTestId('looking-item')
      .filter({ hasText: env.lonely.title })
      .waitFor();
    await shot(s.page, 'screen-still-looking');
  });
});
