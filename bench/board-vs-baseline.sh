#!/usr/bin/env bash
# Live-board benchmark: the packaged app (embedded PostgreSQL, one instance) against the bare
# Vert.x broadcaster, with the same load client, on this machine, loopback only.
# Usage: bench/board-vs-baseline.sh [client counts]   e.g. bench/board-vs-baseline.sh "1000 5000 10000"
# Env: POSTS (default 10), INTERVAL_MS (default 1000), APP_JAVA_OPTS (e.g. -Xlog:gc). Results: target/bench/*.json and a table.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-"1000 5000 10000"}
POSTS=${POSTS:-10}
INTERVAL_MS=${INTERVAL_MS:-1000}
OUT=target/bench
mkdir -p "$OUT"
(cd bench && npm ci --silent --no-audit --no-fund)
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
ulimit -n 20000

. bench/lib.sh

echo "== app"
DATA=$(mktemp -d)
GIELDA_DATA_DIR=$DATA PORT=8093 GIELDA_BOOTSTRAP_ORGANISER_EMAIL=bench@bench.local \
  GIELDA_BOOTSTRAP_ORGANISER_PASSWORD=bench-organiser-password \
  java ${APP_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; [ -n "${BASE:-}" ] && kill $BASE 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_up http://127.0.0.1:8093/q/health/ready
A=http://127.0.0.1:8093/api
live_fair "$A"
for n in $COUNTS; do
  node bench/board-load.mjs --quiet --clients "$n" --posts "$POSTS" --interval-ms "$INTERVAL_MS" --timeout-s 280 \
    --url "ws://127.0.0.1:8093/ws/fairs/$FAIR/board" --jwt "$VIEWER" \
    --first-message '{"type":"resume","epoch":null,"after":0}' \
    --post-url "$A/fairs/$FAIR/posts" --header "Authorization: Bearer $POSTER" --header 'Idempotency-Key: {{uuid}}' \
    --body '{"kind":"OFFER","category":"ROOMS","title":"Sala {{i}}","description":"bench","town":"Tczew"}' \
    --match order --pid "$APP" | tail -1 >"$OUT/app-$n.json" || true
  echo "app $n: $(cat "$OUT/app-$n.json" | head -c 300)"
done
kill $APP; wait $APP 2>/dev/null || true

echo "== bare Vert.x broadcaster"
# Same message size as the app's events, so both move the same bytes to the same load client.
BYTES=$(python3 -c "import json,sys;print(max(json.load(open(f)).get('avgEventBytes') or 0 for f in sys.argv[1:]))" "$OUT"/app-*.json)
echo "baseline messages padded to $BYTES bytes"
bench/run-baseline.sh 8099 "$(nproc)" "$BYTES" >"$OUT/baseline.log" 2>&1 &
BASE=$!
wait_up http://127.0.0.1:8099/stats
BPID=$(pgrep -f 'pl.gielda.bench.BareBroadcaster' | head -1)
for n in $COUNTS; do
  node bench/board-load.mjs --quiet --clients "$n" --posts "$POSTS" --interval-ms "$INTERVAL_MS" --timeout-s 280 \
    --pid "$BPID" | tail -1 >"$OUT/baseline-$n.json" || true
  echo "baseline $n: $(cat "$OUT/baseline-$n.json" | head -c 300)"
done

python3 - "$OUT" $COUNTS <<'PY'
import json, sys
out, counts = sys.argv[1], sys.argv[2:]
def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "n/a"
print("| clients | app commit → delivery p50 / p99 / max (ms) | bare broadcast → delivery p50 / p99 / max (ms) | p99 ratio | app gaps / dups / missing | app KiB/conn | bare KiB/conn |")
print("|---|---|---|---|---|---|---|")
for n in counts:
    a = json.load(open(f"{out}/app-{n}.json")); b = json.load(open(f"{out}/baseline-{n}.json"))
    sa, sb = a["fromServerStampMs"], b["fromServerStampMs"]
    print(f"| {n} | {sa['p50']} / {sa['p99']} / {sa['max']} | {sb['p50']} / {sb['p99']} / {sb['max']} | {ratio(sa['p99'], sb['p99'])} | "
          f"{a['gaps']['total']} / {a['duplicates']['total']} / {a['missingDeliveries']} | {a['serverRssKiB']['perConnection']} | {b['serverRssKiB']['perConnection']} |")
    la, lb = a["latencyMs"], b["latencyMs"]
    print(f"|   (from POST response) | {la['p50']} / {la['p99']} / {la['max']} | {lb['p50']} / {lb['p99']} / {lb['max']} | {ratio(la['p99'], lb['p99'])} | | | |")
    fa, fb = a["fromRequestSentMs"], b["fromRequestSentMs"]
    print(f"|   (from request sent) | {fa.get('p50')} / {fa.get('p99')} / {fa.get('max')} | {fb.get('p50')} / {fb.get('p99')} / {fb.get('max')} | {ratio(fa.get('p99'), fb.get('p99'))} | | | |")
PY
