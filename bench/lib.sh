# Shared by the bench scripts (sourced): waiting for an app, and a live fair with two people.
json() { python3 -c "import sys,json;d=json.load(sys.stdin);print(d$1)"; }
wait_up() { for _ in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "not up: $1" >&2; return 1; }

# live_fair API_URL: logs in the bench organiser (bench@bench.local), creates a LIVE fair with one
# entity and sets FAIR, POSTER and VIEWER (badge-login tokens of two participants).
live_fair() {
  local api=$1
  local org
  org=$(curl -sf "$api/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@bench.local","password":"bench-organiser-password"}' | json '["token"]')
  local auth=(-H "authorization: Bearer $org" -H 'content-type: application/json')
  FAIR=$(curl -sf "$api/fairs" "${auth[@]}" -d '{"name":"Bench","venue":"Tczew","startsAt":"2030-01-01T09:00:00Z","endsAt":"2030-01-01T11:00:00Z"}' | json '["id"]')
  curl -sf "$api/fairs/$FAIR/phase" "${auth[@]}" -d '{"phase":"REGISTRATION"}' >/dev/null
  curl -sf "$api/fairs/$FAIR/phase" "${auth[@]}" -d '{"phase":"LIVE"}' >/dev/null
  local ent
  ent=$(curl -sf "$api/fairs/$FAIR/entities" "${auth[@]}" -d '{"name":"Fundacja Bench","sector":"NGO","town":"Tczew"}' | json '["id"]')
  local who
  for who in Poster Viewer; do
    local badge token
    badge=$(curl -sf "$api/fairs/$FAIR/people" "${auth[@]}" -d "{\"displayName\":\"$who\",\"entityId\":$ent,\"roles\":[\"participant\"]}" | json '["badgeToken"]')
    token=$(curl -sf "$api/auth/badge" -H 'content-type: application/json' -d "{\"badgeToken\":\"$badge\"}" | json '["token"]')
    if [ "$who" = Poster ]; then POSTER=$token; else VIEWER=$token; fi
  done
}

# start_app PORT LOG [JAVA_ARGS...]: the packaged app ($JAR, default target/quarkus-app/quarkus-run.jar)
# on an embedded PostgreSQL of its own (fresh data folder) with the bench organiser; sets APP (its
# pid), DATA and A (the API's URL) and stops it when the script exits. APP_JAVA_OPTS: JVM options.
start_app() {
  local port=$1 log=$2
  shift 2
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is taken (an earlier run still stopping?); try again in a moment" >&2
    return 1
  fi
  DATA=$(mktemp -d)
  GIELDA_DATA_DIR=$DATA PORT=$port GIELDA_BOOTSTRAP_ORGANISER_EMAIL=bench@bench.local \
    GIELDA_BOOTSTRAP_ORGANISER_PASSWORD=bench-organiser-password \
    java ${APP_JAVA_OPTS:-} "$@" -jar "${JAR:-target/quarkus-app/quarkus-run.jar}" >"$log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
  wait_up "http://127.0.0.1:$port/q/health/ready"
  A=http://127.0.0.1:$port/api
}

# phones_bench_ready (needs PHONES): the load client's packages, the packaged app ($JAR, built if
# missing), WARMUP_PHONES (default min(PHONES, 2000)) and enough file descriptors for the sockets.
phones_bench_ready() {
  (cd bench && npm ci --silent --no-audit --no-fund)
  JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
  [ -f "$JAR" ] || ./mvnw -q -o -DskipWebClient=true -DskipTests package
  WARMUP_PHONES=${WARMUP_PHONES:-$((PHONES < 2000 ? PHONES : 2000))}
  ulimit -n 20000
}
