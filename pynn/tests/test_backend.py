"""
The checks PyNN's system tests make of every backend, on pyNN.engram: connectors keep their
promises, recorded data has the right shape, units and times, run(a) + run(b) equals run(a + b),
parameters set after creation take effect, a seeded network is reproducible; and what Engram
does not support is refused with PyNN's own errors.
"""

import math

import numpy as np
import pytest
import quantities as pq
from pyNN import errors


def first_spike_closed_form(i_na, cm=1.0, tau_m=20.0, v_rest=-65.0, v_thresh=-50.0):
    """IF_curr_exp under a constant current from rest: t* = -tau ln(1 - C (v_th - v_rest) / (tau I))."""
    return -tau_m * math.log(1.0 - cm * (v_thresh - v_rest) / (tau_m * i_na))


def test_connectors_give_the_connections_pyNN_mock_gives(sim):
    import pyNN.mock as mock
    results = []
    for backend in (sim, mock):
        backend.setup(timestep=0.1)
        pre = backend.Population(20, backend.SpikeSourceArray(spike_times=[]), label="pre")
        post = backend.Population(30, backend.IF_curr_exp(), label="post")
        rng = backend.NumpyRNG(seed=42)
        prj = backend.Projection(pre, post, backend.FixedProbabilityConnector(0.3, rng=rng),
                                 backend.StaticSynapse(weight=backend.RandomDistribution("uniform", (0.1, 0.2), rng=rng),
                                                       delay=0.5))
        results.append(sorted(prj.get(["weight", "delay"], format="list")))
    engram, reference = results
    assert len(engram) == len(reference) > 100
    np.testing.assert_allclose(np.array(engram), np.array(reference), rtol=0, atol=0)


def test_standard_connectors_count_what_they_promise(sim):
    sim.setup(timestep=0.1)
    a = sim.Population(7, sim.IF_curr_exp(), label="a")
    b = sim.Population(7, sim.IF_curr_exp(), label="b")
    assert len(sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.1))) == 49
    assert len(sim.Projection(a, a, sim.AllToAllConnector(allow_self_connections=False))) == 42
    assert len(sim.Projection(a, b, sim.OneToOneConnector())) == 7
    fixed = sim.Projection(a, b, sim.FixedNumberPreConnector(3, rng=sim.NumpyRNG(1)))
    assert np.all(np.sum(~np.isnan(fixed.get("weight", format="array")), axis=0) == 3)
    listed = sim.Projection(a, b, sim.FromListConnector([(0, 1, 0.5, 1.5), (3, 2, 0.25, 2.0)]))
    assert listed.get(["weight", "delay"], format="list") == [(0, 1, 0.5, 1.5), (3, 2, 0.25, 2.0)]
    # Engram holds the same connections, in the same order, once it has the network
    sim.simulator.state.build()
    pre, post = sim.simulator.state.connections(listed._groups[0][0])
    assert pre.tolist() == [0, 3] and post.tolist() == [1, 2]


def test_recorded_data_has_neo_shape_units_and_times(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(4, sim.IF_curr_exp(i_offset=[0.0, 1.0, 2.0, 0.0]), label="cells")
    cells.record(["spikes", "v"])
    sim.run(100.0)
    block = cells.get_data()
    segment = block.segments[0]
    assert len(segment.spiketrains) == 4
    for train in segment.spiketrains:
        assert train.units == pq.ms and train.t_stop == 100.0 * pq.ms and train.t_start == 0.0 * pq.ms
    counts = [len(t) for t in segment.spiketrains]
    assert counts[0] == 0 and counts[3] == 0 and counts[2] > counts[1] > 0
    t_first = float(segment.spiketrains[1][0])
    assert abs(t_first - first_spike_closed_form(1.0)) < 1e-9  # event mode is exact
    v = segment.analogsignals[0]
    assert v.units == pq.mV and v.sampling_period == 0.1 * pq.ms and v.shape[1] == 4
    assert v.shape[0] in (1000, 1001)
    # a neuron at rest with no input stays at v_rest; one driven by 1 nA follows the exponential
    np.testing.assert_allclose(v.magnitude[:, 0], -65.0, atol=1e-9)
    t = v.times.rescale("ms").magnitude
    before = t < t_first
    np.testing.assert_allclose(v.magnitude[before, 1], -65.0 + 20.0 * (1 - np.exp(-t[before] / 20.0)), atol=1e-9)


def test_two_runs_equal_one_run_of_their_sum(sim):
    def spikes(durations):
        sim.setup(timestep=0.1, rng_seed=7)
        src = sim.Population(50, sim.SpikeSourcePoisson(rate=40.0), label="src")
        cells = sim.Population(20, sim.IF_curr_exp(), label="cells")
        sim.Projection(src, cells, sim.FixedProbabilityConnector(0.5, rng=sim.NumpyRNG(3)),
                       sim.StaticSynapse(weight=1.0, delay=1.0))
        cells.record("spikes")
        src.record("spikes")
        for d in durations:
            sim.run(d)
        return [np.asarray(t) for p in (src, cells) for t in p.get_data().segments[0].spiketrains]

    once, twice = spikes([200.0]), spikes([73.3, 126.7])
    assert sum(len(t) for t in once) > 100
    for a, b in zip(once, twice):
        np.testing.assert_array_equal(a, b)


def test_a_seeded_network_is_reproducible_and_another_seed_differs(sim):
    def run(seed):
        sim.setup(timestep=0.1, rng_seed=seed)
        src = sim.Population(30, sim.SpikeSourcePoisson(rate=50.0), label="src")
        src.record("spikes")
        sim.run(100.0)
        return np.concatenate([np.asarray(t) for t in src.get_data().segments[0].spiketrains])

    np.testing.assert_array_equal(run(5), run(5))
    assert not np.array_equal(run(5), run(6))


def test_parameters_set_after_creation_take_effect(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(3, sim.IF_curr_exp(), label="cells")
    cells.set(i_offset=1.0)
    cells[2:3].set(i_offset=2.0, tau_m=10.0)
    cells.initialize(v=-65.0)
    assert cells.get("i_offset").tolist() == [1.0, 1.0, 2.0]
    cells.record("spikes")
    sim.run(40.0)
    trains = cells.get_data().segments[0].spiketrains
    assert abs(float(trains[0][0]) - first_spike_closed_form(1.0)) < 1e-9
    assert abs(float(trains[2][0]) - first_spike_closed_form(2.0, tau_m=10.0)) < 1e-9


def test_initial_values_and_reset_start_again(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(2, sim.IF_curr_exp(i_offset=1.0), label="cells")
    cells.initialize(v=[-65.0, -55.0])
    cells.record("spikes")
    sim.run(30.0)
    sim.reset()
    sim.run(30.0)
    segments = cells.get_data().segments
    assert len(segments) == 2
    for seg in segments:
        # from -55 mV, threshold -50, 1 nA into 1 nF: v(t) = -45 - 10 exp(-t/20) crosses at 20 ln 2
        assert abs(float(seg.spiketrains[1][0]) - 20.0 * math.log(2.0)) < 1e-9
        assert abs(float(seg.spiketrains[0][0]) - first_spike_closed_form(1.0)) < 1e-9


def test_changing_the_network_after_run_is_refused_until_reset(sim):
    sim.setup(timestep=0.1)
    cells = sim.Population(2, sim.IF_curr_exp(), label="cells")
    sim.run(10.0)
    with pytest.raises(NotImplementedError, match="reset"):
        cells.set(i_offset=1.0)
    sim.reset()
    cells.set(i_offset=1.0)


def test_views_and_assemblies_connect_the_neurons_they_select(sim):
    sim.setup(timestep=0.1)
    a = sim.Population(5, sim.SpikeSourceArray(spike_times=[[1.0 + k] for k in range(5)]), label="a")
    b = sim.Population(4, sim.IF_curr_exp(), label="b")
    c = sim.Population(3, sim.IF_curr_exp(), label="c")
    prj = sim.Projection(a[1:4], b + c[1:3], sim.OneToOneConnector(), sim.StaticSynapse(weight=20.0, delay=1.0))
    assert len(prj) == 3
    b.record("spikes")
    c.record("spikes")
    sim.run(20.0)
    fired_b = [len(t) > 0 for t in b.get_data().segments[0].spiketrains]
    fired_c = [len(t) > 0 for t in c.get_data().segments[0].spiketrains]
    # a[1], a[2], a[3] drive b[0], b[1], b[2]; the assembly's fourth cell (c[1]) gets nothing
    assert fired_b == [True, True, True, False] and fired_c == [False, False, False]


def test_inhibitory_weights_come_in_either_sign_and_read_back_as_given(sim):
    sim.setup(timestep=0.1)
    a = sim.Population(1, sim.SpikeSourceArray(spike_times=[1.0]), label="a")
    b = sim.Population(2, sim.IF_curr_exp(), label="b")
    prj = sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=-0.5), receptor_type="inhibitory")
    assert prj.get("weight", format="list", with_address=False) == [-0.5, -0.5]
    prj = sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.5), receptor_type="inhibitory")
    assert prj.get("weight", format="list", with_address=False) == [0.5, 0.5]
    with pytest.raises(errors.ConnectionError, match="inhibitory receptor"):
        sim.Projection(a, b, sim.AllToAllConnector(), sim.StaticSynapse(weight=-0.5), receptor_type="excitatory")


def test_what_engram_does_not_simulate_raises_pyNN_errors(sim):
    sim.setup(timestep=0.1)
    with pytest.raises(NotImplementedError, match="IF_curr_exp"):
        sim.IF_cond_alpha()
    with pytest.raises(NotImplementedError, match="StaticSynapse"):
        sim.TsodyksMarkramSynapse()
    with pytest.raises(NotImplementedError, match="DCSource"):
        sim.ACSource()
    cells = sim.Population(2, sim.IF_cond_exp(), label="cells")
    with pytest.raises(errors.RecordingError, match="spikes,v"):
        cells.record("gsyn_exc")
    with pytest.raises(errors.NonExistentParameterError):
        sim.IF_curr_exp(tau_n=3.0)
    with pytest.raises(NotImplementedError, match="dendritic"):
        sim.STDPMechanism(timing_dependence=sim.SpikePairRule(), weight_dependence=sim.AdditiveWeightDependence(),
                          dendritic_delay_fraction=0.0)
    with pytest.raises(ValueError, match="modes"):
        sim.setup(mode="exact")


def test_spike_counts_clear_and_written_data(sim, tmp_path):
    from neo.io import PickleIO
    sim.setup(timestep=0.1)
    cells = sim.Population(2, sim.IF_curr_exp(i_offset=[1.0, 2.0]), label="cells")
    cells.record("spikes")
    sim.run(100.0)
    counts = cells.get_spike_counts()
    trains = cells.get_data("spikes", clear=True).segments[0].spiketrains
    assert [counts[id] for id in cells] == [len(t) for t in trains] and counts[cells[1]] > counts[cells[0]] > 0
    sim.run(50.0)
    later = cells.get_data("spikes").segments[0].spiketrains
    assert all(float(t.min()) > 100.0 for t in later) and later[0].t_start == 100.0 * pq.ms
    cells.write_data(PickleIO(str(tmp_path / "cells.pkl")))
    block = PickleIO(str(tmp_path / "cells.pkl")).read_block()
    assert [len(t) for t in block.segments[0].spiketrains] == [len(t) for t in later]
