// Shared helpers for the browser tests: configuration from the environment, Chromium launch,
// REST calls as the organiser, and screenshots of every open page when a test fails.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.resolve(here, '..', 'target', 'e2e-artifacts');

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`Set ${name} (see web-client/README.md, "E2E")`);
  return v;
}

export const config = {
  baseUrl: (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  get email() {
    return required('ORGANISER_EMAIL');
  },
  get password() {
    return required('ORGANISER_PASSWORD');
  },
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  timeoutMs: Number(process.env.E2E_TIMEOUT_MS ?? 15000),
};

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The journeys' phone key. A badge's sign-in secret binds to the first phone that uses it, and a
 * journey signs the same person in over REST (set-up) and in a browser page: all of them count as
 * one phone. Binding itself is tested in BadgeSignInTest and in scan.test.mjs ("another phone").
 */
export const E2E_DEVICE_KEY = 'e2e-journeys-device-key-0001';

/** Makes the browser context use the journeys' phone key (a test may pass its own). */
async function usePhoneKey(context, key = E2E_DEVICE_KEY) {
  await context.addInitScript((k) => {
    if (!localStorage.getItem('gielda.deviceKey')) localStorage.setItem('gielda.deviceKey', k);
  }, key);
}

/** The body of a sign-in with a person's badge (as the organiser lists them) from the phone key. */
export function signInBody(person, deviceKey = E2E_DEVICE_KEY) {
  return { signInSecret: person.signInSecret, deviceKey };
}

/** A fresh browser profile per context; returns the context and a disposer. */
export async function launch({ deviceKey, ...options } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gielda-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: config.chromium,
    args: ARGS,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(config.timeoutMs);
  context.setDefaultNavigationTimeout(config.timeoutMs * 2);
  await usePhoneKey(context, deviceKey);
  const page = context.pages()[0] ?? (await context.newPage());
  const dispose = async () => {
    await context.close().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  };
  return { context, page, dispose };
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
};

/**
 * Runs `body`; on failure saves a screenshot of every page of every given context into
 * target/e2e-artifacts and rethrows.
 */
export async function withArtifacts(name, contexts, body) {
  try {
    await body();
  } catch (e) {
    await mkdir(ARTIFACTS, { recursive: true });
    const safe = name.replace(/[^\w-]+/g, '_');
    let n = 0;
    for (const ctx of contexts()) {
      for (const p of ctx.pages()) {
        const file = path.join(ARTIFACTS, `${safe}-${++n}.png`);
        await p.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.error(`# screenshot: ${file} (${p.url()})`);
      }
    }
    throw e;
  }
}

/** Small REST client for set-up and checks that are not under test. */
export async function rest(method, url, { token, body, headers = {} } = {}) {
  const res = await fetch(config.baseUrl + url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method !== 'GET' ? { 'Idempotency-Key': crypto.randomUUID() } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status}: ${text.slice(0, 500)}`);
  return json;
}

export async function organiserToken() {
  const res = await rest('POST', '/api/auth/login', {
    body: { email: config.email, password: config.password },
  });
  return res.token;
}

/**
 * One Chromium for many isolated contexts (phones, the big screen, the notary's laptop): much
 * faster than a browser per context. Returns a factory and a disposer. `args`: more Chromium flags
 * (e.g. a fake camera).
 */
export async function launchBrowser({ args = [] } = {}) {
  const browser = await chromium.launch({ executablePath: config.chromium, args: [...ARGS, ...args] });
  const contexts = [];
  const newContext = async ({ deviceKey, ...options } = {}) => {
    const context = await browser.newContext({
      locale: 'pl-PL',
      timezoneId: 'Europe/Warsaw',
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    context.setDefaultTimeout(config.timeoutMs);
    context.setDefaultNavigationTimeout(config.timeoutMs * 2);
    contexts.push(context);
    await usePhoneKey(context, deviceKey);
    const page = await context.newPage();
    return { context, page };
  };
  const dispose = async () => {
    await browser.close().catch(() => {});
  };
  return { browser, contexts, newContext, dispose };
}

export const SCREEN = { viewport: { width: 1920, height: 1080 } };

/**
 * A fair created by the organiser over the API, with helpers to add entities and people and to open
 * it (REGISTRATION, then LIVE).
 */
export async function newFair(name, venue = 'Hala Widowiskowo-Sportowa, Tczew') {
  const token = await organiserToken();
  const fair = await rest('POST', '/api/fairs', {
    token,
    body: {
      name,
      venue,
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    },
  });
  const fairId = fair.id;
  return {
    token,
    fair,
    fairId,
    entity: (entityName, sector, town) =>
      rest('POST', `/api/fairs/${fairId}/entities`, { token, body: { name: entityName, sector, town } }),
    person: (displayName, entityId, role) =>
      rest('POST', `/api/fairs/${fairId}/people`, { token, body: { displayName, entityId, roles: [role] } }),
    goLive: async () => {
      for (const phase of ['REGISTRATION', 'LIVE']) {
        await rest('POST', `/api/fairs/${fairId}/phase`, { token, body: { phase } });
      }
    },
  };
}

/**
 * The hall's Wi-Fi between one phone and the app: a TCP relay on its own port. `drop()` makes it
 * a black hole, as when the access point loses its uplink: bytes already on the wire and every new
 * connection vanish without a FIN or RST, so nothing tells the browser (Chromium's offline
 * emulation alone keeps open WebSockets working). `restore()` resets what was cut (the phone's
 * sockets died with the Wi-Fi) and relays new connections again. `url` is the phone's origin.
 */
export async function wifiLink(target = config.baseUrl) {
  const { hostname, port } = new URL(target);
  const live = new Set(); // [client, upstream] pairs
  const held = new Set(); // connections made while the link was down
  let up = true;
  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (!up) {
      held.add(client);
      client.on('close', () => held.delete(client));
      return;
    }
    const upstream = net.connect(Number(port || 80), hostname);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    const pair = [client, upstream];
    pair.cut = false;
    live.add(pair);
    client.on('data', (d) => pair.cut || upstream.write(d));
    upstream.on('data', (d) => pair.cut || client.write(d));
    client.on('end', () => pair.cut || upstream.end());
    upstream.on('end', () => pair.cut || client.end());
    const gone = () => {
      live.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', gone);
    upstream.on('close', gone);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get up() {
      return up;
    },
    drop() {
      up = false;
      for (const pair of live) pair.cut = true;
    },
    restore() {
      for (const pair of [...live].filter((p) => p.cut)) {
        pair[0].resetAndDestroy();
        pair[1].destroy();
      }
      for (const c of [...held]) c.resetAndDestroy();
      up = true;
    },
    close: async () => {
      for (const pair of live) pair.forEach((s) => s.destroy());
      for (const c of held) c.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The notary's or the help desk's page on their console: their badge opens it by itself
 * (BadgeLogin.consoleFirst); from a board, the "Moderacja" link goes there.
 */
export async function toConsole(page) {
  // The redirect to the console follows the sign-in: wait for it before looking for a link.
  const onConsole = await page
    .waitForURL(/\/notary(?:[?#]|$)/, { timeout: config.timeoutMs })
    .then(() => true)
    .catch(() => false);
  if (!onConsole) await page.getByTestId('to-moderation').click();
}
