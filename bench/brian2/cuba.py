"""Brette et al. 2007 Benchmark 2 (CUBA), as Brian2's examples/CUBA.py with Engram's connectivity.

ge and gi are currents times R (volt): Engram's 0.0162 nA and 0.09 nA are 1.62 mV and 9 mV here.
"""
from brian2 import NeuronGroup, SpikeMonitor, Synapses, mV, ms, run, second
import common

a = common.options(1000.0)
n_exc = a.neurons * 4 // 5
n_inh = a.neurons - n_exc
taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
eqs = """
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
"""
P = NeuronGroup(a.neurons, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms, method="exact")
P.v = "Vr + rand() * (Vt - Vr)"
E, I = P[:n_exc], P[n_exc:]
we, wi = 1.62 * mV, -9 * mV
ee = Synapses(E, E, on_pre="ge += we", delay=common.DELAY)
ei = Synapses(E, I, on_pre="ge += we", delay=common.DELAY)
ie = Synapses(I, E, on_pre="gi += wi", delay=common.DELAY)
ii = Synapses(I, I, on_pre="gi += wi", delay=common.DELAY)
common.connect_all(ee, ei, ie, ii, n_exc, n_inh)
spikes = SpikeMonitor(P)
run(a.time * ms)
common.report("cuba", a, spikes.num_spikes)
