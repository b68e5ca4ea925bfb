"""
DCSource and StepCurrentSource: a step change of a neuron's injected current at given times,
exact in event mode (first spikes and membrane against closed forms, 1e-9), and from the first
step at or after the time in grid mode.
"""

import math

import numpy as np


def t_star(i_na, tau_m=20.0, cm=1.0, dv=15.0):
    """From rest under a constant current, PyNN's default cell reaches threshold at this time after the step."""
    return -tau_m * math.log(1.0 - cm * dv / (tau_m * i_na))


def test_dc_and_step_currents_fire_at_their_closed_forms_in_event_mode(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(4, sim.IF_curr_exp(tau_refrac=2.0), label="cells")
    sim.DCSource(amplitude=1.0, start=10.0, stop=80.0).inject_into(cells[0:1])
    cells[1:2].inject(sim.StepCurrentSource(times=[20.0, 60.0], amplitudes=[1.2, 0.0]))
    sim.DCSource(amplitude=0.5, start=5.0).inject_into(cells[2:4])  # below rheobase (0.75 nA): silent
    cells.record(["spikes", "v"])
    sim.run(100.0)
    segment = cells.get_data().segments[0]
    trains = [np.asarray(t) for t in segment.spiketrains]
    assert abs(trains[0][0] - (10.0 + t_star(1.0))) < 1e-9
    assert abs(trains[1][0] - (20.0 + t_star(1.2))) < 1e-9
    assert len(trains[2]) == len(trains[3]) == 0
    # the DC stops at 80 ms: no spike after it
    assert trains[0][-1] < 80.0 and len(trains[0]) >= 2
    v = segment.analogsignals[0]
    t = v.times.rescale("ms").magnitude
    rising = (t >= 20.0) & (t < trains[1][0])
    np.testing.assert_allclose(v.magnitude[rising, 1], -65.0 + 24.0 * (1 - np.exp(-(t[rising] - 20.0) / 20.0)),
                               atol=1e-9)
    settled = t > 60.0
    np.testing.assert_allclose(v.magnitude[settled, 2], -65.0 + 10.0 * (1 - np.exp(-(t[settled] - 5.0) / 20.0)),
                               atol=1e-9)


def test_grid_mode_applies_a_change_from_the_next_step(sim):
    sim.setup(timestep=1.0, min_delay=1.0, mode="grid")
    cells = sim.Population(2, sim.IF_curr_exp(), label="cells")
    sim.DCSource(amplitude=1.0, start=10.0).inject_into(cells[0:1])
    sim.DCSource(amplitude=1.0, start=9.5).inject_into(cells[1:2])  # takes effect at 10 ms too
    cells.record("spikes")
    sim.run(60.0)
    first = [float(t[0]) for t in cells.get_data().segments[0].spiketrains]
    assert first[0] == first[1]
    assert abs(first[0] - (10.0 + t_star(1.0))) <= 1.0
