#!/usr/bin/env python3
"""Performance bench for docker-mcp-secure (stdlib only).

Measures, against one throwaway Docker engine in one run:

  cold   spawn -> first tools/list answer (initialize, initialized notification, tools/list),
         through bin/docker-mcp-secure and plain `java -jar`, on JDK 17 and (if present) JDK 25,
         next to two JVM floors: `java -Xshare:auto -version` and a tiny stdio echo class
         (bench/Hello.java) driven through the very same handshake. Variants are interleaved
         round by round so that machine noise hits all of them alike.
  warm   one server process, warmed up, then N sequential `tools/call docker_list_containers {}`
         interleaved call by call with two raw floors against the same endpoint:
         a kept-alive HTTP/1.1 connection on the unix socket (the honest floor for an in-process
         warm call) and a fresh `curl --unix-socket` process per call (for reference).
  stats  `docker_stats {}` over every running container (server fan-out) vs one raw
         /containers/ID/stats?stream=false call and a raw concurrent fan-out (one thread and
         connection per container) done by this script.

Usually started by bench/run.sh, which provisions the engine and the start-up archives first.
Never talks to any daemon other than the one named by --engines-env (UNIX_SOCKET).
"""

import argparse
import concurrent.futures
import datetime
import json
import math
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAUNCHER = os.path.join(ROOT, "bin", "docker-mcp-secure")
JAR = os.path.join(ROOT, "target", "docker-mcp-secure.jar")
NEWEST_API = (1, 51)  # keep in step with ApiVersion.NEWEST: the floor asks for what the server asks for
PROTOCOL = "2025-06-18"
TIMEOUT_S = 60


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def ms(ns):
    return ns / 1e6


def pct(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(1, math.ceil(p / 100 * len(s)))
    return s[k - 1]


def summary(values):
    return {"n": len(values), "median": statistics.median(values), "p90": pct(values, 90),
            "min": min(values), "max": max(values), "mean": statistics.fmean(values)}


# --- raw HTTP over the engine's unix socket -------------------------------------------------------

class UnixHttp:
    """HTTP/1.1 GETs over one kept-alive AF_UNIX connection; reads the whole body (chunked or sized)."""

    def __init__(self, path, timeout=TIMEOUT_S):
        self.path = path
        self.timeout = timeout
        self.connects = 0
        self._connect()

    def _connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)
        self.rf = self.sock.makefile("rb", buffering=65536)
        self.connects += 1

    def close(self):
        try:
            self.rf.close()
            self.sock.close()
        except OSError:
            pass

    def get(self, target):
        req = f"GET {target} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: dms-bench\r\n\r\n".encode()
        try:
            self.sock.sendall(req)
            return self._read()
        except (OSError, ConnectionError, EOFError):
            # the daemon closed an idle connection: reconnect once
            self.close()
            self._connect()
            self.sock.sendall(req)
            return self._read()

    def _read(self):
        status_line = self.rf.readline()
        if not status_line:
            raise EOFError("connection closed")
        status = int(status_line.split()[1])
        length = None
        chunked = False
        close = False
        while True:
            line = self.rf.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name = name.strip().lower()
            value = value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "connection" and value.lower() == "close":
                close = True
        if chunked:
            parts = []
            while True:
                size = int(self.rf.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rf.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                parts.append(self.rf.read(size))
                self.rf.readline()
            body = b"".join(parts)
        elif length is not None:
            body = self.rf.read(length)
        else:
            body = self.rf.read()
            close = True
        if close:
            self.close()
            self._connect()
        return status, body


def one_shot_get(path, target):
    c = UnixHttp(path)
    try:
        return c.get(target)
    finally:
        c.close()


# --- MCP over stdio ---------------------------------------------------------------------------------

class Mcp:
    """A JSON-RPC client over a child's stdin/stdout, newline-delimited."""

    def __init__(self, cmd, env, stderr):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env)
        self.next_id = 0
        self.watchdog = None

    def arm(self, seconds=TIMEOUT_S):
        self.disarm()
        self.watchdog = threading.Timer(seconds, self.proc.kill)
        self.watchdog.daemon = True
        self.watchdog.start()

    def disarm(self):
        if self.watchdog:
            self.watchdog.cancel()
            self.watchdog = None

    def send(self, obj):
        self.proc.stdin.write(json.dumps(obj, separators=(",", ":")).encode() + b"\n")
        self.proc.stdin.flush()

    def request_raw(self, method, params=None):
        """Sends a request and returns (its id, the raw answer line); notifications in between are skipped."""
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        want = f'"id":{self.next_id},'.encode()
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"server closed stdout while waiting for {method} (exit {self.proc.poll()})")
            if want in line or f'"id":{self.next_id}}}'.encode() in line:
                return self.next_id, line

    def request(self, method, params=None):
        rid, line = self.request_raw(method, params)
        return check_answer(rid, line, method)

    def notify(self, method):
        self.send({"jsonrpc": "2.0", "method": method})

    def handshake(self):
        self.request("initialize", {"protocolVersion": PROTOCOL, "capabilities": {},
                                    "clientInfo": {"name": "dms-bench", "version": "1"}})
        self.notify("notifications/initialized")
        return self.request("tools/list")

    def close(self):
        self.disarm()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()


def check_answer(rid, line, what):
    msg = json.loads(line)
    if msg.get("id") != rid or "error" in msg:
        raise RuntimeError(f"{what}: unexpected answer {line[:300]!r}")
    return msg["result"]


def call_tool(mcp, name, args):
    rid, line = mcp.request_raw("tools/call", {"name": name, "arguments": args})
    result = check_answer(rid, line, name)
    if result.get("isError"):
        raise RuntimeError(f"{name} failed: {json.dumps(result)[:400]}")
    return result, len(line)


# --- environment ----------------------------------------------------------------------------------

def read_env_file(path):
    out = {}
    with open(path) as f:
        for line in f:
            k, sep, v = line.strip().partition("=")
            if sep:
                out[k] = v
    return out


def java_home_of(java):
    return os.path.dirname(os.path.dirname(os.path.realpath(java)))


def release_version(home):
    try:
        with open(os.path.join(home, "release")) as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return None


def server_env(base, sock, java_home, audit_dir):
    env = dict(base)
    for k in ("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_CONTEXT", "DOCKER_MCP_JAVA_OPTS",
              "LOCAL_DOCKER_HOST", "SECURITY_AUDIT_LOG_FILE", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"):
        env.pop(k, None)
    env.update({"ALLOW_LOCAL_DOCKER": "true", "LOCAL_DOCKER_HOST": f"unix://{sock}", "DOCKER_MCP_JAR": JAR,
                # a missing archive must not start a background training run in the middle of a measurement
                "DOCKER_MCP_NO_ARCHIVE": "1"})
    if audit_dir:
        env["SECURITY_AUDIT_LOG"] = "true"
        env["SECURITY_AUDIT_LOG_FILE"] = os.path.join(audit_dir, "audit.log")
    else:
        env["SECURITY_AUDIT_LOG"] = "false"
    if java_home:
        env["JAVA_HOME"] = java_home
    return env


def archive_for(release):
    """The archive the launcher uses for a runtime; None if it is missing or older than the jar."""
    major = int(release.split(".")[0])
    path = os.path.join(os.path.dirname(JAR), f"docker-mcp-secure-{release}.{'aot' if major >= 25 else 'jsa'}")
    if os.path.exists(path) and os.path.getmtime(path) > os.path.getmtime(JAR):
        return path
    return None


def run_text(cmd, env=None):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=env)
        return (r.stdout + r.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unavailable ({e})"


def machine_facts(sock, javas):
    facts = {}
    facts["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    facts["nproc"] = run_text(["nproc"])
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    facts["cpu"] = cpu
    try:
        with open("/proc/meminfo") as f:
            mem = {l.split(":")[0]: l.split(":")[1].strip() for l in f if ":" in l}
        facts["memory"] = f"{int(mem['MemTotal'].split()[0]) // 1024} MiB total, {int(mem['MemAvailable'].split()[0]) // 1024} MiB available"
    except (OSError, KeyError, ValueError):
        facts["memory"] = "unknown"
    facts["kernel"] = " ".join(platform.uname()[i] for i in (0, 2, 4))
    facts["os"] = run_text(["sh", "-c", ". /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\""])
    facts["python"] = platform.python_version()
    facts["java"] = {label: run_text([os.path.join(home, "bin", "java"), "-version"]).splitlines()
                     for label, home in javas.items()}
    try:
        st, body = one_shot_get(sock, "/version")
        v = json.loads(body)
        facts["docker"] = f"Engine {v.get('Version')} (API {v.get('ApiVersion')}, {v.get('Os')}/{v.get('Arch')}), containerd/runc per engine"
        facts["docker_api"] = v.get("ApiVersion")
    except Exception as e:  # noqa: BLE001 - reported, not fatal
        facts["docker"] = f"unavailable ({e})"
    cli = shutil.which("docker")
    facts["docker_cli"] = run_text([cli, "--version"]) if cli else "not installed"
    facts["curl"] = run_text(["curl", "--version"]).splitlines()[0] if shutil.which("curl") else "not installed"
    facts["cpu_governor"] = run_text(["sh", "-c", "cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor 2>/dev/null || echo n/a"])
    facts["loadavg_start"] = load()
    return facts


def cpu_times():
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    v += [0] * (8 - len(v))
    user, nice, system, idle, iowait, irq, softirq, steal = v[:8]
    return {"busy": user + nice + system + irq + softirq, "idle": idle + iowait, "steal": steal}


def cpu_use(before, after):
    """Machine-wide CPU use between two samples (all processes, this bench included), in % of all cores."""
    if not before or not after:
        return None
    d = {k: after[k] - before[k] for k in before}
    total = d["busy"] + d["idle"] + d["steal"]
    return {"busy_pct": round(100 * d["busy"] / total, 1), "steal_pct": round(100 * d["steal"] / total, 1)} if total else None


def load():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "n/a"


# --- cold start -------------------------------------------------------------------------------------

def cold_mcp(cmd, env, errf, floor=False):
    t0 = time.perf_counter_ns()
    m = Mcp(cmd, env, errf)
    m.arm()
    try:
        tools = m.handshake()
        t1 = time.perf_counter_ns()
    finally:
        m.close()
    if floor:
        return ms(t1 - t0), 0
    if not tools.get("tools"):
        raise RuntimeError(f"{cmd}: tools/list returned no tools")
    return ms(t1 - t0), len(tools["tools"])


def cold_exit(cmd, env):
    t0 = time.perf_counter_ns()
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=env, timeout=TIMEOUT_S)
    t1 = time.perf_counter_ns()
    if r.returncode != 0:
        raise RuntimeError(f"{cmd} exited {r.returncode}")
    return ms(t1 - t0)


def bench_cold(args, sock, javas, workdir):
    hello_dir = os.path.join(workdir, "hello")
    os.makedirs(hello_dir, exist_ok=True)
    javac = os.path.join(javas["17"], "bin", "javac")
    have_hello = os.path.exists(javac) and subprocess.run(
        [javac, "--release", "17", "-d", hello_dir, os.path.join(HERE, "Hello.java")]).returncode == 0
    if not have_hello:
        log("no javac for JDK 17: skipping the stdio echo floor")

    variants = []  # (key, label, kind, cmd, env)
    for label, home in javas.items():
        java = os.path.join(home, "bin", "java")
        env = server_env(os.environ, sock, home, None)
        rel = release_version(home) or "?"
        variants.append((f"version-{label}", f"JVM floor: `java -Xshare:auto -version` (JDK {rel})", "exit",
                         [java, "-Xshare:auto", "-version"], env))
        if have_hello:
            variants.append((f"hello-{label}", f"JVM floor: tiny stdio echo class, same handshake (JDK {rel})", "mcp",
                             [java, "-Xshare:auto", "-cp", hello_dir, "Hello"], env))
        arch = archive_for(rel) if rel != "?" else None
        if arch is None:
            log(f"WARNING: no start-up archive newer than the jar for JDK {rel}: run "
                f"'JAVA_HOME={home} bin/docker-mcp-secure --prepare' first; the launcher figure is without archive")
        variants.append((f"launcher-{label}", f"`bin/docker-mcp-secure` (JDK {rel}, {'AOT cache' if int(rel.split('.')[0]) >= 25 else 'CDS archive'}"
                         f"{'' if arch else ' MISSING'})", "mcp", [LAUNCHER], env))
        variants.append((f"jar-{label}", f"plain `java -jar docker-mcp-secure.jar` (JDK {rel})", "mcp",
                         [java, "-jar", JAR], env))

    samples = {v[0]: [] for v in variants}
    tool_counts = set()
    errlog = os.path.join(workdir, "cold-stderr.log")
    with open(errlog, "wb") as errf:
        # one throw-away round first: page cache, archive files, python imports
        for key, label, kind, cmd, env in variants:
            (cold_mcp(cmd, env, errf, key.startswith("hello")) if kind == "mcp" else cold_exit(cmd, env))
        for r in range(args.cold_runs):
            order = variants[r % len(variants):] + variants[:r % len(variants)]  # rotate: no variant always runs first
            for key, label, kind, cmd, env in order:
                if kind == "mcp":
                    t, n = cold_mcp(cmd, env, errf, key.startswith("hello"))
                    if not key.startswith("hello"):
                        tool_counts.add(n)
                else:
                    t = cold_exit(cmd, env)
                samples[key].append(t)
            log(f"cold round {r + 1}/{args.cold_runs}: " + ", ".join(f"{k}={samples[k][-1]:.0f}" for k in samples))
    return {"variants": [{"key": k, "label": l, "kind": kind, "cmd": " ".join("JAR" if c == JAR else c[len(ROOT) + 1:] if c.startswith(ROOT + "/") else c for c in cmd),
                          "samples_ms": samples[k], **summary(samples[k])} for k, l, kind, cmd, env in variants],
            "tools": sorted(tool_counts)}


# --- warm list --------------------------------------------------------------------------------------

def start_server(cmd, sock, java_home, workdir, audit_dir, name):
    errf = open(os.path.join(workdir, f"{name}-stderr.log"), "wb")
    m = Mcp(cmd, server_env(os.environ, sock, java_home, audit_dir), errf)
    m.arm(120)
    m.handshake()
    m.disarm()
    return m, errf


def api_prefix(sock):
    st, body = one_shot_get(sock, "/version")
    v = json.loads(body)
    major, minor = (int(x) for x in v["ApiVersion"].split("."))
    if (major, minor) > NEWEST_API:
        major, minor = NEWEST_API
    return f"/v{major}.{minor}"


def socket_inodes(pid):
    """Socket inodes the process holds: lets us see whether the server reuses its engine connections."""
    out = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                t = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if t.startswith("socket:"):
                out.add(t)
    except OSError:
        pass
    return out


def bench_warm(args, sock, servers):
    """servers: list of (key, label, Mcp); all are driven in the same interleaved loop as the floors."""
    prefix = api_prefix(sock)
    target = f"{prefix}/containers/json?all=1"
    url = f"http://localhost{target}"
    ka = UnixHttp(sock)
    curl = shutil.which("curl")
    curl_cmd = [curl, "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "--unix-socket", sock, url] if curl else None
    main_mcp = servers[0][2]

    def server_call(mcp, method="tools/call"):
        params = {"name": "docker_list_containers", "arguments": {}} if method == "tools/call" else None
        t0 = time.perf_counter_ns()
        rid, line = mcp.request_raw(method, params)
        t1 = time.perf_counter_ns()
        return t1 - t0, rid, line

    def ka_call():
        t0 = time.perf_counter_ns()
        st, body = ka.get(target)
        t1 = time.perf_counter_ns()
        if st != 200:
            raise RuntimeError(f"raw GET {target}: HTTP {st}")
        return t1 - t0, len(body)

    def curl_call():
        t0 = time.perf_counter_ns()
        r = subprocess.run(curl_cmd, capture_output=True, text=True, timeout=TIMEOUT_S)
        t1 = time.perf_counter_ns()
        code, _, tt = r.stdout.partition(" ")
        if r.returncode != 0 or code != "200":
            raise RuntimeError(f"curl failed: {r.returncode} {r.stdout} {r.stderr}")
        return t1 - t0, float(tt) * 1e9

    # warm-up; also checks what the servers return
    n_containers = None
    resp_bytes = 0
    for i in range(args.warmup):
        for key, label, mcp in servers:
            _, rid, line = server_call(mcp)
            result = check_answer(rid, line, "docker_list_containers")
            if result.get("isError"):
                raise RuntimeError(f"docker_list_containers failed: {line[:400]!r}")
            n_containers = result["structuredContent"]["count"]
            resp_bytes = len(line)
            if args.save_answer and mcp is main_mcp:
                with open(args.save_answer, "wb") as f:
                    f.write(line)
        server_call(main_mcp, "ping")
        ka_call()
    for i in range(min(10, args.warmup)):
        if curl_cmd:
            curl_call()
    _, raw_bytes = ka_call()
    if n_containers < 50:
        log(f"WARNING: only {n_containers} containers listed; run 'scripts/test-engines.sh scale 50 unix' first")

    socks_before = socket_inodes(main_mcp.proc.pid)
    samples = {key: [] for key, _, _ in servers}
    samples.update({"ping": [], "keepalive": [], "curl-spawn": [], "curl-inner": []})
    checked = 0
    ops = [("server", s) for s in servers] + [("ka", None)] + ([("curl", None)] if curl_cmd else [])
    for i in range(args.calls):
        order = ops[i % len(ops):] + ops[:i % len(ops)]  # rotate: no path always goes first
        for op, srv in order:
            if op == "server":
                key, _, mcp = srv
                t, rid, line = server_call(mcp)
                samples[key].append(ms(t))
                if i % 20 == 0:  # parse a sample of the answers, outside the timed region
                    if check_answer(rid, line, "docker_list_containers").get("isError"):
                        raise RuntimeError("docker_list_containers failed during the timed loop")
                    checked += 1
                if mcp is main_mcp:
                    t, rid, line = server_call(mcp, "ping")
                    samples["ping"].append(ms(t))
            elif op == "ka":
                t, _ = ka_call()
                samples["keepalive"].append(ms(t))
            else:
                t, inner = curl_call()
                samples["curl-spawn"].append(ms(t))
                samples["curl-inner"].append(ms(inner))
    socks_after = socket_inodes(main_mcp.proc.pid)
    ka_connects = ka.connects
    ka.close()

    rows = [{"key": key, "label": label, "samples_ms": samples[key], **summary(samples[key])} for key, label, _ in servers]
    rows.append({"key": "keepalive", "label": f"raw floor: kept-alive HTTP/1.1 GET {target} (Python, AF_UNIX)",
                 "samples_ms": samples["keepalive"], **summary(samples["keepalive"])})
    if curl_cmd:
        rows.append({"key": "curl-spawn", "label": "reference: `curl --unix-socket` process per call, spawn to exit",
                     "samples_ms": samples["curl-spawn"], **summary(samples["curl-spawn"])})
        rows.append({"key": "curl-inner", "label": "reference: same curl, its own `time_total` (new connection + request, no spawn)",
                     "samples_ms": samples["curl-inner"], **summary(samples["curl-inner"])})
    rows.append({"key": "ping", "label": f"context: MCP `ping` round trip to the {servers[0][0]} server (stdio + SDK, no engine)",
                 "samples_ms": samples["ping"], **summary(samples["ping"])})
    return {"rows": rows, "containers": n_containers, "server_response_bytes": resp_bytes, "engine_body_bytes": raw_bytes,
            "target": target, "keepalive_connects": ka_connects, "server_answers_parsed": checked,
            "server_socket_fds": {"before": len(socks_before), "after": len(socks_after),
                                  "kept": len(socks_before & socks_after)}}



# --- stats fan-out ----------------------------------------------------------------------------------

def bench_stats(args, sock, mcp):
    prefix = api_prefix(sock)
    st, body = one_shot_get(sock, f"{prefix}/containers/json")
    running = [c["Id"] for c in json.loads(body)]
    bench_ids = [c["Id"] for c in json.loads(body) if any(n.startswith("/bench-") for n in c.get("Names", []))]
    one = (bench_ids or running)[0]

    def server_stats():
        t0 = time.perf_counter_ns()
        result, _ = call_tool(mcp, "docker_stats", {})
        t1 = time.perf_counter_ns()
        return ms(t1 - t0), len(result["structuredContent"]["samples"]), len(result["structuredContent"].get("errors", []))

    def raw_one(cid):
        c = UnixHttp(sock)
        try:
            st, b = c.get(f"{prefix}/containers/{cid}/stats?stream=false")
            if st != 200:
                raise RuntimeError(f"stats {cid[:12]}: HTTP {st}")
            return b
        finally:
            c.close()

    def raw_single():
        t0 = time.perf_counter_ns()
        raw_one(one)
        return ms(time.perf_counter_ns() - t0)

    def raw_fanout():
        t0 = time.perf_counter_ns()
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(running)) as ex:
            list(ex.map(raw_one, running))
        return ms(time.perf_counter_ns() - t0)

    server_stats()  # warm-up: the first call also starts the worker threads
    s_server, s_single, s_fan = [], [], []
    samples_seen, errors_seen = set(), set()
    for i in range(args.stats_runs):
        t, n, e = server_stats()
        s_server.append(t)
        samples_seen.add(n)
        errors_seen.add(e)
        s_single.append(raw_single())
        s_fan.append(raw_fanout())
        log(f"stats round {i + 1}/{args.stats_runs}: server={t:.0f} ms ({n} samples), raw single={s_single[-1]:.0f} ms, raw fan-out={s_fan[-1]:.0f} ms")
    return {"running": len(running), "server_samples": sorted(samples_seen), "server_errors": sorted(errors_seen),
            "rows": [
                {"key": "server", "label": f"server: `tools/call docker_stats {{}}` ({len(running)} running containers)", "samples_ms": s_server, **summary(s_server)},
                {"key": "raw-single", "label": "raw: one `GET /containers/ID/stats?stream=false`", "samples_ms": s_single, **summary(s_single)},
                {"key": "raw-fanout", "label": f"raw: {len(running)} such GETs at once (Python threads, one connection each)", "samples_ms": s_fan, **summary(s_fan)},
            ]}


# --- report -----------------------------------------------------------------------------------------

def f0(x):
    return f"{x:.0f}"


def f2(x):
    return f"{x:.2f}"


def cpu_note(section):
    c = section.get("cpu")
    return f"Machine-wide CPU use during this section (bench included): {c['busy_pct']}% busy, {c['steal_pct']}% steal." if c else ""


def markdown(res):
    out = []
    fa = res["facts"]
    out.append(f"### Machine ({fa['date']})\n")
    out.append(f"- CPU: {fa['cpu']}, nproc {fa['nproc']}; governor {fa['cpu_governor']}")
    out.append(f"- Memory: {fa['memory']}")
    out.append(f"- Kernel: {fa['kernel']}; OS: {fa['os']}")
    for label, lines in fa["java"].items():
        out.append(f"- Java {label}: {' / '.join(l.strip() for l in lines[:2])}")
    out.append(f"- Docker: {fa['docker']}; CLI: {fa['docker_cli']}")
    out.append(f"- curl: {fa['curl']}; Python {fa['python']}")
    out.append(f"- Load average at start / end: {fa['loadavg_start']} / {fa.get('loadavg_end', 'n/a')}")
    if res["args"].get("jar_info"):
        out.append(f"- Server: {res['args']['jar_info']}")
    out.append("")
    if "cold" in res:
        c = res["cold"]
        v = {r["key"]: r for r in c["variants"]}
        floor = v.get("hello-17") or v.get("version-17")
        out.append(f"### Cold start: spawn to first `tools/list` answer (ms, {c['variants'][0]['n']} interleaved rounds)\n")
        out.append("| Variant | median | p90 | min | median / JVM floor |")
        out.append("|---|---:|---:|---:|---:|")
        for r in c["variants"]:
            fl = v.get("hello-" + r["key"].split("-")[-1]) or floor
            ratio = "1.00 (floor)" if r["key"].startswith("hello") else f"{r['median'] / fl['median']:.2f}"
            out.append(f"| {r['label']} | {f0(r['median'])} | {f0(r['p90'])} | {f0(r['min'])} | {ratio} |")
        lj = v.get("launcher-17")
        if lj:
            ok = lj["median"] <= 600
            out.append(f"\nTarget: launcher on JDK 17 ≤ 600 ms median: **{f0(lj['median'])} ms, {'met' if ok else 'NOT met'}**. "
                       f"Floor ratio is against the echo class on the same JDK (same handshake, same pipes).")
        out.append(cpu_note(c))
        out.append("")
    if "warm" in res:
        w = res["warm"]
        rows = {r["key"]: r for r in w["rows"]}
        s = rows["launcher"]
        out.append(f"### Warm `docker_list_containers`: {w['containers']} containers, {s['n']} sequential calls per path, interleaved (ms)\n")
        out.append(f"Server answer {w['server_response_bytes']} bytes per call; engine body {w['engine_body_bytes']} bytes "
                   f"(`GET {w['target']}`).\n")
        out.append("| Path | median | p90 | min | launcher server / this (median) | (p90) |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for r in w["rows"]:
            rm = "—" if r is s or r["key"] == "ping" else f"{s['median'] / r['median']:.2f}"
            rp = "—" if r is s or r["key"] == "ping" else f"{s['p90'] / r['p90']:.2f}"
            out.append(f"| {r['label']} | {f2(r['median'])} | {f2(r['p90'])} | {f2(r['min'])} | {rm} | {rp} |")
        ka = rows["keepalive"]
        ratio = s["median"] / ka["median"]
        out.append(f"\nTarget: warm list ≤ 1.5× the raw floor. Honest ratio (launcher server vs kept-alive floor, medians): "
                   f"**{ratio:.2f}×, {'met' if ratio <= 1.5 else 'NOT met'}** (p90: {s['p90'] / ka['p90']:.2f}×)"
                   + (f"; against a curl process per call it is {s['median'] / rows['curl-spawn']['median']:.2f}× (not a fair floor: "
                      f"curl pays a process spawn and a new connection on every call)." if "curl-spawn" in rows else "."))
        fd = w["server_socket_fds"]
        out.append(f"Launcher server's socket fds before/after the timed loop: {fd['before']}/{fd['after']}, {fd['kept']} the same "
                   f"(engine connection kept alive).")
        out.append(cpu_note(w))
        out.append("")
    if "stats" in res:
        st = res["stats"]
        rows = {r["key"]: r for r in st["rows"]}
        out.append(f"### `docker_stats` over every running container: {st['running']} running, {rows['server']['n']} calls each (ms)\n")
        out.append("| Path | median | p90 | min | max |")
        out.append("|---|---:|---:|---:|---:|")
        for r in st["rows"]:
            out.append(f"| {r['label']} | {f0(r['median'])} | {f0(r['p90'])} | {f0(r['min'])} | {f0(r['max'])} |")
        one = rows["raw-single"]["median"]
        out.append(f"\nServer fan-out: {rows['server']['median'] / one:.2f}× one raw stats call; a sequential loop would take about "
                   f"{st['running'] * one / 1000:.0f} s. Samples per server answer: {st['server_samples']}; host errors: {st['server_errors']}.")
        out.append(cpu_note(st))
        out.append("")
    return "\n".join(out)


def main():
    global JAR
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engines-env", default="/tmp/dms-engines/engines.env", help="engines.env from scripts/test-engines.sh")
    ap.add_argument("--only", default="cold,warm,stats", help="comma-separated: cold, warm, stats")
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--stats-runs", type=int, default=5)
    ap.add_argument("--java17-home", default=None, help="default: the java on PATH")
    ap.add_argument("--java25-home", default="/usr/lib/jvm/temurin-25-jdk-amd64")
    ap.add_argument("--jar", default=os.environ.get("DOCKER_MCP_JAR", JAR),
                    help="server jar (default $DOCKER_MCP_JAR or target/docker-mcp-secure.jar); run.sh passes a snapshot copy")
    ap.add_argument("--jar-info", default="", help="free text about the jar (commit, checksum) for the report")
    ap.add_argument("--no-jar-server", action="store_true", help="warm: skip the second server started with plain java -jar")
    ap.add_argument("--save-answer", help="warm: save one raw docker_list_containers answer line here (input for bench/RedactorCost.java)")
    ap.add_argument("--audit", action="store_true", help="warm/stats with the audit log on (file in a temp dir)")
    ap.add_argument("--json", dest="json_out", help="write all samples and summaries here")
    ap.add_argument("--markdown", dest="md_out", help="write the Markdown tables here")
    args = ap.parse_args()

    env = read_env_file(args.engines_env)
    sock = env["UNIX_SOCKET"]
    if sock.rstrip("/") in ("/var/run/docker.sock", "/run/docker.sock"):
        sys.exit("bench: refusing to use the system Docker socket")
    JAR = os.path.abspath(args.jar)
    if not os.path.exists(JAR):
        sys.exit(f"bench: {JAR} missing: mvn -B -q package -DskipTests")

    j17 = args.java17_home or (java_home_of(shutil.which("java")) if shutil.which("java") else None)
    if not j17 or not os.path.exists(os.path.join(j17, "bin", "java")):
        sys.exit("bench: no Java 17 runtime")
    javas = {"17": j17}
    if args.java25_home and os.path.exists(os.path.join(args.java25_home, "bin", "java")):
        javas["25"] = args.java25_home
    else:
        log("JDK 25 not found: skipping its variants")

    only = set(args.only.split(","))
    res = {"facts": machine_facts(sock, javas), "args": vars(args)}
    with tempfile.TemporaryDirectory(prefix="dms-bench-") as workdir:
        audit_dir = os.path.join(workdir, "audit") if args.audit else None
        if audit_dir:
            os.makedirs(audit_dir)
        if "cold" in only:
            log("cold start ...")
            c0 = cpu_times()
            res["cold"] = bench_cold(args, sock, javas, workdir)
            res["cold"]["cpu"] = cpu_use(c0, cpu_times())
        if only & {"warm", "stats"}:
            started = []
            try:
                mcp, errf = start_server([LAUNCHER], sock, j17, workdir, audit_dir, "launcher")
                started.append((mcp, errf))
                servers = [("launcher", "server: `tools/call docker_list_containers {}` via `bin/docker-mcp-secure` (JDK 17)", mcp)]
                if "warm" in only and not args.no_jar_server:
                    m2, e2 = start_server([os.path.join(j17, "bin", "java"), "-jar", JAR], sock, j17, workdir, audit_dir, "jar")
                    started.append((m2, e2))
                    servers.append(("jar", "same via plain `java -jar` (JDK 17, default JIT: C1+C2)", m2))
                if "warm" in only:
                    log(f"warm docker_list_containers: {args.warmup} warm-up + {args.calls} timed calls per path ...")
                    c0 = cpu_times()
                    res["warm"] = bench_warm(args, sock, servers)
                    res["warm"]["cpu"] = cpu_use(c0, cpu_times())
                if "stats" in only:
                    log("docker_stats fan-out ...")
                    c0 = cpu_times()
                    res["stats"] = bench_stats(args, sock, mcp)
                    res["stats"]["cpu"] = cpu_use(c0, cpu_times())
            finally:
                for m, e in started:
                    m.close()
                    e.close()
    res["facts"]["loadavg_end"] = load()
    md = markdown(res)
    print(md)
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(res, f, indent=1)
    if args.md_out:
        with open(args.md_out, "w") as f:
            f.write(md + "\n")


if __name__ == "__main__":
    main()
