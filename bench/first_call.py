#!/usr/bin/env python3
"""Paired first-call timing (issue 9): spawns the server through bin/docker-mcp-secure for each jar in turn (order
alternating per round), handshake + tools/list, then the first docker_list_containers and the first docker_logs
(container 'chatty', tail 1), and prints the medians per jar: spawn -> tools/list answer, first list, first logs (ms).

    UNIX_DOCKER_HOST=unix:///.../docker.sock python3 bench/first_call.py ROUNDS A.jar B.jar ...

Each jar should sit in its own folder with its start-up archive (DOCKER_MCP_JAR=A.jar bin/docker-mcp-secure --prepare);
the audit log goes to a temp folder. Needs the unix test engine of scripts/test-engines.sh (its engines.env has
UNIX_DOCKER_HOST). Standard library only.
"""
import json, subprocess, sys, time, os, tempfile

tmp = tempfile.mkdtemp(prefix='dms-first-call.')
def run(jar):
    env = dict(os.environ, ALLOW_LOCAL_DOCKER='true', DOCKER_HOST=os.environ['UNIX_DOCKER_HOST'], SECURITY_AUDIT_LOG_FILE=os.path.join(tmp, 'audit.jsonl'), DOCKER_MCP_JAR=jar, DOCKER_MCP_NO_ARCHIVE='1')
    t0 = time.perf_counter()
    p = subprocess.Popen([os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bin', 'docker-mcp-secure')], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, stderr=subprocess.DEVNULL)
    def send(m): p.stdin.write((json.dumps(m) + "\n").encode()); p.stdin.flush()
    def read():
        while True:
            l = p.stdout.readline()
            if l.startswith(b'{'): return json.loads(l)
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "d", "version": "1"}}}); read()
    send({"jsonrpc": "2.0", "method": "notifications/initialized"}); send({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}); read()
    t1 = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "docker_list_containers", "arguments": {}}}); read()
    t2 = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "docker_logs", "arguments": {"container": "chatty", "tail": 1}}}); read()
    t3 = time.perf_counter()
    p.stdin.close(); p.wait()
    return (t1-t0)*1000, (t2-t1)*1000, (t3-t2)*1000
import statistics
jars = sys.argv[2:]; n = int(sys.argv[1])
res = {j: [] for j in jars}
for i in range(n):
    for j in (jars if i % 2 == 0 else jars[::-1]):
        res[j].append(run(j))
for j in jars:
    r = res[j]
    print(j, 'start %.0f first-list %.0f first-logs %.0f' % tuple(statistics.median(x[k] for x in r) for k in range(3)), 'first-list all:', ' '.join('%.0f' % x[1] for x in r))
