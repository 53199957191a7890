#!/usr/bin/env bash
# Starts the bare Vert.x broadcaster (src/test/java/pl/gielda/bench/BareBroadcaster.java) on
# 127.0.0.1 with the project's test classpath.
# Usage: bench/run-baseline.sh [port] [eventLoops] [messageBytes]
# Extra JVM options via JAVA_OPTS. The first output line names the server's PID (for --pid).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/bench-classpath.txt || pom.xml -nt target/bench-classpath.txt ]]; then
  ./mvnw -q -DskipWebClient=true dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
./mvnw -q -DskipWebClient=true test-compile
ulimit -n "$(ulimit -Hn)"
exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  pl.gielda.bench.BareBroadcaster "${1:-8099}" "${2:-$(nproc)}" "${3:-0}"
