// Issue 10, part 3: the Wi-Fi-drop drill. Phone A loses the hall's Wi-Fi for a real 60 s while the
// others go on: B and C post, B signs A's contract, B and C sign one of their own, the notary
// registers both. A posts twice meanwhile. The drop comes in two acts, as it does in a hall:
//   1. the access point loses its uplink (0–40 s): the phone still believes it is online, bytes
//      simply vanish. Within 30 s the bar must stop saying "Połączono" and say "Łączenie…";
//   2. the phone's Wi-Fi goes off (40–60 s): the bar says "Offline".
// Every second: the bar's state, how many actions wait ("1 akcja czeka", "2 akcje czekają"), and
// that not one byte reaches A. When the Wi-Fi is back, without a reload: the bar says "Połączono",
// each queued post is stored exactly once (Idempotency-Key), and A's Oferty / Potrzeby / Kontrakty
// equal what the server says.
//
// The drop is real, not only emulated: A reaches the app through a relay (`wifiLink`) that turns
// into a black hole, because Chromium's offline emulation keeps open WebSockets working.
/* global WebSocket, clearTimeout -- in code run by the page */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, newFair, PHONE, rest, wifiLink, withArtifacts, signInBody } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const DROP_MS = 60_000;
/** The uplink is lost at 0 s; the phone's Wi-Fi goes off (offline emulation) at this second. */
const WIFI_OFF_AT = 40;
/** By then a phone must have noticed, by itself, that its connection is dead. */
const NOTICE_MS = 30_000;

const badgeToken = async (person) =>
  (await rest('POST', '/api/auth/badge', { body: signInBody(person) })).token;

/** The post ids shown on the phone's current tab (queued ones have none yet). */
const shownIds = (page) =>
  page.$$eval('[data-testid="post-card"]', (cards) =>
    cards
      .map((c) => c.getAttribute('data-post-id'))
      .filter(Boolean)
      .map(Number),
  );
const sorted = (xs) => [...xs].sort((x, y) => x - y);
const postsOf = (posts) =>
  posts
    .map(({ id, version, status, hidden, kind }) => ({ id, version, status, hidden: !!hidden, kind }))
    .sort((x, y) => x.id - y.id);

/** The board a phone joining now would get: a snapshot over a new socket, opened in `page`. */
const freshSnapshot = (page, fairId, token) =>
  page.evaluate(
    ([fairId, token]) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws/fairs/${fairId}/board`, [
          'bearer-token-carrier',
          encodeURI(`quarkus-http-upgrade#Authorization#Bearer ${token}`),
        ]);
        const timer = setTimeout(() => reject(new Error('no snapshot in 10 s')), 10_000);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'resume', epoch: null, after: 0 }));
        ws.onmessage = (e) => {
          const m = JSON.parse(e.data);
          if (m.type !== 'snapshot') return;
          clearTimeout(timer);
          ws.close();
          resolve(m);
        };
        ws.onerror = () => reject(new Error('socket failed'));
      }),
    [fairId, token],
  );

describe('Wi-Fi drop: phone A offline for a minute while the fair goes on', () => {
  const env = {};
  let b;
  let link;

  before(async () => {
    const { token, fairId, entity, person, goLive } = await newFair(`Giełda bez Wi-Fi ${stamp}`);
    const ngo = await entity(`Fundacja Ziarno ${stamp}`, 'NGO', 'Tczew');
    const school = await entity(`Szkoła Podstawowa nr 2 ${stamp}`, 'PUBLIC', 'Pelplin');
    const firm = await entity(`Drukarnia Kociewie ${stamp}`, 'BUSINESS', 'Starogard Gdański');
    const anna = await person('Anna Nowak', ngo.id, 'participant');
    const bartek = await person('Bartek Wiśniewski', school.id, 'participant');
    const celina = await person('Celina Kowalska', firm.id, 'participant');
    const notary = await person('Natalia Notariusz', ngo.id, 'notary');
    await goLive();
    const [ta, tb, tc, tn] = await Promise.all([anna, bartek, celina, notary].map(badgeToken));
    Object.assign(env, { token, fairId, ngo, school, firm, anna, ta, tb, tc, tn });

    // Before the drop: the board has something, and A has proposed (and signed) a contract to B.
    await rest('POST', `/api/fairs/${fairId}/posts`, {
      token: tb,
      body: {
        kind: 'OFFER',
        category: 'ROOMS',
        title: `Sala gimnastyczna po lekcjach ${stamp}`,
        town: 'Pelplin',
      },
    });
    env.k1 = await rest('POST', `/api/fairs/${fairId}/contracts`, {
      token: ta,
      body: {
        partners: [{ entityId: school.id }],
        signNow: true,
        items: [
          {
            fromEntityId: school.id,
            toEntityId: ngo.id,
            category: 'ROOMS',
            description: 'sala na próby chóru',
          },
          {
            fromEntityId: ngo.id,
            toEntityId: school.id,
            category: 'VOLUNTEERS',
            description: 'dwoje wolontariuszy na festyn',
          },
        ],
      },
    });

    link = await wifiLink();
    b = await launchBrowser();
    env.a = await b.newContext(PHONE);
    const pa = env.a.page;
    // Every WebSocket of phone A, with the time (here, in Node) of each frame it received.
    env.sockets = [];
    pa.on('websocket', (ws) => {
      const s = { ws, received: [], closedAt: null };
      ws.on('framereceived', () => s.received.push(Date.now()));
      ws.on('close', () => (s.closedAt = Date.now()));
      env.sockets.push(s);
    });
    await pa.goto(`${link.url}/b#${anna.signInSecret}`);
    await pa.locator('[data-testid="conn"].conn-live').waitFor();
    await pa.getByRole('tab', { name: /Kontrakty/ }).click();
    await pa
      .locator(`[data-testid="contract-card"][data-id="${env.k1.id}"]`)
      .getByTestId('contract-status')
      .filter({ hasText: 'Zaproponowany' })
      .waitFor();
    await pa.getByRole('tab', { name: /Oferty/ }).click();
    await pa.getByTestId('post-card').filter({ hasText: 'Sala gimnastyczna' }).waitFor();
  });

  after(async () => {
    await b?.dispose();
    await link?.close();
  });

  it('A is told what happens for 60 s, its writes land once, and its board equals the server', (t) =>
    withArtifacts(
      'wifi-drop',
      () => b.contexts,
      async () => {
        const pa = env.a.page;
        const { fairId, tb, tc, tn } = env;
        const conn = pa.getByTestId('conn');
        const offerTitle = `Projektor i ekran na wieczór ${stamp}`;
        const requestTitle = `Szukamy kierowcy z busem ${stamp}`;
        const bOffer = `Stoły i krzesła na 80 osób ${stamp}`;
        const cRequest = `Potrzebny druk 500 ulotek ${stamp}`;
        const serverPosts = () => rest('GET', `/api/fairs/${fairId}/posts`, { token: env.ta });
        const socketsBefore = env.sockets.length;
        const openBefore = env.sockets.filter((s) => s.closedAt === null);
        assert.equal(openBefore.length, 1, 'one board socket is open before the drop');

        /** A fills the post form while offline; it is kept in the phone. */
        const postOffline = async (tab, kind, title, category) => {
          await pa.getByRole('tab', { name: tab }).click();
          await pa.getByTestId('add-post').click();
          const form = pa.getByTestId('post-form');
          await form.getByRole('radio', { name: kind }).click();
          await form.getByLabel('Tytuł').fill(title);
          await form.getByRole('radio', { name: category }).click();
          await form.getByRole('button', { name: 'Opublikuj' }).click();
          await pa.getByTestId('toast').filter({ hasText: 'Zapisane w telefonie' }).waitFor();
        };

        // What the others do while A is away, each at its second of the drop.
        let queuedWanted = 0;
        const seen = new Set();
        let noticedAt = null;
        const steps = [
          {
            at: 0,
            run: async () => {
              await postOffline(/Oferty/, 'Oferuję', offerTitle, 'Sprzęt');
              queuedWanted = 1;
            },
          },
          {
            at: 5,
            run: async () => {
              await rest('POST', `/api/fairs/${fairId}/posts`, {
                token: tb,
                body: { kind: 'OFFER', category: 'EQUIPMENT', title: bOffer, town: 'Pelplin' },
              });
              await rest('POST', `/api/fairs/${fairId}/posts`, {
                token: tc,
                body: { kind: 'REQUEST', category: 'PROMOTION', title: cRequest, town: 'Starogard Gdański' },
              });
            },
          },
          {
            at: WIFI_OFF_AT,
            run: async () => {
              await env.a.context.setOffline(true);
              await pa.locator('[data-testid="conn"].conn-offline').waitFor();
            },
          },
          {
            at: WIFI_OFF_AT + 2,
            run: async () => {
              await postOffline(/Potrzeby/, 'Potrzebuję', requestTitle, 'Transport');
              queuedWanted = 2;
            },
          },
          {
            // A looks at its contracts while offline: the tab says the server cannot be reached.
            at: WIFI_OFF_AT + 8,
            run: async () => {
              await pa.getByRole('tab', { name: /Kontrakty/ }).click();
              await pa
                .getByTestId('board-contracts')
                .getByTestId('error')
                .filter({ hasText: 'Brak połączenia z serwerem' })
                .waitFor();
            },
          },
          {
            at: 15,
            run: async () => {
              // B signs A's contract; B proposes one to C and C signs it.
              const k1 = await rest('GET', `/api/fairs/${fairId}/contracts/${env.k1.id}`, { token: tb });
              await rest('POST', `/api/fairs/${fairId}/contracts/${k1.id}/sign`, {
                token: tb,
                body: { version: k1.version, contentHash: k1.contentHash },
              });
              const k2 = await rest('POST', `/api/fairs/${fairId}/contracts`, {
                token: tb,
                body: {
                  partners: [{ entityId: env.firm.id }],
                  signNow: true,
                  items: [
                    {
                      fromEntityId: env.firm.id,
                      toEntityId: env.school.id,
                      category: 'PROMOTION',
                      description: 'plakaty festynu',
                    },
                    {
                      fromEntityId: env.school.id,
                      toEntityId: env.firm.id,
                      category: 'ROOMS',
                      description: 'sala na szkolenie',
                    },
                  ],
                },
              });
              env.k2 = await rest('POST', `/api/fairs/${fairId}/contracts/${k2.id}/sign`, {
                token: tc,
                body: { version: k2.version, contentHash: k2.contentHash },
              });
            },
          },
          {
            at: 20,
            run: async () => {
              env.r1 = await rest('POST', `/api/fairs/${fairId}/contracts/${env.k1.id}/register`, {
                token: tn,
                body: {},
              });
              env.r2 = await rest('POST', `/api/fairs/${fairId}/contracts/${env.k2.id}/register`, {
                token: tn,
                body: {},
              });
            },
          },
        ];

        // The uplink is gone: the relay becomes a black hole; the browser does not know yet.
        link.drop();
        const t0 = Date.now();
        let checks = 0;
        for (let i = 0; ; i++) {
          const elapsed = Date.now() - t0;
          if (elapsed >= DROP_MS) break;
          for (const step of steps.filter((x) => x.at * 1000 <= elapsed && !x.done)) {
            await step.run();
            step.done = true;
          }
          // Each second: what the bar says, how many actions wait, and that nothing arrives.
          const now = Date.now() - t0;
          const state = (await conn.getAttribute('class')).match(/\bconn-(\w+)/)?.[1];
          const text = await conn.innerText();
          if (now >= WIFI_OFF_AT * 1000) {
            assert.equal(state, 'offline', `offline at ${now} ms`);
            assert.match(text, /Offline/);
          } else if (now >= NOTICE_MS) {
            assert.equal(state, 'connecting', `noticed the dead link by ${now} ms`);
            assert.match(text, /Łączenie…/);
          } else {
            assert.ok(state === 'live' || state === 'connecting', `${state} at ${now} ms`);
          }
          if (state === 'connecting' && noticedAt === null) noticedAt = now;
          seen.add(state);
          const queued = await pa.getByTestId('queued').allInnerTexts();
          const want = { 0: [], 1: ['1 akcja czeka'], 2: ['2 akcje czekają'] }[queuedWanted];
          assert.deepEqual(
            queued.map((q) => q.replace(/^\W+/, '').trim()),
            want,
            `queue at ${elapsed} ms`,
          );
          const late = env.sockets.flatMap((s) => s.received.filter((t) => t > t0 + 1000));
          assert.equal(late.length, 0, 'no frame reaches phone A while its Wi-Fi is down');
          checks++;
          const next = t0 + (i + 1) * 1000;
          await sleep(Math.max(0, next - Date.now()));
        }
        assert.ok(
          steps.every((s) => s.done),
          'everything happened during the drop',
        );
        assert.ok(checks >= DROP_MS / 1000 - 5, `checked about once a second (${checks})`);
        assert.deepEqual(
          [...seen].filter((x) => x !== 'live'),
          ['connecting', 'offline'],
        );
        const during = await serverPosts();
        assert.equal(
          during.filter((p) => p.title === offerTitle || p.title === requestTitle).length,
          0,
          "A's posts waited in the phone",
        );
        assert.equal(env.r1.number, 1);
        assert.equal(env.r2.number, 2);

        // The Wi-Fi is back.
        link.restore();
        await env.a.context.setOffline(false);
        const back = Date.now();
        await pa.locator('[data-testid="conn"].conn-live').filter({ hasText: 'Połączono' }).waitFor();
        await pa.getByTestId('queued').waitFor({ state: 'detached' });
        await pa.getByTestId('toast').filter({ hasText: 'Wysłano wszystko' }).waitFor();
        t.diagnostic(
          `dead link noticed after ${(noticedAt / 1000).toFixed(0)} s; live and queue sent ${Date.now() - back} ms after the Wi-Fi came back`,
        );
        assert.ok(openBefore[0].closedAt !== null, 'the socket from before the drop is dead');
        assert.ok(env.sockets.length > socketsBefore, 'the board came back on a new socket');

        // Kontrakty, still open from the drop, without a tap: A's contract is registered as nr 1;
        // B and C's is not A's.
        await pa
          .locator(`[data-testid="contract-card"][data-id="${env.k1.id}"]`)
          .getByTestId('contract-status')
          .filter({ hasText: 'Zarejestrowany nr 1' })
          .waitFor();
        const mine = await rest('GET', `/api/fairs/${fairId}/contracts`, { token: env.ta });
        const cards = await pa.$$eval('[data-testid="contract-card"]', (cs) =>
          cs.map((c) => Number(c.getAttribute('data-id'))),
        );
        assert.deepEqual(
          sorted(cards),
          sorted(mine.map((c) => c.id)),
          'A shows the contracts the server lists for it',
        );
        assert.ok(!cards.includes(env.k2.id), "B and C's contract is not on A's list");

        // Each queued write landed exactly once.
        const all = await serverPosts();
        assert.equal(all.filter((p) => p.title === offerTitle).length, 1, 'the offer is stored once');
        assert.equal(all.filter((p) => p.title === requestTitle).length, 1, 'the request is stored once');

        // A's tabs equal the server's board (the phone may still be applying the last events: wait
        // for the ids to match, then compare).
        for (const [tab, kind] of [
          [/Oferty/, 'OFFER'],
          [/Potrzeby/, 'REQUEST'],
        ]) {
          await pa.getByRole('tab', { name: tab }).click();
          const want = sorted(all.filter((p) => p.kind === kind).map((p) => p.id));
          await pa
            .waitForFunction(
              (ids) =>
                JSON.stringify(
                  [...document.querySelectorAll('[data-testid="post-card"]')]
                    .map((c) => Number(c.getAttribute('data-post-id')))
                    .sort((x, y) => x - y),
                ) === JSON.stringify(ids),
              want,
            )
            .catch(() => {});
          assert.deepEqual(sorted(await shownIds(pa)), want, `${kind}: A shows what the server has`);
        }
        // And the board A keeps (the same state it would resume from after a reload) is the board a
        // phone joining now gets from the server: same log position, posts, counters, contracts.
        const server = await freshSnapshot(pa, fairId, env.ta);
        await pa
          .waitForFunction(
            ([key, seq]) => JSON.parse(localStorage.getItem(key) ?? '{}').seq === seq,
            [`gielda.board.person.${fairId}`, server.seq],
          )
          .catch(() => {});
        const kept = await pa.evaluate(
          (key) => JSON.parse(localStorage.getItem(key)),
          `gielda.board.person.${fairId}`,
        );
        assert.equal(kept.seq, server.seq, "A's board is at the server's log position");
        assert.equal(kept.epoch, server.epoch);
        assert.deepEqual(postsOf(kept.posts), postsOf(server.posts), 'the same posts, versions and states');
        assert.deepEqual(kept.counters, { ...kept.counters, ...server.counters }, 'the same counters');
        assert.deepEqual(
          kept.registered.map((r) => r.number),
          [2, 1],
          "both registered contracts are on A's board, newest first",
        );
        for (const title of [offerTitle, requestTitle, bOffer, cRequest]) {
          assert.equal(kept.posts.filter((p) => p.title === title).length, 1, title);
        }
      },
    ));
});
