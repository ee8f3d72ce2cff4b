#!/usr/bin/env python3
"""Fan-out bench: docker_list_containers over a fleet of 10 hosts, with and without one hung host.

The hosts are all the same throwaway unix-socket engine (named h1..h10), so that the figures show what the fan-out
itself costs; the hung host is a loopback TCP listener of this script that accepts connections and never answers.
Each scenario runs one server (bin/docker-mcp-secure, default configuration, audit on, to a temp file) and makes N
sequential calls after one warm-up call; medians and spread are printed next to the one-host figure of the same run.

  bench/fleet.py --engines-env /tmp/dms-engines/engines.env [--calls 20] [--hung-timeout 3s]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "bin", "docker-mcp-secure")


def hung_listener():
    """A TCP port that accepts and then says nothing: a hung engine."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    held = []

    def loop():
        while True:
            c, _ = srv.accept()
            held.append(c)

    threading.Thread(target=loop, daemon=True).start()
    return srv.getsockname()[1]


class Server:
    def __init__(self, env):
        self.p = subprocess.Popen([LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.next_id = 0
        self.rpc("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench-fleet", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, msg):
        self.p.stdin.write((json.dumps(msg) + "\n").encode())
        self.p.stdin.flush()

    def rpc(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("server exited")
            m = json.loads(line)
            if m.get("id") == self.next_id:
                return m

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=30)


def scenario(name, hosts_yaml, calls, base_env):
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "hosts.yaml")
        with open(f, "w") as out:
            out.write(hosts_yaml)
        env = dict(base_env, DOCKER_HOSTS_FILE=f, SECURITY_AUDIT_LOG_FILE=os.path.join(d, "audit.log"), HOME=d)
        s = Server(env)
        try:
            first = s.rpc("tools/call", {"name": "docker_list_containers", "arguments": {}})
            errors = first["result"]["structuredContent"].get("errors", [])
            times = []
            for _ in range(calls):
                t0 = time.perf_counter_ns()
                r = s.rpc("tools/call", {"name": "docker_list_containers", "arguments": {}})
                times.append((time.perf_counter_ns() - t0) / 1e6)
                assert not r["result"].get("isError"), r
            return {"scenario": name, "median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
                    "hosts_failed": [e["host"] for e in errors], "containers": r["result"]["structuredContent"]["count"]}
        finally:
            s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engines-env", default="/tmp/dms-engines/engines.env")
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--hung-timeout", default="3s", help="request_timeout of the hung host in the hosts file")
    a = ap.parse_args()
    engines = dict(l.strip().split("=", 1) for l in open(a.engines_env) if "=" in l)
    sock = engines["UNIX_DOCKER_HOST"]
    base_env = {k: v for k, v in os.environ.items() if k not in ("DOCKER_HOST", "ALLOW_LOCAL_DOCKER", "DOCKER_CONTEXT", "DOCKER_CONTEXTS")}
    port = hung_listener()
    one = "hosts:\n  h1: { host: \"%s\" }\n" % sock
    ten = "hosts:\n" + "".join("  h%d: { host: \"%s\" }\n" % (i, sock) for i in range(1, 11))
    hung = "hosts:\n" + "".join("  h%d: { host: \"%s\" }\n" % (i, sock) for i in range(1, 10)) \
        + "  hung: { host: \"tcp://127.0.0.1:%d\", request_timeout: %s }\n" % (port, a.hung_timeout)
    rows = [scenario("1 host", one, a.calls, base_env), scenario("10 hosts", ten, a.calls, base_env),
            scenario("9 hosts + 1 hung (request_timeout %s)" % a.hung_timeout, hung, a.calls, base_env)]
    floor = rows[0]["median_ms"]
    print("| scenario | containers | median ms | min–max ms | × 1 host | hosts reported failed |")
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        print("| %s | %d | %.1f | %.1f–%.1f | %.2f× | %s |" % (r["scenario"], r["containers"], r["median_ms"], r["min_ms"], r["max_ms"],
                                                           r["median_ms"] / floor, ", ".join(r["hosts_failed"]) or "–"))


if __name__ == "__main__":
    sys.exit(main())
