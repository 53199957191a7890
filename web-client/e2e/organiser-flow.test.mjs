// Journey 1: the organiser creates a fair, imports a roster (a bad file is rejected whole with a
// per-row report, a good one imports), opens registration; a participant's phone opens a badge
// link and lands on the fair's home in Polish.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { config, launch, organiserToken, PHONE, rest, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const FAIR_NAME = `Giełda E2E ${stamp}`;

const BAD_CSV = [
  'entity;sector;town;contact;person;roles',
  `Fundacja Ziarno ${stamp};NGO;Tczew;ziarno@example.org;Anna Nowak;participant`,
  `Urząd Gminy ${stamp};PUBLIC;Tczew;;Jan Kowalski;participant`,
  `Kosmici ${stamp};ALIENS;Tczew;;Zenon Obcy;participant`,
].join('\n');

const GOOD_CSV = [
  'entity;sector;town;contact;person;roles',
  `Fundacja Ziarno ${stamp};NGO;Tczew;ziarno@example.org;Anna Nowak;participant`,
  `Fundacja Ziarno ${stamp};NGO;Tczew;ziarno@example.org;Piotr Wiśniewski;participant`,
  `Urząd Gminy ${stamp};PUBLIC;Tczew;;Jan Kowalski;participant`,
].join('\n');

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('organiser prepares a fair, a participant opens the badge link', () => {
  const contexts = [];
  after(async () => {
    for (const c of contexts) await c.dispose();
  });

  it('logs in, creates a fair, imports CSV, opens registration; phone lands on the fair home', async () => {
    const desk = await launch();
    contexts.push(desk);
    let phone;
    await withArtifacts(
      'organiser-flow',
      () => contexts.map((c) => c.context),
      async () => {
        const page = desk.page;

        // Log in through the UI (Polish is the default language).
        await page.goto(`${config.baseUrl}/organiser/login`);
        await page.getByRole('heading', { name: 'Logowanie organizatora' }).waitFor();
        await page.getByLabel('E-mail').fill(config.email);
        await page.getByLabel('Hasło').fill(config.password);
        await page.getByRole('button', { name: 'Zaloguj się' }).click();
        await page.waitForURL(/\/organiser$/);
        await page.getByRole('heading', { name: 'Twoje giełdy' }).waitFor();

        // Create a fair.
        const form = page.getByTestId('create-fair');
        await form.getByLabel('Nazwa').fill(FAIR_NAME);
        await form.getByLabel('Miejsce').fill('Hala Widowiskowo-Sportowa, Tczew');
        await form.getByLabel('Początek').fill('2026-11-28T10:00');
        await form.getByLabel('Koniec').fill('2026-11-28T12:00');
        await form.getByRole('button', { name: 'Utwórz giełdę' }).click();
        await page.waitForURL(/\/organiser\/fairs\/\d+$/);
        const fairId = Number(new URL(page.url()).pathname.split('/').pop());
        await page.getByTestId('fair-name').filter({ hasText: FAIR_NAME }).waitFor();
        await page.getByTestId('fair-phase').filter({ hasText: 'Szkic' }).waitFor();
        await page.getByTestId('people').getByText('Nikogo jeszcze nie ma.').waitFor();

        // A file with one bad row: a per-row report, nothing imported.
        const importBox = page.getByTestId('import');
        await importBox.getByTestId('import-file').setInputFiles(csvFile('bad.csv', BAD_CSV));
        await importBox.getByRole('button', { name: 'Importuj' }).click();
        const report = importBox.getByTestId('import-rows');
        await report.getByText('Błędy w pliku — nic nie zaimportowano').waitFor();
        const badRow = report.getByTestId('import-row-error');
        await badRow.first().waitFor();
        assert.equal(await badRow.count(), 1, 'exactly the one bad row is reported');
        assert.equal(
          (await badRow.locator('td').first().textContent())?.trim(),
          '4',
          'line 4 (header is line 1)',
        );
        const token = await organiserToken();
        assert.deepEqual(
          await rest('GET', `/api/fairs/${fairId}/people`, { token }),
          [],
          'nothing was imported from the bad file',
        );
        await page.getByTestId('people').getByText('Nikogo jeszcze nie ma.').waitFor();

        // The corrected file imports: 2 entities, 3 people.
        await importBox.getByTestId('import-file').setInputFiles(csvFile('good.csv', GOOD_CSV));
        await importBox.getByRole('button', { name: 'Importuj' }).click();
        await importBox
          .getByTestId('import-result')
          .filter({ hasText: 'Dodano 2 podmioty i 3 osoby.' })
          .waitFor();
        await report.waitFor({ state: 'detached' });
        const rows = page.getByTestId('person-row');
        await rows.filter({ hasText: 'Piotr Wiśniewski' }).waitFor();
        assert.equal(await rows.count(), 3);
        await page.getByTestId('people').getByText('3 osoby').waitFor();

        // "Drukuj identyfikatory" opens the badges PDF (fetched with the token) in a new tab. This
        // app's links point at localhost (no PUBLIC_URL): the console warns and asks first.
        await page.getByTestId('public-url-warning').waitFor();
        await page.getByRole('button', { name: 'Drukuj identyfikatory' }).click();
        const confirm = page.getByTestId('print-localhost-confirm');
        assert.match(await confirm.innerText(), /localhost/);
        const [popup] = await Promise.all([
          desk.context.waitForEvent('page'),
          confirm.getByRole('button', { name: 'Drukuj mimo to' }).click(),
        ]);
        await popup.waitForURL(/^blob:/);
        await popup.close();

        // Open registration.
        await page.getByRole('button', { name: 'Otwórz rejestrację' }).click();
        await page.getByTestId('fair-phase').filter({ hasText: 'Rejestracja' }).waitFor();
        await page.getByRole('button', { name: 'Rozpocznij giełdę' }).waitFor();
        const fair = await rest('GET', `/api/fairs/${fairId}`, { token });
        assert.equal(fair.phase, 'REGISTRATION');

        // A participant's badge token, as the organiser sees it (reissued if not shown).
        const people = await rest('GET', `/api/fairs/${fairId}/people`, { token });
        const anna = people.find((p) => p.displayName === 'Anna Nowak');
        assert.ok(anna, 'Anna Nowak was imported');
        let badgeToken = anna.badgeToken ?? anna.badgeUrl?.split('/b/').pop();
        if (!badgeToken) {
          badgeToken = (await rest('POST', `/api/fairs/${fairId}/people/${anna.id}/badge`, { token }))
            .badgeToken;
        }
        assert.ok(badgeToken, 'a badge token');

        // The phone opens the badge link and sees the fair's home in Polish.
        phone = await launch(PHONE);
        contexts.push(phone);
        await phone.page.goto(`${config.baseUrl}/b/${encodeURIComponent(badgeToken)}`);
        await phone.page.waitForURL(new RegExp(`/f/${fairId}$`));
        await phone.page.getByRole('heading', { name: FAIR_NAME }).waitFor();
        await phone.page.getByRole('tab', { name: /Oferty/ }).waitFor();
        await phone.page.getByRole('tab', { name: /Potrzeby/ }).waitFor();
        await phone.page.getByTestId('fair-phase').filter({ hasText: 'Rejestracja' }).waitFor();
        assert.equal(await phone.page.locator('html').getAttribute('lang'), 'pl');
        // The live board connects (WebSocket with the JWT in the subprotocol).
        await phone.page.locator('[data-testid="conn"].conn-live').waitFor();
        const stored = await phone.page.evaluate(() => localStorage.getItem('gielda.session.person'));
        assert.ok(stored && JSON.parse(stored).token, 'the JWT is kept in localStorage');

        // English is one tap away and remembered across reloads.
        await phone.page.getByTestId('lang-toggle').click();
        await phone.page.getByRole('tab', { name: /Offers/ }).waitFor();
        await phone.page.reload();
        await phone.page.getByRole('tab', { name: /Requests/ }).waitFor();
        assert.equal(await phone.page.locator('html').getAttribute('lang'), 'en');
      },
    );
  });
});
