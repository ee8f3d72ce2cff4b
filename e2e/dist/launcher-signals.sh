#!/usr/bin/env bash
# The npm package's Node launcher between a client and the JVM: the client's bytes reach the server and only the
# server's answers come back on stdout; SIGTERM sent to the launcher reaches the JVM, which ends, and the launcher
# ends with the server's status.   e2e/dist/launcher-signals.sh PACKAGE.tgz WORKDIR
set -euo pipefail
tgz=$1 work=$2
mkdir -p "$work/unpacked"
tar -xzf "$tgz" -C "$work/unpacked"
mkfifo "$work/stdin"
node "$work/unpacked/package/bin/docker-mcp-secure.js" <"$work/stdin" >"$work/stdout" 2>"$work/stderr" &
launcher=$!
exec 7>"$work/stdin"
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"signals","version":"1"}}}' >&7
for _ in $(seq 1 600); do
    [ -s "$work/stdout" ] && break
    sleep 0.1
done
jvm=$(pgrep -P "$launcher" java || true)
[ -n "$jvm" ] || { cat "$work/stderr" >&2; echo "launcher-signals: no JVM under the launcher" >&2; exit 1; }
grep -q '"id":1,"result":{"protocolVersion"' "$work/stdout" || { echo "launcher-signals: no initialize answer: $(cat "$work/stdout")" >&2; exit 1; }
kill -TERM "$launcher"
rc=0
wait "$launcher" || rc=$?
exec 7>&-
if kill -0 "$jvm" 2>/dev/null; then
    echo "launcher-signals: the JVM ($jvm) outlived the launcher's SIGTERM" >&2; exit 1
fi
# 143: the JVM's exit status after SIGTERM (128 + 15), passed on, or the launcher re-raising the same signal
[ "$rc" = 143 ] || { echo "launcher-signals: exit status $rc after SIGTERM, expected 143" >&2; exit 1; }
node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean)) if (JSON.parse(l).jsonrpc !== "2.0") process.exit(1)' "$work/stdout" \
    || { echo "launcher-signals: stdout has more than protocol messages: $(cat "$work/stdout")" >&2; exit 1; }
