#!/usr/bin/env node
// Hold benchmark client (issue 13, target 2): N board connections resume on a live fair and stay
// open while one post a second goes through the REST API for D minutes. Per client it keeps only
// counters (last seq, gaps, duplicates, events received), so 19,000 clients × 1,800 events fit in a
// few MB; delivery times (arrival minus the server's commit stamp `at`) go into one 1-ms histogram
// per minute. Every --sample-every-min minutes (and at the end) it runs --sample-cmd, whose stdout
// (one JSON object: RSS and heap after GC of the server) goes into the report.
//
// Node 20+, one dependency: ws. Loopback only. Prints one JSON line (the report) last; exit code 0
// always (the shell script asserts).

import { exec } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MAX_CLIENTS = 20000;

function args(argv) {
  const out = { header: [] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    if (k === 'header') out.header.push(argv[++i]);
    else out[k] = argv[++i];
  }
  return out;
}

function loopback(text, name) {
  const u = new URL(text);
  if (!LOOPBACK.has(u.hostname)) throw new Error(`--${name}: refusing host ${u.hostname} (loopback only)`);
  return u;
}

const a = args(process.argv.slice(2));
const cfg = {
  url: loopback(a.url, 'url').toString(),
  postUrl: loopback(a['post-url'], 'post-url'),
  jwt: a.jwt,
  clients: Number(a.clients ?? 19000),
  minutes: Number(a.minutes ?? 30),
  intervalMs: Number(a['interval-ms'] ?? 1000),
  batch: Number(a.batch ?? 250),
  headers: a.header,
  body: a.body,
  sampleCmd: a['sample-cmd'],
  sampleEveryMin: Number(a['sample-every-min'] ?? 5),
  firstSampleMin: Number(a['first-sample-min'] ?? 5),
  quiet: a.quiet === 'true',
};
if (!Number.isInteger(cfg.clients) || cfg.clients < 1 || cfg.clients > MAX_CLIENTS) {
  throw new Error(`--clients must be 1..${MAX_CLIENTS}`);
}
const log = (m) => cfg.quiet || process.stderr.write(`[hold ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ clients

class Client {
  constructor() {
    this.lastSeq = null; // baseline (snapshot / caughtUp) or last event
    this.events = 0;
    this.gaps = 0;
    this.dups = 0;
    this.open = false;
    this.closed = null;
  }
}

let start = null; // first post's time; delivery times go to the histogram of their minute
const minutes = [];
function bucketAt(now) {
  const idx = Math.floor((now - start) / 60000);
  while (minutes.length <= idx) minutes.push({ hist: new Uint32Array(60001), n: 0, over: 0 });
  return minutes[idx];
}

function onMessage(c, data) {
  const text = data.toString();
  let msg;
  try {
    msg = JSON.parse(text);
  } catch {
    return;
  }
  if (typeof msg.seq !== 'number') return;
  if (msg.type !== 'event') {
    if (c.lastSeq === null || msg.seq > c.lastSeq) c.lastSeq = msg.seq;
    return;
  }
  if (c.lastSeq !== null && msg.seq <= c.lastSeq) {
    c.dups++;
    return;
  }
  if (c.lastSeq !== null && msg.seq > c.lastSeq + 1) c.gaps += msg.seq - c.lastSeq - 1;
  c.lastSeq = msg.seq;
  c.events++;
  if (typeof msg.at === 'number' && start !== null) {
    const now = Date.now();
    const bucket = bucketAt(now);
    const ms = Math.max(0, now - msg.at);
    if (ms > 60000) bucket.over++;
    else bucket.hist[ms]++;
    bucket.n++;
  }
}

function connect(c) {
  return new Promise((resolve) => {
    const ws = new WebSocket(cfg.url, ['bearer-token-carrier', encodeURI(`quarkus-http-upgrade#Authorization#Bearer ${cfg.jwt}`)], {
      perMessageDeflate: false,
      handshakeTimeout: 30000,
    });
    c.ws = ws;
    ws.on('open', () => {
      c.open = true;
      ws.send('{"type":"resume","epoch":null,"after":0}');
      resolve(true);
    });
    ws.on('message', (d) => onMessage(c, d));
    ws.on('close', (code) => {
      c.open = false;
      c.closed = code;
      resolve(false);
    });
    ws.on('error', () => {});
  });
}

// ------------------------------------------------------------------ posts

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function post(i) {
  const body = cfg.body.replaceAll('{{i}}', String(i)).replaceAll('{{uuid}}', randomUUID());
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  for (const h of cfg.headers) {
    const at = h.indexOf(':');
    headers[h.slice(0, at).trim()] = h.slice(at + 1).trim().replaceAll('{{uuid}}', randomUUID()).replaceAll('{{i}}', String(i));
  }
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(cfg.postUrl, { method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
    });
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, error: e.message }));
    req.end(body);
  });
}

function sample(label) {
  if (!cfg.sampleCmd) return Promise.resolve(null);
  return new Promise((resolve) => {
    exec(cfg.sampleCmd, { encoding: 'utf8', timeout: 120000 }, (err, stdout) => {
      let s;
      try {
        if (err) throw err;
        s = JSON.parse(stdout);
      } catch (e) {
        s = { error: String(e.message ?? e) };
      }
      s.label = label;
      s.open = clients.filter((c) => c.open).length;
      log(`sample ${label}: ${JSON.stringify(s)}`);
      resolve(s);
    });
  });
}

function pct(h, n, p) {
  if (n === 0) return null;
  const want = Math.ceil(n * p);
  let acc = 0;
  for (let i = 0; i < h.length; i++) {
    acc += h[i];
    if (acc >= want) return i;
  }
  return '>60000';
}

// ------------------------------------------------------------------ run

const clients = Array.from({ length: cfg.clients }, () => new Client());
const samples = [];
samples.push(await sample('before'));

const t0 = Date.now();
for (let i = 0; i < clients.length; i += cfg.batch) {
  await Promise.all(clients.slice(i, i + cfg.batch).map(connect));
  if ((i / cfg.batch) % 20 === 0) log(`${Math.min(i + cfg.batch, clients.length)} connecting`);
}
// Every client has its baseline (snapshot, caughtUp) before posting starts.
for (let w = 0; w < 1200 && clients.some((c) => c.open && c.lastSeq === null); w++) await sleep(100);
const rampS = (Date.now() - t0) / 1000;
const opened = clients.filter((c) => c.open).length;
log(`${opened} open after ${rampS.toFixed(1)} s`);
samples.push(await sample('connected'));

const posts = { ok: 0, failed: 0, httpMs: [] };
const postsWanted = Math.round((cfg.minutes * 60000) / cfg.intervalMs);
start = Date.now();
// Samples at minute 5, 10, … (async: the clients keep reading while the JVM is inspected).
const pendingSamples = [];
for (let m = cfg.firstSampleMin; m < cfg.minutes; m += cfg.sampleEveryMin) {
  setTimeout(() => pendingSamples.push(sample(`min ${m}`)), m * 60000);
}
const minuteLog = setInterval(() => {
  const idx = Math.floor((Date.now() - start) / 60000) - 1;
  if (idx >= 0 && minutes[idx]) log(`minute ${idx}: ${JSON.stringify(summarise(idx))}, open ${clients.filter((c) => c.open).length}`);
}, 60000);
const inFlight = [];
for (let i = 0; i < postsWanted; i++) {
  const wait = start + i * cfg.intervalMs - Date.now();
  if (wait > 0) await sleep(wait);
  inFlight.push(
    post(i).then((r) => {
      if (r.status >= 200 && r.status < 300) posts.ok++;
      else {
        posts.failed++;
        if (posts.failed <= 5) log(`post ${i}: ${r.status} ${r.error ?? ''}`);
      }
      posts.httpMs.push(r.ms);
    }),
  );
}
await Promise.all(inFlight);
clearInterval(minuteLog);
// Drain: every open client has the newest event and nothing new came for 2 s, or 120 s pass (a
// server or client that fell behind gets the time to catch up; the per-minute delivery times
// show that it fell behind).
// (A post may log more than one event, and other features log events too: the head is the log's.)
const drainStart = Date.now();
let drainS = 0;
let head = null;
let stableSince = Date.now();
while (Date.now() - drainStart < 120000) {
  const h = Math.max(...clients.map((c) => c.lastSeq ?? -1));
  if (h !== head) stableSince = Date.now();
  head = h;
  if (clients.every((c) => !c.open || c.lastSeq === head) && Date.now() - stableSince >= 2000) break;
  await sleep(200);
}
drainS = (Date.now() - drainStart) / 1000;
samples.push(...(await Promise.all(pendingSamples)));
samples.push(await sample(`end (min ${cfg.minutes})`));
const perMinute = minutes.map((_, i) => summarise(i));

function summarise(idx) {
  const m = minutes[idx];
  return { minute: idx + 1, deliveries: m.n, p50: pct(m.hist, m.n, 0.5), p99: pct(m.hist, m.n, 0.99), max: pct(m.hist, m.n, 1), over60s: m.over };
}

const all = { hist: new Uint32Array(60001), n: 0 };
for (const m of minutes) {
  for (let i = 0; i < m.hist.length; i++) all.hist[i] += m.hist[i];
  all.n += m.n;
}
const stillOpen = clients.filter((c) => c.open);
const closedCodes = {};
for (const c of clients) if (!c.open && c.closed !== null) closedCodes[c.closed] = (closedCodes[c.closed] ?? 0) + 1;
// Each client should have every event from its baseline (snapshot) to the head, once.
const missing = clients.reduce((s, c) => s + Math.max(0, head - (c.lastSeq ?? head)), 0);
const eventsPerClient = clients.reduce((m, c) => ((m[c.events] = (m[c.events] ?? 0) + 1), m), {});
posts.httpMs.sort((x, y) => x - y);
const report = {
  clients: cfg.clients,
  opened,
  rampS,
  openAtEnd: stillOpen.length,
  closedCodes,
  minutes: cfg.minutes,
  posts: { wanted: postsWanted, ok: posts.ok, failed: posts.failed, httpP99Ms: Math.round(posts.httpMs[Math.floor(posts.httpMs.length * 0.99)] ?? 0) },
  headSeq: head,
  drainS,
  gaps: clients.reduce((s, c) => s + c.gaps, 0),
  duplicates: clients.reduce((s, c) => s + c.dups, 0),
  missing,
  clientsBehindHead: clients.filter((c) => c.lastSeq !== head).length,
  eventsPerClient,
  lastSeqs: clients.reduce((m, c) => ((m[c.lastSeq] = (m[c.lastSeq] ?? 0) + 1), m), {}),
  deliveries: all.n,
  deliveryMs: { p50: pct(all.hist, all.n, 0.5), p99: pct(all.hist, all.n, 0.99), max: pct(all.hist, all.n, 1) },
  perMinute,
  samples,
};
for (const c of clients) c.ws?.terminate();
console.log(JSON.stringify(report));
process.exit(0);
