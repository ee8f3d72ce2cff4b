#!/usr/bin/env python3
"""Timing of a hidden object against a missing one, as a client sees it (stdlib only).

One server process (`java -jar`, stdio) on the unix engine of scripts/test-engines.sh, with the fixture's
hidden container (`bench-hidden`, labelled mcp.hidden=true) and a denied image (IMAGE_DENY=dms-fixture:secret*).
For each tool that takes a name, rounds of two calls in random order: the hidden name and a missing one. Both
answer "No ... on host 'local'"; the question is whether the time tells them apart. Per tool it prints the
medians, p10-p90 spread, the ratio of medians, and the median of the per-round difference (hidden - missing,
the two calls of a round run back to back, so drift of the machine cancels out) with its 95 % bootstrap interval:
an interval that contains 0 means the time does not tell hidden from missing at this number of rounds.

    python3 bench/hidden_timing.py [--engines-env FILE] [--jar target/docker-mcp-secure.jar] [--rounds 400]

Run it against an older jar (--jar) to see what a change did. Figures go to docs/SECURITY.md; nothing here is a
test: the machine's load decides the absolute numbers.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the MCP stdio client and helpers of the main bench)

HIDDEN = "bench-hidden"
CASES = [  # tool, argument, hidden value, missing value
    ("docker_inspect", "container", HIDDEN, "bench-nosuch"),
    ("docker_logs", "container", HIDDEN, "bench-nosuch"),
    ("docker_stats", "container", HIDDEN, "bench-nosuch"),
    ("docker_image_info", "image", "dms-fixture:secrets", "dms-fixture:nosuch"),
]


def docker(sock, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
    return subprocess.run(["docker", "-H", f"unix://{sock}", *args], capture_output=True, text=True, env=env, timeout=120)


def ensure_hidden(sock):
    if docker(sock, "inspect", HIDDEN).returncode != 0:
        r = docker(sock, "run", "-d", "--network", "none", "--name", HIDDEN, "--label", "mcp.hidden=true", "dms-fixture:1", "sleep", "1000000")
        if r.returncode != 0:
            sys.exit(f"cannot create {HIDDEN}: {r.stderr.strip()}")


def timed_error(mcp, tool, arg, value):
    t0 = time.perf_counter_ns()
    rid, line = mcp.request_raw("tools/call", {"name": tool, "arguments": {arg: value}})
    dt = time.perf_counter_ns() - t0
    result = bench.check_answer(rid, line, tool)
    if not result.get("isError"):
        raise RuntimeError(f"{tool} {value}: expected a not-found answer, got {json.dumps(result)[:300]}")
    return dt / 1000.0, result["content"][0]["text"]


def median_ci(values, rng, resamples=2000):
    """95 % bootstrap interval of the median."""
    meds = sorted(statistics.median(rng.choices(values, k=len(values))) for _ in range(resamples))
    return meds[int(0.025 * resamples)], meds[int(0.975 * resamples) - 1]


def spread(values):
    return f"{bench.pct(values, 10):.0f}-{bench.pct(values, 90):.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engines-env", default=os.environ.get("DMS_ENGINES_ENV", "/tmp/dms-engines/engines.env"))
    ap.add_argument("--jar", default=bench.JAR)
    ap.add_argument("--rounds", type=int, default=400)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sock = bench.read_env_file(args.engines_env)["UNIX_SOCKET"]
    ensure_hidden(sock)
    env = bench.server_env(os.environ, sock, None, None)
    env["IMAGE_DENY"] = "dms-fixture:secret*"
    mcp = bench.Mcp(["java", "-jar", args.jar], env, subprocess.DEVNULL)
    rng = random.Random(args.seed)
    try:
        mcp.arm(120)
        mcp.handshake()
        mcp.disarm()
        print(f"jar {args.jar}; {args.rounds} rounds per tool after {args.warmup} warm-up rounds; load average {bench.load()}")
        print()
        print("| tool | hidden median µs (p10-p90) | missing median µs (p10-p90) | ratio of medians | median of per-round difference µs (95 % interval) |")
        print("|---|---|---|---|---|")
        for tool, arg, hidden, missing in CASES:
            # both answers must read the same, apart from the name
            h_text = timed_error(mcp, tool, arg, hidden)[1]
            m_text = timed_error(mcp, tool, arg, missing)[1]
            if h_text != m_text.replace(missing, hidden):
                raise RuntimeError(f"{tool}: the answers differ: {h_text!r} / {m_text!r}")
            times = {hidden: [], missing: []}
            diffs = []
            for r in range(args.warmup + args.rounds):
                order = [hidden, missing]
                rng.shuffle(order)
                got = {v: timed_error(mcp, tool, arg, v)[0] for v in order}
                if r >= args.warmup:
                    times[hidden].append(got[hidden])
                    times[missing].append(got[missing])
                    diffs.append(got[hidden] - got[missing])
            h, m = statistics.median(times[hidden]), statistics.median(times[missing])
            lo, hi = median_ci(diffs, rng)
            print(f"| {tool} | {h:.0f} ({spread(times[hidden])}) | {m:.0f} ({spread(times[missing])}) | {h / m:.3f} "
                  f"| {statistics.median(diffs):+.0f} ({lo:+.0f} to {hi:+.0f}) |")
            sys.stdout.flush()
    finally:
        mcp.close()


if __name__ == "__main__":
    main()
