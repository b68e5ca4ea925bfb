"""Shared by the Brian2 benchmark scripts: options, the network's two populations and four
projections with Engram's fixed in-degree, the CUBA neurons, the run and its report.

Each script builds one of Brette et al. 2007's networks exactly as Engram's
`engram bench NAME` does (examples/.../bench/BenchNetworks.java), runs it in Brian2's C++
standalone mode with one thread (or --threads N, with OpenMP), and prints one JSON line whose `wall_s` is the time of the
simulation loop alone (Brian2's `device._last_run_time`: code generation and compilation are not
counted). The generated project stays in --dir, so bench/compare.sh can rerun its binary.
"""
import argparse
import json

import numpy as np
from brian2 import (Network, NeuronGroup, SpikeMonitor, Synapses, defaultclock, device, ms, mV, prefs,
                    set_device, seed as brian_seed)

EXC_INPUTS = 64  # 2 % of 3200
INH_INPUTS = 16  # 2 % of 800
DELAY = 0.2 * ms  # PyNN VAbenchmarks' delay, as in Engram's benchmarks


def options(default_time_ms):
    """Parses the command line and sets up the device; adds n_exc and n_inh (80 % / 20 %)."""
    p = argparse.ArgumentParser()
    p.add_argument("--neurons", type=int, default=4000)
    p.add_argument("--time", type=float, default=default_time_ms, help="biological time, ms")
    p.add_argument("--seed", type=int, default=2007)
    p.add_argument("--dir", default="brian_standalone", help="where the C++ project is generated")
    p.add_argument("--threads", type=int, default=1, help="OpenMP threads (1: one thread, without OpenMP)")
    a = p.parse_args()
    set_device("cpp_standalone", directory=a.dir)
    # 0 is Brian2's value for no OpenMP at all
    prefs.devices.cpp_standalone.openmp_threads = a.threads if a.threads > 1 else 0
    defaultclock.dt = 0.1 * ms
    np.random.seed(a.seed)
    brian_seed(a.seed)
    a.n_exc = a.neurons * 4 // 5
    a.n_inh = a.neurons - a.n_exc
    return a


def cuba_neurons(a):
    """CUBA's neurons (Brian2's examples/CUBA.py), v uniform in [v_reset, v_thresh]: ge and gi
    are currents times R (volt)."""
    eqs = """
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
"""
    constants = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, Vt=-50 * mV, Vr=-60 * mV, El=-49 * mV)
    P = NeuronGroup(a.neurons, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms, method="exact",
                    namespace=constants)
    P.v = "Vr + rand() * (Vt - Vr)"
    return P


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


def projections(P, a, exc, inh, plastic=None):
    """The four projections exc/inh -> exc/inh of P, with 64 excitatory and 16 inhibitory inputs
    per neuron: excitatory spikes run `exc`, inhibitory ones `inh`; `plastic`, if given, holds
    the model and pathways of exc -> exc (keyword arguments of Synapses)."""
    E, I = P[:a.n_exc], P[a.n_exc:]
    ee = Synapses(E, E, delay=DELAY, **plastic) if plastic else Synapses(E, E, on_pre=exc, delay=DELAY)
    ei = Synapses(E, I, on_pre=exc, delay=DELAY)
    ie = Synapses(I, E, on_pre=inh, delay=DELAY)
    ii = Synapses(I, I, on_pre=inh, delay=DELAY)
    for syn, n_pre, n_post, k, same in ((ee, a.n_exc, a.n_exc, EXC_INPUTS, True),
                                        (ei, a.n_exc, a.n_inh, EXC_INPUTS, False),
                                        (ie, a.n_inh, a.n_exc, INH_INPUTS, False),
                                        (ii, a.n_inh, a.n_inh, INH_INPUTS, True)):
        i, j = fixed_indegree(n_pre, n_post, k, same)
        syn.connect(i=i, j=j)
    return [ee, ei, ie, ii]


def run(name, a, P, objects, namespace):
    """Runs P and the other objects for --time, counting P's spikes, and prints the JSON line;
    `namespace` holds the constants the scripts' code strings name."""
    spikes = SpikeMonitor(P)
    Network(P, spikes, *objects).run(a.time * ms, namespace=namespace)
    t = a.time / 1000.0
    print(json.dumps({"bench": name, "simulator": "brian2-standalone", "threads": a.threads, "neurons": a.neurons,
                      "time_ms": a.time,
                      "wall_s": device._last_run_time, "spikes": int(spikes.num_spikes),
                      "rate_hz": spikes.num_spikes / a.neurons / t,
                      "realtime_factor": device._last_run_time / t}))
