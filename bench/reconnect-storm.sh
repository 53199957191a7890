#!/usr/bin/env bash
# Reconnect storm (issue 13, target 3): N phones on the board socket drop at once, MISSED posts are
# made while they are away, then they reconnect spread over SPREAD_MS, each resuming from its last
# seq, while STORM_POSTS more posts go in. The packaged app runs on an embedded PostgreSQL of its
# own (fresh data folder). Asserts 0 gaps / 0 duplicates / every phone at the log head (exit 1
# otherwise) and reports the targets (99 % caught up ≤ 10 s, 100 % ≤ 30 s, storm posts p99 ≤ 300 ms).
# Usage: bench/reconnect-storm.sh [phones=10000] [missed=200] [spread-ms=5000] [storm-posts=20] [port=8331]
# Env: APP_JAVA_OPTS for the app's JVM; WARMUP_PHONES (default min(phones, 2000); 0 = none): a first,
# unmeasured storm so the measured one meets a warm JVM, as a fair's server is after its first hour;
# JAR (default target/quarkus-app/quarkus-run.jar). Loopback only. Result JSON: target/bench/storm-<phones>.json
set -euo pipefail
cd "$(dirname "$0")/.."
PHONES=${1:-10000}
MISSED=${2:-200}
SPREAD_MS=${3:-5000}
STORM_POSTS=${4:-20}
PORT=${5:-8331}
OUT=target/bench
mkdir -p "$OUT"
. bench/lib.sh
phones_bench_ready
start_app "$PORT" "$OUT/storm-app.log"
live_fair "$A"
run() {
  node bench/storm-load.mjs --mode storm --clients "$1" --missed "$MISSED" --spread-ms "$SPREAD_MS" \
    --storm-posts "$STORM_POSTS" --url "ws://127.0.0.1:$PORT/ws/fairs/$FAIR/board" --jwt "$VIEWER" \
    --post-url "$A/fairs/$FAIR/posts" --poster "$POSTER" --pid "$APP"
}
if [ "$WARMUP_PHONES" -gt 0 ]; then
  echo "warm-up storm: $WARMUP_PHONES phones"
  run "$WARMUP_PHONES" >"$OUT/storm-warmup.out" 2>&1 || { echo "warm-up storm failed:"; tail -3 "$OUT/storm-warmup.out"; exit 1; }
fi
echo "load before: $(uptime)"
set +e
run "$PHONES" >"$OUT/storm-$PHONES.out"
RC=$?
set -e
echo "load after: $(uptime)"
head -1 "$OUT/storm-$PHONES.out"
tail -1 "$OUT/storm-$PHONES.out" >"$OUT/storm-$PHONES.json"
python3 - "$OUT/storm-$PHONES.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c = s.get("catchUpMs", {})
print(f"storm: {s.get('clients')} phones, {s.get('missed')} missed events, reconnect spread {s.get('spreadMs')} ms: "
      f"caught up p50 {c.get('p50')} / p99 {c.get('p99')} / max {c.get('max')} ms; "
      f"≤10 s {s.get('caughtUpWithin10s')} %, ≤30 s {s.get('caughtUpWithin30s')} %; "
      f"(open p99 {s.get('openMs', {}).get('p99')}, open → caught up p99 {s.get('openToCaughtUpMs', {}).get('p99')}); "
      f"CPU ms server {s.get('cpuDuringStorm', {}).get('serverMs')} / client {s.get('cpuDuringStorm', {}).get('clientMs')} in {s.get('cpuDuringStorm', {}).get('wallMs')} ms; "
      f"storm posts p50 {s.get('stormPostMs', {}).get('p50')} / p99 {s.get('stormPostMs', {}).get('p99')} ms; "
      f"gaps {s.get('gaps')}, dups {s.get('duplicates')}, not at head {s.get('phonesNotAtHead')}; "
      f"correct {s.get('correct')}; targets {s.get('targets')}")
PY
exit $RC
