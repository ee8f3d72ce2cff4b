#!/usr/bin/env python3
"""HTTP mode behind a load balancer: two replicas of the packaged server behind a tiny loopback proxy.

MCP sessions (Mcp-Session-Id) live in the replica that created them. This script shows what a client sees when the
balancer sends a session's request to the other replica, and that pinning a session to its replica (sticky sessions)
avoids it. Two server processes (target/docker-mcp-secure.jar --transport http, same bearer token, the unix test
engine as host 'local') sit behind a proxy of this script that forwards each request whole, either

  round-robin : request after request to the next replica, as a balancer without affinity does;
  sticky      : a request carrying an Mcp-Session-Id to the replica that issued that id (learned from the
                initialize answer), as a balancer with session affinity on that header does.

Each policy runs --sessions clients; each initializes, then makes --calls tools/call docker_list_containers.
Printed: per policy, how many calls answered, how many got which HTTP status, and the first refusal's body; then
what a client gets when it re-initializes after a refusal.

  bench/two_replicas.py --engines-env /tmp/dms-engines/engines.env [--sessions 10] [--calls 10]
"""

import argparse
import http.client
import http.server
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "docker-mcp-secure.jar")
TOKEN = "b" * 64
ACCEPT = "application/json, text/event-stream"


def start_replica(engine, workdir):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": workdir, "MCP_PORT": "0", "MCP_AUTH_TOKEN": TOKEN,
           # the per-token rate and session limits are off so that only the balancing shows (one token, many sessions)
           "MCP_RATE_LIMIT": "0", "MCP_MAX_SESSIONS": "1024", "MCP_MAX_SESSIONS_PER_TOKEN": "1024",
           "ALLOW_LOCAL_DOCKER": "true", "LOCAL_DOCKER_HOST": engine, "SECURITY_AUDIT_LOG_FILE": os.path.join(workdir, "audit.log")}
    err = open(os.path.join(workdir, "stderr.txt"), "w+")
    p = subprocess.Popen(["java", "-jar", JAR, "--transport", "http"], env=env, stdout=subprocess.DEVNULL, stderr=err)
    for _ in range(600):
        err.seek(0)
        m = re.search(r"ready on http://127\.0\.0\.1:(\d+)/mcp", err.read())
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            sys.exit("replica did not start: see " + err.name)
        time.sleep(0.05)
    sys.exit("replica did not start in 30 s")


class Proxy(http.server.ThreadingHTTPServer):
    def __init__(self, ports, policy):
        super().__init__(("127.0.0.1", 0), Forward)
        self.ports, self.policy = ports, policy
        self.next = itertools.cycle(range(len(ports)))
        self.owner = {}  # session id -> replica index
        self.lock = threading.Lock()

    def choose(self, session):
        with self.lock:
            if self.policy == "sticky" and session in self.owner:
                return self.owner[session]
            return next(self.next)


class Forward(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.forward()

    def do_DELETE(self):
        self.forward()

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        replica = self.server.choose(self.headers.get("Mcp-Session-Id"))
        port = self.server.ports[replica]
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
        headers["Host"] = "127.0.0.1:%d" % port
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request(self.command, self.path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        issued = r.getheader("Mcp-Session-Id")
        if issued:
            with self.server.lock:
                self.server.owner[issued] = replica
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        c.close()


def post(port, message, session=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json", "Accept": ACCEPT,
               "MCP-Protocol-Version": "2025-06-18"}
    if session:
        headers["Mcp-Session-Id"] = session
    c.request("POST", "/mcp", body=json.dumps(message), headers=headers)
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, r.getheader("Mcp-Session-Id"), body


def initialize(port):
    status, session, body = post(port, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "two-replicas", "version": "1"}}})
    if status != 200 or not session:
        return None
    post(port, {"jsonrpc": "2.0", "method": "notifications/initialized"}, session)
    return session


def answered(status, body):
    return status == 200 and '"result"' in body and '"isError":false' in body.replace(" ", "")


def run(policy, ports, sessions, calls):
    proxy = Proxy(ports, policy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    port = proxy.server_address[1]
    outcomes, first_refusal, reinit = Counter(), None, Counter()
    for _ in range(sessions):
        session = initialize(port)
        if session is None:
            outcomes["initialize refused"] += 1
            continue
        for i in range(calls):
            status, _, body = post(port, {"jsonrpc": "2.0", "id": 10 + i, "method": "tools/call",
                                          "params": {"name": "docker_list_containers", "arguments": {}}}, session)
            if answered(status, body):
                outcomes["answered"] += 1
                continue
            outcomes["HTTP %d" % status] += 1
            if first_refusal is None:
                first_refusal = "HTTP %d %s" % (status, body.strip()[:200])
            fresh = initialize(port)  # what a client does on 404: start a new session
            reinit["new session" if fresh else "re-initialize refused"] += 1
            session = fresh or session
    proxy.shutdown()
    return outcomes, first_refusal, reinit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engines-env", default="/tmp/dms-engines/engines.env")
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--calls", type=int, default=10)
    a = ap.parse_args()
    engines = dict(l.strip().split("=", 1) for l in open(a.engines_env) if "=" in l)
    replicas = []
    try:
        for _ in range(2):
            replicas.append(start_replica(engines["UNIX_DOCKER_HOST"], tempfile.mkdtemp(prefix="dms-replica-")))
        ports = [p for _, p in replicas]
        print("two replicas on ports %s; %d sessions x %d tools/call each, per policy" % (ports, a.sessions, a.calls))
        for policy in ("round-robin", "sticky"):
            outcomes, refusal, reinit = run(policy, ports, a.sessions, a.calls)
            print("%-11s  %s" % (policy, dict(outcomes)))
            if refusal:
                print("             first refusal: %s" % refusal)
                print("             after it, re-initialize through the balancer: %s" % dict(reinit))
    finally:
        for p, _ in replicas:
            p.terminate()
            p.wait(10)


if __name__ == "__main__":
    main()
