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
log() { printf 'bench: %s\n' "$*" >&2; }

# shellcheck source=common.sh
source bench/common.sh
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

command -v python3 >/dev/null || { log "python3 is required"; exit 2; }
command -v java >/dev/null || { log "java (17+) is required on PATH"; exit 2; }

# 1. engines
bench_engines

# 2. 50+ running containers on the unix engine
"$engines" scale 50 unix

# 3. jar snapshot and start-up archives
bench_jar
java25_args=(--java25-home "$java25_home")

# 4. measure
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
python3 bench/bench.py --engines-env "$env_file" --jar "$jar" --java17-home "$java17_home" "${java25_args[@]}" \
    --jar-info "$jar_info" --json "bench/results/$stamp.json" --markdown "bench/results/$stamp.md" "$@"
log "results: bench/results/$stamp.md and .json"
