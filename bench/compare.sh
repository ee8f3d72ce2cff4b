#!/usr/bin/env bash
# Side-by-side bench (issue 9): docker-mcp 1.0.0 (Node), podman-mcp-server 0.0.15 (Go), ours through the launcher on
# JDK 17 and JDK 25, and the raw engine floors, all driven by the official MCP TypeScript client with the same calls,
# in one interleaved run, default configuration (audit log on, to a temp file). Prints one Markdown table with ratios
# to docker-mcp and writes bench/results/compare-<UTC time>.{md,json}. The write-up is in docs/PERFORMANCE.md.
#
#   bench/compare.sh [driver options]    e.g. bench/compare.sh --idle 600   (10 minutes idle before the idle RSS)
#   options: --rounds 3 --cold-extra 4 --warm 50 --logs 20 --stats 3 --idle 60 --only node,go,j17,j25
#
# 1. installs the peers and the client from npm into bench/compare/node_modules (npm ci, git-ignored), and a
#    `podman` link to the Docker CLI in bench/compare/bin (the Go server shells out to it);
# 2. starts the engines of scripts/test-engines.sh if they are not up (and stops them at the end only then), and
#    scales the unix engine to 55 containers (the 5 fixtures + bench-1..bench-50);
# 3. snapshots target/docker-mcp-secure.jar and builds the launcher's start-up archives for it (JDK 17 CDS, JDK 25 AOT);
# 4. runs bench/compare/driver.mjs. Every server sees the test engine as /var/run/docker.sock inside its own mount
#    namespace (unshare -m), so nothing on the machine's /run changes and no other daemon is touched.
# Needs root (mount namespaces; the engines script), node and npm, java 17 on PATH; JDK 25 at JAVA25_HOME
# (default /usr/lib/jvm/temurin-25-jdk-amd64) if present. Takes about 8 minutes with the defaults.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
log() { printf 'compare: %s\n' "$*" >&2; }

# shellcheck source=common.sh
source bench/common.sh
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

for tool in node npm java unshare docker; do
    command -v "$tool" >/dev/null || { log "$tool is required on PATH"; exit 2; }
done
[ "$(id -u)" = 0 ] || { log "run as root: the servers get a private mount namespace, and the engines script needs root"; exit 2; }

# 1. peers and client
peers="$root/bench/compare"
if ! cmp -s "$peers/package-lock.json" "$peers/node_modules/.package-lock.json" 2>/dev/null; then
    log "installing the peers and the MCP client (npm ci in bench/compare)"
    (cd "$peers" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
fi
mkdir -p "$peers/bin"
ln -sfn "$(command -v docker)" "$peers/bin/podman"

# 2. engine with 55 containers
bench_engines
"$engines" scale 50 unix
# shellcheck disable=SC1090
source "$env_file"

# 3. jar snapshot and start-up archives
bench_jar

# 4. measure
mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
jdks="JDK 17: $("$java17_home/bin/java" -version 2>&1 | sed -n 2p)${java25_home:+; JDK 25: $("$java25_home/bin/java" -version 2>&1 | sed -n 2p)}"
info="Machine: $machine. $jdks. Node $(node --version). Docker $(docker -H "$UNIX_DOCKER_HOST" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null), $(docker -H "$UNIX_DOCKER_HOST" ps -q | wc -l) running containers. Server: $jar_info. Command: bench/compare.sh $*. Date: $(date -u '+%Y-%m-%d %H:%M UTC')."
node "$peers/driver.mjs" --socket "$UNIX_SOCKET" --peers "$peers" --launcher "$root/bin/docker-mcp-secure" --jar "$jar" \
    --java17-home "$java17_home" --java25-home "$java25_home" --work "$work" --info "$info" \
    --json "bench/results/compare-$stamp.json" --markdown "bench/results/compare-$stamp.md" "$@"
log "results: bench/results/compare-$stamp.md and .json"
