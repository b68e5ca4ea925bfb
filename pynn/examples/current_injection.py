"""
Current injection: a DCSource and a StepCurrentSource into IF_curr_exp neurons (PyNN's
defaults: 1 nF, 20 ms, rest -65 mV, threshold -50 mV); prints each neuron's spike times.

    /usr/bin/python3 current_injection.py engram|brian2
"""

import numpy as np

from common import simulator, spike_times


def run(sim, **setup):
    sim.setup(timestep=0.1, min_delay=0.1, **setup)
    cells = sim.Population(3, sim.IF_curr_exp(tau_refrac=2.0), label="cells")
    sim.DCSource(amplitude=1.0, start=10.0, stop=80.0).inject_into(cells[0:1])
    sim.StepCurrentSource(times=[20.0, 60.0, 90.0], amplitudes=[1.2, 0.5, 2.0]).inject_into(cells[1:2])
    sim.DCSource(amplitude=0.9, start=5.0).inject_into(cells[2:3])
    cells.record(["spikes", "v"])
    sim.run(150.0)
    trains = spike_times(cells)
    sim.end()
    return {"trains": trains}


if __name__ == "__main__":
    sim = simulator()
    for k, t in enumerate(run(sim)["trains"]):
        print("neuron %d: %s" % (k, np.round(t, 3).tolist()))
