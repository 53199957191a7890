#!/usr/bin/env bash
# One JSON line about a JVM: VmRSS, then a full GC (jcmd GC.run) and the heap used after it (jstat),
# committed heap, and the process's open file descriptors. Usage: bench/jvm-sample.sh PID [histogram-file]
# With a second argument (or HISTO_DIR set) it also writes `jcmd PID GC.class_histogram` there (live objects).
set -euo pipefail
PID=$1
rss=$(awk '/^VmRSS:/ {print $2}' /proc/$PID/status)
jcmd "$PID" GC.run >/dev/null
# jstat -gc: S0C S1C S0U S1U EC EU OC OU MC MU … (KiB). A full G1 collection leaves every live
# object in old regions, so live = S0U + S1U + OU; eden (EU) is only what was allocated between the
# collection and jstat, i.e. noise. Committed = S0C + S1C + EC + OC.
read -r used committed < <(jstat -gc "$PID" | awk 'NR == 2 {printf "%d %d\n", $3 + $4 + $8, $1 + $2 + $5 + $7}')
rss_after=$(awk '/^VmRSS:/ {print $2}' /proc/$PID/status)
fds=$(ls /proc/$PID/fd | wc -l)
HISTO=${2:-}
if [ -z "$HISTO" ] && [ -n "${HISTO_DIR:-}" ]; then HISTO=$HISTO_DIR/histo-$(date -u +%H%M%S).txt; fi
if [ -n "$HISTO" ]; then jcmd "$PID" GC.class_histogram >"$HISTO"; fi
printf '{"rssKiB":%s,"rssAfterGcKiB":%s,"heapAfterGcKiB":%s,"heapCommittedKiB":%s,"fds":%s,"at":"%s"}\n' \
  "$rss" "$rss_after" "$used" "$committed" "$fds" "$(date -u +%H:%M:%S)"
