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
json() { python3 -c "import sys,json;d=json.load(sys.stdin);print(d$1)"; }
wait_up() { for _ in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "not up: $1" >&2; return 1; }
DATA=$(mktemp -d)
DB_URL=postgresql://127.0.0.1:5432/gielda_bench DB_USER=postgres DB_PASSWORD= \
  GIELDA_DATA_DIR=$DATA PORT=8093 GIELDA_BOOTSTRAP_ORGANISER_EMAIL=bench@bench.local \
  GIELDA_BOOTSTRAP_ORGANISER_PASSWORD=bench-organiser-password \
  java ${APP_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$OUT/tally-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
wait_up http://127.0.0.1:8093/q/health/ready
A=http://127.0.0.1:8093/api
ORG=$(curl -sf $A/auth/login -H 'content-type: application/json' \
  -d '{"email":"bench@bench.local","password":"bench-organiser-password"}' | json '["token"]')
auth=(-H "authorization: Bearer $ORG" -H 'content-type: application/json')
FAIR=$(curl -sf $A/fairs "${auth[@]}" -d '{"name":"Bench","venue":"Tczew","startsAt":"2030-01-01T09:00:00Z","endsAt":"2030-01-01T11:00:00Z"}' | json '["id"]')
curl -sf $A/fairs/$FAIR/phase "${auth[@]}" -d '{"phase":"REGISTRATION"}' >/dev/null
curl -sf $A/fairs/$FAIR/phase "${auth[@]}" -d '{"phase":"LIVE"}' >/dev/null
ENT=$(curl -sf $A/fairs/$FAIR/entities "${auth[@]}" -d '{"name":"Fundacja Bench","sector":"NGO","town":"Tczew"}' | json '["id"]')
badge() { curl -sf $A/fairs/$FAIR/people "${auth[@]}" -d "{\"displayName\":\"$1\",\"entityId\":$ENT,\"roles\":[\"participant\"]}" | json '["badgeToken"]'; }
login_badge() { curl -sf $A/auth/badge -H 'content-type: application/json' -d "{\"badgeToken\":\"$1\"}" | json '["token"]'; }
POSTER=$(login_badge "$(badge Poster)")
VIEWER=$(login_badge "$(badge Viewer)")
XACTS="$PSQL \"select xact_commit + xact_rollback from pg_stat_database where datname = 'gielda_bench'\""
# A warm-up round first (JIT), then each mode.
for mode in warmup plain after; do
  node bench/tally-refetch.mjs --base http://127.0.0.1:8093 --fair "$FAIR" --viewer "$VIEWER" \
    --poster "$POSTER" --clients "$CLIENTS" --events "$EVENTS" --mode "$mode" --db-stats "$XACTS" \
    | tee "$OUT/tally-$mode-$CLIENTS.json" || true
done
