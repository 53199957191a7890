#!/usr/bin/env bash
# Tally refetch benchmark: N phones refetch the tallies after every event. The app runs on the
# machine's PostgreSQL (database gielda_bench, recreated) so pg_stat_database can count what each
# event cost the database. Usage: bench/tally-refetch.sh [clients] [events]   (loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-1000}
EVENTS=${2:-10}
OUT=target/bench
mkdir -p "$OUT"
(cd bench && npm ci --silent --no-audit --no-fund)
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -DskipTests package
ulimit -n 20000
PSQL="psql -h 127.0.0.1 -U postgres -d postgres -tAc"
$PSQL "drop database if exists gielda_bench" >/dev/null
$PSQL "create database gielda_bench" >/dev/null
. bench/lib.sh
DATA=$(mktemp -d)
DB_URL=postgresql://127.0.0.1:5432/gielda_bench DB_USER=postgres DB_PASSWORD= \
  GIELDA_DATA_DIR=$DATA PORT=8093 GIELDA_BOOTSTRAP_ORGANISER_EMAIL=bench@bench.local \
  GIELDA_BOOTSTRAP_ORGANISER_PASSWORD=bench-organiser-password \
  java ${APP_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$OUT/tally-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_up http://127.0.0.1:8093/q/health/ready
A=http://127.0.0.1:8093/api
live_fair "$A"
XACTS="$PSQL \"select xact_commit + xact_rollback from pg_stat_database where datname = 'gielda_bench'\""
# A warm-up round first (JIT), then each mode.
for mode in warmup plain after; do
  node bench/tally-refetch.mjs --base http://127.0.0.1:8093 --fair "$FAIR" --viewer "$VIEWER" \
    --poster "$POSTER" --clients "$CLIENTS" --events "$EVENTS" --mode "$mode" --db-stats "$XACTS" \
    | tee "$OUT/tally-$mode-$CLIENTS.json" || true
done
