"""Brette et al. 2007 Benchmark 1 (COBA) in Auryn's variant, as Engram's `coba`: 4 nS / 51 nS and a
200 pA bias, initial state as Brian2's examples/COBA.py (conductances clipped at 0), Engram's
connectivity and delay. (Brette's 6 / 67 nS without bias dies out with this connectivity.)
"""
from brian2 import NeuronGroup, SpikeMonitor, Synapses, mV, ms, nS, pA, pF, run
import common

a = common.options(1000.0)
n_exc = a.neurons * 4 // 5
n_inh = a.neurons - n_exc
Cm, gl = 200 * pF, 10 * nS
taue, taui = 5 * ms, 10 * ms
El, Ee, Ei = -60 * mV, 0 * mV, -80 * mV
eqs = """
dv/dt = (gl * (El - v) + ge * (Ee - v) + gi * (Ei - v) + 200 * pA) / Cm : volt (unless refractory)
dge/dt = -ge / taue : siemens
dgi/dt = -gi / taui : siemens
"""
P = NeuronGroup(a.neurons, eqs, threshold="v > -50 * mV", reset="v = -60 * mV", refractory=5 * ms,
                method="exponential_euler")
P.v = "(randn() * 5 - 65) * mV"
P.ge = "clip(randn() * 1.5 + 4, 0, inf) * 10 * nS"
P.gi = "clip(randn() * 12 + 20, 0, inf) * 10 * nS"
E, I = P[:n_exc], P[n_exc:]
ee = Synapses(E, E, on_pre="ge += 4 * nS", delay=common.DELAY)
ei = Synapses(E, I, on_pre="ge += 4 * nS", delay=common.DELAY)
ie = Synapses(I, E, on_pre="gi += 51 * nS", delay=common.DELAY)
ii = Synapses(I, I, on_pre="gi += 51 * nS", delay=common.DELAY)
common.connect_all(ee, ei, ie, ii, n_exc, n_inh)
spikes = SpikeMonitor(P)
run(a.time * ms)
common.report("coba", a, spikes.num_spikes)
