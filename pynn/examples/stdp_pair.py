"""
The STDP pair protocol: one pre spike at 50 ms, one post spike Δt later (a teacher input makes
the post neuron fire), for Δt from -40 to +40 ms; a last pre spike at 300 ms, long after, lets
the backends that update weights at pre spikes settle. Prints the weight change of each pair.

    /usr/bin/python3 stdp_pair.py engram|brian2
"""

import numpy as np

from common import simulator, spike_times

DELTAS = [-40.0, -20.0, -10.0, -5.0, -2.0, 2.0, 5.0, 10.0, 20.0, 40.0]
W0, W_MAX = 0.5, 1.0
T_PRE, T_LAST = 50.0, 300.0
# the teacher's 20 nA arrives 1 ms after its spike and fires the neuron about 1 ms later
TEACHER_WEIGHT = 20.0


def run(sim, **setup):
    sim.setup(timestep=0.1, min_delay=0.1, **setup)
    n = len(DELTAS)
    pre = sim.Population(n, sim.SpikeSourceArray(spike_times=[[T_PRE, T_LAST] for _ in DELTAS]), label="pre")
    teacher = sim.Population(n, sim.SpikeSourceArray(spike_times=[[T_PRE + d - 1.0] for d in DELTAS]),
                             label="teacher")
    # a long refractory period: the teacher makes each post neuron fire once
    post = sim.Population(n, sim.IF_curr_exp(tau_refrac=20.0), label="post")
    # PyNN's default treats the delay as dendritic, as Engram (and sPyNNaker) does; pyNN.brian2
    # takes only axonal delays. With a 0.1 ms delay the two differ by 0.2 ms in each pair's interval.
    dendritic = 0.0 if sim.__name__ == "pyNN.brian2" else 1.0
    stdp = sim.STDPMechanism(
        timing_dependence=sim.SpikePairRule(tau_plus=20.0, tau_minus=20.0, A_plus=0.01, A_minus=0.012),
        weight_dependence=sim.AdditiveWeightDependence(w_min=0.0, w_max=W_MAX),
        weight=W0, delay=0.1, dendritic_delay_fraction=dendritic)
    plastic = sim.Projection(pre, post, sim.OneToOneConnector(), stdp)
    sim.Projection(teacher, post, sim.OneToOneConnector(), sim.StaticSynapse(weight=TEACHER_WEIGHT, delay=1.0))
    post.record("spikes")
    sim.run(T_LAST + 10.0)
    weights = np.array(plastic.get("weight", format="array"))[np.arange(n), np.arange(n)]
    post_times = spike_times(post)
    sim.end()
    return {"dw": weights - W0, "post_times": post_times}


if __name__ == "__main__":
    sim = simulator()
    result = run(sim)
    for d, dw, t in zip(DELTAS, result["dw"], result["post_times"]):
        print("Δt %+6.1f ms  post at %s ms  Δw %+.6f" % (d, np.round(t, 3).tolist(), dw))
