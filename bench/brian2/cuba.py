"""Brette et al. 2007 Benchmark 2 (CUBA), as Brian2's examples/CUBA.py with Engram's connectivity.

ge and gi are currents times R (volt): Engram's 0.0162 nA and 0.09 nA are 1.62 mV and 9 mV here.
"""
from brian2 import mV
import common

a = common.options(1000.0)
P = common.cuba_neurons(a)
we, wi = 1.62 * mV, -9 * mV
synapses = common.projections(P, a, "ge += we", "gi += wi")
common.run("cuba", a, P, synapses, dict(we=we, wi=wi))
