#!/usr/bin/env bash
# Runs src/test/java/pl/gielda/bench/SigningBenchmark.java against an app already running on this
# machine. Usage: GIELDA_BENCH_EMAIL=… GIELDA_BENCH_PASSWORD=… bench/run-signing.sh [baseUrl] [contracts] [concurrency]
# ROUNDS=n repeats the whole run n times against the same app (each with a fresh fair), in one load
# client JVM: the first rounds warm the app's JIT and the client's, later ones show both warm, as
# the app is after an hour of a fair.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  ./mvnw -q -DskipWebClient=true dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
./mvnw -q -DskipWebClient=true test-compile
ROUNDS="${ROUNDS:-1}" java ${JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  pl.gielda.bench.SigningBenchmark "${1:-http://127.0.0.1:8097}" "${2:-1000}" "${3:-32}"
