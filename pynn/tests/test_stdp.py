"""
STDP: event mode follows PyNN's additive rule, whose A± scale with w_max (a weight changes by
A±·w_max·exp(-|Δt|/τ±)); grid mode follows sPyNNaker, whose A± are in weight units. One pre spike,
one post spike, and a late pre spike that lets Engram apply the deferred update; the references
are the pair rule written here from the formula, with the post spike seen a delay d late at the
synapse (dendritic delay, PyNN's default).
"""

import math

import numpy as np
import pytest

TAU_PLUS, TAU_MINUS, A_PLUS, A_MINUS = 16.0, 22.0, 0.03, 0.025
W0, W_MAX, DELAY = 0.5, 2.0, 1.0
T_PRE, T_LATE = 20.0, 150.0


def pair_rule(t_pre, t_post, t_late, a_plus, a_minus):
    """Δw of the pair (t_pre, t_post) and of the late pre spike with t_post, all-to-all, dendritic delay."""
    seen = t_post + DELAY
    dw = 0.0
    if seen > t_pre:
        dw += a_plus * math.exp(-(seen - t_pre) / TAU_PLUS)
    else:
        dw -= a_minus * math.exp(-(t_pre - seen) / TAU_MINUS)
    dw -= a_minus * math.exp(-(t_late - seen) / TAU_MINUS)
    return dw


def run_pair(sim, mode, teacher_at, dt=0.1):
    sim.setup(timestep=dt, min_delay=dt, mode=mode)
    pre = sim.Population(1, sim.SpikeSourceArray(spike_times=[T_PRE, T_LATE]), label="pre")
    teacher = sim.Population(1, sim.SpikeSourceArray(spike_times=[teacher_at]), label="teacher")
    post = sim.Population(1, sim.IF_curr_exp(tau_refrac=50.0), label="post")
    stdp = sim.STDPMechanism(
        timing_dependence=sim.SpikePairRule(tau_plus=TAU_PLUS, tau_minus=TAU_MINUS, A_plus=A_PLUS, A_minus=A_MINUS),
        weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=W_MAX), weight=W0, delay=DELAY)
    plastic = sim.Projection(pre, post, sim.OneToOneConnector(), stdp)
    sim.Projection(teacher, post, sim.OneToOneConnector(), sim.StaticSynapse(weight=30.0, delay=1.0))
    post.record("spikes")
    sim.run(T_LATE + 5.0)
    (t_post,) = np.asarray(post.get_data().segments[0].spiketrains[0]).tolist()
    w = plastic.get("weight", format="list", with_address=False)[0]
    return t_post, w


@pytest.mark.parametrize("teacher_at", [22.0, 30.0, 5.0, 12.0])
def test_event_mode_scales_a_by_w_max_as_pyNN_does(sim, teacher_at):
    t_post, w = run_pair(sim, "event", teacher_at)
    expected = W0 + W_MAX * pair_rule(T_PRE, t_post, T_LATE, A_PLUS, A_MINUS)
    assert abs(w - expected) < 1e-12, (t_post, w, expected)
    assert abs(w - W0) > 1e-3  # the pair changed the weight: the check above is not vacuous


@pytest.mark.parametrize("teacher_at", [22.0, 12.0])
def test_grid_mode_takes_a_in_weight_units_as_sPyNNaker_does(sim, teacher_at):
    t_post, w = run_pair(sim, "grid", teacher_at, dt=1.0)
    expected = W0 + pair_rule(T_PRE, t_post, T_LATE, A_PLUS, A_MINUS)
    assert abs(w - expected) < 1e-12, (t_post, w, expected)
