// Camera QR scanning with a real decode: Chromium's fake camera plays a generated Y4M video of a
// QR code (--use-fake-device-for-media-stream --use-file-for-fake-video-capture) and the app reads
// it. A partner's badge opens a contract with that partner; the help desk scanning a badge posts on
// behalf of its owner; the contract's own QR, scanned by the partner, opens it for co-signing; the
// join QR opens joining. Without camera permission the phone says so and the typed code works.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encode } from 'uqr';
import { ARTIFACTS, config, launchBrowser, newFair, PHONE, withArtifacts } from './support.mjs';

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const W = 640;
const H = 480;

/** A Y4M video (two identical 4:2:0 frames, Chromium loops it) of `text` as a QR code. */
async function qrVideo(text, name) {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const m = Math.floor(420 / qr.size);
  const ox = (W - qr.size * m) >> 1;
  const oy = (H - qr.size * m) >> 1;
  const y = Buffer.alloc(W * H, 235);
  qr.data.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let j = 0; j < m; j++) {
        const at = (oy + r * m + j) * W + ox + c * m;
        y.fill(16, at, at + m);
      }
    }),
  );
  const uv = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, uv, uv]);
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.y4m`);
  await writeFile(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
  return file;
}

const camera = (file) => ({
  args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
});
const CAMERA_OK = { ...PHONE, permissions: ['camera'] };

describe('camera QR scanning (fake camera, real decode)', () => {
  const env = {};
  const browsers = [];

  before(async () => {
    const f = await newFair(`Giełda ze skanerem ${stamp}`);
    const ngo = await f.entity(`Koło Gospodyń Wiejskich w Gniewie ${stamp}`, 'INFORMAL_GROUP', 'Gniew');
    const lib = await f.entity(`Biblioteka Miejska ${stamp}`, 'PUBLIC', 'Tczew');
    const anna = await f.person('Anna Nowak', ngo.id, 'participant');
    const bartek = await f.person('Bartek Wiśniewski', lib.id, 'participant');
    const adam = await f.person('Adam Animator', lib.id, 'animator');
    await f.goLive();
    Object.assign(env, { ...f, ngo, lib, anna, bartek, adam });
  });

  after(async () => {
    for (const b of browsers) await b.dispose();
  });

  const open = async (options) => {
    const b = await launchBrowser(options);
    browsers.push(b);
    return b;
  };
  const run = (name, body) =>
    it(name, () =>
      withArtifacts(
        name,
        () => browsers.flatMap((b) => b.contexts),
        () => body(),
      ),
    );

  run("a partner's badge → a contract with that partner; its QR → the partner co-signs", async () => {
    const badge = await qrVideo(`${config.baseUrl}/b/${env.bartek.badgeToken}`, 'qr-badge');
    const b = await open(camera(badge));

    // Phone A scans B's badge from the board.
    const { page: pa } = await b.newContext(CAMERA_OK);
    await pa.goto(`${config.baseUrl}/b/${env.anna.badgeToken}`);
    await pa.locator('[data-testid="conn"].conn-live').waitFor();
    await pa.getByTestId('scan').click();
    const form = pa.getByTestId('contract-form');
    await form.getByTestId('partner').filter({ hasText: 'Biblioteka Miejska' }).waitFor();
    const engine = await pa.locator('html').getAttribute('data-scan-engine');
    assert.ok(['native', 'jsqr'].includes(engine ?? ''), `decoder: ${engine}`);
    console.log(`# QR decoder in this Chromium: ${engine}`);
    assert.match(pa.url(), new RegExp(`/f/${env.fairId}/contracts/new\\?badge=`));
    const live = await pa.evaluate(() => document.querySelectorAll('video').length);
    assert.equal(live, 0, 'the camera view is gone once the code is read');

    // A proposes and signs; the contract shows its QR for B.
    const items = form.getByTestId('item-fields');
    await items.nth(0).getByLabel('Co', { exact: true }).fill('wypożyczenie sali czytelni');
    await items.nth(0).getByLabel('Kategoria').selectOption('ROOMS');
    await items.nth(1).getByLabel('Co', { exact: true }).fill('pierogi na wernisaż');
    await items.nth(1).getByLabel('Kategoria').selectOption('CATERING');
    await form.getByTestId('contract-submit').click();
    const ca = pa.getByTestId('contract');
    await ca.getByTestId('contract-status').filter({ hasText: 'Zaproponowany' }).waitFor();
    await ca.getByTestId('sign').click();
    await ca.getByTestId('contract-note').filter({ hasText: 'Podpisano.' }).waitFor();
    await ca.getByTestId('contract-show-qr').click();
    const shown = await ca.getByTestId('contract-qr').getAttribute('data-value');
    const contractId = await ca.getAttribute('data-id');
    assert.equal(shown, `${config.baseUrl}/f/${env.fairId}/contracts/${contractId}`);

    // Phone B points its camera at that QR: the contract opens, B signs, both signed.
    const b2 = await open(camera(await qrVideo(shown, 'qr-contract')));
    const { page: pb } = await b2.newContext(CAMERA_OK);
    await pb.goto(`${config.baseUrl}/b/${env.bartek.badgeToken}`);
    await pb.locator('[data-testid="conn"].conn-live').waitFor();
    await pb.getByTestId('scan').click();
    const cb = pb.locator(`[data-testid="contract"][data-id="${contractId}"]`);
    await cb.getByTestId('items').filter({ hasText: 'pierogi na wernisaż' }).waitFor();
    await cb.getByTestId('sign').click();
    await cb.getByTestId('contract-status').filter({ hasText: 'Podpisany' }).waitFor();
    await ca.getByTestId('contract-status').filter({ hasText: 'Podpisany' }).waitFor();

    // The help desk scans B's badge: a post on B's behalf.
    const { page: ph } = await b.newContext({ ...CAMERA_OK, viewport: { width: 1024, height: 768 } });
    await ph.goto(`${config.baseUrl}/b/${env.adam.badgeToken}`);
    await ph.locator('[data-testid="conn"].conn-live').waitFor();
    // A notary's (or help desk's) badge opens the console itself.
    await ph.waitForURL(/\/notary$/);
    await ph.getByTestId('console-scan').click();
    const postForm = ph.getByTestId('post-form');
    await postForm.waitFor();
    assert.equal(await postForm.getByLabel('W imieniu kogo?').inputValue(), String(env.bartek.id));
  });

  // Linux Chromium has no BarcodeDetector, so the tests above read codes with jsQR. This one proves
  // that the app's BarcodeDetector branch (feature check, getSupportedFormats, detect() on the live
  // <video>, rawValue of the first result) works with real camera frames: before the page loads,
  // a BarcodeDetector class is installed whose detect() draws the frame it is given and decodes it
  // with the real jsQR. It does not prove anything about a platform's own detector (Android
  // Chrome's), only that our code drives that API correctly.
  run('the BarcodeDetector branch reads the real camera frames (a detector backed by jsQR)', async () => {
    const wall = await qrVideo(`${config.baseUrl}/join/${env.fair.joinCode}`, 'qr-join-native');
    const b = await open(camera(wall));
    const { context, page } = await b.newContext(CAMERA_OK);
    const jsqrSource = await readFile(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
    // The UMD bundle sets window.jsQR (init scripts run before the page, outside its CSP).
    await context.addInitScript({ content: `(function () { ${jsqrSource}\n }).call(window);` });
    await context.addInitScript(() => {
      const decode = window.jsQR;
      window.__detects = 0;
      class BarcodeDetector {
        static async getSupportedFormats() {
          return ['qr_code'];
        }
        constructor({ formats = [] } = {}) {
          if (!formats.includes('qr_code')) throw new TypeError('qr_code expected');
        }
        async detect(source) {
          window.__detects++;
          const w = source.videoWidth;
          const h = source.videoHeight;
          if (!w || !h) return [];
          const canvas = document.createElement('canvas');
          canvas.width = w;
          canvas.height = h;
          const ctx = canvas.getContext('2d');
          ctx.drawImage(source, 0, 0);
          const found = decode(ctx.getImageData(0, 0, w, h).data, w, h);
          return found ? [{ rawValue: found.data, format: 'qr_code', cornerPoints: [] }] : [];
        }
      }
      window.BarcodeDetector = BarcodeDetector;
    });
    await page.goto(`${config.baseUrl}/`);
    await page.getByTestId('scan').click();
    await page.getByTestId('join-fair-name').filter({ hasText: 'Giełda ze skanerem' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/join/${env.fair.joinCode}`);
    assert.equal(await page.locator('html').getAttribute('data-scan-engine'), 'native');
    assert.ok((await page.evaluate(() => window.__detects)) > 0, 'read through BarcodeDetector.detect');
  });

  run('the join QR on the wall opens joining; no camera permission → type the code', async () => {
    const wall = await qrVideo(`${config.baseUrl}/join/${env.fair.joinCode}`, 'qr-join');
    const b = await open(camera(wall));
    const { page } = await b.newContext(CAMERA_OK);
    await page.goto(`${config.baseUrl}/`);
    await page.getByTestId('scan').click();
    await page.getByTestId('join-fair-name').filter({ hasText: 'Giełda ze skanerem' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/join/${env.fair.joinCode}`);

    // Camera refused: a clear message and the short code typed by hand.
    const { page: refused } = await b.newContext(PHONE);
    await refused.goto(`${config.baseUrl}/scan`);
    const scanner = refused.getByTestId('scanner');
    await scanner.and(refused.locator('[data-state="denied"]')).waitFor();
    await refused.getByTestId('scan-status').filter({ hasText: 'Brak zgody na użycie aparatu' }).waitFor();
    await refused.getByLabel('Albo wpisz kod giełdy').fill(env.fair.joinCode.toLowerCase());
    await refused.getByTestId('scan-typed').click();
    await refused.getByTestId('join-fair-name').filter({ hasText: 'Giełda ze skanerem' }).waitFor();
  });
});
