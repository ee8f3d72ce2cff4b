# Shared by bench/run.sh and bench/compare.sh (sourced): the throwaway engines, a snapshot of the jar, and
# the launcher's start-up archives for that snapshot. Expects $root (the repository) and a log function.

engines=scripts/test-engines.sh
java25_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
src_jar="${BENCH_JAR:-$root/target/docker-mcp-secure.jar}"
started_engines=""
work=""

bench_cleanup() {
    local rc=$?
    [ -n "$work" ] && rm -rf "$work"
    if [ -n "$started_engines" ]; then
        log "stopping the engines this run started"
        "$engines" down || true
    fi
    exit $rc
}

# Starts the engines unless they are up (then they are left running afterwards); sets env_file.
bench_engines() {
    if env_file="$("$engines" env 2>/dev/null)"; then
        log "engines already up ($env_file); leaving them running afterwards"
    else
        log "engines not up: starting them with $engines up (stopped again at the end)"
        started_engines=1
        env_file="$("$engines" up)"
    fi
}

# Copies the jar to a temp dir (a rebuild during the run cannot change what is measured), builds the launcher's
# start-up archive for it on JDK 17 and JDK 25; sets work, jar, jar_info, java17_home and java25_home ("" if absent).
bench_jar() {
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
    local commit dirty=""
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    [ -n "$(git status --porcelain --untracked-files=no -- src pom.xml bin 2>/dev/null)" ] && dirty=" + uncommitted changes in src/pom.xml/bin"
    jar_info="$(java -jar "$jar" --version 2>/dev/null), jar sha256 $(sha256sum "$jar" | cut -c1-12), built $(date -u -r "$src_jar" '+%Y-%m-%d %H:%M UTC'), git $commit$dirty"
    log "measuring $jar_info"
    java17_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    log "start-up archive for JDK 17 ($java17_home)"
    DOCKER_MCP_JAR="$jar" JAVA_HOME="$java17_home" bin/docker-mcp-secure --prepare
    if [ -x "$java25_home/bin/java" ]; then
        log "start-up archive for JDK 25 ($java25_home)"
        DOCKER_MCP_JAR="$jar" JAVA_HOME="$java25_home" bin/docker-mcp-secure --prepare
    else
        log "no JDK 25 at $java25_home: its variants are skipped"
        java25_home=""
    fi
}
