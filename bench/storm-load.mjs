#!/usr/bin/env node
// Board phones under stress, loopback only (127.0.0.1 / localhost / ::1). Two modes:
//
//   --mode storm : N phones connect and resume; all drop at once; --missed posts are made while
//                  they are away; they reconnect spread over --spread-ms, each resuming from its
//                  last seq, while --storm-posts more posts go in. Per phone: reconnect → caught up
//                  (has every missed event once, in order). Posts during the storm: HTTP latency.
//   --mode slow  : N phones connect and resume; --slow-pct of them stop reading after catching up
//                  (socket paused: the TCP windows fill); one flooder sends --flood-rate messages a
//                  second (reconnecting after each cut-off); --posts posts at --interval-ms. Reading
//                  phones: commit → delivery from each event's commit stamp ("at").
//   --batched-catch-up true|false : resume with "batch": true, as the web client does (default
//                  true): missed events come as one "events" message; false: one message each.
//
// A phone checks every event: seq == last + 1, else a gap (seq > last + 1) or a duplicate
// (seq <= last). At the end a fresh connection's snapshot gives the log head, and every phone
// that should be current must be there. Prints a table, then one JSON line (tail -1).
// Exit 0 = correct (no gaps, no duplicates, everyone complete, expected close codes), 1 = not.

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
    i++;
  }
  return out;
}

function loopback(text, name) {
  const u = new URL(text);
  if (!LOOPBACK.has(u.hostname)) throw new Error(`--${name}: refusing host ${u.hostname}; loopback only`);
  return u.toString();
}

function stats(values) {
  const s = Float64Array.from(values).sort();
  const p = (q) => (s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : null);
  return { n: s.length, p50: round(p(0.5)), p90: round(p(0.9)), p99: round(p(0.99)), max: round(s.length ? s[s.length - 1] : null) };
}

// ---------------------------------------------------------------- POSTs from a worker thread

// POST latency must not include this thread being busy with thousands of sockets.
function runPostWorker() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  parentPort.on('message', ({ id, url, headers, body }) => {
    const sentAt = now();
    let connectedAt = null;
    const reply = (m) => parentPort.postMessage({ id, sentAt, doneAt: now(), reused: req.reusedSocket, connectMs: connectedAt === null ? null : connectedAt - sentAt, ...m });
    const req = http.request(url, { method: 'POST', headers, agent, timeout: 30000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => reply({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
    });
    req.on('socket', (so) => { if (so.connecting) so.once('connect', () => { connectedAt = now(); }); });
    req.on('timeout', () => req.destroy(new Error('POST timed out after 30 s')));
    req.on('error', (e) => reply({ status: null, text: e.message }));
    req.end(body);
  });
}

class Poster {
  constructor(cfg) {
    this.cfg = cfg;
    this.worker = new Worker(new URL(import.meta.url));
    this.pending = new Map();
    this.next = 0;
    this.results = [];
    this.worker.on('message', (m) => {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    });
  }

  post(i, tag) {
    const id = this.next++;
    const headers = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${this.cfg.poster}`,
      'Idempotency-Key': randomUUID(),
    };
    const body = JSON.stringify({
      kind: 'OFFER', category: 'ROOMS', title: `${tag} ${i}`, description: 'bench', town: 'Tczew',
    });
    return new Promise((resolve) => {
      this.pending.set(id, (m) => {
        const r = { tag, i, ms: m.doneAt - m.sentAt, status: m.status, ok: m.status >= 200 && m.status < 300, text: m.text, reused: m.reused, connectMs: m.connectMs };
        this.results.push(r);
        resolve(r);
      });
      this.worker.postMessage({ id, url: this.cfg.postUrl, headers, body });
    });
  }

  close() {
    this.worker.terminate();
  }
}

// ---------------------------------------------------------------- a phone

const EVENT_PREFIX = Buffer.from('{"type":"event","seq":');
const EVENTS_PREFIX = Buffer.from('{"type":"events","events":[');
const EVENT_IN_BATCH = /\{"type":"event","seq":(\d+),"at":(\d+)/g;

class Phone {
  constructor(id, cfg) {
    this.id = id;
    this.cfg = cfg;
    this.ws = null;
    this.epoch = null;
    this.last = null; // highest seq held
    this.gaps = 0;
    this.dups = 0;
    this.events = 0;
    this.caughtUpAt = null; // time of the last caughtUp message
    this.caughtUpSeq = null;
    this.closeCodes = [];
    this.errors = [];
    this.connects = 0;
    this.reconnectOnClose = false;
    this.onEvent = null; // (seq, at, t) hook
    this.paused = false;
  }

  connect() {
    this.connects++;
    this.caughtUpAt = null;
    this.firstAt = null;
    return new Promise((resolve) => {
      const ws = new WebSocket(this.cfg.url, this.cfg.subprotocols, {
        perMessageDeflate: false,
        handshakeTimeout: 30000,
        maxPayload: 256 * 1024 * 1024,
        skipUTF8Validation: true,
      });
      this.ws = ws;
      let opened = false;
      ws.on('open', () => {
        opened = true;
        this.openAt = now();
        // As the web client does: missed events may come as one "events" message.
        ws.send(JSON.stringify({ type: 'resume', epoch: this.epoch, after: this.last ?? 0, batch: this.cfg.batchedCatchUp }));
        resolve(true);
      });
      ws.on('message', (data) => this.onMessage(data, now()));
      ws.on('error', (e) => {
        this.errors.push(e.code || e.message);
        if (!opened) resolve(false);
      });
      ws.on('close', (code) => {
        if (!opened) resolve(false);
        if (this.ws !== ws) return; // an old socket we dropped on purpose
        this.closeCodes.push(code);
        this.ws = null;
        if (this.reconnectOnClose) setTimeout(() => this.reconnectOnClose && this.connect(), 250 + Math.random() * 750);
      });
    });
  }

  /** Drops the connection without a close handshake, like a phone losing Wi-Fi. */
  drop() {
    const ws = this.ws;
    this.ws = null;
    ws?.terminate();
  }

  onMessage(data, t) {
    if (this.firstAt === null) this.firstAt = t;
    // Events are most of the traffic: read seq and commit stamp from the fixed prefix, no parse.
    if (data.length > EVENT_PREFIX.length && data.compare(EVENT_PREFIX, 0, EVENT_PREFIX.length, 0, EVENT_PREFIX.length) === 0) {
      const head = data.toString('latin1', EVENT_PREFIX.length, Math.min(data.length, EVENT_PREFIX.length + 40));
      const m = /^(\d+),"at":(\d+)/.exec(head);
      if (!m) {
        this.errors.push('unreadable event');
        return;
      }
      this.event(Number(m[1]), Number(m[2]), t);
      return;
    }
    if (data.length > EVENTS_PREFIX.length && data.compare(EVENTS_PREFIX, 0, EVENTS_PREFIX.length, 0, EVENTS_PREFIX.length) === 0) {
      // A catch-up as one message: each element starts with the same fixed prefix as an event.
      // A payload cannot contain that text unescaped (quotes inside strings are escaped).
      for (const m of data.toString('latin1').matchAll(EVENT_IN_BATCH)) this.event(Number(m[1]), Number(m[2]), t);
      return;
    }
    let msg;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      this.errors.push('unparseable message');
      return;
    }
    if (msg.type === 'snapshot') {
      this.epoch = msg.epoch;
      this.last = msg.seq;
    } else if (msg.type === 'caughtUp') {
      if (this.last !== null && msg.seq !== this.last) this.errors.push(`caughtUp ${msg.seq} but holds ${this.last}`);
      this.caughtUpSeq = msg.seq;
      this.caughtUpAt = t;
      if (this.cfg.pauseOnCaughtUp && this.cfg.pauseOnCaughtUp(this)) {
        this.ws?._socket?.pause();
        this.paused = true;
      }
    } else if (msg.type === 'event') {
      this.event(msg.seq, msg.at, t);
    } else if (msg.type === 'error') {
      this.errors.push(msg.code);
    }
  }

  event(seq, at, t) {
    this.events++;
    if (this.last !== null && seq <= this.last) {
      this.dups++;
      return;
    }
    if (this.last !== null && seq !== this.last + 1) this.gaps += seq - this.last - 1;
    this.last = seq;
    this.onEvent?.(seq, at, t);
  }
}

async function openAll(phones, batch, log) {
  for (let i = 0; i < phones.length; i += batch) {
    await Promise.all(phones.slice(i, i + batch).map((p) => p.connect()));
    if ((i / batch) % 10 === 9) log(`  ${i + batch} connected`);
  }
}

async function until(cond, timeoutMs) {
  const end = now() + timeoutMs;
  while (now() < end) {
    if (cond()) return true;
    await sleep(50);
  }
  return cond();
}

/** The log head: a fresh connection's snapshot. */
async function head(cfg) {
  const p = new Phone(-1, cfg);
  await p.connect();
  const ok = await until(() => p.caughtUpAt !== null, 30000);
  p.drop();
  if (!ok) throw new Error('probe connection got no snapshot');
  return { seq: p.last, epoch: p.epoch };
}

/** CPU time (user + system) of a process in ms, from /proc/PID/stat. */
function procCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

function vmRssKiB(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return null;
  }
}

/** Live heap after a full GC (jcmd GC.run, then GC.heap_info), KiB; null without jcmd. */
function heapAfterGcKiB(pid) {
  try {
    execFileSync('jcmd', [String(pid), 'GC.run'], { timeout: 60000 });
    const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { timeout: 60000 }).toString();
    const m = /used (\d+)K/.exec(info);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- storm

async function storm(cfg, log) {
  const phones = Array.from({ length: cfg.clients }, (_, i) => new Phone(i, cfg));
  log(`opening ${cfg.clients} phones`);
  await openAll(phones, cfg.batch, log);
  if (!(await until(() => phones.every((p) => p.caughtUpAt !== null), 120000))) {
    throw new Error(`${phones.filter((p) => p.caughtUpAt === null).length} phones never caught up before the storm`);
  }
  const before = phones.map((p) => p.last);
  const base = Math.max(...before);
  log(`all ${cfg.clients} live at seq ${base}; dropping them all`);
  phones.forEach((p) => p.drop());
  await sleep(500);

  const poster = new Poster(cfg);
  log(`${cfg.missed} posts while the phones are away`);
  for (let i = 0; i < cfg.missed; i += 8) {
    const batch = await Promise.all(Array.from({ length: Math.min(8, cfg.missed - i) }, (_, k) => poster.post(i + k, 'Missed')));
    const bad = batch.find((r) => !r.ok);
    if (bad) throw new Error(`missed post failed: ${bad.status} ${bad.text}`);
  }
  const missedHead = (await head(cfg)).seq;
  if (missedHead < base + cfg.missed) throw new Error(`log head ${missedHead} < ${base} + ${cfg.missed}`);

  log(`reconnecting ${cfg.clients} phones over ${cfg.spreadMs} ms with ${cfg.stormPosts} posts meanwhile`);
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const t0 = now();
  const cpu0 = { server: cfg.pid ? procCpuMs(cfg.pid) : null, client: process.cpuUsage() };
  const reconnectAt = new Float64Array(cfg.clients);
  const stormPosts = [];
  for (let k = 0; k < cfg.stormPosts; k++) {
    setTimeout(() => stormPosts.push(poster.post(k, 'Storm')), (k * cfg.spreadMs) / cfg.stormPosts);
  }
  // Start each phone's reconnect at its slot (evenly spread, shuffled order).
  const order = phones.map((p) => p).sort(() => Math.random() - 0.5);
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(order.length, Math.floor(((now() - t0) / cfg.spreadMs) * order.length) + 1);
      while (next < due) {
        const p = order[next++];
        reconnectAt[p.id] = now();
        p.reconnectOnClose = true; // a phone closed 1013 while catching up comes back, as the web client does
        p.connect();
      }
      if (next >= order.length) resolve();
      else setTimeout(tick, 5);
    };
    tick();
  });
  // Caught up: live again (caughtUp) and holding every event up to the head after the missed posts.
  const caughtUp = new Float64Array(cfg.clients).fill(NaN);
  const opening = new Float64Array(cfg.clients).fill(NaN);
  const first = new Float64Array(cfg.clients).fill(NaN);
  const done = await until(() => {
    let all = true;
    for (const p of phones) {
      if (Number.isNaN(caughtUp[p.id])) {
        if (p.caughtUpAt !== null && p.last >= missedHead) {
          caughtUp[p.id] = p.caughtUpAt - reconnectAt[p.id];
          opening[p.id] = p.openAt - reconnectAt[p.id];
          first[p.id] = p.firstAt - reconnectAt[p.id];
        }
        else all = false;
      }
    }
    return all;
  }, cfg.catchUpTimeoutMs);
  const stormWallMs = now() - t0;
  const cpu = {
    wallMs: round(stormWallMs),
    serverMs: cfg.pid ? procCpuMs(cfg.pid) - cpu0.server : null,
    clientMs: round((() => { const c = process.cpuUsage(cpu0.client); return (c.user + c.system) / 1000; })()),
  };
  const stormResults = await Promise.all(stormPosts);
  eld.disable();
  log('checking every phone against the final log head');
  const final = await head(cfg);
  await until(() => phones.every((p) => p.last === final.seq), 15000);
  poster.close();

  const times = [...caughtUp].filter((x) => !Number.isNaN(x));
  const within = (ms) => times.filter((x) => x <= ms).length / cfg.clients;
  const bad = phones.filter((p) => p.gaps || p.dups || p.last !== final.seq || p.errors.some((e) => e !== 'ECONNRESET'));
  const missedPostHttp = stats(poster.results.filter((r) => r.tag === 'Missed').map((r) => r.ms));
  const summary = {
    mode: 'storm',
    clients: cfg.clients,
    missed: cfg.missed,
    spreadMs: cfg.spreadMs,
    baseSeq: base,
    missedHead,
    finalHead: final.seq,
    caughtUp: times.length,
    neverCaughtUp: cfg.clients - times.length,
    catchUpMs: stats(times),
    // The two parts: reconnect → socket open (handshake, token, access check), open → caughtUp.
    openMs: stats([...opening].filter((x) => !Number.isNaN(x))),
    firstMessageMs: stats([...first].filter((x) => !Number.isNaN(x))),
    openToCaughtUpMs: stats([...caughtUp].map((x, i) => x - opening[i]).filter((x) => !Number.isNaN(x))),
    caughtUpWithin10s: round(100 * within(10000)),
    caughtUpWithin30s: round(100 * within(30000)),
    stormPosts: cfg.stormPosts,
    stormPostDetail: stormResults.map((r) => [Math.round(r.ms), r.reused, r.connectMs === null ? null : Math.round(r.connectMs)]),
    stormPostsOk: stormResults.filter((r) => r.ok).length,
    stormPostMs: stats(stormResults.map((r) => r.ms)),
    missedPostMs: missedPostHttp,
    gaps: phones.reduce((a, p) => a + p.gaps, 0),
    duplicates: phones.reduce((a, p) => a + p.dups, 0),
    phonesNotAtHead: phones.filter((p) => p.last !== final.seq).length,
    reconnectsAfterClose: phones.reduce((a, p) => a + Math.max(0, p.connects - 2), 0),
    closeCodes: countCodes(phones),
    phoneErrors: countErrors(phones),
    clientEventLoopDelayMs: { p99: round(eld.percentile(99) / 1e6), max: round(eld.max / 1e6) },
    // CPU used from the first reconnect until every phone was caught up (100 % of one core = wallMs).
    cpuDuringStorm: cpu,
    serverRssKiB: cfg.pid ? vmRssKiB(cfg.pid) : null,
  };
  summary.correct = done && bad.length === 0 && summary.stormPostsOk === cfg.stormPosts;
  summary.targets = {
    caughtUp99In10s: summary.caughtUpWithin10s >= 99,
    caughtUpAllIn30s: summary.caughtUpWithin30s >= 100,
    stormPostsP99Within300ms: summary.stormPostMs.p99 !== null && summary.stormPostMs.p99 <= 300,
  };
  phones.forEach((p) => {
    p.reconnectOnClose = false;
    p.drop();
  });
  return summary;
}

function countCodes(phones) {
  const c = {};
  for (const p of phones) for (const code of p.closeCodes) c[code] = (c[code] ?? 0) + 1;
  return c;
}

function countErrors(phones) {
  const c = {};
  for (const p of phones) for (const e of p.errors) c[e] = (c[e] ?? 0) + 1;
  return c;
}

// ---------------------------------------------------------------- slow readers and a flooder

async function slow(cfg, log) {
  // SLOW_PCT=0 FLOOD_RATE=0: the same run without slow readers or flooder, for comparison.
  const everyNth = cfg.slowPct > 0 ? Math.round(100 / cfg.slowPct) : 0;
  const isSlow = (p) => everyNth > 0 && p.id % everyNth === everyNth - 1;
  cfg.pauseOnCaughtUp = isSlow;
  const phones = Array.from({ length: cfg.clients }, (_, i) => new Phone(i, cfg));
  const delays = [];
  const postStart = { t: Infinity };
  for (const p of phones) {
    if (!isSlow(p)) p.onEvent = (seq, at, t) => t >= postStart.t && delays.push(Math.max(0, t - at));
  }
  log(`opening ${cfg.clients} phones, ${phones.filter(isSlow).length} of them stop reading once caught up`);
  await openAll(phones, cfg.batch, log);
  if (!(await until(() => phones.every((p) => p.caughtUpAt !== null), 120000))) {
    throw new Error(`${phones.filter((p) => p.caughtUpAt === null).length} phones never caught up`);
  }
  const start = await head(cfg);
  const heapBefore = cfg.pid ? heapAfterGcKiB(cfg.pid) : null;
  const rssBefore = cfg.pid ? vmRssKiB(cfg.pid) : null;

  // The flooder: a phone that sends --flood-rate messages a second; cut off, it comes back.
  const flooder = new Phone(-2, { ...cfg, pauseOnCaughtUp: null });
  flooder.reconnectOnClose = true;
  await flooder.connect();
  let flooded = 0;
  const flood = setInterval(() => {
    const n = cfg.floodRate / 100;
    for (let i = 0; i < n; i++) {
      if (flooder.ws?.readyState === WebSocket.OPEN) {
        flooder.ws.send('{"type":"ping"}');
        flooded++;
      }
    }
  }, 10);

  const poster = new Poster(cfg);
  log(`${cfg.posts} posts every ${cfg.intervalMs} ms; flooding at ${cfg.floodRate}/s`);
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  postStart.t = now();
  const posts = [];
  for (let k = 0; k < cfg.posts; k++) {
    const wait = postStart.t + k * cfg.intervalMs - now();
    if (wait > 0) await sleep(wait);
    posts.push(poster.post(k, 'Steady'));
  }
  const results = await Promise.all(posts);
  clearInterval(flood);
  flooder.reconnectOnClose = false;
  const final = await head(cfg);
  const readers = phones.filter((p) => !isSlow(p));
  await until(() => readers.every((p) => p.last === final.seq), cfg.drainMs);
  eld.disable();
  const rssEnd = cfg.pid ? vmRssKiB(cfg.pid) : null;
  // Still connected: the slow readers' unsent messages, if the server kept any, are in here.
  const heapEnd = cfg.pid ? heapAfterGcKiB(cfg.pid) : null;

  const slowPhones = phones.filter(isSlow);
  // A never-reading phone's close frame sits behind what it did not read: read it all now.
  slowPhones.forEach((p) => p.ws?._socket?.resume());
  await until(() => slowPhones.every((p) => p.closeCodes.length > 0 || p.last === final.seq), 15000);
  const slowClosed1013 = slowPhones.filter((p) => p.closeCodes[0] === 1013).length;
  const summary = {
    mode: 'slow',
    clients: cfg.clients,
    slowReaders: slowPhones.length,
    posts: cfg.posts,
    postsOk: results.filter((r) => r.ok).length,
    intervalMs: cfg.intervalMs,
    startHead: start.seq,
    finalHead: final.seq,
    readers: readers.length,
    readerDeliveries: delays.length,
    readerCommitToDeliveryMs: stats(delays),
    postMs: stats(results.map((r) => r.ms)),
    readerGaps: readers.reduce((a, p) => a + p.gaps, 0),
    readerDuplicates: readers.reduce((a, p) => a + p.dups, 0),
    readersNotAtHead: readers.filter((p) => p.last !== final.seq).length,
    readerCloseCodes: countCodes(readers),
    slowClosed1013,
    slowCloseCodes: countCodes(slowPhones),
    slowStillOpenAtHead: slowPhones.filter((p) => p.closeCodes.length === 0 && p.last === final.seq).length,
    slowGaps: slowPhones.reduce((a, p) => a + p.gaps, 0),
    slowDuplicates: slowPhones.reduce((a, p) => a + p.dups, 0),
    flooderSent: flooded,
    flooderConnects: flooder.connects,
    flooderCloseCodes: countCodes([flooder]),
    flooderErrors: countErrors([flooder]),
    serverRssKiB: { beforePosts: rssBefore, end: rssEnd },
    serverHeapAfterGcKiB: { beforePosts: heapBefore, end: heapEnd },
    clientEventLoopDelayMs: { p99: round(eld.percentile(99) / 1e6), max: round(eld.max / 1e6) },
  };
  const flooderOk =
    cfg.floodRate === 0 ||
    flooder.closeCodes.length > 0 && flooder.closeCodes.every((c) => c === 1008) &&
    (flooder.errors.filter((e) => e === 'TOO_MANY_MESSAGES').length === flooder.closeCodes.length);
  // Every slow reader is either cut off with 1013 (it resumes later) or, if the run was too short
  // to fill its windows and the server's queue, still correct: never a gap or a duplicate.
  const slowOk =
    slowPhones.every((p) => (p.closeCodes.length === 0 && p.last === final.seq) || p.closeCodes[0] === 1013) &&
    summary.slowGaps === 0 && summary.slowDuplicates === 0;
  summary.correct =
    summary.postsOk === cfg.posts && summary.readerGaps === 0 && summary.readerDuplicates === 0 &&
    summary.readersNotAtHead === 0 && Object.keys(summary.readerCloseCodes).length === 0 && flooderOk && slowOk &&
    (!cfg.requireSlowCutOff || slowClosed1013 === slowPhones.length);
  summary.checks = { flooderOk, slowOk, requireSlowCutOff: cfg.requireSlowCutOff };
  phones.forEach((p) => p.drop());
  flooder.drop();
  poster.close();
  return summary;
}

// ---------------------------------------------------------------- main

async function main() {
  const a = args(process.argv.slice(2));
  const cfg = {
    mode: a.mode ?? 'storm',
    url: loopback(a.url ?? 'ws://127.0.0.1:8080/ws/fairs/1/board', 'url'),
    postUrl: loopback(a['post-url'] ?? 'http://127.0.0.1:8080/api/fairs/1/posts', 'post-url'),
    poster: a.poster,
    clients: Number(a.clients ?? 1000),
    batch: Number(a.batch ?? 250),
    batchedCatchUp: (a['batched-catch-up'] ?? 'true') === 'true',
    missed: Number(a.missed ?? 200),
    spreadMs: Number(a['spread-ms'] ?? 5000),
    stormPosts: Number(a['storm-posts'] ?? 20),
    catchUpTimeoutMs: Number(a['catch-up-timeout-ms'] ?? 60000),
    slowPct: Number(a['slow-pct'] ?? 5),
    floodRate: Number(a['flood-rate'] ?? 1000),
    posts: Number(a.posts ?? 60),
    intervalMs: Number(a['interval-ms'] ?? 1000),
    drainMs: Number(a['drain-ms'] ?? 15000),
    requireSlowCutOff: a['require-slow-cut-off'] === 'true',
    pid: a.pid ? Number(a.pid) : null,
    timeoutS: Number(a['timeout-s'] ?? 600),
  };
  if (!cfg.poster) throw new Error('--poster TOKEN is required');
  if (!(cfg.clients >= 1 && cfg.clients <= 20000)) throw new Error('--clients must be 1..20000');
  cfg.subprotocols = ['bearer-token-carrier', encodeURI('quarkus-http-upgrade#Authorization#Bearer ' + a.jwt)];
  const t0 = now();
  const log = (m) => console.error(`[${((now() - t0) / 1000).toFixed(1)}s] ${m}`);
  setTimeout(() => {
    console.error(`deadline of ${cfg.timeoutS} s reached`);
    console.log(JSON.stringify({ mode: cfg.mode, correct: false, timedOut: true }));
    process.exit(1);
  }, cfg.timeoutS * 1000).unref();
  const summary = cfg.mode === 'storm' ? await storm(cfg, log) : await slow(cfg, log);
  summary.elapsedS = round((now() - t0) / 1000);
  console.log(JSON.stringify(summary, null, 1).replace(/\n\s*/g, ' '));
  console.log(JSON.stringify(summary));
  setTimeout(() => process.exit(summary.correct ? 0 : 1), 200);
}

if (isMainThread) {
  main().catch((e) => {
    console.error('storm-load failed:', e);
    process.exit(2);
  });
} else {
  runPostWorker();
}
