// Signing in with a badge (issue 21, A0): the sign-in secret travels in the link's fragment and is
// bound to the first phone that uses it; another phone is told, in Polish, to go to the help desk;
// after the help desk releases the phone the same tear-off works on the new phone at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { config, launchBrowser, newFair, PHONE, rest, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

describe('Badge sign-in: one phone per badge, the help desk releases it', () => {
  const env = {};
  let b;

  before(async () => {
    const f = await newFair(`Giełda z telefonem ${stamp}`);
    const ngo = await f.entity(`Fundacja Telefon ${stamp}`, 'NGO', 'Tczew');
    const desk = await f.entity(`Punkt informacyjny ${stamp}`, 'PUBLIC', 'Tczew');
    const anna = await f.person('Anna Nowak', ngo.id, 'participant');
    const adam = await f.person('Adam Pomocny', desk.id, 'animator');
    await f.goLive();
    Object.assign(env, { ...f, anna, adam });
    b = await launchBrowser();
  });

  after(async () => {
    await b?.dispose();
  });

  it('a tear-off signs in on its first phone, not on a second one until the help desk releases it', () =>
    withArtifacts(
      'sign-in-second-phone',
      () => b.contexts,
      async () => {
        const started = Date.now();
        const { page: first } = await b.newContext(PHONE);
        await first.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
        await first.locator('[data-testid="conn"].conn-live').waitFor();
        const firstSignIn = Date.now() - started;
        console.log(`# first sign-in to a live board: ${firstSignIn} ms`);
        assert.ok(firstSignIn < 10_000, `first sign-in took ${firstSignIn} ms`);
        assert.ok(!first.url().includes(env.anna.signInSecret), 'the secret is gone from the address bar');

        const { page: second } = await b.newContext({ ...PHONE, deviceKey: 'another-phone-key-000002' });
        await second.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
        const refused = second.getByTestId('phone-bound');
        await refused.waitFor();
        assert.match(await refused.innerText(), /innym telefonie.*punktu informacyjnego/s);

        // The help desk releases Anna's phone (lost, flat battery); the new phone signs in.
        const { token } = await rest('POST', '/api/auth/badge', {
          body: { signInSecret: env.adam.signInSecret, deviceKey: 'help-desk-laptop-key-0003' },
        });
        await rest('POST', `/api/fairs/${env.fairId}/people/${env.anna.id}/phone/release`, { token });
        await second.goto(`${config.baseUrl}/b#${env.anna.signInSecret}`);
        await second.locator('[data-testid="conn"].conn-live').waitFor();
      },
    ));
});
