#!/usr/bin/env python3
"""One phase of the list-cache bench (started by bench/cache.sh): N MCP clients over Streamable HTTP, each with its own
session and kept-alive connection, call one list tool in a loop for D seconds, all at once. Prints one JSON line:
calls, calls/s, p50/p99 ms, errors, how many answers said they were cached, and how many list requests the engine
received meanwhile (its debug log, `Calling GET /vX/containers/json`)."""

import argparse
import http.client
import json
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "http"))
from load import mcp_post, pct, run_clients, sse_message  # noqa: E402  (the HTTP bench's helpers)

ENGINE_PATH = {"docker_list_containers": "containers/json", "docker_list_images": "images/json",
               "docker_list_networks": "networks", "docker_list_volumes": "volumes"}


def engine_requests(log, since, tool):
    with open(log, "rb") as f:
        f.seek(since)
        text = f.read().decode("utf-8", "replace")
    return len(re.findall(r'Calling GET /v1\.\d+/' + ENGINE_PATH[tool] + r'[?"\s]', text))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token-file", required=True)
    ap.add_argument("--daemon-log", required=True)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--duration", type=float, default=30)
    ap.add_argument("--tool", default="docker_list_containers", choices=sorted(ENGINE_PATH))
    a = ap.parse_args()
    token = open(a.token_file).read().strip()
    host, port = a.url.split("//")[1].split("/")[0].rsplit(":", 1)
    path = "/" + a.url.split("//")[1].split("/", 1)[1]
    base = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    lock = threading.Lock()
    lat, errors, cached = [], [], [0]

    def post(conn, headers, payload):
        return mcp_post(conn, path, headers, payload)

    def worker(i, start, stop):
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        r, _ = post(conn, base, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": f"bench-cache-{i}", "version": "1"}}})
        headers = dict(base, **{"Mcp-Session-Id": r.getheader("Mcp-Session-Id")})
        post(conn, headers, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        start.wait()
        rid = 1
        while time.perf_counter() < stop.stop_at:
            rid += 1
            t = time.perf_counter_ns()
            try:
                r, body = post(conn, headers, {"jsonrpc": "2.0", "id": rid, "method": "tools/call", "params": {"name": a.tool, "arguments": {}}})
                ms = (time.perf_counter_ns() - t) / 1e6
                msg = sse_message(body)
                with lock:
                    if r.status != 200 or "error" in msg or msg["result"].get("isError"):
                        errors.append(str(body[:200]))
                    else:
                        lat.append(ms)
                        cached[0] += "cache" in msg["result"].get("structuredContent", {})
            except Exception as e:  # noqa: BLE001 - every failure counts
                with lock:
                    errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=120)
        conn.close()

    mark = os.path.getsize(a.daemon_log)
    elapsed = run_clients(a.clients, a.duration, worker)
    time.sleep(0.5)  # dockerd writes its log asynchronously
    print(json.dumps({"tool": a.tool, "clients": a.clients, "calls": len(lat), "calls_per_s": len(lat) / elapsed, "p50_ms": pct(lat, 50),
                      "p99_ms": pct(lat, 99), "errors": len(errors), "error_samples": errors[:3], "cached_answers": cached[0],
                      "engine_requests": engine_requests(a.daemon_log, mark, a.tool)}))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
