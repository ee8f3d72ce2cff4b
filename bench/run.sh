#!/usr/bin/env bash
# Performance bench for docker-mcp-secure; the write-up and the latest figures are in docs/PERFORMANCE.md.
#
#   bench/run.sh [bench.py options]      e.g. bench/run.sh --cold-runs 9 --calls 100
#
# 1. uses the throwaway engines of scripts/test-engines.sh (starts them if they are not up, and then
#    stops them again at the end; engines that were already up are left as they were);
# 2. ensures 50 extra running containers bench-1..bench-50 on the unix engine (`scale 50 unix`, idempotent;
#    they are left in place);
# 3. snapshots target/docker-mcp-secure.jar into a temp dir (a rebuild during the run cannot change what is
#    measured) and builds the launcher's start-up archive for it on JDK 17 and, if present, JDK 25
#    (`bin/docker-mcp-secure --prepare` with DOCKER_MCP_JAR pointing at the snapshot);
# 4. runs bench/bench.py: cold start, warm docker_list_containers vs raw floors, docker_stats fan-out;
#    prints Markdown tables and writes bench/results/<UTC time>.{md,json}.
#
# Never touches /var/run/docker.sock or any daemon that scripts/test-engines.sh did not start.
# Environment: JAVA25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_JAR (default target/docker-mcp-secure.jar).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
engines=scripts/test-engines.sh
java25_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
src_jar="${BENCH_JAR:-$root/target/docker-mcp-secure.jar}"

log() { printf 'bench: %s\n' "$*" >&2; }

started_engines=""
work=""
cleanup() {
    local rc=$?
    [ -n "$work" ] && rm -rf "$work"
    if [ -n "$started_engines" ]; then
        log "stopping the engines this run started"
        "$engines" down || true
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v python3 >/dev/null || { log "python3 is required"; exit 2; }
command -v java >/dev/null || { log "java (17+) is required on PATH"; exit 2; }

# 1. engines
if env_file="$("$engines" env 2>/dev/null)"; then
    log "engines already up ($env_file); leaving them running afterwards"
else
    log "engines not up: starting them with $engines up (stopped again at the end)"
    started_engines=1
    env_file="$("$engines" up)"
fi

# 2. 50+ running containers on the unix engine
"$engines" scale 50 unix

# 3. jar snapshot and start-up archives
if [ ! -f "$src_jar" ]; then
    log "$src_jar missing: building it (mvn -B -q package -DskipTests)"
    mvn -B -q package -DskipTests
fi
work="$(mktemp -d /tmp/dms-bench.XXXXXX)"
jar="$work/docker-mcp-secure.jar"
cp "$src_jar" "$jar"
if ! java -jar "$jar" --version >/dev/null 2>&1; then
    log "$src_jar does not run (is a build writing it right now?); try again when it is complete"
    exit 1
fi
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty=""
[ -n "$(git status --porcelain --untracked-files=no -- src pom.xml bin 2>/dev/null)" ] && dirty=" + uncommitted changes in src/pom.xml/bin"
jar_info="$(java -jar "$jar" --version 2>/dev/null), jar sha256 $(sha256sum "$jar" | cut -c1-12), built $(date -u -r "$src_jar" '+%Y-%m-%d %H:%M UTC'), git $commit$dirty"
log "measuring $jar_info"

java17_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
log "start-up archive for JDK 17 ($java17_home)"
DOCKER_MCP_JAR="$jar" JAVA_HOME="$java17_home" bin/docker-mcp-secure --prepare
java25_args=(--java25-home "$java25_home")
if [ -x "$java25_home/bin/java" ]; then
    log "start-up archive for JDK 25 ($java25_home)"
    DOCKER_MCP_JAR="$jar" JAVA_HOME="$java25_home" bin/docker-mcp-secure --prepare
else
    log "no JDK 25 at $java25_home: its variants are skipped"
    java25_args=(--java25-home "")
fi

# 4. measure
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
python3 bench/bench.py --engines-env "$env_file" --jar "$jar" --java17-home "$java17_home" "${java25_args[@]}" \
    --jar-info "$jar_info" --json "bench/results/$stamp.json" --markdown "bench/results/$stamp.md" "$@"
log "results: bench/results/$stamp.md and .json"
