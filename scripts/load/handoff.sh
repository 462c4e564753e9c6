#!/usr/bin/env bash
# Load on POST /api/v1/escalations beside the bare JSON echo endpoint, same server, same tool (wrk),
# printed as requests/s, latency percentiles and the ratio. Needs a running server with
# consentry.diagnostics.enabled=true, e.g.:
#   CONSENTRY_DIAGNOSTICS_ENABLED=true mvn liberty:run      (then, in another terminal)
#   scripts/load/handoff.sh [base-url] [duration] [connections]
set -euo pipefail
BASE=${1:-http://localhost:9080}
DURATION=${2:-20s}
CONNECTIONS=${3:-16}
THREADS=2
AUTH="Authorization: Basic $(printf 'bot:%s' "${BOT_PASSWORD:-bot-dev}" | base64)"
SUBJECTS=${SUBJECTS:-200}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== granting consent to support-handoff for $SUBJECTS subjects"
for n in $(seq 0 $((SUBJECTS - 1))); do
  curl -sf -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"noticeVersion":"2026-11","channel":"load","evidence":"load test"}' \
    "$BASE/api/v1/subjects/load-$n/consents/support-handoff"
done

run() { # name script
  echo "== $1: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
  RUN=$(date +%s%N) SUBJECTS=$SUBJECTS wrk -t$THREADS -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTH" -s "$2" "$3" | tee "/tmp/wrk-$1.txt"
}
# The JIT needs tens of thousands of requests on each path before its figures settle.
run warmup-echo "$here/echo.lua" "$BASE/api/v1/diagnostics/echo" >/dev/null
run warmup-echo "$here/echo.lua" "$BASE/api/v1/diagnostics/echo" >/dev/null
run warmup-handoff "$here/handoff.lua" "$BASE" >/dev/null
run echo "$here/echo.lua" "$BASE/api/v1/diagnostics/echo"
run handoff "$here/handoff.lua" "$BASE"

rps() { awk '/Requests\/sec/ {print $2}' "/tmp/wrk-$1.txt"; }
errors() { awk 'BEGIN {n = 0} /Non-2xx/ {n = $5} END {print n}' "/tmp/wrk-$1.txt"; }
echo "== result"
printf 'echo     %10s req/s   non-2xx: %s\n' "$(rps echo)" "$(errors echo)"
printf 'handoff  %10s req/s   non-2xx: %s\n' "$(rps handoff)" "$(errors handoff)"
awk -v a="$(rps handoff)" -v b="$(rps echo)" 'BEGIN { printf "ratio handoff/echo: %.3f\n", a / b }'
if [ "$(errors echo)" != 0 ] || [ "$(errors handoff)" != 0 ]; then
  echo "errors: the figures above are not valid" >&2
  exit 1
fi
