#!/usr/bin/env node
// Tally refetch load: N phones on the board socket; after every event each phone GETs the fair's
// tallies (as the web client does), with ?after=<seq> or without. Reports the refetch latency and
// what each event cost the app (tally computations, from /q/metrics) and, with --db-stats, the
// database (transactions, from a psql command that prints xact_commit + xact_rollback).
//
// Loopback only; bounded: at most 5000 clients and 200 events, exits within --timeout-s.
import { execSync } from "node:child_process";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import WebSocket from "ws";

const { values: args } = parseArgs({
  options: Object.fromEntries(
    [
      "base",
      "fair",
      "viewer",
      "poster",
      "clients",
      "events",
      "mode",
      "db-stats",
      "timeout-s",
      "settle-s",
    ].map((k) => [k, { type: "string" }]),
  ),
});
const base = new URL(args.base ?? "http://127.0.0.1:8093");
if (!["127.0.0.1", "localhost"].includes(base.hostname))
  throw new Error("loopback only");
const fair = Number(args.fair);
const viewer = args.viewer;
const poster = args.poster;
const clients = Math.min(Number(args.clients ?? 1000), 5000);
const events = Math.min(Number(args.events ?? 10), 200);
const withAfter = args.mode !== "plain"; // 'after' and 'warmup' send ?after=
const dbStats = args["db-stats"];
// PostgreSQL 15 publishes a busy backend's counters when it goes idle, but at most once a second,
// and a flush it had to defer only after up to 10 s (PGSTAT_IDLE_INTERVAL). Without waiting that
// long, the transactions of the connect phase (a badge check and an entity lookup per phone) and
// of the previous run land in the measured window: that was most of the "≈ 200 per event" once
// reported for 1,000 phones. So: settle before the first reading and after the last event.
const settleMs = 1000 * Number(args["settle-s"] ?? (dbStats ? 11 : 2));
const timeout = setTimeout(
  () => {
    console.error("timeout");
    process.exit(2);
  },
  1000 * Number(args["timeout-s"] ?? 240),
);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function request(method, path, token, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...(method === "POST" ? { "idempotency-key": randomUUID() } : {}),
        },
      },
      (res) => {
        let data = "";
        res.on("data", (c) => (data += c));
        res.on("end", () => resolve({ status: res.statusCode, body: data }));
      },
    );
    req.on("error", reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

async function computations() {
  const r = await request("GET", "/q/metrics", viewer);
  const line = r.body
    .split("\n")
    .find((l) => l.startsWith("gielda_tallies_computations_total"));
  return line ? Number(line.split(" ").pop()) : NaN;
}
const transactions = () =>
  dbStats ? Number(execSync(dbStats).toString().trim()) : NaN;

const latencies = [];
let stale = 0;
let failed = 0;
const pending = new Set();
function refetch(seq) {
  const t0 = performance.now();
  const p = request(
    "GET",
    `/api/fairs/${fair}/tallies${withAfter ? `?after=${seq}` : ""}`,
    viewer,
  )
    .then((r) => {
      latencies.push(performance.now() - t0);
      if (r.status !== 200) failed++;
      else if (JSON.parse(r.body).seq < seq) stale++;
    })
    .catch(() => failed++)
    .finally(() => pending.delete(p));
  pending.add(p);
}

const sockets = [];
let ready = 0;
await new Promise((resolve) => {
  for (let i = 0; i < clients; i++) {
    const ws = new WebSocket(`ws://${base.host}/ws/fairs/${fair}/board`, {
      headers: { authorization: `Bearer ${viewer}` },
      perMessageDeflate: false,
    });
    ws.on("open", () =>
      ws.send(JSON.stringify({ type: "resume", epoch: null, after: 0 })),
    );
    ws.on("message", (raw) => {
      const m = JSON.parse(raw.toString());
      if (m.type === "caughtUp" && !ws.ready) {
        ws.ready = true;
        if (++ready === clients) resolve();
      }
      if (m.type === "event" && ws.ready) refetch(m.seq);
    });
    sockets.push(ws);
  }
});

await new Promise((r) => setTimeout(r, settleMs));
// The app's own background (the sequencer's sweep each second, the board's head check every two):
// measured over a quiet stretch as long as the settle, to tell it apart from what events cost.
const idle0 = transactions();
await new Promise((r) => setTimeout(r, dbStats ? settleMs : 0));
const idlePerSecond = dbStats
  ? (transactions() - idle0) / (settleMs / 1000)
  : NaN;
const c0 = await computations();
const x0 = transactions();
const w0 = performance.now();
const t0 = performance.now();
for (let i = 0; i < events; i++) {
  await request("POST", `/api/fairs/${fair}/posts`, poster, {
    kind: "OFFER",
    category: "ROOMS",
    title: `Sala ${i}`,
    description: "bench",
  });
  // Let every phone's refetch of this event finish before the next one.
  while (pending.size > 0 || latencies.length + failed < (i + 1) * clients) {
    await new Promise((r) => setTimeout(r, 20));
  }
}
const loopS = (performance.now() - t0) / 1000;
await new Promise((r) => setTimeout(r, settleMs));
const c1 = await computations();
const x1 = transactions();
const windowS = (performance.now() - w0) / 1000;
latencies.sort((a, b) => a - b);
const q = (p) =>
  Math.round(
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))],
  );
const result = {
  clients,
  events,
  mode: withAfter ? "after" : "plain",
  refetches: latencies.length,
  failed,
  stale,
  latencyMs: { p50: q(0.5), p99: q(0.99), max: Math.round(latencies.at(-1)) },
  seconds: Math.round(loopS * 10) / 10,
  computationsPerEvent: (c1 - c0) / events,
  dbTransactionsPerEvent: dbStats ? (x1 - x0) / events : null,
  dbBackgroundPerSecond: dbStats ? Math.round(idlePerSecond * 10) / 10 : null,
  dbTransactionsPerEventLessBackground: dbStats
    ? Math.round(((x1 - x0 - idlePerSecond * windowS) / events) * 10) / 10
    : null,
};
console.log(JSON.stringify(result));
sockets.forEach((s) => s.terminate());
agent.destroy();
clearTimeout(timeout);
process.exit(failed || stale ? 1 : 0);
