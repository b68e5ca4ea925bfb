"""
The CA3 content-addressable memory of Casanueva-Morato et al. (2024) as the PyNN script the
original sPyNNaker network was: eight IF_curr_exp populations, an input SpikeSourceArray IL and an
output population OL, and two all-to-all STDP projections (SpikePairRule, additive, A± = w_max =
6 nA in sPyNNaker's units). Run in grid mode at 1 ms it reproduces the spikes recorded on SpiNNaker
hardware (models/src/test/resources/ca3).

    /usr/bin/python3 ca3.py [exp1_functional|exp2_stress|exp3_state_map]
"""

import json
import os
import sys

import numpy as np

from common import spike_times

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "models", "src", "test", "resources", "ca3")
SLOW = dict(cm=0.27, tau_m=3.0)    # CueCue, ContCue, ContCont, MergeCue, MergeCont, OL
FAST = dict(cm=0.14, tau_m=0.5)    # CueCont, ContCond, ContCondInt
COMMON = dict(i_offset=0.0, tau_refrac=1.0, tau_syn_E=0.3, tau_syn_I=0.3, v_reset=-60.0, v_rest=-60.0,
              v_thresh=-57.0)
W, W_GATE, W_INT = 6.0, 9.0, 2.0


def bench(experiment):
    with open(os.path.join(RESOURCES, experiment + "_testbench.json")) as f:
        return json.load(f)


def build(sim, cue_size, cont_size, input_spikes):
    """The memory's populations, by the names of the spike tables, and its two plastic projections."""
    c, n = cue_size, cont_size

    def lif(size, kind, label, **extra):
        pop = sim.Population(size, sim.IF_curr_exp(**dict(COMMON, **kind, **extra)), label=label)
        pop.initialize(v=-60.0)
        return pop

    il = sim.Population(c + n, sim.SpikeSourceArray(spike_times=input_spikes), label="IL")
    cue_cue = lif(c, SLOW, "CueCue")
    cue_cont = lif(c, FAST, "CueCont")
    cont_cue = lif(n, SLOW, "ContCue")
    cont_cond = lif(n, FAST, "ContCond")
    cont_cond_int = lif(1, FAST, "ContCondInt")
    cont_cont = lif(n, SLOW, "ContCont")
    merge_cue = lif(c, SLOW, "MergeCue")
    merge_cont = lif(n, SLOW, "MergeCont")
    ol = lif(c + n, SLOW, "OL", v_thresh=-57.5)

    def connect(pre, post, connector, weight, delay, receptor="excitatory"):
        return sim.Projection(pre, post, connector, sim.StaticSynapse(weight=weight, delay=delay),
                              receptor_type=receptor)

    one, all_ = sim.OneToOneConnector(), sim.AllToAllConnector()
    no_self = sim.AllToAllConnector(allow_self_connections=False)
    connect(il[0:c], cue_cue, one, W, 1.0)
    connect(il[c:], cont_cue, one, W, 1.0)
    connect(cue_cue, cue_cont, one, W, 2.0)
    connect(cue_cue, cue_cont, no_self, W * n, 3.0, "inhibitory")
    for k in range(n):  # the original builds the cue's veto as one projection per content neuron
        connect(cue_cue, cont_cond[k:k + 1], all_, W, 2.0, "inhibitory")
    connect(cont_cue, cont_cond, one, W_GATE, 1.0)
    connect(cont_cue, cont_cond_int, all_, W, 1.0)
    connect(cont_cond_int, cont_cond, all_, W_INT, 1.0)
    connect(cont_cond, cont_cont, one, W, 1.0)

    def stdp():
        return sim.STDPMechanism(
            timing_dependence=sim.SpikePairRule(tau_plus=3.0, tau_minus=3.0, A_plus=6.0, A_minus=6.0),
            weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=6.0), weight=0.0, delay=1.0)

    learn_cont = sim.Projection(cue_cue, cont_cue, sim.AllToAllConnector(allow_self_connections=True), stdp())
    learn_cue = sim.Projection(cont_cont, cue_cont, sim.AllToAllConnector(allow_self_connections=True), stdp())
    connect(cue_cont, cue_cont, no_self, W * n, 2.0, "inhibitory")
    connect(cue_cue, merge_cue, one, W, 3.0)
    connect(cue_cont, merge_cue, one, W, 1.0)
    connect(cont_cue, merge_cont, one, W, 3.0)
    connect(cont_cont, merge_cont, one, W, 1.0)
    connect(merge_cue, ol[0:c], one, W, 1.0)
    connect(merge_cont, ol[c:], one, W, 1.0)
    tables = {"IN_cue": il[0:c], "IN_cont": il[c:], "CueCue": cue_cue, "ContCue": cont_cue, "ContCond": cont_cond,
              "ContCondInt": cont_cond_int, "CueCont": cue_cont, "ContCont": cont_cont, "MergeCue": merge_cue,
              "MergeCont": merge_cont, "OUT_cue": ol[0:c], "OUT_cont": ol[c:]}
    return tables, (learn_cont, learn_cue)


def run(sim, experiment, **setup):
    """The experiment's spikes as a set of (ms, population, neuron), as the hardware tables have them."""
    b = bench(experiment)
    sim.setup(timestep=1.0, min_delay=1.0, mode="grid", **setup)
    tables, _ = build(sim, b["cueSize"], b["contSize"], b["cue"] + b["cont"])
    for pop in tables.values():
        pop.record("spikes")
    sim.run(b["simTime"])
    cells = set()
    for name, pop in tables.items():
        for k, times in enumerate(spike_times(pop)):
            cells.update((int(round(t)), name, k) for t in times)
    sim.end()
    return cells


def hardware(experiment):
    rows = np.genfromtxt(os.path.join(RESOURCES, experiment + "_spinnaker_spikes.csv"), delimiter=",",
                         skip_header=1, dtype=None, encoding="utf-8")
    return {(int(t), str(p), int(k)) for t, p, k in rows}


if __name__ == "__main__":
    import importlib
    experiment = sys.argv[1] if len(sys.argv) > 1 else "exp1_functional"
    sim = importlib.import_module("pyNN.engram")
    simulated, recorded = run(sim, experiment), hardware(experiment)
    print("%s: %d spikes on SpiNNaker, %d simulated, %d differ" % (
        experiment, len(recorded), len(simulated), len(simulated ^ recorded)))
