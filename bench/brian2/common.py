"""Shared by the Brian2 benchmark scripts: options, the fixed in-degree connectivity, the run.

Each script builds one of Brette et al. 2007's networks exactly as Engram's
`engram bench NAME` does (examples/.../bench/BenchNetworks.java), runs it in Brian2's C++
standalone mode with one thread, and prints one JSON line whose `wall_s` is the time of the
simulation loop alone (Brian2's `device._last_run_time`: code generation and compilation are not
counted). The generated project stays in --dir, so bench/compare.sh can rerun its binary.
"""
import argparse
import json

import numpy as np
from brian2 import defaultclock, device, ms, prefs, set_device, seed as brian_seed

EXC_INPUTS = 64  # 2 % of 3200
INH_INPUTS = 16  # 2 % of 800
DELAY = 0.2 * ms  # PyNN VAbenchmarks' delay, as in Engram's benchmarks


def options(default_time_ms):
    p = argparse.ArgumentParser()
    p.add_argument("--neurons", type=int, default=4000)
    p.add_argument("--time", type=float, default=default_time_ms, help="biological time, ms")
    p.add_argument("--seed", type=int, default=2007)
    p.add_argument("--dir", default="brian_standalone", help="where the C++ project is generated")
    a = p.parse_args()
    set_device("cpp_standalone", directory=a.dir)
    prefs.devices.cpp_standalone.openmp_threads = 0  # one thread
    defaultclock.dt = 0.1 * ms
    np.random.seed(a.seed)
    brian_seed(a.seed)
    return a


def fixed_indegree(n_pre, n_post, k, same_population):
    """Every post neuron gets k distinct pre neurons (no self-connection within a population)."""
    pre = np.empty(n_post * k, dtype=np.int32)
    for j in range(n_post):
        if same_population:
            c = np.random.choice(n_pre - 1, size=k, replace=False)
            c[c >= j] += 1  # skip j itself
        else:
            c = np.random.choice(n_pre, size=k, replace=False)
        pre[j * k:(j + 1) * k] = c
    post = np.repeat(np.arange(n_post, dtype=np.int32), k)
    return pre, post


def connect_all(syn_ee, syn_ei, syn_ie, syn_ii, n_exc, n_inh):
    """The four projections exc/inh -> exc/inh, 64 excitatory and 16 inhibitory inputs each."""
    for syn, n_pre, n_post, k, same in ((syn_ee, n_exc, n_exc, EXC_INPUTS, True),
                                        (syn_ei, n_exc, n_inh, EXC_INPUTS, False),
                                        (syn_ie, n_inh, n_exc, INH_INPUTS, False),
                                        (syn_ii, n_inh, n_inh, INH_INPUTS, True)):
        i, j = fixed_indegree(n_pre, n_post, k, same)
        syn.connect(i=i, j=j)


def report(name, a, spike_count):
    t = a.time / 1000.0
    print(json.dumps({"bench": name, "simulator": "brian2-standalone", "neurons": a.neurons, "time_ms": a.time,
                      "wall_s": device._last_run_time, "spikes": int(spike_count),
                      "rate_hz": spike_count / a.neurons / t,
                      "realtime_factor": device._last_run_time / t}))
