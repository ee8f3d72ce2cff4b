#!/usr/bin/env bash
# The list cache (CACHE_TTL, issue 12) under concurrent clients; the write-up is in docs/PERFORMANCE.md ("List cache").
#
#   bench/cache.sh [--clients 8] [--duration 30] [--tool docker_list_containers]
#
# For CACHE_TTL=off and CACHE_TTL=2s in turn: starts the built jar in HTTP mode (e2e/http/start-server.sh, default
# JIT flags, audit on, MCP_RATE_LIMIT=0), host 'local' = the unix-socket engine of scripts/test-engines.sh, and runs
# bench/cache.py: N clients calling the tool at once for D seconds. Prints a Markdown table; writes nothing.
# Sends traffic only to 127.0.0.1 and the test engine's socket.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=../e2e/http/start-server.sh
. "$root/e2e/http/start-server.sh"
engines="$(engine_env)" || { echo "bench/cache: the test engines are not up (scripts/test-engines.sh up, or set DMS_ENGINES_ENV)" >&2; exit 2; }
file="${DMS_ENGINES_ENV:-$("$root/scripts/test-engines.sh" env)}"
daemon_log="$(grep '^UNIX_LOG=' "$file" | cut -d= -f2-)"

echo "| CACHE_TTL | clients | calls | calls/s | p50 ms | p99 ms | answers marked cached | engine list requests | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
status=0
for ttl in off 2s; do
    work="$(mktemp -d /tmp/dms-bench-cache.XXXXXX)"
    # shellcheck disable=SC2086
    SERVER_JAVA_FLAGS="" start_server "$work" CACHE_TTL=$ttl MCP_RATE_LIMIT=0 MCP_MAX_SESSIONS=64 MCP_MAX_SESSIONS_PER_TOKEN=64 \
        MCP_MAX_CONCURRENT_REQUESTS=64 MCP_MAX_CONCURRENT_PER_TOKEN=64 $engines
    line="$(python3 "$here/cache.py" --url "$SERVER_URL" --token-file "$work/state/docker-mcp-secure/http-token" --daemon-log "$daemon_log" "$@")" || status=1
    stop_server
    rm -rf "$work"
    python3 -c 'import json,sys; r=json.loads(sys.argv[2]); print("| %s | %d | %d | %.1f | %.2f | %.2f | %d | %d | %d |" % (sys.argv[1], r["clients"], r["calls"], r["calls_per_s"], r["p50_ms"], r["p99_ms"], r["cached_answers"], r["engine_requests"], r["errors"]))' "$ttl" "$line"
done
exit $status
