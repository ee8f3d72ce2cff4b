# Sourced by the HTTP test scripts: starts the built server in HTTP mode on a free loopback port and stops it on exit.
#   start_server DIR [VAR=VALUE ...]   -> sets SERVER_PID, SERVER_URL (http://127.0.0.1:PORT/mcp), SERVER_LOG
# JVM flags: $SERVER_JAVA_FLAGS (default: the launcher's start-up flags; set it empty for default JIT).
# The jar is copied to DIR first, so that a rebuild of target/ during the run cannot change what is tested.
# Only the process started here is ever stopped (by its pid).

start_server() {
    local dir="$1"; shift
    local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    local jar="${DOCKER_MCP_JAR:-$root/target/docker-mcp-secure.jar}"
    [ -f "$jar" ] || { echo "$jar is missing: build it with mvn -B -q package -DskipTests" >&2; return 2; }
    cp "$jar" "$dir/server.jar"
    SERVER_LOG="$dir/server.log"
    env -u DOCKER_HOST -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u MCP_AUTH_TOKEN -u MCP_AUTH_TOKEN_FILE \
        HOME="$dir" XDG_STATE_HOME="$dir/state" SECURITY_AUDIT_LOG_FILE="$dir/audit.log" \
        MCP_TRANSPORT=http MCP_BIND=127.0.0.1 MCP_PORT=0 "$@" \
        java ${SERVER_JAVA_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$dir/server.jar" >"$dir/server.out" 2>"$SERVER_LOG" &
    SERVER_PID=$!
    trap 'stop_server' EXIT
    local i
    for i in $(seq 1 1200); do # a guard only: start-up takes about a second
        SERVER_URL="$(grep -o 'ready on http[s]*://[^ ]*' "$SERVER_LOG" 2>/dev/null | head -1 | cut -d' ' -f3 || true)"
        [ -n "$SERVER_URL" ] && return 0
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "the server exited during start-up:" >&2; cat "$SERVER_LOG" >&2; return 1
        fi
        sleep 0.1
    done
    echo "the server did not start within 120 s:" >&2; cat "$SERVER_LOG" >&2
    return 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# The engines of scripts/test-engines.sh as server environment (host 'local' = the unix-socket engine), if they are up.
engine_env() {
    local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
    local file="${DMS_ENGINES_ENV:-}"
    [ -n "$file" ] || file="$("$root/scripts/test-engines.sh" env 2>/dev/null || true)"
    [ -n "$file" ] && [ -f "$file" ] || return 1
    local host; host="$(grep '^UNIX_DOCKER_HOST=' "$file" | cut -d= -f2-)"
    [ -n "$host" ] || return 1
    echo "ALLOW_LOCAL_DOCKER=true LOCAL_DOCKER_HOST=$host"
}
