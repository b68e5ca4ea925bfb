"""Brette et al. 2007 Benchmark 4: LIF with voltage jumps (+0.25 mV, -2.25 mV), rest -49 mV,
a 300 Hz Poisson kick from 1 to 51 ms into the first 50 excitatory neurons (NEST's cuba_ps), then
self-sustained activity. Jumps arriving during the refractory period are dropped, as in Engram
(and NEST's iaf_psc_delta); Brian2 integrates on its 0.1 ms grid.
"""
from brian2 import Hz, NeuronGroup, PoissonGroup, SpikeMonitor, Synapses, mV, ms, run
import common

a = common.options(5000.0)
n_exc = a.neurons * 4 // 5
n_inh = a.neurons - n_exc
taum, Vt, Vr, El = 20 * ms, -50 * mV, -60 * mV, -49 * mV
P = NeuronGroup(a.neurons, "dv/dt = -(v - El) / taum : volt (unless refractory)", threshold="v > Vt",
                reset="v = Vr", refractory=5 * ms, method="exact")
P.v = "Vr + rand() * (Vt - Vr)"
E, I = P[:n_exc], P[n_exc:]
exc = "v_post += 0.25 * mV * int(not_refractory_post)"
inh = "v_post -= 2.25 * mV * int(not_refractory_post)"
ee = Synapses(E, E, on_pre=exc, delay=common.DELAY)
ei = Synapses(E, I, on_pre=exc, delay=common.DELAY)
ie = Synapses(I, E, on_pre=inh, delay=common.DELAY)
ii = Synapses(I, I, on_pre=inh, delay=common.DELAY)
common.connect_all(ee, ei, ie, ii, n_exc, n_inh)
kick = PoissonGroup(1, rates="300 * Hz * int(t >= 1 * ms and t < 51 * ms)")
k = Synapses(kick, E[:50], on_pre=exc, delay=common.DELAY)
k.connect()
spikes = SpikeMonitor(P)
run(a.time * ms)
common.report("b4", a, spikes.num_spikes)
