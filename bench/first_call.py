#!/usr/bin/env python3
"""Paired first-call timing (issue 9): spawns the server through bin/docker-mcp-secure for each jar in turn (order
alternating per round), handshake + tools/list, then the first docker_list_containers and the first docker_logs
(container 'chatty', tail 1), and prints the medians per jar: spawn -> tools/list answer, first list, first logs (ms).
With WARM=N in the environment, each spawn then makes N more lists and N more logs calls, and the medians of those
(warm list, warm logs, ms) and the process's CPU (user+sys, s, from /proc) after them are printed too.

    UNIX_DOCKER_HOST=unix:///.../docker.sock [WARM=50] python3 bench/first_call.py ROUNDS A.jar B.jar ...

Each jar should sit in its own folder with its start-up archive (DOCKER_MCP_JAR=A.jar bin/docker-mcp-secure --prepare);
the audit log goes to a temp folder. An argument JAR::FLAGS runs that jar with DOCKER_MCP_JAVA_OPTS=FLAGS (added after the
launcher's own JVM flags, so a flag given there wins): the same jar under two JIT settings, paired. Needs the unix test engine of scripts/test-engines.sh (its engines.env has
UNIX_DOCKER_HOST). Standard library only.
"""
import json, subprocess, sys, time, os, tempfile

tmp = tempfile.mkdtemp(prefix='dms-first-call.')
def run(arg):
    jar, _, flags = arg.partition('::')
    env = dict(os.environ, ALLOW_LOCAL_DOCKER='true', DOCKER_HOST=os.environ['UNIX_DOCKER_HOST'], SECURITY_AUDIT_LOG_FILE=os.path.join(tmp, 'audit.jsonl'), DOCKER_MCP_JAR=jar, DOCKER_MCP_NO_ARCHIVE='1', DOCKER_MCP_JAVA_OPTS=flags)
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
    lists, logs = [], []
    for i in range(WARM):
        for name, args, out in (("docker_list_containers", {}, lists), ("docker_logs", {"container": "chatty", "tail": 1}, logs)):
            t = time.perf_counter()
            send({"jsonrpc": "2.0", "id": 10 + i, "method": "tools/call", "params": {"name": name, "arguments": args}}); read()
            out.append((time.perf_counter() - t) * 1000)
    with open('/proc/%d/stat' % p.pid) as f:
        ticks = f.read().rsplit(')', 1)[1].split()
    cpu = (int(ticks[11]) + int(ticks[12])) / os.sysconf('SC_CLK_TCK')
    p.stdin.close(); p.wait()
    warm = (statistics.median(lists), statistics.median(logs), cpu) if WARM else ()
    return ((t1-t0)*1000, (t2-t1)*1000, (t3-t2)*1000) + warm
import statistics
WARM = int(os.environ.get('WARM', '0'))
jars = sys.argv[2:]; n = int(sys.argv[1])
res = {j: [] for j in jars}
for i in range(n):
    for j in (jars if i % 2 == 0 else jars[::-1]):
        res[j].append(run(j))
for j in jars:
    r = res[j]
    m = [statistics.median(x[k] for x in r) for k in range(len(r[0]))]
    warm = ' warm-list %.2f warm-logs %.2f cpu %.2f' % tuple(m[3:]) if WARM else ''
    print(j, 'start %.0f first-list %.0f first-logs %.0f' % tuple(m[:3]) + warm, 'first-list all:', ' '.join('%.0f' % x[1] for x in r))
