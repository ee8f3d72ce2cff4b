#!/usr/bin/env bash
# End-to-end proofs of every artifact scripts/package.sh builds (issue 10), against the test engines:
#   1. npm: `npm publish --dry-run` of both packages; the stdio e2e (e2e/stdio.test.mjs) through
#      `npx --yes ./target/dist/docker-mcp-secure-VERSION.tgz` with this machine's Java; again with the linux-x64
#      runtime package installed and no Java on the machine at all (/usr/lib/jvm hidden in a private mount
#      namespace), so the jlink'ed runtime is the one used; and with no Java and no runtime: one sentence on stderr,
#      nothing on stdout, exit 2; the launcher's stdio and signal handling (launcher-signals.sh).
#   2. image: the stdio e2e with `docker run -i --rm --read-only --cap-drop ALL --security-opt no-new-privileges
#      --network none --group-add GID -v SOCKET:SOCKET docker-mcp-secure:VERSION` (local engine only); no shell in it.
#   3. compose: deploy/compose.yaml (+ deploy/compose.test.yaml) up, healthy, an authenticated tool call, down.
#   4. bundle: unpack the .mcpb, start its declared command, list tools, call one (bundle.test.mjs).
#   5. server.json against the registry schema (registry.test.mjs).
#   e2e/dist/run.sh [npm] [image] [compose] [bundle]    all by default, or only those named
# Needs root (the mount namespace), the artifacts in target/dist (scripts/package.sh) and the image in the test
# engine, Node 20+, docker-compose; the engines env file from $DMS_ENGINES_ENV or `scripts/test-engines.sh env`.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

log() { printf 'e2e/dist: %s\n' "$*" >&2; }
PARTS=("$@")
part() { [ ${#PARTS[@]} -eq 0 ] || [[ " ${PARTS[*]} " == *" $1 "* ]]; }
die() { log "error: $*"; exit 1; }

engines="${DMS_ENGINES_ENV:-$(scripts/test-engines.sh env 2>/dev/null || true)}"
[ -n "$engines" ] && [ -f "$engines" ] || die "the test engines are not up (scripts/test-engines.sh up, or set DMS_ENGINES_ENV)"
export DMS_ENGINES_ENV="$engines"
socket="$(sed -n 's/^UNIX_SOCKET=//p' "$engines")"
export DOCKER_HOST="unix://$socket"
unset DOCKER_TLS_VERIFY DOCKER_CERT_PATH
version="$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>.*|\1|p' pom.xml)"
dist="$root/target/dist"
main_tgz="$dist/docker-mcp-secure-$version.tgz"
runtime_tgz="$dist/docker-mcp-secure-linux-x64-$version.tgz"
for f in "$main_tgz" "$runtime_tgz" "$dist/docker-mcp-secure-$version.mcpb"; do
    [ -f "$f" ] || die "$f is missing: run scripts/package.sh"
done
docker image inspect "docker-mcp-secure:$version" >/dev/null 2>&1 || die "no image docker-mcp-secure:$version in $DOCKER_HOST: run scripts/package.sh"

(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd packaging && npm ci --no-audit --no-fund --loglevel=error)
work="$(mktemp -d /tmp/dms-e2e-dist.XXXXXX)"
project="dms-e2e-dist-$$"
cleanup() {
    [ -f "$work/compose.yaml" ] && docker-compose -p "$project" -f "$work/compose.yaml" down -v >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
# npx installs into its cache under HOME: a fresh one, so that every run installs what was just built
export HOME="$work/home"
mkdir -p "$HOME"
printf 'audit=false\nfund=false\nupdate-notifier=false\n' >"$HOME/.npmrc"

stdio_e2e() { # LABEL SERVER_JSON [VAR=VALUE ...]: the stdio e2e with that server command
    local label=$1 server=$2; shift 2
    log "$label"
    # the e2e's time budgets are for latency, which e2e/run.sh checks; here only the packaging is under test
    (cd e2e && env DMS_E2E_REFUSAL_BUDGET_MS=30000 DMS_E2E_EXIT_BUDGET_MS=30000 "$@" DMS_E2E_SERVER="$server" node --test --test-concurrency=1 stdio.test.mjs >"$work/$label.tap" 2>&1) \
        || { cat "$work/$label.tap" >&2; die "$label: the stdio e2e failed"; }
    grep -E '^# (pass|fail|skipped)' "$work/$label.tap" | tr '\n' ' ' >&2; echo >&2
}

# Runs "$@" with no Java on this machine: /usr/lib/jvm (where Debian's and Temurin's packages live, and where
# /usr/bin/java points) is an empty folder in a private mount namespace; JAVA_HOME unset.
without_java() {
    unshare --mount --propagation private -- bash -c 'mount -t tmpfs none /usr/lib/jvm && exec env -u JAVA_HOME "$@"' bash "$@"
}

# --- 1. npm ---------------------------------------------------------------------------------------------
if part npm; then
log "npm publish --dry-run"
for tgz in "$main_tgz" "$runtime_tgz"; do
    npm publish --dry-run --loglevel=error "$tgz" >"$work/publish.out" 2>&1 || { cat "$work/publish.out" >&2; die "npm publish --dry-run $tgz failed"; }
done
# no optional runtime here (and no registry look-up of it): this machine's Java
# (npx takes a tarball as a package when its path starts with ./ : run from the checkout's root, as the e2e does)
main_rel="./target/dist/${main_tgz##*/}"
npx_java='["npx","--yes","--omit=optional","'"$main_rel"'"]'
npx --yes --omit=optional "$main_rel" --version >/dev/null
stdio_e2e "npx with this machine's Java" "$npx_java"
# the runtime package too, installed from its file (as npm installs it from the registry where published)
npx_runtime='["npx","--yes","--package='"$runtime_tgz"'","--package='"$main_tgz"'","docker-mcp-secure"]'
without_java npx --yes --package="$runtime_tgz" --package="$main_tgz" docker-mcp-secure --version >/dev/null
without_java "$(command -v bash)" -c '! command -v java >/dev/null && ! ls /usr/lib/jvm/*/bin/java >/dev/null 2>&1' \
    || die "the no-Java namespace still has a Java"
export -f stdio_e2e log die
without_java env work="$work" bash -c 'stdio_e2e "npx with the jlink runtime and no Java on the machine" "$1"' bash "$npx_runtime"
log "the launcher passes stdio through and SIGTERM on"
e2e/dist/launcher-signals.sh "$main_tgz" "$work/signals" || die "launcher signals"
log "npx with no Java and no runtime: one sentence, exit 2"
rc=0
without_java npx --yes --omit=optional "$main_rel" </dev/null >"$work/nojava.out" 2>"$work/nojava.err" || rc=$?
[ "$rc" = 2 ] || { cat "$work/nojava.err" >&2; die "exit code $rc without Java, expected 2"; }
[ ! -s "$work/nojava.out" ] || die "something on stdout without Java: $(cat "$work/nojava.out")"
grep -q 'no Java 17 or later found.*install.*docker run' "$work/nojava.err" || die "the no-Java message: $(cat "$work/nojava.err")"
[ "$(grep -c . "$work/nojava.err")" = 1 ] || die "the no-Java message is more than one line: $(cat "$work/nojava.err")"

fi

# --- 2. image ----------------------------------------------------------------------------------------------
gid="$(stat -c %g "$socket")"
if part image; then
log "image docker-mcp-secure:$version: $(docker image inspect -f '{{.Size}}' "docker-mcp-secure:$version" | awk '{ printf "%.1f MB", $1 / 1000000 }')"
[ "$(docker image inspect -f '{{.Config.User}}' "docker-mcp-secure:$version")" = "10001:10001" ] || die "the image does not run as user 10001"
if docker run --rm --network none --entrypoint /bin/sh "docker-mcp-secure:$version" -c true >/dev/null 2>&1; then
    die "the image has a shell"
fi
# the start-up archive fits the jar and runtime it was made with (-Xshare:on refuses to start otherwise)
docker run --rm --network none --read-only --entrypoint /opt/java/bin/java "docker-mcp-secure:$version" \
    -XX:SharedArchiveFile=/app/docker-mcp-secure.jsa -Xshare:on -jar /app/docker-mcp-secure.jar --version >/dev/null \
    || die "the image's start-up archive does not fit its jar"
# the socket and the temp folder (audit files) at the same paths inside, so the e2e's settings hold there too
tmp_dir="$work/tmp"; mkdir -p "$tmp_dir"; chmod 1777 "$tmp_dir"
image_cmd='["docker","-H","'"$DOCKER_HOST"'","run","-i","--rm","--read-only","--cap-drop","ALL","--security-opt","no-new-privileges","--network","none",
  "--group-add","'"$gid"'","-v","'"$socket:$socket"'","-v","'"$tmp_dir:$tmp_dir"'",
  "-e","ALLOW_LOCAL_DOCKER","-e","LOCAL_DOCKER_HOST","-e","SECURITY_AUDIT_LOG_FILE","-e","CONTAINER_DENY",
  "docker-mcp-secure:'"$version"'"]'
stdio_e2e "docker run of the image" "$image_cmd" DMS_E2E_HOSTS=local TMPDIR="$tmp_dir"

fi

# --- 3. compose -----------------------------------------------------------------------------------------------
if part compose; then
log "compose: up, healthy, an authenticated call, down"
token="$work/mcp-token"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token"
chown 10001 "$token" && chmod 0400 "$token"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export DMS_VERSION="$version" DOCKER_GID="$gid" DOCKER_SOCKET="$socket" MCP_TOKEN_FILE="$token" MCP_HOST_PORT="$port"
# the production file publishes on loopback only
docker-compose -f deploy/compose.yaml config | python3 -c '
import sys, yaml
for name, svc in yaml.safe_load(sys.stdin)["services"].items():
    ports = svc.get("ports", [])
    assert ports and all(str(p).startswith("127.0.0.1:") for p in ports), f"{name} publishes {ports}, not on loopback only"
' || die "deploy/compose.yaml publishes beyond loopback"
# The production file with the test override on top (compose.test.yaml says why). docker-compose 1.29 cannot take a
# list away in an override, and an engine refuses port bindings in host network mode: the merged file drops them.
docker-compose -f deploy/compose.yaml -f deploy/compose.test.yaml config | python3 -c '
import sys, yaml
d = yaml.safe_load(sys.stdin)
d.pop("version", None)  # keep the Compose Specification (mem_limit, pids_limit), not a 3.x file
for svc in d["services"].values():
    svc.pop("ports", None)
yaml.safe_dump(d, sys.stdout)
' >"$work/compose.yaml"
compose=(docker-compose -p "$project" -f "$work/compose.yaml")
"${compose[@]}" up -d >"$work/compose.out" 2>&1 || { cat "$work/compose.out" >&2; die "docker-compose up failed"; }
cid="$("${compose[@]}" ps -q docker-mcp-secure)"
for _ in $(seq 1 90); do
    health="$(docker inspect -f '{{.State.Health.Status}}' "$cid")"
    [ "$health" = healthy ] && break
    sleep 1
done
[ "$health" = healthy ] || { docker logs "$cid" >&2; die "the compose service is $health, not healthy"; }
for want in '{{.HostConfig.ReadonlyRootfs}}=true' '{{.HostConfig.CapDrop}}=[ALL]' '{{.HostConfig.SecurityOpt}}=[no-new-privileges:true]' '{{.Config.User}}=10001:10001'; do
    [ "$(docker inspect -f "${want%=*}" "$cid")" = "${want##*=}" ] || die "compose service: ${want%=*} is $(docker inspect -f "${want%=*}" "$cid")"
done
(cd e2e && DMS_HTTP_URL="http://127.0.0.1:$port/mcp" DMS_HTTP_TOKEN_FILE="$token" node --test dist/http-call.test.mjs >"$work/http.tap" 2>&1) \
    || { cat "$work/http.tap" >&2; docker logs "$cid" >&2; die "the authenticated call through compose failed"; }
"${compose[@]}" down -v >/dev/null 2>&1
[ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$project")" ] || die "docker-compose down left containers"

fi

# --- 4. bundle, 5. registry entry --------------------------------------------------------------------------
if part bundle; then
    log "Claude Desktop bundle and server.json"
    (cd e2e && node --test dist/bundle.test.mjs dist/registry.test.mjs >"$work/rest.tap" 2>&1) || { cat "$work/rest.tap" >&2; die "bundle or registry test failed"; }
fi
log "all passed"
