"""
The examples on Engram (event mode, exact) and on pyNN.brian2 (Brian 2 on its 0.1 ms step), side
by side: deterministic networks give the same spikes to within one step (each neuron's first
spike, and each interval from its previous one), Poisson-driven ones the same rates to within
statistical error.

    /usr/bin/python3 compare_brian2.py [--quick]

--quick runs the balanced network at 500 neurons for 300 ms instead of 4000 for 1 s.
"""

import importlib
import math
import sys

import numpy as np

import balanced_network
import current_injection
import poisson_population
import stdp_pair

STEP_MS = 0.1


def backends():
    import brian2
    brian2.prefs.codegen.target = "numpy"  # no compiler run: the comparison is of results, not speed
    return importlib.import_module("pyNN.engram"), importlib.import_module("pyNN.brian2")


def spikes_within_one_step(a, b):
    """
    Whether two lists of spike trains have the same spikes within one step: as many, the first at
    most a step apart, and each interval from a neuron's previous spike too (a grid places each
    spike up to a step early and restarts the neuron from there, so its error does not add up
    from spike to spike as the spikes' times would make it seem).
    """
    def close(x, y):
        return np.all(np.abs(np.asarray(x) - np.asarray(y)) <= STEP_MS + 1e-9)
    return len(a) == len(b) and all(
        len(x) == len(y) and (len(x) == 0 or (close(x[:1], y[:1]) and close(np.diff(x), np.diff(y))))
        for x, y in zip(a, b))


def rates_agree(r1, r2, events):
    """Whether two rates from Poisson counts agree within 3 standard errors (counts ~ Poisson)."""
    sigma = math.sqrt(2.0 / max(events, 1))  # relative standard error of a difference of two counts
    return abs(r1 - r2) <= 3 * sigma * max(r1, r2)


def compare(engram, brian2, quick=False):
    """Each example's figures on both backends and whether they agree; a list of (name, lines, agree)."""
    out = []

    e, b = current_injection.run(engram), current_injection.run(brian2)
    lines = ["neuron %d: engram %s | brian2 %s" % (k, np.round(x, 3).tolist(), np.round(y, 3).tolist())
             for k, (x, y) in enumerate(zip(e["trains"], b["trains"]))]
    out.append(("current injection (spikes, ms)", lines, spikes_within_one_step(e["trains"], b["trains"])))

    e, b = stdp_pair.run(engram), stdp_pair.run(brian2)
    lines, agree = [], spikes_within_one_step(e["post_times"], b["post_times"])
    for d, x, y, te, tb in zip(stdp_pair.DELTAS, e["dw"], b["dw"], e["post_times"], b["post_times"]):
        lines.append("Δt %+5.1f ms: post engram %s brian2 %s; Δw engram %+.6f brian2 %+.6f"
                     % (d, np.round(te, 3).tolist(), np.round(tb, 3).tolist(), x, y))
        # the pair's interval differs by up to a step (spike times) and 2 delays (dendritic vs axonal)
        tau = 20.0
        agree &= abs(x - y) <= abs(x) * (math.exp((STEP_MS + 0.2) / tau) - 1) + 1e-9
    out.append(("STDP pairs (post spikes and weight changes)", lines, agree))

    e, b = poisson_population.run(engram), poisson_population.run(brian2)
    n_src = poisson_population.N_SOURCES * e["seconds"] * e["source_rate_hz"]
    n_cell = poisson_population.N_CELLS * e["seconds"] * e["cell_rate_hz"]
    lines = ["sources: engram %.2f Hz, brian2 %.2f Hz" % (e["source_rate_hz"], b["source_rate_hz"]),
             "cells:   engram %.2f Hz, brian2 %.2f Hz" % (e["cell_rate_hz"], b["cell_rate_hz"])]
    agree = rates_agree(e["source_rate_hz"], b["source_rate_hz"], n_src) and \
        rates_agree(e["cell_rate_hz"], b["cell_rate_hz"], n_cell)
    out.append(("Poisson-driven population (rates)", lines, agree))

    # self-sustained and chaotic, neither deterministic to the step nor Poisson-driven: its rate
    # depends on how spikes are timed (exactly, or on a grid), so the figures come without a verdict
    n, ms = (500, 300.0) if quick else (4000, 1000.0)
    e, g, b = (balanced_network.run(engram, n, ms), balanced_network.run(engram, n, ms, mode="grid"),
               balanced_network.run(brian2, n, ms))
    lines = ["%d neurons, %g ms: excitatory rate engram event %.2f Hz, engram grid (0.1 ms) %.2f Hz, brian2 %.2f Hz"
             % (n, ms, e["exc_rate_hz"], g["exc_rate_hz"], b["exc_rate_hz"])]
    out.append(("balanced random network (chaotic: rates, no verdict)", lines, None))
    return out


if __name__ == "__main__":
    engram, brian2 = backends()
    for name, lines, agree in compare(engram, brian2, quick="--quick" in sys.argv):
        print("%s: %s" % (name, {True: "agree", False: "DIFFER", None: "figures only"}[agree]))
        for line in lines:
            print("  " + line)
