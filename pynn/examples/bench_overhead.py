"""
What the Python layer costs: the balanced network (CUBA, 4000 neurons, 1 s, event mode) run as a
PyNN script on pyNN.engram, against `engram run` of the very network the script sends (written out
as JSON), both from a cold start; paired runs, alternating, medians.

    /usr/bin/python3 bench_overhead.py [PAIRS] [N] [ms]

Prints each run's wall time and the script's phases (PyNN building the network and drawing its
connections, sending it, Engram building and running it, reading the spikes back).
"""

import importlib
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import balanced_network


def script_run(n, ms):
    """Wall seconds of the whole script in a fresh interpreter, and its phases."""
    code = ("import time, json, sys; t0 = time.monotonic(); sys.path.insert(0, %r); import bench_overhead; "
            "print(json.dumps(bench_overhead.phases(%d, %g, t0)))" % (os.path.dirname(os.path.abspath(__file__)), n, ms))
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return time.monotonic() - start, json.loads(out.strip().splitlines()[-1])


def phases(n, ms, t0):
    """Runs the script in this interpreter, timing its phases from t0 (interpreter start)."""
    sim = importlib.import_module("pyNN.engram")
    from pyNN.engram import server
    state = sim.simulator.state
    marks = {"imports_s": time.monotonic() - t0, "to_json_s": 0.0}
    network, request = state.network, server.Server.request

    def timed_network():
        a = time.monotonic()
        net = network()
        marks["to_json_s"] += time.monotonic() - a
        return net

    def timed_request(self, op, timeout_s=None, **fields):
        a = time.monotonic()
        reply = request(self, op, timeout_s, **fields)
        marks[op + "_s"] = marks.get(op + "_s", 0.0) + time.monotonic() - a
        return reply
    state.network = timed_network
    server.Server.request = timed_request
    a = time.monotonic()
    result = balanced_network.run(sim, n, ms)
    marks["script_s"] = time.monotonic() - a
    marks["rate_hz"] = result["exc_rate_hz"]
    return marks


def network_file(n, ms, path):
    """The JSON network the script sends, written to path with its run time."""
    sim = importlib.import_module("pyNN.engram")
    state = sim.simulator.state
    captured = {}
    def capture(tstop):
        captured["net"] = dict(state.network(), run_ms=tstop)
        state.running = True  # recorded nothing: the script reads back no spikes
    state.run_until = capture
    balanced_network.run(sim, n, ms)
    with open(path, "w") as f:
        json.dump(captured["net"], f)


def engram_run(path, out):
    command = shlex.split(os.environ.get("ENGRAM_COMMAND") or "engram")
    start = time.monotonic()
    subprocess.run(command + ["run", path, "--out", out, "--no-plot", "--quiet"], check=True, capture_output=True)
    return time.monotonic() - start


if __name__ == "__main__":
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    ms = float(sys.argv[3]) if len(sys.argv) > 3 else 1000.0
    print(os.popen("uptime").read().strip())
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cuba.json")
        network_file(n, ms, path)
        print("network: %s (%.1f MB of JSON)" % (path, os.path.getsize(path) / 1e6))
        script, cli = [], []
        for k in range(pairs):
            s, marks = script_run(n, ms)
            c = engram_run(path, os.path.join(tmp, "out%d" % k))
            script.append(s)
            cli.append(c)
            print("pair %d: pyNN.engram script %.2f s %s | engram run %.2f s" % (
                k + 1, s, {key: round(v, 2) for key, v in marks.items()}, c))
        ms_s, mc = statistics.median(script), statistics.median(cli)
        added = statistics.median(s - c for s, c in zip(script, cli))
        print("median: pyNN.engram script %.2f s, engram run %.2f s; median of the pairs' differences: the Python "
              "layer adds %.2f s (%.0f %% of engram run)" % (ms_s, mc, added, 100.0 * added / mc))
    print(os.popen("uptime").read().strip())
