#!/usr/bin/env bash
# Slow and flooding clients (issue 13, target 5): N board phones, SLOW_PCT % of which stop reading
# once caught up (socket paused: the TCP windows fill), one flooder sending FLOOD_RATE messages a
# second (cut off, it reconnects and floods again), and POSTS posts one every INTERVAL_MS. Measures
# the reading phones' commit → delivery (from each event's commit stamp), gaps and duplicates, the
# close codes the slow readers (1013) and the flooder (1008 after error TOO_MANY_MESSAGES) got, and
# the server's RSS and live heap after GC before and after. The packaged app runs on an embedded
# PostgreSQL of its own. Exit 1 when a check fails: a reader with a gap, a duplicate, a missing
# event or any close; a flooder close other than 1008 + TOO_MANY_MESSAGES; a slow reader closed
# with another code, or not closed yet not current. (SLOW_CUT_OFF=true: every slow reader must be
# closed 1013: the server closes a connection that answered no ping for 65 s, so give the run
# 90 posts a second apart or more.)
# Usage: bench/slow-clients.sh [phones=10000] [posts=60] [interval-ms=1000] [port=8332]
# Env: SLOW_PCT (5), FLOOD_RATE (1000), MAX_PENDING (app default 512), WARMUP_PHONES
# (default min(phones, 2000); 0 = none), APP_JAVA_OPTS, JAR. Result: target/bench/slow-<phones>.json
set -euo pipefail
cd "$(dirname "$0")/.."
PHONES=${1:-10000}
POSTS=${2:-60}
INTERVAL_MS=${3:-1000}
PORT=${4:-8332}
SLOW_PCT=${SLOW_PCT:-5}
FLOOD_RATE=${FLOOD_RATE:-1000}
OUT=target/bench
mkdir -p "$OUT"
. bench/lib.sh
phones_bench_ready
EXTRA=()
[ -n "${MAX_PENDING:-}" ] && EXTRA+=("-Dgielda.board.max-pending-per-connection=$MAX_PENDING")
start_app "$PORT" "$OUT/slow-app.log" "${EXTRA[@]}"
live_fair "$A"
run() { # phones posts [require-slow-cut-off]
  node bench/storm-load.mjs --mode slow --clients "$1" --posts "$2" --interval-ms "$INTERVAL_MS" \
    --slow-pct "$SLOW_PCT" --flood-rate "$FLOOD_RATE" --require-slow-cut-off "${3:-false}" \
    --url "ws://127.0.0.1:$PORT/ws/fairs/$FAIR/board" --jwt "$VIEWER" \
    --post-url "$A/fairs/$FAIR/posts" --poster "$POSTER" --pid "$APP"
}
if [ "$WARMUP_PHONES" -gt 0 ]; then
  echo "warm-up: $WARMUP_PHONES phones, 10 posts"
  run "$WARMUP_PHONES" 10 >"$OUT/slow-warmup.out" 2>&1 || { echo "warm-up failed:"; tail -3 "$OUT/slow-warmup.out"; exit 1; }
fi
echo "load before: $(uptime)"
set +e
run "$PHONES" "$POSTS" "${SLOW_CUT_OFF:-false}" >"$OUT/slow-$PHONES.out"
RC=$?
set -e
echo "load after: $(uptime)"
head -1 "$OUT/slow-$PHONES.out"
tail -1 "$OUT/slow-$PHONES.out" >"$OUT/slow-$PHONES.json"
python3 - "$OUT/slow-$PHONES.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
d = s.get("readerCommitToDeliveryMs", {})
mib = lambda k: "-" if k is None else f"{k / 1024:.0f}"
print(f"slow clients: {s.get('clients')} phones ({s.get('slowReaders')} never read), {s.get('posts')} posts every {s.get('intervalMs')} ms: "
      f"readers commit → delivery p50 {d.get('p50')} / p99 {d.get('p99')} / max {d.get('max')} ms ({d.get('n')} deliveries); "
      f"reader gaps {s.get('readerGaps')}, dups {s.get('readerDuplicates')}, not at head {s.get('readersNotAtHead')}; "
      f"slow readers closed 1013: {s.get('slowClosed1013')}, still open and current: {s.get('slowStillOpenAtHead')}; "
      f"flooder closes {s.get('flooderCloseCodes')} after {s.get('flooderSent')} messages; "
      f"server RSS MiB {mib(s['serverRssKiB']['beforePosts'])} → {mib(s['serverRssKiB']['end'])}, "
      f"live heap MiB {mib(s['serverHeapAfterGcKiB']['beforePosts'])} → {mib(s['serverHeapAfterGcKiB']['end'])}; "
      f"correct {s.get('correct')} {s.get('checks')}")
PY
exit $RC
