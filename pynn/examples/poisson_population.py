"""
A Poisson-driven population: 200 SpikeSourcePoisson sources at 20 Hz drive 100 IF_curr_exp
neurons through a fixed-probability projection; prints both populations' mean rates.

    /usr/bin/python3 poisson_population.py engram|brian2
"""

from common import simulator, spike_times

N_SOURCES, N_CELLS, RATE_HZ = 200, 100, 20.0


def run(sim, duration=2000.0, seed=11, **setup):
    sim.setup(timestep=0.1, min_delay=0.1, **setup)
    sources = sim.Population(N_SOURCES, sim.SpikeSourcePoisson(rate=RATE_HZ), label="sources")
    cells = sim.Population(N_CELLS, sim.IF_curr_exp(tau_refrac=2.0), label="cells")
    sim.Projection(sources, cells, sim.FixedProbabilityConnector(0.1, rng=sim.NumpyRNG(seed=seed)),
                   sim.StaticSynapse(weight=0.7, delay=1.0))
    sources.record("spikes")
    cells.record("spikes")
    sim.run(duration)
    seconds = duration / 1000.0
    source_rate = sum(len(t) for t in spike_times(sources)) / (N_SOURCES * seconds)
    cell_rate = sum(len(t) for t in spike_times(cells)) / (N_CELLS * seconds)
    sim.end()
    return {"source_rate_hz": source_rate, "cell_rate_hz": cell_rate, "seconds": seconds}


if __name__ == "__main__":
    sim = simulator()
    r = run(sim)
    print("%s: sources %.2f Hz, cells %.2f Hz" % (sim.__name__, r["source_rate_hz"], r["cell_rate_hz"]))
