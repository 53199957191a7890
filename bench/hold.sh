#!/usr/bin/env bash
# Hold benchmark (issue 13, target 2): N board connections held on one instance for D minutes with
# one post a second. Starts the packaged app (embedded PostgreSQL) with a fixed, pre-touched heap,
# creates a live fair, warms the JVM with a short small run, then runs bench/hold.mjs, sampling the
# server (RSS, heap after a full GC) before connecting, once connected, at minute 5 and every 5
# minutes, and at the end. Asserts: 0 gaps, 0 duplicates, 0 missing, every connection still open,
# every post accepted, RSS growth ≤ MAX_KIB_PER_CONN per connection (against the RSS before
# connecting; from 10,000 connections also RSS growth + heap after GC per connection), heap after
# GC at the end within 5 % of the first sample in the hold. Exit 1 if not.
#
# Usage: bench/hold.sh [connections=19000] [minutes=30]      (loopback only, port 8400)
# Env: HOLD_JAVA_OPTS (JVM options of the app; default below, as in deploy/Dockerfile),
#      MAX_KIB_PER_CONN (16), PORT (8400). Results: target/bench/hold-N-D.json and a table row.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-19000}
D=${2:-30}
PORT=${PORT:-8400}
MAX_KIB=${MAX_KIB_PER_CONN:-16}
[ "$N" -ge 1 ] && [ "$N" -le 20000 ] || { echo "connections: 1..20000" >&2; exit 2; }
# Fixed heap (-Xms = -Xmx), touched at start: RSS then grows only with what connections really
# cost off the heap (Netty, threads, metaspace), not with the heap's lazy growth; the heap's share
# is measured separately, after a full GC.
JAVA_OPTS_DEFAULT="-Xms768m -Xmx768m -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:MaxMetaspaceSize=192m -XX:MaxDirectMemorySize=256m -Xss512k -XX:+ExitOnOutOfMemoryError"
OUT=target/bench
mkdir -p "$OUT"
(cd bench && npm ci --silent --no-audit --no-fund)
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((N + 500)) ] || { echo "open files limit $(ulimit -n) too low for $N" >&2; exit 2; }
. bench/lib.sh
DATA=$(mktemp -d)
GIELDA_DATA_DIR=$DATA PORT=$PORT GIELDA_BOOTSTRAP_ORGANISER_EMAIL=bench@bench.local \
  GIELDA_BOOTSTRAP_ORGANISER_PASSWORD=bench-organiser-password \
  java ${HOLD_JAVA_OPTS:-$JAVA_OPTS_DEFAULT} -jar target/quarkus-app/quarkus-run.jar >"$OUT/hold-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_up "http://127.0.0.1:$PORT/q/health/ready"
A=http://127.0.0.1:$PORT/api
live_fair "$A"
echo "load before: $(uptime)"
run() { # clients minutes first-sample-minute sample-command
  node bench/hold.mjs --clients "$1" --minutes "$2" --first-sample-min "$3" --sample-every-min 5 \
    --url "ws://127.0.0.1:$PORT/ws/fairs/$FAIR/board" --jwt "$VIEWER" \
    --post-url "$A/fairs/$FAIR/posts" --header "Authorization: Bearer $POSTER" --header 'Idempotency-Key: {{uuid}}' \
    --body '{"kind":"OFFER","category":"ROOMS","title":"Sala {{i}}","description":"bench","town":"Tczew"}' \
    ${4:+--sample-cmd "$4"}
}
# Warm-up: classes loaded and code compiled for connecting, resuming, posting and broadcasting,
# so the hold measures connections, not the JVM's one-off costs.
run 500 0.5 1 "" >/dev/null
FIRST=$(( D >= 10 ? 5 : 1 ))
run "$N" "$D" "$FIRST" "bench/jvm-sample.sh $APP" | tail -1 >"$OUT/hold-$N-$D.json"
echo "load after: $(uptime)"
python3 - "$OUT/hold-$N-$D.json" "$N" "$MAX_KIB" "$(uptime | sed 's/.*load average: //')" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2]); max_kib = float(sys.argv[3]); load = sys.argv[4]
s = {x["label"]: x for x in r["samples"] if x}
before, connected, end = s["before"], s["connected"], r["samples"][-1]
held = [x for x in r["samples"] if x and x["label"].startswith("min ")]
first = held[0] if held else connected
rss_per = (end["rssKiB"] - before["rssKiB"]) / n
heap_per = (connected["heapAfterGcKiB"] - before["heapAfterGcKiB"]) / n
drift = (end["heapAfterGcKiB"] - first["heapAfterGcKiB"]) / first["heapAfterGcKiB"] * 100
print(json.dumps({k: r[k] for k in ("opened", "openAtEnd", "closedCodes", "posts", "headSeq", "drainS", "eventsPerClient", "gaps", "duplicates", "missing", "clientsBehindHead", "deliveryMs", "rampS")}))
for x in r["samples"]:
    print(f"  {x['label']:>16}: RSS {x.get('rssKiB')} KiB, heap after GC {x.get('heapAfterGcKiB')} KiB, open {x.get('open')}, fds {x.get('fds')}, {x.get('at')}")
print("  per minute p50/p99 ms: " + ", ".join(f"{m['minute']}: {m['p50']}/{m['p99']}" for m in r["perMinute"]))
print(f"| {n} | {r['minutes']} | {load} | {r['gaps']} / {r['duplicates']} / {r['missing']} | {r['openAtEnd']} | "
      f"{r['deliveryMs']['p50']} / {r['deliveryMs']['p99']} / {r['deliveryMs']['max']} | {rss_per:.1f} | {heap_per:.1f} | {rss_per + heap_per:.1f} | "
      f"{first['heapAfterGcKiB'] // 1024} → {end['heapAfterGcKiB'] // 1024} MiB ({drift:+.1f} %, {first['label']} → end) |")
fails = []
if r["gaps"] or r["duplicates"] or r["missing"] or r["clientsBehindHead"]:
    fails.append("gaps/duplicates/missing")
if min(int(k) for k in r["eventsPerClient"]) < r["posts"]["ok"]:
    fails.append(f"a client got fewer events than posts accepted: {r['eventsPerClient']}")
if r["opened"] != n or r["openAtEnd"] != n:
    fails.append(f"connections: {r['opened']} opened, {r['openAtEnd']} open at the end of {n}")
if r["posts"]["failed"] or r["posts"]["ok"] != r["posts"]["wanted"]:
    fails.append(f"posts: {r['posts']}")
if rss_per > max_kib:
    fails.append(f"RSS growth {rss_per:.1f} KiB per connection > {max_kib}")
# With the heap fixed and touched at start, RSS growth leaves out what connections cost on the
# heap: the sum is the real cost. Below 10,000 connections the JVM's fixed costs (code, malloc
# arenas: ~10 MB) weigh too much per connection to hold the sum to the bound.
if n >= 10000 and rss_per + heap_per > max_kib:
    fails.append(f"RSS growth + heap per connection {rss_per + heap_per:.1f} KiB > {max_kib}")
if abs(drift) > 5:
    fails.append(f"heap after GC moved {drift:+.1f} % during the hold")
if fails:
    print("FAIL: " + "; ".join(fails)); sys.exit(1)
print("OK")
PY
