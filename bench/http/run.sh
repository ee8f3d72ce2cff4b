#!/usr/bin/env bash
# Load bench of the Streamable HTTP transport (issue 4); the write-up is in docs/PERFORMANCE.md ("HTTP transport").
#
#   bench/http/run.sh                       50 clients x 60 s per phase (the recorded figures)
#   bench/http/run.sh --clients 10 --duration 10 --smoke     quick check: 0 errors required, nothing written
#
# Starts the built jar (copied to a temp dir first) in HTTP mode on a free loopback port with a generated token,
# host 'local' = the unix-socket engine of scripts/test-engines.sh (must be up: $DMS_ENGINES_ENV or
# `scripts/test-engines.sh env`), audit log on (temp file), MCP_RATE_LIMIT=0 and the per-token session and
# requests-at-once limits raised to the global ones (one token for all 50 clients).
# JVM: the flags every launcher users run starts it with (bin/docker-mcp-secure, the npm launcher, the image:
# "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xss512k -XX:-UsePerfData"); BENCH_HTTP_JAVA_FLAGS replaces them
# (BENCH_HTTP_JAVA_FLAGS= for plain `java -jar` with the JVM's defaults).
# Then bench/http/load.py measures the raw API floor and the server, one after the other, in the same run.
# Never touches /var/run/docker.sock; sends traffic only to 127.0.0.1 and the test engine's socket.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../e2e/http/start-server.sh
. "$root/e2e/http/start-server.sh"

smoke=0
args=()
for a in "$@"; do
    if [ "$a" = --smoke ]; then smoke=1; else args+=("$a"); fi
done
command -v python3 >/dev/null || { echo "bench/http: python3 is required" >&2; exit 2; }
engines="$(engine_env)" || { echo "bench/http: the test engines are not up (scripts/test-engines.sh up, or set DMS_ENGINES_ENV)" >&2; exit 2; }
socket_path="${engines##*unix://}"

work="$(mktemp -d /tmp/dms-bench-http.XXXXXX)"
# shellcheck disable=SC2086
SERVER_JAVA_FLAGS="${BENCH_HTTP_JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xss512k -XX:-UsePerfData}" start_server "$work" MCP_RATE_LIMIT=0 MCP_MAX_SESSIONS=64 MCP_MAX_SESSIONS_PER_TOKEN=64 \
    MCP_MAX_CONCURRENT_REQUESTS=64 MCP_MAX_CONCURRENT_PER_TOKEN=64 $engines

out=()
if [ "$smoke" = 0 ]; then
    mkdir -p "$here/results"
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    out=(--json "$here/results/$stamp.json" --markdown "$here/results/$stamp.md")
fi
status=0
python3 "$here/load.py" --url "$SERVER_URL" --token-file "$work/state/docker-mcp-secure/http-token" --server-pid "$SERVER_PID" \
    --socket "$socket_path" --command "bench/http/run.sh $*" "${out[@]}" "${args[@]}" || status=$?
stop_server
if grep -q 'Exception' "$SERVER_LOG"; then
    echo "bench/http: the server log has an exception:" >&2; grep -B2 -A8 Exception "$SERVER_LOG" | head -40 >&2; status=1
fi
rm -rf "$work"
exit $status
