// First start without the demo: the organiser opens the one-time setup link the server printed,
// is refused a weak password and a mistyped confirmation, creates the first organiser, lands on
// the console (warned that links still point at localhost), and adds a second organiser.
// Run by FirstStartIT against a fresh packaged app (not by `npm run e2e`: that app has an
// organiser already). SETUP_URL is the printed link; screenshots go to SHOTS_DIR.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { PHONE, config, launch, withArtifacts } from './support.mjs';

const SETUP_URL = process.env.SETUP_URL;
const SHOTS = process.env.SHOTS_DIR ?? path.resolve('target', 'first-start');
const EMAIL = process.env.FIRST_ORGANISER_EMAIL ?? 'ewa.nowak@example.org';
const PASSWORD = process.env.FIRST_ORGANISER_PASSWORD ?? 'rower kawa Pelplin wiosna';
const LAPTOP = { viewport: { width: 1366, height: 768 } };

const contexts = [];
after(async () => {
  for (const c of contexts) await c.dispose();
});

async function shot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function noSeriousA11yProblems(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

test('the first organiser is created from the printed setup link', { timeout: 180_000 }, async () => {
  assert.ok(SETUP_URL, 'SETUP_URL (the link the server printed)');
  const phone = await launch(PHONE);
  contexts.push(phone);
  const desk = await launch(LAPTOP);
  contexts.push(desk);
  await withArtifacts(
    'first-start',
    () => [phone.context, desk.context],
    async () => {
      // A phone opens the link too: the screen is there and fits (no sending from it).
      await phone.page.goto(SETUP_URL);
      await phone.page.getByRole('heading', { name: 'Pierwszy organizator' }).waitFor();
      await shot(phone.page, 'setup-phone');
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the setup screen fits a phone (scroll width ${width})`);

      const page = desk.page;
      await page.goto(SETUP_URL);
      await page.getByRole('heading', { name: 'Pierwszy organizator' }).waitFor();
      await noSeriousA11yProblems(page);
      const form = page.getByTestId('setup-form');
      await form.getByLabel('Imię i nazwisko').fill('Ewa Nowak');
      await form.getByLabel('E-mail').fill(EMAIL);

      // Twelve times the same letter is long enough, and still refused.
      await form.getByLabel('Hasło', { exact: true }).fill('aaaaaaaaaaaa');
      await form.getByLabel('Powtórz hasło').fill('aaaaaaaaaaaa');
      await form.getByRole('button', { name: 'Utwórz konto i zaloguj' }).click();
      await page.getByTestId('field-error-password').filter({ hasText: 'zbyt przewidywalne' }).waitFor();

      // A common password with decoration is refused as common.
      await form.getByLabel('Hasło', { exact: true }).fill('Haslo2026!!!');
      await form.getByLabel('Powtórz hasło').fill('Haslo2026!!!');
      await form.getByRole('button', { name: 'Utwórz konto i zaloguj' }).click();
      await page.getByTestId('field-error-password').filter({ hasText: 'zbyt popularne' }).waitFor();

      // A mistyped confirmation is caught before anything is sent.
      await form.getByLabel('Hasło', { exact: true }).fill(PASSWORD);
      await form.getByLabel('Powtórz hasło').fill(PASSWORD + 'x');
      await form.getByRole('button', { name: 'Utwórz konto i zaloguj' }).click();
      await page.getByTestId('field-error-confirm').filter({ hasText: 'Hasła się różnią.' }).waitFor();
      await shot(page, 'setup-laptop-errors');

      await form.getByLabel('Powtórz hasło').fill(PASSWORD);
      await form.getByRole('button', { name: 'Utwórz konto i zaloguj' }).click();

      // Signed in on the console, warned that badges would lead to localhost.
      await page.waitForURL(/\/organiser$/);
      await page.getByRole('heading', { name: 'Twoje giełdy' }).waitFor();
      const warning = page.getByTestId('public-url-warning');
      await warning.waitFor();
      assert.match(await warning.innerText(), /localhost/);
      await noSeriousA11yProblems(page);
      await shot(page, 'console-warning-laptop');

      // The link was for one use only.
      await page.goto(SETUP_URL);
      await page.getByTestId('setup-done').waitFor();

      // A second organiser, added from the console's Team page.
      await page.goto(`${config.baseUrl}/organiser/team`);
      const add = page.getByTestId('add-organiser');
      await add.getByLabel('Imię i nazwisko').fill('Jan Kowalczyk');
      await add.getByLabel('E-mail').fill('jan.kowalczyk@example.org');
      await add.getByLabel('Hasło', { exact: true }).fill('tczewskie targi jesienne 2026');
      await add.getByLabel('Powtórz hasło').fill('tczewskie targi jesienne 2026');
      await add.getByRole('button', { name: 'Dodaj organizatora' }).click();
      await page.getByTestId('organiser-added').waitFor();
      await page.getByTestId('team-member').filter({ hasText: 'jan.kowalczyk@example.org' }).waitFor();

      // The phone signs in as the first organiser and sees the warning too.
      await phone.page.goto(`${config.baseUrl}/organiser/login`);
      await phone.page.getByLabel('E-mail').fill(EMAIL);
      await phone.page.getByLabel('Hasło').fill(PASSWORD);
      await phone.page.getByRole('button', { name: 'Zaloguj się' }).click();
      await phone.page.getByTestId('public-url-warning').waitFor();
      await shot(phone.page, 'console-warning-phone');
    },
  );
});
