// Joining an existing entity needs its consent: a newcomer who picks "Fundacja …" from the list
// waits (the phone says for whom, and the boards are visible but no posting); the member's phone
// shows "… chce dołączyć" live, without a reload; "Wpuść" lets the newcomer in, whose phone then
// signs in as a member by itself and may post. Screenshots of both phones go to target/e2e-artifacts.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, config, launchBrowser, newFair, PHONE, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

describe('joining an entity with its consent', () => {
  const env = {};
  let b;

  before(async () => {
    const { fair, fairId, entity, person, goLive } = await newFair(`Giełda za zgodą ${stamp}`);
    const ngo = await entity(`Fundacja Zgoda ${stamp}`, 'NGO', 'Tczew');
    const anna = await person('Anna Nowak', ngo.id, 'participant');
    await goLive();
    Object.assign(env, { fair, fairId, ngo, anna });
    b = await launchBrowser();
    env.member = await b.newContext(PHONE);
    env.newcomer = await b.newContext(PHONE);
    await env.member.page.goto(`${config.baseUrl}/b#${anna.signInSecret}`);
    await env.member.page.locator('[data-testid="conn"].conn-live').waitFor();
  });

  after(async () => {
    await b?.dispose();
  });

  const shot = async (page, name) => {
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `join-consent-${name}.png`), fullPage: true });
  };

  it('the member lets the newcomer in from their phone, live', () =>
    withArtifacts(
      'join-consent',
      () => b.contexts,
      async () => {
        const n = env.newcomer.page;
        await n.goto(`${config.baseUrl}/join/${env.fair.joinCode}`);
        await n.getByTestId('join-fair-name').waitFor();
        await n.locator('input[name="displayName"]').fill('Piotr Zieliński');
        await n.locator('input[name="entityChoice"][value="EXISTING"]').check();
        await n.locator('#f-entityId').selectOption(String(env.ngo.id));
        await n.getByTestId('join-consent-hint').waitFor();
        await n.locator('form button[type="submit"]').click();

        const waiting = n.locator('[data-testid="join-waiting"][data-status="PENDING"]');
        await waiting.waitFor();
        assert.match(await waiting.textContent(), new RegExp(`Fundacja Zgoda ${stamp}`));
        assert.equal(await n.getByTestId('add-post').count(), 0, 'a waiting newcomer cannot post');
        await shot(n, 'newcomer-waiting');

        // The member's phone was open all along: the request arrives over the board.
        const m = env.member.page;
        const request = m.getByTestId('join-request').filter({ hasText: 'Piotr Zieliński chce dołączyć' });
        await request.waitFor();
        await shot(m, 'member-prompt');
        await request.getByTestId('join-approve').click();
        await request.waitFor({ state: 'detached' });

        // The newcomer's phone learns of it, trades its token and is a member.
        await n.getByTestId('add-post').waitFor();
        assert.equal(await n.getByTestId('join-waiting').count(), 0);
        await shot(n, 'newcomer-member');
      },
    ));
});
