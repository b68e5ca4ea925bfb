"""
A balanced random network: Brette et al. (2007)'s current-based benchmark as PyNN's
VAbenchmarks writes it (3200 excitatory and 800 inhibitory IF_curr_exp neurons at full size,
2 % connectivity, 0.2 ms delays, self-sustained from random initial potentials).

    /usr/bin/python3 balanced_network.py engram|brian2 [N] [ms]
"""

import sys

from common import simulator, spike_times

CELL = dict(cm=0.2, tau_m=20.0, tau_refrac=5.0, tau_syn_E=5.0, tau_syn_I=10.0, v_rest=-49.0, v_reset=-60.0,
            v_thresh=-50.0, i_offset=0.0)
W_EXC = 0.27e-3 * 60.0   # 0.27 nS at 60 mV from the excitatory reversal: nA
W_INH = -4.5e-3 * 20.0   # 4.5 nS at 20 mV below the inhibitory reversal: nA, negative as PyNN writes inhibition


def run(sim, n=4000, duration=1000.0, seed=2007, **setup):
    sim.setup(timestep=0.1, min_delay=0.2, **setup)
    rng = sim.NumpyRNG(seed=seed)
    n_exc = n * 4 // 5
    exc = sim.Population(n_exc, sim.IF_curr_exp(**CELL), label="exc")
    inh = sim.Population(n - n_exc, sim.IF_curr_exp(**CELL), label="inh")
    cells = exc + inh
    cells.initialize(v=sim.RandomDistribution("uniform", (-60.0, -50.0), rng=rng))
    connector = sim.FixedProbabilityConnector(0.02, rng=rng, allow_self_connections=False)
    sim.Projection(exc, cells, connector, sim.StaticSynapse(weight=W_EXC, delay=0.2), receptor_type="excitatory")
    sim.Projection(inh, cells, connector, sim.StaticSynapse(weight=W_INH, delay=0.2), receptor_type="inhibitory")
    exc.record("spikes")
    sim.run(duration)
    trains = spike_times(exc)
    sim.end()
    rate = sum(len(t) for t in trains) / (n_exc * duration / 1000.0)
    return {"exc_rate_hz": rate, "trains": trains}


if __name__ == "__main__":
    sim = simulator()
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    ms = float(sys.argv[3]) if len(sys.argv) > 3 else 1000.0
    result = run(sim, n, ms)
    print("%s: %d neurons, %g ms: excitatory rate %.2f Hz" % (sim.__name__, n, ms, result["exc_rate_hz"]))
