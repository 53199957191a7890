#!/usr/bin/env bash
# Signing and registration benchmark, self-contained: starts the packaged app with its embedded
# PostgreSQL (fsync and synchronous_commit on) on 127.0.0.1:8097 and runs SigningBenchmark ROUNDS
# times against it (each round: a fresh fair, 1,000 two-party contracts, every party signs, two
# notaries register all, 20 % of requests retried; it checks one effect per key, numbers 1..n,
# identical retries, a valid chain, and exits non-zero otherwise).
# Usage: ROUNDS=8 bench/signing.sh [contracts] [concurrency]      (loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
. bench/lib.sh
start_app 8097 "$OUT/signing-app.log"
POSTMASTER=$(pgrep -f "postgres.*$DATA" | head -1)
echo "app pid $APP, postgres pid $POSTMASTER, load: $(cut -d' ' -f1-3 /proc/loadavg)"
GIELDA_BENCH_PIDS="$APP $POSTMASTER" GIELDA_BENCH_EMAIL=bench@bench.local \
  GIELDA_BENCH_PASSWORD=bench-organiser-password \
  bench/run-signing.sh http://127.0.0.1:8097 "${1:-1000}" "${2:-16}"
