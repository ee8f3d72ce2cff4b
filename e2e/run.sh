#!/usr/bin/env bash
# End-to-end test of the built server with the official TypeScript MCP SDK client.
# Needs: target/docker-mcp-secure.jar (mvn -B -q package -DskipTests), Node 20+, and the test engines
# (scripts/test-engines.sh up; the env file is taken from $DMS_ENGINES_ENV or `scripts/test-engines.sh env`).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
npm ci --no-audit --no-fund --loglevel=error
npm test
