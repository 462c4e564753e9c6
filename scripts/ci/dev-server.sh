#!/usr/bin/env bash
# The README's first command, as a newcomer runs it: mvn liberty:run starts the development server with
# the application on embedded Derby. Checks that the application started (readiness), that the API
# answers the README's first example, and that /openapi documents the API, then stops the server.
# Ports are the development server's own (9080/9443, server.xml), which the test stages never use.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=target/dev-server.log
mkdir -p target
mvn -B -ntp liberty:run > "$log" 2>&1 &
runner=$!
stop() {
    mvn -B -ntp -q liberty:stop > /dev/null 2>&1 || true
    kill "$runner" 2> /dev/null || true
    wait "$runner" 2> /dev/null || true
}
trap stop EXIT

ready=""
for _ in $(seq 1 120); do
    if ! kill -0 "$runner" 2> /dev/null; then
        break
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:9080/health/ready || true)" = 200 ]; then
        ready=yes
        break
    fi
    sleep 3
done
if [ -z "$ready" ]; then
    echo "mvn liberty:run did not become ready; the end of its output:" >&2
    tail -n 60 "$log" >&2
    exit 1
fi
if grep -q "SRVE0283E\|SRVE0265E\|CWWKZ0002E" target/liberty/wlp/usr/servers/defaultServer/logs/messages.log; then
    echo "the application failed while starting:" >&2
    grep -A 5 "SRVE0283E\|SRVE0265E\|CWWKZ0002E" target/liberty/wlp/usr/servers/defaultServer/logs/messages.log | head -40 >&2
    exit 1
fi
notice=$(curl -s 'http://localhost:9080/api/v1/privacy-notice?lang=pl')
echo "$notice" | grep -q '"purposes"' || { echo "the privacy notice of the README's example did not answer: $notice" >&2; exit 1; }
paths=$(curl -s 'http://localhost:9080/openapi?format=JSON' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["paths"]))')
[ "$paths" -gt 40 ] || { echo "/openapi documents $paths paths" >&2; exit 1; }
echo "mvn liberty:run: ready, the privacy notice answers, /openapi documents $paths paths"
