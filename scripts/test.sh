#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against throwaway Docker daemons this script starts
# (and stops), the end-to-end tests with the official TypeScript MCP client (stdio) and the MCP Inspector CLI
# and conformance suite (HTTP), then builds every artifact (scripts/package.sh: npm packages, image, bundle) and
# proves each end to end (e2e/dist/run.sh). Needs root (it re-runs itself with sudo when it is not root and sudo
# exists), Node.js 20+, and Debian packages (docker.io, busybox-static, openssl), which scripts/test-engines.sh
# installs when missing.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=DMS_ENGINES_DIR,DMS_REUSE_ENGINES,DMS_HTTP_BENCH,PATH "$0" "$@"
  fi
  echo "scripts/test.sh starts throwaway Docker daemons and needs root: run it as root (there is no sudo here)." >&2
  exit 2
fi

started=0
if [ "${DMS_REUSE_ENGINES:-}" = 1 ] && env_file="$(scripts/test-engines.sh env 2>/dev/null)"; then
  echo "reusing the running test engines ($env_file)" >&2
else
  env_file="$(scripts/test-engines.sh up)"
  started=1
fi
cleanup() { if [ "$started" = 1 ]; then scripts/test-engines.sh down || true; fi; }
trap cleanup EXIT
export DMS_ENGINES_ENV="$env_file"

mvn -B -ntp verify -Dit.skip=false
bin/docker-mcp-secure --prepare
e2e/run.sh
e2e/http/run.sh
# the image goes into the unix-socket test engine, where e2e/dist/run.sh runs it
DOCKER_HOST="$(sed -n 's/^UNIX_DOCKER_HOST=//p' "$env_file")" scripts/package.sh
e2e/dist/run.sh
echo "all tests passed" >&2
