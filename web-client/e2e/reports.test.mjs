// Reports: the organiser's fair page shows the live tallies (a new post is counted without a
// reload) and an XLSX export downloads (fetched with the token). Data is set up over REST.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { config, launchBrowser, organiserToken, rest, withArtifacts, signInBody } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

describe('organiser sees the tallies and downloads an export', () => {
  const env = {};
  let b;

  before(async () => {
    const login = await rest('POST', '/api/auth/login', {
      body: { email: config.email, password: config.password },
    });
    const token = login.token ?? (await organiserToken());
    const fair = await rest('POST', '/api/fairs', {
      token,
      body: {
        name: `Giełda raporty ${stamp}`,
        venue: 'Hala Widowiskowo-Sportowa, Tczew',
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      },
    });
    const fairId = fair.id;
    const ngo = await rest('POST', `/api/fairs/${fairId}/entities`, {
      token,
      body: { name: `Fundacja Ziarno ${stamp}`, sector: 'NGO', town: 'Tczew' },
    });
    const anna = await rest('POST', `/api/fairs/${fairId}/people`, {
      token,
      body: { displayName: 'Anna Nowak', entityId: ngo.id, roles: ['participant'] },
    });
    await rest('POST', `/api/fairs/${fairId}/phase`, { token, body: { phase: 'REGISTRATION' } });
    await rest('POST', `/api/fairs/${fairId}/phase`, { token, body: { phase: 'LIVE' } });
    Object.assign(env, { token, expiresAt: login.expiresAt, fairId, anna });
    b = await launchBrowser();
    env.desk = await b.newContext({ acceptDownloads: true });
  });

  after(async () => {
    await b?.dispose();
  });

  it('counts a new offer in "Podsumowanie" and downloads the XLSX', async () => {
    await withArtifacts(
      'reports',
      () => [env.desk.context],
      async () => {
        const page = env.desk.page;
        // Signed in as the organiser (the UI login is covered by organiser-flow).
        await page.goto(`${config.baseUrl}/organiser/login`);
        await page.evaluate(
          ([token, expiresAt]) =>
            localStorage.setItem(
              'gielda.session.organiser',
              JSON.stringify({
                token,
                expiresAt: expiresAt ?? new Date(Date.now() + 3600_000).toISOString(),
              }),
            ),
          [env.token, env.expiresAt],
        );
        await page.goto(`${config.baseUrl}/organiser/fairs/${env.fairId}`);
        const summary = page.getByTestId('summary');
        await summary.getByTestId('tally-people').filter({ hasText: /^1$/ }).waitFor();
        await summary.getByTestId('tally-offers').filter({ hasText: /^0$/ }).waitFor();

        const { token } = await rest('POST', '/api/auth/badge', {
          body: signInBody(env.anna),
        });
        await rest('POST', `/api/fairs/${env.fairId}/posts`, {
          token,
          body: { kind: 'OFFER', category: 'OTHER', title: `Sala na warsztaty ${stamp}`, town: 'Tczew' },
        });
        // Live from the board socket; "Odśwież" is the fallback if the socket is not there yet.
        const counted = summary.getByTestId('tally-offers').filter({ hasText: /^1$/ });
        try {
          await counted.waitFor({ timeout: 5000 });
        } catch {
          await summary.getByTestId('summary-refresh').click();
          await counted.waitFor();
        }

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('export-xlsx').click(),
        ]);
        assert.match(download.suggestedFilename(), /^gielda-\d+-.*\.xlsx$/);
        await page.getByTestId('export-done').waitFor();
      },
    );
  });
});
