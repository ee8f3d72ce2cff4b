#!/usr/bin/env python3
"""Load bench for the Streamable HTTP transport (stdlib only). Usually started by bench/http/run.sh.

Two phases in one run, against the same unix-socket engine, each with N concurrent clients for D seconds:

  floor   every client holds one kept-alive HTTP/1.1 connection to the engine's socket and alternates
          GET /vX/containers/json?all=1 and GET /vX/containers/NAME/json: the raw API cost of the same calls.
  server  every client opens its own MCP session on the server (initialize, initialized) over one kept-alive
          HTTP connection with the bearer token, then alternates tools/call docker_list_containers {} and
          docker_inspect {container: NAME}. An error is any non-200 answer, a JSON-RPC error, an isError result,
          or an exception.

Prints a Markdown table and writes JSON with every figure; exits 1 if the server phase had any error.
"""

import argparse
import datetime
import http.client
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time


def log(msg):
    print(f"bench/http: {msg}", file=sys.stderr, flush=True)


def pct(values, p):
    s = sorted(values)
    return s[max(1, math.ceil(p / 100 * len(s))) - 1] if s else float("nan")


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout=60):
        super().__init__("localhost", timeout=timeout)
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.unix_path)


def engine_api(socket_path):
    c = UnixHTTPConnection(socket_path)
    c.request("GET", "/version")
    v = json.loads(c.getresponse().read())
    c.close()
    major, minor = (int(x) for x in v["ApiVersion"].split("."))
    return f"{min((major, minor), (1, 51))[0]}.{min((major, minor), (1, 51))[1]}", v


class Phase:
    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.lat = {"list": [], "inspect": []}
        self.errors = 0
        self.error_samples = []

    def record(self, kind, ms):
        with self.lock:
            self.lat[kind].append(ms)

    def error(self, what):
        with self.lock:
            self.errors += 1
            if len(self.error_samples) < 5:
                self.error_samples.append(str(what)[:300])


class Start:
    """All clients ready (sessions open), then the clock starts for everybody at once."""

    def __init__(self, n):
        self.ready = threading.Barrier(n + 1)
        self.go = threading.Event()
        self.stop_at = float("inf")

    def wait(self):
        self.ready.wait()
        self.go.wait()


def run_clients(n, duration, worker):
    start = Start(n)
    threads = [threading.Thread(target=worker, args=(i, start, start), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    start.ready.wait()
    t0 = time.perf_counter()
    start.stop_at = t0 + duration
    start.go.set()
    for t in threads:
        t.join(duration + 120)
    return time.perf_counter() - t0


def floor_phase(args, api):
    phase = Phase("floor")
    targets = {"list": f"/v{api}/containers/json?all=1", "inspect": f"/v{api}/containers/{args.container}/json"}

    def worker(i, start, stop_at):
        conn = UnixHTTPConnection(args.socket)
        start.wait()
        k = i % 2
        while time.perf_counter() < stop_at.stop_at:
            kind = ("list", "inspect")[k]
            k ^= 1
            t = time.perf_counter_ns()
            try:
                conn.request("GET", targets[kind])
                r = conn.getresponse()
                body = r.read()
                ms = (time.perf_counter_ns() - t) / 1e6
                if r.status != 200 or not body:
                    phase.error(f"{kind}: HTTP {r.status}")
                else:
                    phase.record(kind, ms)
            except Exception as e:  # noqa: BLE001 - every failure counts as an error
                phase.error(f"{kind}: {e!r}")
                conn.close()
                conn = UnixHTTPConnection(args.socket)
        conn.close()

    elapsed = run_clients(args.clients, args.duration, worker)
    return phase, elapsed


def sse_message(body):
    for line in body.split(b"\n"):
        if line.startswith(b"data:"):
            return json.loads(line[5:])
    return json.loads(body)


def mcp_post(conn, path, headers, payload):
    """One JSON-RPC message POSTed on a kept-alive connection: the response and its body."""
    conn.request("POST", path, body=json.dumps(payload), headers=headers)
    r = conn.getresponse()
    return r, r.read()


def server_phase(args):
    phase = Phase("server")
    host, port = args.url.split("//")[1].split("/")[0].rsplit(":", 1)
    path = "/" + args.url.split("//")[1].split("/", 1)[1]
    base = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream"}
    calls = {"list": {"name": "docker_list_containers", "arguments": {}},
             "inspect": {"name": "docker_inspect", "arguments": {"container": args.container}}}
    sessions = []

    def post(conn, headers, payload):
        return mcp_post(conn, path, headers, payload)

    def worker(i, start, stop_at):
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        try:
            r, _ = post(conn, base, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": f"bench-{i}", "version": "1"}}})
            sid = r.getheader("Mcp-Session-Id")
            if r.status != 200 or not sid:
                raise RuntimeError(f"initialize: HTTP {r.status}")
            headers = dict(base, **{"Mcp-Session-Id": sid})
            post(conn, headers, {"jsonrpc": "2.0", "method": "notifications/initialized"})
            with phase.lock:
                sessions.append(sid)
        except Exception as e:  # noqa: BLE001
            phase.error(f"session {i}: {e!r}")
            start.wait()
            return
        start.wait()
        k, rid = i % 2, 1
        while time.perf_counter() < stop_at.stop_at:
            kind = ("list", "inspect")[k]
            k ^= 1
            rid += 1
            t = time.perf_counter_ns()
            try:
                r, body = post(conn, headers, {"jsonrpc": "2.0", "id": rid, "method": "tools/call", "params": calls[kind]})
                ms = (time.perf_counter_ns() - t) / 1e6
                if r.status != 200:
                    phase.error(f"{kind}: HTTP {r.status} {body[:200]!r}")
                    continue
                msg = sse_message(body)
                if "error" in msg or msg.get("result", {}).get("isError"):
                    phase.error(f"{kind}: {json.dumps(msg)[:200]}")
                else:
                    phase.record(kind, ms)
            except Exception as e:  # noqa: BLE001
                phase.error(f"{kind}: {e!r}")
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=120)
        conn.close()

    elapsed = run_clients(args.clients, args.duration, worker)
    return phase, elapsed, len(set(sessions))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summarise(phase, elapsed):
    both = phase.lat["list"] + phase.lat["inspect"]
    out = {"calls": len(both), "errors": phase.errors, "elapsed_s": elapsed, "throughput_per_s": len(both) / elapsed,
           "error_samples": phase.error_samples}
    for kind, values in (("all", both), ("list", phase.lat["list"]), ("inspect", phase.lat["inspect"])):
        out[kind] = {"n": len(values), "p50": pct(values, 50), "p99": pct(values, 99),
                     "mean": statistics.fmean(values) if values else float("nan"), "max": max(values) if values else float("nan")}
    return out


def machine():
    info = {"cpu": "?", "nproc": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
        with open("/proc/meminfo") as f:
            info["mem_mib"] = int(next(l for l in f if l.startswith("MemTotal")).split()[1]) // 1024
        info["loadavg_start"] = open("/proc/loadavg").read().split()[:3]
        info["java"] = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except Exception:  # noqa: BLE001
        pass
    return info


def markdown(res):
    m, f, s = res["machine"], res["floor"], res["server"]
    rows = [
        "| Path | calls | calls/s | p50 ms | p99 ms | list p50 / p99 | inspect p50 / p99 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("raw API floor: same GETs on the engine socket, 1 kept-alive connection per client", f),
                    ("**server: MCP tools/call over Streamable HTTP, 1 session + kept-alive connection per client**", s)):
        rows.append(f"| {name} | {r['calls']} | {r['throughput_per_s']:.1f} | {r['all']['p50']:.2f} | {r['all']['p99']:.2f} | "
                    f"{r['list']['p50']:.2f} / {r['list']['p99']:.2f} | {r['inspect']['p50']:.2f} / {r['inspect']['p99']:.2f} | {r['errors']} |")
    ratio = f"server / floor: throughput {s['throughput_per_s'] / f['throughput_per_s']:.2f}x, p50 {s['all']['p50'] / f['all']['p50']:.2f}x, p99 {s['all']['p99'] / f['all']['p99']:.2f}x"
    return "\n".join([
        f"Run {res['date']}: `{res['command']}`",
        "",
        f"Machine: {m.get('cpu')}, {m.get('nproc')} CPUs, {m.get('mem_mib')} MiB, kernel {m.get('kernel')}, {m.get('java')}, Python {m.get('python')}; "
        f"load average at start {' '.join(m.get('loadavg_start', []))}.",
        f"Engine: Docker {res['engine']['Version']} (API {res['api']}), {res['containers']} containers; inspected container `{res['container']}`.",
        f"{res['clients']} clients, {res['duration_s']} s per phase; server sessions opened: {res['sessions']}.",
        "",
        *rows,
        "",
        ratio,
        f"Server RSS at the end: {res['server_rss_mib']:.0f} MiB; server CPU during its phase: {res['server_cpu_s']:.1f} s "
        f"({res['server_cpu_s'] / s['elapsed_s'] * 100:.0f} % of one core).",
    ])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True)
    ap.add_argument("--token-file", required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--socket", required=True, help="the engine's unix socket (the floor's target)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--container", default="web")
    ap.add_argument("--command", default="bench/http/run.sh")
    ap.add_argument("--json")
    ap.add_argument("--markdown")
    args = ap.parse_args()
    with open(args.token_file) as f:
        args.token = f.read().strip()
    api, version = engine_api(args.socket)
    c = UnixHTTPConnection(args.socket)
    c.request("GET", f"/v{api}/containers/json?all=1")
    containers = len(json.loads(c.getresponse().read()))
    c.close()
    res = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "command": args.command,
           "machine": machine(), "engine": {"Version": version.get("Version"), "ApiVersion": version.get("ApiVersion")},
           "api": api, "containers": containers, "container": args.container, "clients": args.clients, "duration_s": args.duration}
    log(f"floor: {args.clients} clients x {args.duration:.0f} s on {args.socket}")
    floor, fe = floor_phase(args, api)
    res["floor"] = summarise(floor, fe)
    log(f"server: {args.clients} sessions x {args.duration:.0f} s on {args.url}")
    cpu0 = cpu_seconds(args.server_pid)
    server, se, sessions = server_phase(args)
    res["server_cpu_s"] = cpu_seconds(args.server_pid) - cpu0
    res["server"] = summarise(server, se)
    res["sessions"] = sessions
    res["server_rss_mib"] = rss_kib(args.server_pid) / 1024
    text = markdown(res)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if server.errors or floor.errors:
        log(f"errors: server {server.errors}, floor {floor.errors}: {server.error_samples + floor.error_samples}")
        return 1
    if not server.lat["list"] or not server.lat["inspect"] or not floor.lat["list"]:
        log("a phase made no successful calls")
        return 1
    if sessions != args.clients:
        log(f"only {sessions} of {args.clients} sessions opened")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
