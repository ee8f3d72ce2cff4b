#!/usr/bin/env python3
"""Redaction's share of a docker_logs call as users run the product (issue 7): the packaged server started through
bin/docker-mcp-secure (its JVM flags and start-up archive, stdio, audit log on, every other setting default), twice at
once: one as shipped, one with REDACT_LOG_CONTENT=false (log lines not redacted; the rest of the call identical). The
same docker_logs call (default 64 KiB cap) goes to both in turn, pair by pair, so both see the same machine load; the
round trip is timed from the request's write to the answer's last byte. Prints the medians, their difference as a share
of the call as shipped, the median of the per-pair shares, and each server's CPU time per call (user + system of the
whole process over the counted calls, from /proc: the redaction runs on two threads for a long answer, so its wall time
and its CPU differ).

    UNIX_DOCKER_HOST=unix:///.../docker.sock python3 bench/logs_cost.py [CALLS] [CONTAINER] [TAIL]

Defaults: 300 calls each, container bench-logs (command in bench/RedactorCost.java), tail 1000. The first 50 calls of
each server are a warm-up and not counted. Standard library only.
"""
import json, os, statistics, subprocess, sys, tempfile, time

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
CONTAINER = sys.argv[2] if len(sys.argv) > 2 else 'bench-logs'
TAIL = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
WARMUP = 50
LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bin', 'docker-mcp-secure')
tmp = tempfile.mkdtemp(prefix='dms-logs-cost.')


class Server:
    def __init__(self, name, redact):
        env = dict(os.environ, ALLOW_LOCAL_DOCKER='true', DOCKER_HOST=os.environ['UNIX_DOCKER_HOST'],
                   SECURITY_AUDIT_LOG_FILE=os.path.join(tmp, name + '-audit.jsonl'), REDACT_LOG_CONTENT=redact)
        self.p = subprocess.Popen([LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.id = 0
        self.call('initialize', {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}})
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, m):
        self.p.stdin.write((json.dumps(m) + "\n").encode())
        self.p.stdin.flush()

    def call(self, method, params):
        self.id += 1
        self.send({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params})
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise SystemExit('the server ended')
            if line.startswith(b'{'):
                answer = json.loads(line)
                if answer.get('id') == self.id:
                    return answer

    def logs(self):
        t = time.perf_counter()
        answer = self.call('tools/call', {"name": "docker_logs", "arguments": {"container": CONTAINER, "tail": TAIL}})
        elapsed = (time.perf_counter() - t) * 1000
        result = answer.get('result', {})
        if result.get('isError') or 'error' in answer:
            raise SystemExit('docker_logs failed: %s' % json.dumps(answer)[:300])
        return elapsed, result.get('structuredContent', {})

    def cpu(self):
        with open('/proc/%d/stat' % self.p.pid) as f:
            ticks = f.read().rsplit(')', 1)[1].split()
        return (int(ticks[11]) + int(ticks[12])) / os.sysconf('SC_CLK_TCK')

    def close(self):
        self.p.stdin.close()
        self.p.wait()


shipped, plain = Server('shipped', 'true'), Server('plain', 'false')
_, sample = plain.logs()
print('docker_logs answer: %d lines, %s bytes of log text' % (len(sample.get('lines', [])), sample.get('bytes')))
with_r, without, shares = [], [], []
for i in range(WARMUP + CALLS):
    order = (shipped, plain) if i % 2 == 0 else (plain, shipped)
    times = {}
    for s in order:
        times[s] = s.logs()[0]
    if i == WARMUP - 1:
        cpu0 = {s: s.cpu() for s in (shipped, plain)}
    if i >= WARMUP:
        with_r.append(times[shipped])
        without.append(times[plain])
        shares.append((times[shipped] - times[plain]) / times[shipped])
cpu = {s: (s.cpu() - cpu0[s]) * 1000 / CALLS for s in (shipped, plain)}
shipped.close()
plain.close()
w, wo = statistics.median(with_r), statistics.median(without)
print('median over %d paired calls: docker_logs %.2f ms as shipped, %.2f ms without log redaction' % (CALLS, w, wo))
print('redaction share of the call: %.1f %% (difference of the medians), %.1f %% (median of the per-pair shares)'
      % (100 * (w - wo) / w, 100 * statistics.median(shares)))
print('server CPU per call: %.2f ms as shipped, %.2f ms without log redaction (redaction: %.1f %% of the CPU)'
      % (cpu[shipped], cpu[plain], 100 * (cpu[shipped] - cpu[plain]) / cpu[shipped]))
