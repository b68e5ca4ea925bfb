"""Brette et al. 2007 Benchmark 4: LIF with voltage jumps (+0.25 mV, -2.25 mV), rest -49 mV,
a 300 Hz Poisson kick from 1 to 51 ms into the first 50 excitatory neurons (NEST's cuba_ps), then
self-sustained activity. Jumps arriving during the refractory period are dropped, as in Engram
(and NEST's iaf_psc_delta); Brian2 integrates on its 0.1 ms grid.
"""
from brian2 import Hz, NeuronGroup, PoissonGroup, Synapses, mV, ms
import common

a = common.options(5000.0)
constants = dict(taum=20 * ms, Vt=-50 * mV, Vr=-60 * mV, El=-49 * mV)
P = NeuronGroup(a.neurons, "dv/dt = -(v - El) / taum : volt (unless refractory)", threshold="v > Vt",
                reset="v = Vr", refractory=5 * ms, method="exact", namespace=constants)
P.v = "Vr + rand() * (Vt - Vr)"
exc = "v_post += 0.25 * mV * int(not_refractory_post)"
inh = "v_post -= 2.25 * mV * int(not_refractory_post)"
synapses = common.projections(P, a, exc, inh)
kick = PoissonGroup(1, rates="300 * Hz * int(t >= 1 * ms and t < 51 * ms)")
k = Synapses(kick, P[:50], on_pre=exc, delay=common.DELAY)
k.connect()
common.run("b4", a, P, synapses + [kick, k], {})
