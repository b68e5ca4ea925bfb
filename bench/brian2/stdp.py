"""The CUBA network with pair-based STDP (all-to-all pairs, additive, weights in [0, 2 we]) on the
excitatory-to-excitatory synapses: Engram's SpikePairRule(20, 20, 1e-4 nA, 1.05e-4 nA) times
R = 100 MOhm, i.e. 0.01 mV and 0.0105 mV. The pre trace is updated when the spike arrives (after
the delay), matching Engram's dendritic-delay convention.
"""
from brian2 import NeuronGroup, SpikeMonitor, Synapses, mV, ms, run
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
we, wi, wmax = 1.62 * mV, -9 * mV, 3.24 * mV
Aplus, Aminus, tau = 0.01 * mV, 0.0105 * mV, 20 * ms
ee = Synapses(E, E, """
w : volt
dapre/dt = -apre / tau : volt (event-driven)
dapost/dt = -apost / tau : volt (event-driven)
""", on_pre="""
ge_post += w
apre += Aplus
w = clip(w - apost, 0 * mV, wmax)
""", on_post="""
apost += Aminus
w = clip(w + apre, 0 * mV, wmax)
""", delay=common.DELAY)
ei = Synapses(E, I, on_pre="ge += we", delay=common.DELAY)
ie = Synapses(I, E, on_pre="gi += wi", delay=common.DELAY)
ii = Synapses(I, I, on_pre="gi += wi", delay=common.DELAY)
common.connect_all(ee, ei, ie, ii, n_exc, n_inh)
ee.w = we
spikes = SpikeMonitor(P)
run(a.time * ms)
common.report("stdp", a, spikes.num_spikes)
