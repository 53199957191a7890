// Journey: the organiser imports the roster Excel saved in Poland ("CSV (rozdzielany przecinkami)":
// Windows-1250, semicolons). The console sends the raw bytes, shows the names as the server read
// them ("Irena Grządka", not "Irena Grz�dka") and imports only after "Tak, importuj"; a second
// import says everyone is there already; a bad row is explained in Polish with the accepted
// sectors; the people list sorts Ł after L and Ż after Z and finds "grzadka" without diacritics.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ARTIFACTS, config, launch, newFair, PHONE, rest, withArtifacts } from './support.mjs';

/** Windows-1250 bytes of the Polish letters Node has no encoder for; the rest is ASCII. */
const CP1250 = {
  ą: 0xb9,
  ć: 0xe6,
  ę: 0xea,
  ł: 0xb3,
  ń: 0xf1,
  ó: 0xf3,
  ś: 0x9c,
  ź: 0x9f,
  ż: 0xbf,
  Ą: 0xa5,
  Ć: 0xc6,
  Ę: 0xca,
  Ł: 0xa3,
  Ń: 0xd1,
  Ó: 0xd3,
  Ś: 0x8c,
  Ź: 0x8f,
  Ż: 0xaf,
  '„': 0x84,
  '”': 0x94,
};
function cp1250(text) {
  return Buffer.from(
    [...text].map((ch) => {
      if (ch in CP1250) return CP1250[ch];
      const code = ch.charCodeAt(0);
      if (code > 0x7f) throw new Error(`no Windows-1250 byte for ${ch}`);
      return code;
    }),
  );
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const ROSTER = [
  'Podmiot;Sektor;Miejscowość;Kontakt;Osoba;Rola',
  `Koło Gospodyń Wiejskich w Rokitkach ${stamp};pozarządowy;Rokitki;;Irena Grządka;uczestnik`,
  `Koło Gospodyń Wiejskich w Rokitkach ${stamp};pozarządowy;Rokitki;;Łucja Źrebiec;uczestnik`,
  `Ośrodek Kultury w Śliwicach ${stamp};publiczny;Śliwice;;Żaneta Ćwik;animator`,
  `Zakład Stolarski „Dąb” ${stamp};biznes;Świecie;;Lech Zając;notariusz`,
].join('\r\n');
const BAD = ['Podmiot;Sektor;Osoba', `Parafia ${stamp};kościół;Ksiądz Jan`].join('\r\n');
const PEOPLE = ['Irena Grządka', 'Lech Zając', 'Łucja Źrebiec', 'Żaneta Ćwik'];

const file = (name, bytes) => ({ name, mimeType: 'text/csv', buffer: bytes });

describe('organiser imports a Windows-1250 roster from Excel', () => {
  const contexts = [];
  after(async () => {
    for (const c of contexts) await c.dispose();
  });

  it('shows the names as read, imports on confirmation, and explains problems in Polish', async () => {
    const f = await newFair(`Giełda Kociewie ${stamp}`);
    const laptop = await launch({ viewport: { width: 1366, height: 768 } });
    contexts.push(laptop);
    const shots = path.join(ARTIFACTS, 'roster-import');
    await mkdir(shots, { recursive: true });
    await withArtifacts(
      'roster-import',
      () => contexts.map((c) => c.context),
      async () => {
        const page = laptop.page;
        await page.goto(`${config.baseUrl}/organiser/login`);
        await page.getByLabel('E-mail').fill(config.email);
        await page.getByLabel('Hasło').fill(config.password);
        await page.getByRole('button', { name: 'Zaloguj się' }).click();
        await page.waitForURL(/\/organiser$/);
        await page.goto(`${config.baseUrl}/organiser/fairs/${f.fairId}`);
        await page.getByTestId('checklist').waitFor();
        assert.match(
          (await page.getByTestId('import').textContent()) ?? '',
          /podmiot\/entity; sektor\/sector.*pozarządowy/s,
          'the hint lists the column names in Polish and English and the sectors',
        );

        const box = page.getByTestId('import');
        await box.getByTestId('import-file').setInputFiles(file('uczestnicy.csv', cp1250(ROSTER)));
        await box.getByRole('button', { name: 'Sprawdź' }).click();
        const preview = box.getByTestId('import-preview');
        await preview.getByText('Odczytano jako windows-1250.').waitFor();
        const names = await preview.getByTestId('import-preview-person').allTextContents();
        assert.deepEqual(names.sort(), [...PEOPLE].sort(), 'the names as the server read them');
        await preview.getByText('Nowe: 3 podmioty.').waitFor();
        await preview.getByText('Nowe: 4 osoby.').waitFor();
        assert.deepEqual(await rest('GET', `/api/fairs/${f.fairId}/people`, { token: f.token }), []);
        await box.screenshot({ path: path.join(shots, 'import-preview-1366.png') });
        await page.screenshot({ path: path.join(shots, 'console-1366.png') });

        await preview.getByRole('button', { name: 'Tak, importuj' }).click();
        await box.getByTestId('import-result').filter({ hasText: 'Dodano 3 podmioty i 4 osoby.' }).waitFor();
        const people = page.getByTestId('people');
        await people.getByText('4 osoby').waitFor();
        const listed = await people.locator('[data-testid="person-row"] td:first-child').allTextContents();
        assert.deepEqual(listed, PEOPLE, 'Polish order: L before Ł, Z before Ż');

        await people.getByTestId('people-search').fill('grzadka');
        await people.getByTestId('person-row').filter({ hasText: 'Irena Grządka' }).waitFor();
        assert.equal(await people.getByTestId('person-row').count(), 1, 'search ignores diacritics');
        await people.getByTestId('people-search').fill('');

        // The same file again: the check says nobody would be added.
        await box.getByTestId('import-file').setInputFiles(file('uczestnicy.csv', cp1250(ROSTER)));
        await box.getByRole('button', { name: 'Sprawdź' }).click();
        await box
          .getByTestId('import-nothing-new')
          .filter({ hasText: 'Wszyscy są już na liście (4 osoby) — import niczego nie doda.' })
          .waitFor();

        // A bad row: in Polish, with the accepted sectors.
        await box.getByTestId('import-file').setInputFiles(file('zle.csv', cp1250(BAD)));
        await box.getByRole('button', { name: 'Sprawdź' }).click();
        const rows = box.getByTestId('import-rows');
        await rows.getByText('1 wiersz jest błędny.').waitFor();
        const reason = (await rows.getByTestId('import-row-error').locator('td').nth(1).textContent()) ?? '';
        assert.match(reason, /^Nieznany sektor „kościół”\. Dozwolone: publiczny\/PUBLIC, pozarządowy\/NGO/);
        await box.screenshot({ path: path.join(shots, 'import-error-1366.png') });

        // The same console on a phone.
        const phone = await launch(PHONE);
        contexts.push(phone);
        await phone.page.goto(`${config.baseUrl}/organiser/login`);
        await phone.page.getByLabel('E-mail').fill(config.email);
        await phone.page.getByLabel('Hasło').fill(config.password);
        await phone.page.getByRole('button', { name: 'Zaloguj się' }).click();
        await phone.page.waitForURL(/\/organiser$/);
        await phone.page.goto(`${config.baseUrl}/organiser/fairs/${f.fairId}`);
        await phone.page.getByTestId('people').getByText('4 osoby').waitFor();
        await phone.page.screenshot({ path: path.join(shots, 'console-390.png'), fullPage: true });
      },
    );
  });
});
