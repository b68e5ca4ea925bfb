"""Brette et al. 2007 Benchmark 1 (COBA) in Auryn's variant, as Engram's `coba`: 4 nS / 51 nS and a
200 pA bias, initial state as Brian2's examples/COBA.py (conductances clipped at 0), Engram's
connectivity and delay. (Brette's 6 / 67 nS without bias dies out with this connectivity.)
"""
from brian2 import NeuronGroup, mV, ms, nS, pF
import common

a = common.options(1000.0)
constants = dict(Cm=200 * pF, gl=10 * nS, taue=5 * ms, taui=10 * ms, El=-60 * mV, Ee=0 * mV, Ei=-80 * mV)
eqs = """
dv/dt = (gl * (El - v) + ge * (Ee - v) + gi * (Ei - v) + 200 * pA) / Cm : volt (unless refractory)
dge/dt = -ge / taue : siemens
dgi/dt = -gi / taui : siemens
"""
P = NeuronGroup(a.neurons, eqs, threshold="v > -50 * mV", reset="v = -60 * mV", refractory=5 * ms,
                method="exponential_euler", namespace=constants)
P.v = "(randn() * 5 - 65) * mV"
P.ge = "clip(randn() * 1.5 + 4, 0, inf) * 10 * nS"
P.gi = "clip(randn() * 12 + 20, 0, inf) * 10 * nS"
synapses = common.projections(P, a, "ge += 4 * nS", "gi += 51 * nS")
common.run("coba", a, P, synapses, {})
