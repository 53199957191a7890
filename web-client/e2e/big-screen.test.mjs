// The hall's big screen read from 10 m: every view (counters, ticker with posts and contracts,
// "Wciąż szukają", each chart of the rotation, the join QR) at 1920×1080 and 1280×720 — text no
// smaller than 2.2% of the screen's height, nothing scrolls, long Polish names stay inside their
// panel (wrapped or cut with an ellipsis) — and ten minutes without any event (the page's clock
// run forward) still look alive: charts and unmet needs rotate, the clock moves, the QR stays.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, config, launchBrowser, newFair, rest, withArtifacts, signInBody } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const LONG_NGO = `Stowarzyszenie Miłośników Ziemi Gniewskiej i Okolic imienia Księdza Józefa Wybickiego ${stamp}`;
const LONG_PUBLIC = `Gminny Ośrodek Pomocy Społecznej w Starogardzie Gdańskim — Dział Świadczeń ${stamp}`;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const SLIDES = ['categories', 'matrix', 'value'];

/** Measures the screen: scrolling, text too small, text outside its panel. */
function inspect() {
  const vh = window.innerHeight;
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > window.innerWidth + 1 || root.scrollHeight > vh + 1)
    problems.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
  let smallest = Infinity;
  const panels = [...document.querySelectorAll('.screen > *')];
  const walker = document.createTreeWalker(document.querySelector('.screen'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('.sr-only')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.top >= vh) continue; // hidden or below the ticker's fade
    const inSvg = el.closest('svg');
    // SVG text is scaled with its drawing: its rendered height is what the hall sees.
    const size = inSvg ? r.height / 1.2 : parseFloat(getComputedStyle(el).fontSize);
    smallest = Math.min(smallest, size / vh);
    if (size / vh < 0.022)
      problems.push(
        `small text (${((size / vh) * 100).toFixed(1)}vh): "${n.textContent.trim().slice(0, 40)}"`,
      );
    const panel = panels.find((p) => p.contains(el));
    const box = panel?.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const clipped = el.scrollWidth > el.clientWidth + 1;
    if (clipped && cs.textOverflow !== 'ellipsis' && !inSvg)
      problems.push(`cut without an ellipsis: "${n.textContent.trim().slice(0, 40)}"`);
    if (box && (r.right > box.right + 1 || r.left < box.left - 1))
      problems.push(
        `outside its panel: "${n.textContent.trim().slice(0, 40)}" ${Math.round(r.right)} > ${Math.round(box.right)}`,
      );
  }
  return { problems, smallest };
}

/**
 * The screen measures its lists again every 2 s (board/useFitList): under the installed fake clock
 * that time has to be let pass before an item that did not fit the first layout shows.
 */
async function letListsSettle(page) {
  const first = page.getByTestId('looking-item').first();
  for (let i = 0; i < 3 && !(await first.isVisible()); i++) {
    await page.clock.runFor(2000);
    await first.waitFor({ timeout: 1000 }).catch(() => {});
  }
}

describe('big screen from 10 m: sizes, long names, ten idle minutes', () => {
  const env = {};
  let b;

  before(async () => {
    const f = await newFair(`Giełda Zasobów Powiatu Tczewskiego — Trzy Filary, edycja jesienna ${stamp}`);
    const ngo = await f.entity(LONG_NGO, 'NGO', 'Gniew');
    const gops = await f.entity(LONG_PUBLIC, 'PUBLIC', 'Starogard Gdański');
    const anna = await f.person('Anna Nowak-Wiśniewska', ngo.id, 'participant');
    const jan = await f.person('Jan Brzęczyszczykiewicz', gops.id, 'participant');
    const notary = await f.person('Natalia Notariusz', ngo.id, 'notary');
    await f.goLive();
    const tok = async (who) => (await rest('POST', '/api/auth/badge', { body: signInBody(who) })).token;
    const [ta, tj, tn] = await Promise.all([tok(anna), tok(jan), tok(notary)]);
    const post = (t, kind, category, title) =>
      rest('POST', `/api/fairs/${f.fairId}/posts`, {
        token: t,
        body: { kind, category, title, town: 'Gniew' },
      });
    await post(
      ta,
      'OFFER',
      'TRAINING',
      'Przeprowadzenie warsztatów rękodzielniczych dla seniorów w świetlicy wiejskiej w Pelplinie',
    );
    await post(
      tj,
      'OFFER',
      'ROOMS',
      'Sala konferencyjna na sześćdziesiąt osób z rzutnikiem, nagłośnieniem i zapleczem kuchennym',
    );
    for (const [cat, title] of [
      ['TRANSPORT', 'Przewóz dwudziestu pięciu uczestników wycieczki krajoznawczej do Malborka i z powrotem'],
      ['VOLUNTEERS', 'Wolontariusze do obsługi szatni i punktu informacyjnego podczas festynu rodzinnego'],
      ['EQUIPMENT', 'Wypożyczenie namiotu ekspresowego trzy na sześć metrów z obciążnikami'],
      ['PROMOTION', 'Promocja przeglądu chórów parafialnych w lokalnej prasie i radiu'],
      ['IT_SERVICES', 'Pomoc przy przeniesieniu strony internetowej stowarzyszenia na nowy serwer'],
    ]) {
      await post(tj, 'REQUEST', cat, title);
    }
    const c = await rest('POST', `/api/fairs/${f.fairId}/contracts`, {
      token: ta,
      body: {
        partners: [{ entityId: gops.id }],
        items: [
          {
            fromEntityId: gops.id,
            toEntityId: ngo.id,
            category: 'ROOMS',
            description: 'sala konferencyjna na jubileusz',
          },
          {
            fromEntityId: ngo.id,
            toEntityId: gops.id,
            category: 'TRAINING',
            description: 'warsztaty rękodzielnicze dla podopiecznych',
          },
        ],
        signNow: true,
      },
    });
    await rest('POST', `/api/fairs/${f.fairId}/contracts/${c.id}/sign`, {
      token: tj,
      body: { version: c.version, contentHash: c.contentHash },
    });
    await rest('POST', `/api/fairs/${f.fairId}/contracts/${c.id}/register`, { token: tn, body: {} });
    const screen = await rest('POST', `/api/fairs/${f.fairId}/screens`, { token: f.token });
    Object.assign(env, { ...f, screen });
    b = await launchBrowser();
  });

  after(async () => {
    await b?.dispose();
  });

  for (const size of SIZES) {
    const name = `${size.width}×${size.height}: every view readable, nothing scrolls or spills`;
    it(name, () =>
      withArtifacts(
        name,
        () => b.contexts,
        async () => {
          const { page } = await b.newContext({ viewport: size });
          await page.clock.install();
          await page.goto(`${config.baseUrl}/screen/${env.screen.screenToken}`);
          await page.getByTestId('screen-conn').waitFor({ state: 'detached' });
          await letListsSettle(page);
          await page.getByTestId('ticker-contract').filter({ hasText: 'Kontrakt nr 1' }).waitFor();
          await page.getByTestId('looking-item').first().waitFor();
          await page.getByTestId('join-qr').waitFor();
          await page.getByTestId('counter-contracts').filter({ hasText: /^1/ }).waitFor();
          const seen = new Map();
          for (let i = 0; i < SLIDES.length; i++) {
            const charts = page.locator('[data-testid="screen-charts"][data-slide]');
            await charts.locator('svg, .chart-value, .ticker-empty').first().waitFor();
            const slide = await charts.getAttribute('data-slide');
            await mkdir(ARTIFACTS, { recursive: true });
            await page.screenshot({
              path: path.join(ARTIFACTS, `screen-${size.width}x${size.height}-${slide}.png`),
            });
            const { problems, smallest } = await page.evaluate(inspect);
            seen.set(slide, smallest);
            assert.deepEqual(problems, [], `${size.width}×${size.height}, chart "${slide}"`);
            await page.clock.runFor(10_000);
            await charts.and(page.locator(`:not([data-slide="${slide}"])`)).waitFor();
          }
          assert.deepEqual(
            [...seen.keys()].sort(),
            [...SLIDES].sort(),
            'every chart of the rotation was checked',
          );
          const qr = await page.getByTestId('join-qr').boundingBox();
          assert.ok(
            qr.height >= size.height * 0.25,
            `the join QR is big enough to scan across the hall (${qr.height}px)`,
          );
        },
      ),
    );
  }

  it('ten minutes without any event: charts and unmet needs rotate, the clock moves, the QR stays', () =>
    withArtifacts(
      'big screen idle',
      () => b.contexts,
      async () => {
        const { page } = await b.newContext({ viewport: SIZES[0] });
        // The screen pings the server after 10 s of silence and calls the link dead 20 s later.
        // Fake time jumps 10 s at once, so before each jump the real pong is let in.
        let pings = 0;
        let pongs = 0;
        page.on('websocket', (ws) => {
          ws.on('framesent', (f) => (pings += String(f.payload).includes('"ping"') ? 1 : 0));
          ws.on('framereceived', (f) => (pongs += String(f.payload).includes('"pong"') ? 1 : 0));
        });
        const pongsIn = async () => {
          for (const end = Date.now() + 5000; pongs < pings && Date.now() < end;) {
            await sleep(20);
          }
        };
        await page.clock.install();
        await page.goto(`${config.baseUrl}/screen/${env.screen.screenToken}`);
        await page.getByTestId('screen-conn').waitFor({ state: 'detached' });
        await letListsSettle(page);
        await page.getByTestId('looking-item').first().waitFor();
        const clock0 = await page.locator('.screen-clock').innerText();
        const slides = new Set();
        const looking = new Set();
        for (let s = 0; s < 600; s += 10) {
          await page.clock.runFor(10_000);
          await pongsIn();
          const slide = await page.getByTestId('screen-charts').getAttribute('data-slide');
          if (slide) slides.add(slide);
          looking.add(await page.getByTestId('looking-item').first().innerText());
        }
        assert.equal(slides.size, SLIDES.length, `charts kept rotating: ${[...slides]}`);
        assert.ok(looking.size >= 2, 'the unmet needs kept rotating');
        assert.notEqual(await page.locator('.screen-clock').innerText(), clock0, 'the clock moved');
        await page.getByTestId('join-qr').waitFor();
        assert.equal(await page.getByTestId('join-code').innerText(), env.fair.joinCode);
        assert.equal(await page.getByTestId('screen-conn').count(), 0, 'still connected');
      },
    ));
});
