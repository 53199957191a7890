#!/usr/bin/env node
// Load client for the live boards: opens N WebSocket connections on the loopback interface,
// triggers M posts over HTTP and measures, for every client, the time from the POST response
// (the commit) to the delivery of the matching event. See bench/README.md.
//
// Node 20+, one dependency: ws. Loopback only: any host other than 127.0.0.1 / localhost / ::1
// is refused. Exits by itself within --timeout-s.

import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import WebSocket from 'ws';

const LIMITS = { clients: 20000, posts: 10000, timeoutS: 1800, minIntervalMs: 10 };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const HELP = `Usage: node board-load.mjs [options]

Connections
  --url URL              WebSocket URL (default ws://127.0.0.1:8099/ws)
  --clients N            connections to open (default 1000, max ${LIMITS.clients})
  --batch N              connections opened per ramp step (default 250)
  --batch-pause-ms MS    pause between ramp steps (default 20)
  --handshake-timeout-ms MS  per-connection handshake timeout (default 15000)
  --subprotocol P        offer a subprotocol (repeatable, in order)
  --jwt TOKEN            shorthand for the app's auth: subprotocols
                         ["bearer-token-carrier", encodeURI("quarkus-http-upgrade#Authorization#Bearer " + TOKEN)]
  --jwt-file FILE        same, token read from a file
  --first-message JSON   text sent by every client once open, e.g. '{"type":"resume","epoch":null,"after":0}'
  --settle-ms MS         after all are open: wait up to MS for every client's first message when
                         --first-message is given, else wait exactly MS (default 3000 / 500)

Posts
  --post-url URL         URL to POST (default http://127.0.0.1:8099/post)
  --posts M              posts to trigger (default 20)
  --interval-ms MS       spacing between posts (default 500)
  --header 'K: V'        request header (repeatable); {{uuid}} and {{i}} are replaced per post,
                         e.g. --header 'Idempotency-Key: {{uuid}}' --header 'Authorization: Bearer ...'
  --body JSON            request body (Content-Type application/json unless given); {{i}}, {{uuid}} replaced
  --body-file FILE       same, read from a file
  --match MODE           seq   : event seq from the POST response (--seq-field), else by order
                         order : post k (0-based) is the event with seq base+k+1, where base is the
                                 highest seq any client had seen (snapshot) before the first post
                         (default seq)
  --seq-field PATH       JSON path of the seq in the POST response (default seq; e.g. event.seq)
  --base-seq N           base for order matching instead of the observed one
  --drain-ms MS          after the last post response, wait up to MS for missing deliveries (default 5000)

Reporting and bounds
  --pid PID              server PID: VmRSS from /proc/PID/status before and after connecting
  --csv FILE             write per-client stats to FILE
  --timeout-s S          hard deadline for the whole run (default 300, max ${LIMITS.timeoutS})
  --quiet                no progress lines
`;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const multi = new Set(['header', 'subprotocol']);
  const flags = new Set(['quiet', 'help']);
  const out = { header: [], subprotocol: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    a = a.slice(2);
    let value;
    const eq = a.indexOf('=');
    if (eq >= 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    } else if (flags.has(a)) {
      value = true;
    } else {
      if (i + 1 >= argv.length) throw new Error(`--${a} needs a value`);
      value = argv[++i];
    }
    if (multi.has(a)) out[a].push(value);
    else out[a] = value;
  }
  return out;
}

function int(v, name, min, max) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be an integer in [${min}, ${max}], got ${v}`);
  }
  return n;
}

function requireLoopback(urlText, protocols, name) {
  let u;
  try {
    u = new URL(urlText);
  } catch {
    throw new Error(`--${name} is not a URL: ${urlText}`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new Error(`--${name} must use ${protocols.join(' or ')}: ${urlText}`);
  }
  if (!LOOPBACK.has(u.hostname)) {
    throw new Error(`--${name}: refusing host "${u.hostname}"; this tool only talks to 127.0.0.1 / localhost`);
  }
  return u;
}

function buildConfig(argv) {
  const a = parseArgs(argv);
  if (a.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const known = new Set([
    'url', 'clients', 'batch', 'batch-pause-ms', 'handshake-timeout-ms', 'subprotocol', 'jwt',
    'jwt-file', 'first-message', 'settle-ms', 'post-url', 'posts', 'interval-ms', 'header', 'body',
    'body-file', 'match', 'seq-field', 'base-seq', 'drain-ms', 'pid', 'csv', 'timeout-s', 'quiet', 'help',
  ]);
  for (const k of Object.keys(a)) if (!known.has(k)) throw new Error(`unknown option --${k}`);

  const c = {};
  c.url = requireLoopback(a.url ?? 'ws://127.0.0.1:8099/ws', ['ws:'], 'url').toString();
  c.postUrl = requireLoopback(a['post-url'] ?? 'http://127.0.0.1:8099/post', ['http:'], 'post-url').toString();
  c.clients = int(a.clients ?? 1000, 'clients', 1, LIMITS.clients);
  c.batch = int(a.batch ?? 250, 'batch', 1, LIMITS.clients);
  c.batchPauseMs = int(a['batch-pause-ms'] ?? 20, 'batch-pause-ms', 0, 60000);
  c.handshakeTimeoutMs = int(a['handshake-timeout-ms'] ?? 15000, 'handshake-timeout-ms', 100, 120000);
  c.posts = int(a.posts ?? 20, 'posts', 0, LIMITS.posts);
  c.intervalMs = int(a['interval-ms'] ?? 500, 'interval-ms', LIMITS.minIntervalMs, 600000);
  c.drainMs = int(a['drain-ms'] ?? 5000, 'drain-ms', 0, 600000);
  c.timeoutS = int(a['timeout-s'] ?? 300, 'timeout-s', 1, LIMITS.timeoutS);
  c.quiet = Boolean(a.quiet);
  c.match = a.match ?? 'seq';
  if (!['seq', 'order'].includes(c.match)) throw new Error('--match must be seq or order');
  c.seqField = (a['seq-field'] ?? 'seq').split('.');
  c.baseSeq = a['base-seq'] === undefined ? null : int(a['base-seq'], 'base-seq', 0, Number.MAX_SAFE_INTEGER);
  c.pid = a.pid === undefined ? null : int(a.pid, 'pid', 1, 2 ** 31);
  c.csv = a.csv ?? null;

  let jwt = a.jwt ?? null;
  if (a['jwt-file']) jwt = readFileSync(a['jwt-file'], 'utf8').trim();
  c.subprotocols = [...a.subprotocol];
  if (jwt) {
    c.subprotocols = ['bearer-token-carrier', encodeURI('quarkus-http-upgrade#Authorization#Bearer ' + jwt)];
  }

  c.firstMessage = null;
  if (a['first-message'] !== undefined) {
    JSON.parse(a['first-message']); // must be JSON
    c.firstMessage = a['first-message'];
  }
  c.settleMs = int(a['settle-ms'] ?? (c.firstMessage ? 3000 : 500), 'settle-ms', 0, 600000);

  c.headers = [];
  for (const h of a.header) {
    const i = h.indexOf(':');
    if (i <= 0) throw new Error(`--header must be "Name: value", got ${h}`);
    c.headers.push([h.slice(0, i).trim(), h.slice(i + 1).trim()]);
  }
  c.body = a['body-file'] ? readFileSync(a['body-file'], 'utf8') : a.body ?? null;
  if (c.body !== null && !c.headers.some(([k]) => k.toLowerCase() === 'content-type')) {
    c.headers.push(['Content-Type', 'application/json']);
  }
  return c;
}

// ---------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Absolute milliseconds, comparable between the main thread and the POST worker thread.
const now = () => performance.timeOrigin + performance.now();
const started = now();

function vmRssKiB(pid) {
  if (pid === null) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a process in ms, from /proc/PID/stat. */
function procCpuMs(pid) {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, USER_HZ = 100
  } catch {
    return null;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function stats(values) {
  const s = Float64Array.from(values).sort();
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p90: round(percentile(s, 90)),
    p99: round(percentile(s, 99)),
    max: round(s.length ? s[s.length - 1] : null),
  };
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

function template(text, i) {
  return text.replaceAll('{{uuid}}', randomUUID()).replaceAll('{{i}}', String(i));
}

function pick(obj, path) {
  let v = obj;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k];
  }
  return v;
}

function log(cfg, ...args) {
  if (!cfg.quiet) console.error(`[${((now() - started) / 1000).toFixed(1)}s]`, ...args);
}

// ---------------------------------------------------------------- clients

class Client {
  constructor(id) {
    this.id = id;
    this.ws = null;
    this.state = 'new'; // new | open | failed | closed
    this.failure = null;
    this.openedAt = null;
    this.firstMessageAt = null;
    this.lastSeq = null; // highest seq applied so far
    this.arrivals = new Map(); // event seq -> arrival time (first delivery only)
    this.messages = 0;
    this.events = 0;
    this.eventBytes = 0;
    this.sinceStamp = new Map(); // event seq -> arrival minus the server's timestamp in the message
    this.gaps = 0; // events skipped over (seq > last + 1)
    this.duplicates = 0; // events delivered again
    this.outOfOrder = 0; // events older than last that were never seen
    this.parseErrors = 0;
    this.closedAfterOpen = false;
  }

  onMessage(data, t) {
    this.messages++;
    if (this.firstMessageAt === null) this.firstMessageAt = t;
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      this.parseErrors++;
      return;
    }
    if (msg === null || typeof msg !== 'object' || typeof msg.seq !== 'number') return;
    const seq = msg.seq;
    if (msg.type !== undefined && msg.type !== 'event') {
      // snapshot / caughtUp: a new baseline, not an event
      if (this.lastSeq === null || seq > this.lastSeq) this.lastSeq = seq;
      return;
    }
    this.events++;
    this.eventBytes += Buffer.byteLength(data);
    if (this.arrivals.has(seq)) {
      this.duplicates++;
      return;
    }
    this.arrivals.set(seq, t);
    // The server's own timestamp of the change: the app's commit time ("at"), the baseline's
    // broadcast time ("t"); same machine, same clock.
    const stamp = typeof msg.at === 'number' ? msg.at : typeof msg.t === 'number' ? msg.t : null;
    if (stamp !== null) this.sinceStamp.set(seq, t - stamp);
    if (this.lastSeq === null) {
      this.lastSeq = seq;
    } else if (seq > this.lastSeq) {
      if (seq > this.lastSeq + 1) this.gaps += seq - this.lastSeq - 1;
      this.lastSeq = seq;
    } else {
      this.outOfOrder++;
    }
  }
}

function connect(cfg, client) {
  return new Promise((resolve) => {
    let settled = false;
    const done = () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    };
    let ws;
    try {
      ws = new WebSocket(cfg.url, cfg.subprotocols.length ? cfg.subprotocols : undefined, {
        perMessageDeflate: false,
        handshakeTimeout: cfg.handshakeTimeoutMs,
        maxPayload: 256 * 1024 * 1024,
        skipUTF8Validation: true,
      });
    } catch (e) {
      client.state = 'failed';
      client.failure = `create: ${e.message}`;
      done();
      return;
    }
    client.ws = ws;
    ws.on('open', () => {
      client.state = 'open';
      client.openedAt = now();
      if (cfg.firstMessage !== null) ws.send(cfg.firstMessage);
      done();
    });
    ws.on('message', (data, isBinary) => client.onMessage(isBinary ? data : data.toString(), now()));
    ws.on('unexpected-response', (req, res) => {
      client.state = 'failed';
      client.failure = `HTTP ${res.statusCode}`;
      req.destroy();
      done();
    });
    ws.on('error', (e) => {
      if (client.state !== 'open') {
        client.state = 'failed';
        client.failure = client.failure ?? (e.code || e.message);
      }
      done();
    });
    ws.on('close', () => {
      if (client.state === 'open') {
        client.state = 'closed';
        client.closedAfterOpen = true;
      } else if (client.state === 'new') {
        client.state = 'failed';
        client.failure = client.failure ?? 'closed during handshake';
      }
      done();
    });
  });
}

// ---------------------------------------------------------------- run

async function run(cfg) {
  const t0 = now();
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const report = { config: summaryConfig(cfg) };
  const clients = Array.from({ length: cfg.clients }, (_, i) => new Client(i));
  let finished = false;

  // Hard deadline: report what we have and leave.
  const deadline = setTimeout(() => {
    if (finished) return;
    console.error(`deadline of ${cfg.timeoutS}s reached, reporting partial results`);
    report.timedOut = true;
    finish(cfg, report, clients, posts, eld, t0, rss, 3);
  }, cfg.timeoutS * 1000);

  const rss = { serverBeforeKiB: vmRssKiB(cfg.pid) };
  const posts = [];
  // POSTs go out from a worker thread, so their response times are not delayed by this thread
  // being busy with thousands of WebSocket messages.
  const poster = new PostWorker();

  // 1. Ramp up in batches.
  log(cfg, `opening ${cfg.clients} connections to ${cfg.url} in batches of ${cfg.batch}`);
  const rampStart = now();
  for (let i = 0; i < clients.length; i += cfg.batch) {
    await Promise.all(clients.slice(i, i + cfg.batch).map((c) => connect(cfg, c)));
    const open = clients.filter((c) => c.state === 'open').length;
    const failed = clients.filter((c) => c.state === 'failed').length;
    if ((i / cfg.batch) % 8 === 7 || i + cfg.batch >= clients.length) {
      log(cfg, `  ${Math.min(i + cfg.batch, clients.length)} attempted, ${open} open, ${failed} failed`);
    }
    if (cfg.batchPauseMs > 0) await sleep(cfg.batchPauseMs);
  }
  report.rampMs = round(now() - rampStart);

  // 2. Settle: first messages (snapshots) in, server memory after connecting.
  const settleStart = now();
  if (cfg.firstMessage !== null) {
    while (now() - settleStart < cfg.settleMs) {
      const waiting = clients.filter((c) => c.state === 'open' && c.firstMessageAt === null).length;
      if (waiting === 0) break;
      await sleep(50);
    }
  } else {
    await sleep(cfg.settleMs);
  }
  report.settleMs = round(now() - settleStart);
  rss.serverAfterConnectKiB = vmRssKiB(cfg.pid);
  rss.clientAfterConnectKiB = Math.round(process.memoryUsage().rss / 1024);

  // Base for order matching: the highest seq any client has seen (its snapshot), unless given.
  let base = cfg.baseSeq;
  let baseFrom = 'option';
  if (base === null) {
    for (const c of clients) if (c.lastSeq !== null && (base === null || c.lastSeq > base)) base = c.lastSeq;
    baseFrom = 'snapshot';
  }
  const openBeforePosts = clients.filter((c) => c.state === 'open').length;
  log(cfg, `${openBeforePosts} open, base seq ${base ?? '?'}; triggering ${cfg.posts} posts every ${cfg.intervalMs} ms`);

  // 3. Posts, spaced by the interval (not waiting for each other).
  if (openBeforePosts === 0) {
    console.error('no connection is open: not posting');
    cfg.posts = 0;
  }
  const postStart = now();
  const cpuStart = { client: process.cpuUsage(), server: procCpuMs(cfg.pid) };
  eld.reset(); // report the client's event-loop delay during the measurement only
  const inflight = [];
  for (let k = 0; k < cfg.posts; k++) {
    const due = postStart + k * cfg.intervalMs;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    inflight.push(doPost(cfg, k, posts, poster));
  }
  await Promise.all(inflight);
  poster.close();

  // No snapshot and no --base-seq: the first event that arrives after the first POST went out
  // belongs to it (each POST produces exactly one event).
  const allHaveSeq = cfg.match === 'seq' && posts.every((p) => Number.isFinite(p.responseSeq));
  if (base === null && !allHaveSeq) {
    await sleep(Math.min(cfg.drainMs, 1000));
    let first = null;
    for (const c of clients) {
      for (const [seq, at] of c.arrivals) if (at >= postStart && (first === null || seq < first)) first = seq;
    }
    base = first === null ? 0 : first - 1;
    baseFrom = 'first event after the first post';
  }
  report.baseSeq = base;
  report.baseSeqFrom = allHaveSeq ? 'unused: seq from the POST response' : baseFrom;

  // Expected seq per post.
  for (const p of posts) {
    p.expectedSeq = cfg.match === 'seq' && Number.isFinite(p.responseSeq) ? p.responseSeq : base + p.index + 1;
  }
  report.matchedBy = allHaveSeq ? 'seq' : 'order';

  // 4. Drain: wait until every open client has every expected event, or the drain time is up.
  const drainStart = now();
  const okPosts = posts.filter((p) => p.ok);
  while (now() - drainStart < cfg.drainMs) {
    const missing = clients.some(
      (c) => c.state === 'open' && okPosts.some((p) => !c.arrivals.has(p.expectedSeq)),
    );
    if (!missing) break;
    await sleep(50);
  }
  report.drainMs = round(now() - drainStart);
  const wall = now() - postStart;
  const clientCpu = process.cpuUsage(cpuStart.client);
  const serverCpu = procCpuMs(cfg.pid);
  report.cpuDuringPosts = {
    wallMs: round(wall),
    clientPct: round((100 * (clientCpu.user + clientCpu.system)) / 1000 / wall),
    serverPct: serverCpu === null || cpuStart.server === null ? null : round((100 * (serverCpu - cpuStart.server)) / wall),
  };
  rss.serverEndKiB = vmRssKiB(cfg.pid);

  clearTimeout(deadline);
  finish(cfg, report, clients, posts, eld, t0, rss, null);
}

async function doPost(cfg, k, posts, poster) {
  const p = { index: k, ok: false, status: null, sentAt: now(), responseAt: null, responseSeq: null, error: null };
  posts.push(p);
  const headers = {};
  for (const [name, value] of cfg.headers) headers[name] = template(value, k);
  const r = await poster.post(cfg.postUrl, headers, cfg.body === null ? null : template(cfg.body, k));
  p.sentAt = r.sentAt ?? p.sentAt;
  p.responseAt = r.responseAt; // the commit, as seen by the client
  p.status = r.status;
  p.ok = r.status !== null && r.status >= 200 && r.status < 300;
  if (r.text !== null) {
    try {
      const seq = pick(JSON.parse(r.text), cfg.seqField);
      if (typeof seq === 'number') p.responseSeq = seq;
    } catch {
      // not JSON: match by order
    }
  }
  if (!p.ok) p.error = r.error ?? (r.text ?? '').slice(0, 200);
  return p;
}

/** Main-thread side of the POST worker. */
class PostWorker {
  constructor() {
    this.worker = new Worker(new URL(import.meta.url));
    this.pending = new Map();
    this.next = 0;
    this.worker.on('message', (m) => {
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      resolve?.(m);
    });
    this.worker.on('error', (e) => {
      for (const resolve of this.pending.values()) {
        resolve({ sentAt: null, responseAt: null, status: null, text: null, error: `worker: ${e.message}` });
      }
      this.pending.clear();
    });
  }

  post(url, headers, body) {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, url, headers, body });
    });
  }

  close() {
    this.worker.terminate();
  }
}

/** Worker thread: performs POSTs with node:http on a keep-alive agent and time-stamps them. */
function runPostWorker() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  parentPort.on('message', ({ id, url, headers, body }) => {
    const sentAt = now();
    const reply = (m) => parentPort.postMessage({ id, sentAt, ...m });
    const req = http.request(url, { method: 'POST', headers, agent, timeout: 30000 }, (res) => {
      const responseAt = now();
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        reply({ responseAt, status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), error: null }),
      );
      res.on('error', (e) => reply({ responseAt, status: res.statusCode, text: null, error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('POST timed out after 30 s')));
    req.on('error', (e) => reply({ responseAt: null, status: null, text: null, error: e.message }));
    if (body !== null) req.end(body);
    else req.end();
  });
}

function summaryConfig(cfg) {
  return {
    url: cfg.url,
    postUrl: cfg.postUrl,
    clients: cfg.clients,
    posts: cfg.posts,
    intervalMs: cfg.intervalMs,
    batch: cfg.batch,
    subprotocols: cfg.subprotocols.length,
    firstMessage: cfg.firstMessage !== null,
    match: cfg.match,
  };
}

function finish(cfg, report, clients, posts, eld, t0, rss, exitCode) {
  eld.disable();
  const okPosts = posts.filter((p) => p.ok && p.responseAt !== null);
  for (const p of okPosts) {
    if (p.expectedSeq === undefined) p.expectedSeq = p.responseSeq ?? (report.baseSeq ?? 0) + p.index + 1;
  }
  const everOpen = clients.filter((c) => c.openedAt !== null);

  // Latency of every delivery, relative to its post's response.
  const all = [];
  const allFromSend = [];
  const allFromStamp = [];
  let early = 0;
  let missing = 0;
  const perPost = [];
  for (const p of okPosts) {
    const lat = [];
    for (const c of everOpen) {
      const at = c.arrivals.get(p.expectedSeq);
      if (at === undefined) {
        missing++;
        continue;
      }
      allFromSend.push(at - p.sentAt);
      const sinceStamp = c.sinceStamp.get(p.expectedSeq);
      if (sinceStamp !== undefined) allFromStamp.push(Math.max(0, sinceStamp));
      let d = at - p.responseAt;
      if (d < 0) {
        early++; // delivered before the client saw the POST response
        d = 0;
      }
      lat.push(d);
      all.push(d);
    }
    const s = stats(lat);
    perPost.push({
      i: p.index,
      seq: p.expectedSeq,
      httpMs: round(p.responseAt - p.sentAt),
      delivered: lat.length,
      p50: s.p50,
      p99: s.p99,
      max: s.max,
    });
  }
  const perClientP99 = [];
  const perClientMissing = [];
  for (const c of everOpen) {
    const lat = [];
    let miss = 0;
    for (const p of okPosts) {
      const at = c.arrivals.get(p.expectedSeq);
      if (at === undefined) miss++;
      else lat.push(Math.max(0, at - p.responseAt));
    }
    c.missing = miss;
    c.p99 = stats(lat).p99;
    if (c.p99 !== null) perClientP99.push(c.p99);
    perClientMissing.push(miss);
  }

  const failures = {};
  for (const c of clients) {
    if (c.state === 'failed' || (c.openedAt === null && c.state !== 'open')) {
      const key = c.failure ?? 'not attempted';
      failures[key] = (failures[key] ?? 0) + 1;
    }
  }
  const lat = stats(all);
  const sum = (f) => clients.reduce((a, c) => a + f(c), 0);
  const count = (f) => clients.reduce((a, c) => a + (f(c) ? 1 : 0), 0);
  const connected = everOpen.length;
  const perConnKiB =
    rss.serverBeforeKiB !== null && rss.serverAfterConnectKiB !== null && connected > 0
      ? round((rss.serverAfterConnectKiB - rss.serverBeforeKiB) / connected)
      : null;

  const summary = {
    ok: exitCode === null && missing === 0 && connected === cfg.clients && okPosts.length === cfg.posts,
    ...report,
    clients: cfg.clients,
    connected,
    connectFailures: cfg.clients - connected,
    failureReasons: failures,
    closedDuringRun: count((c) => c.closedAfterOpen),
    posts: cfg.posts,
    postsOk: okPosts.length,
    postErrors: posts.filter((p) => !p.ok).map((p) => ({ i: p.index, status: p.status, error: p.error })),
    deliveriesExpected: okPosts.length * connected,
    deliveries: lat.n,
    missingDeliveries: missing,
    deliveredBeforeResponse: early,
    latencyMs: { p50: lat.p50, p90: lat.p90, p99: lat.p99, max: lat.max },
    fromRequestSentMs: (({ n, ...rest }) => rest)(stats(allFromSend)),
    // From the server's timestamp in the message (commit / broadcast) to arrival: the fairest
    // comparison, as neither server's HTTP response timing enters it.
    fromServerStampMs: stats(allFromStamp),
    clientP99Ms: stats(perClientP99),
    gaps: { total: sum((c) => c.gaps), clients: count((c) => c.gaps > 0) },
    duplicates: { total: sum((c) => c.duplicates), clients: count((c) => c.duplicates > 0) },
    outOfOrder: { total: sum((c) => c.outOfOrder), clients: count((c) => c.outOfOrder > 0) },
    clientsMissingEvents: perClientMissing.filter((m) => m > 0).length,
    // So the baseline can be asked to send messages of the same size (bench/board-vs-baseline.sh).
    avgEventBytes: (() => {
      const ev = sum((c) => c.events);
      return ev > 0 ? Math.round(sum((c) => c.eventBytes) / ev) : null;
    })(),
    httpMs: stats(okPosts.map((p) => p.responseAt - p.sentAt)),
    perPostHttpMs: perPost.map((p) => p.httpMs),
    serverRssKiB: {
      before: rss.serverBeforeKiB ?? null,
      afterConnect: rss.serverAfterConnectKiB ?? null,
      end: rss.serverEndKiB ?? null,
      perConnection: perConnKiB,
    },
    clientRssKiB: Math.round(process.memoryUsage().rss / 1024),
    clientEventLoopDelayMs: { p99: round(eld.percentile(99) / 1e6), max: round(eld.max / 1e6) },
    elapsedMs: round(now() - t0),
  };

  printTable(summary, perPost, clients);
  if (cfg.csv) writeCsv(cfg.csv, clients);
  console.log(JSON.stringify(summary));
  for (const c of clients) {
    try {
      c.ws?.terminate();
    } catch {
      // ignore
    }
  }
  process.exitCode = exitCode ?? (summary.ok && summary.gaps.total === 0 && summary.duplicates.total === 0 ? 0 : 1);
  setTimeout(() => process.exit(), 200).unref();
  // After terminate() all sockets are gone; force the exit in case something lingers.
  setTimeout(() => process.exit(), 2000);
}

function printTable(s, perPost, clients) {
  const rows = [
    ['clients (connected / asked)', `${s.connected} / ${s.clients}`],
    ['connect failures', `${s.connectFailures} ${Object.keys(s.failureReasons).length ? JSON.stringify(s.failureReasons) : ''}`],
    ['closed during run', s.closedDuringRun],
    ['ramp / settle / drain ms', `${s.rampMs} / ${s.settleMs} / ${s.drainMs}`],
    ['posts ok / asked', `${s.postsOk} / ${s.posts}  (matched by ${s.matchedBy}, base seq ${s.baseSeq} from ${s.baseSeqFrom})`],
    ['POST response ms p50 / p99 / max', `${s.httpMs.p50} / ${s.httpMs.p99} / ${s.httpMs.max}`],
    ['deliveries / expected', `${s.deliveries} / ${s.deliveriesExpected}  (missing ${s.missingDeliveries}, before response ${s.deliveredBeforeResponse})`],
    ['latency ms p50 / p90 / p99 / max', `${s.latencyMs.p50} / ${s.latencyMs.p90} / ${s.latencyMs.p99} / ${s.latencyMs.max}  (from POST response; earlier = 0)`],
    ['  from request sent p50 / p90 / p99 / max', `${s.fromRequestSentMs.p50} / ${s.fromRequestSentMs.p90} / ${s.fromRequestSentMs.p99} / ${s.fromRequestSentMs.max}`],
    ['per-client p99 ms p50 / p99 / max', `${s.clientP99Ms.p50} / ${s.clientP99Ms.p99} / ${s.clientP99Ms.max}`],
    ['gaps (events / clients)', `${s.gaps.total} / ${s.gaps.clients}`],
    ['duplicates (events / clients)', `${s.duplicates.total} / ${s.duplicates.clients}`],
    ['out of order (events / clients)', `${s.outOfOrder.total} / ${s.outOfOrder.clients}`],
    ['clients missing events', s.clientsMissingEvents],
    ['server RSS MiB before / connected / end', `${mib(s.serverRssKiB.before)} / ${mib(s.serverRssKiB.afterConnect)} / ${mib(s.serverRssKiB.end)}`],
    ['server RSS KiB per connection', s.serverRssKiB.perConnection ?? '-'],
    ['client RSS MiB / event-loop delay p99, max ms', `${mib(s.clientRssKiB)} / ${s.clientEventLoopDelayMs.p99}, ${s.clientEventLoopDelayMs.max}`],
    ['CPU % while posting: client / server', `${s.cpuDuringPosts?.clientPct ?? '-'} / ${s.cpuDuringPosts?.serverPct ?? '-'}  (100 = one core)`],
    ['elapsed ms', s.elapsedMs],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const lines = ['', 'board-load' + (s.timedOut ? ' (TIMED OUT, partial)' : '')];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(w)}  ${v}`);
  if (perPost.length) {
    lines.push('', '  post   seq        http ms  delivered  p50 ms   p99 ms   max ms');
    for (const p of perPost) {
      lines.push(
        `  ${String(p.i).padStart(4)}  ${String(p.seq).padStart(8)}  ${String(p.httpMs).padStart(8)}  ${String(p.delivered).padStart(9)}  ${String(p.p50).padStart(7)}  ${String(p.p99).padStart(7)}  ${String(p.max).padStart(7)}`,
      );
    }
  }
  const worst = clients
    .filter((c) => c.openedAt !== null && (c.missing > 0 || c.gaps > 0 || c.duplicates > 0))
    .sort((a, b) => b.missing - a.missing || b.gaps - a.gaps)
    .slice(0, 5);
  if (worst.length) {
    lines.push('', '  worst clients (id: missing, gaps, duplicates, state)');
    for (const c of worst) lines.push(`    #${c.id}: ${c.missing}, ${c.gaps}, ${c.duplicates}, ${c.state}`);
  }
  lines.push('');
  console.log(lines.join('\n'));
}

const mib = (kib) => (kib === null || kib === undefined ? '-' : (kib / 1024).toFixed(1));

function writeCsv(file, clients) {
  const lines = ['id,state,failure,messages,events,missing,gaps,duplicates,outOfOrder,p99Ms'];
  for (const c of clients) {
    lines.push(
      [c.id, c.state, JSON.stringify(c.failure ?? ''), c.messages, c.events, c.missing ?? '', c.gaps, c.duplicates, c.outOfOrder, c.p99 ?? ''].join(','),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- main

if (!isMainThread) {
  runPostWorker();
} else {
  main();
}

function main() {
let cfg;
try {
  cfg = buildConfig(process.argv.slice(2));
} catch (e) {
  console.error(`board-load: ${e.message}\n\n${HELP}`);
  process.exit(2);
}
run(cfg).catch((e) => {
  console.error('board-load failed:', e);
  process.exit(2);
});
}
