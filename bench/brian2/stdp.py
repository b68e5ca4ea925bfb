"""The CUBA network with pair-based STDP (all-to-all pairs, additive, weights in [0, 2 we]) on the
excitatory-to-excitatory synapses: Engram's SpikePairRule(20, 20, 1e-4 nA, 1.05e-4 nA) times
R = 100 MOhm, i.e. 0.01 mV and 0.0105 mV. The pre trace is updated when the spike arrives (after
the delay), matching Engram's dendritic-delay convention.
"""
from brian2 import mV, ms
import common

a = common.options(1000.0)
P = common.cuba_neurons(a)
we, wi, wmax = 1.62 * mV, -9 * mV, 3.24 * mV
Aplus, Aminus, tau = 0.01 * mV, 0.0105 * mV, 20 * ms
plastic = dict(model="""
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
""")
synapses = common.projections(P, a, "ge += we", "gi += wi", plastic)
synapses[0].w = we
common.run("stdp", a, P, synapses,
           dict(we=we, wi=wi, wmax=wmax, Aplus=Aplus, Aminus=Aminus, tau=tau))
