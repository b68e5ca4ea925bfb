"""
pyNN.engram: PyNN's API on Engram, the Java spiking-network toolkit.

``setup()`` starts one Engram process (``engram pynn-server``); the script's network is sent to
it as Engram's JSON network at the first ``run()``, and spikes, membrane traces and weights come
back on request. ``setup(mode=...)`` picks Engram's engine: ``'event'`` (exact, the default),
``'grid'`` (sPyNNaker's fixed-step update) or ``'fixed'`` (SpiNNaker's fixed point);
``setup(target=...)`` where it runs: ``'desktop'`` (the default), ``'emulator'`` (Engram's board
emulator, through Engram's SpiNNaker deployment) or ``'board'`` (with ``host=``). See
pynn/README.md.
"""

import logging

from pyNN import common
from pyNN.common.control import DEFAULT_MAX_DELAY, DEFAULT_TIMESTEP, DEFAULT_MIN_DELAY
from pyNN.connectors import *  # noqa: F401,F403 (PyNN's connectors draw the connections, in Python)
from pyNN.recording import *  # noqa: F401,F403
from pyNN.random import NumpyRNG, RandomDistribution  # noqa: F401
from pyNN.space import Space  # noqa: F401
from neo.io import get_io

from . import simulator
from .server import EngramError  # noqa: F401
from .standardmodels import *  # noqa: F401,F403
from .electrodes import DCSource, StepCurrentSource  # noqa: F401
from .populations import Population, PopulationView, Assembly  # noqa: F401
from .projections import Projection  # noqa: F401

logger = logging.getLogger("PyNN")


def list_standard_models():
    """The StandardCellType classes Engram simulates."""
    return list(SUPPORTED_CELLS)  # noqa: F405


def setup(timestep=DEFAULT_TIMESTEP, min_delay=DEFAULT_MIN_DELAY, mode="event", target="desktop", host=None,
          port=17893, rng_seed=1, timeout=600.0, **extra_params):
    """
    Starts Engram (or keeps the process a previous setup() started) and clears the network.

    `mode`: 'event' (exact; the default), 'grid' or 'fixed' (sPyNNaker's update on the step
    `timestep`, in floating or fixed point). `target`: 'desktop', 'emulator' or 'board' (then
    `host` and `port`, the board's SCAMP port); off the desktop the network runs once per setup().
    `rng_seed` seeds Engram's own generator (Poisson sources); PyNN's connectors and random
    distributions draw from the generators the script gives them. `timeout`: the seconds a run
    may take before the process is stopped and an EngramError raised (None: no limit; a process
    that dies is still reported at once).
    """
    max_delay = extra_params.get("max_delay", DEFAULT_MAX_DELAY)
    common.setup(timestep, min_delay, **extra_params)
    simulator.state.clear()
    simulator.state.configure(timestep, min_delay, max_delay, mode, target, host, port, rng_seed, timeout)
    return rank()


def end(compatible_output=True):
    """Writes what record(..., to_file) asked for and ends the Engram process."""
    for (population, variables, filename) in simulator.state.write_on_end:
        io = get_io(filename)
        population.write_data(io, variables)
    simulator.state.write_on_end = []
    simulator.state.end()


run, run_until = common.build_run(simulator)
run_for = run

reset = common.build_reset(simulator)

initialize = common.initialize

get_current_time, get_time_step, get_min_delay, get_max_delay, \
    num_processes, rank = common.build_state_queries(simulator)

create = common.build_create(Population)

connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)  # noqa: F405

record = common.build_record(simulator)


def record_v(source, filename):
    return record(['v'], source, filename)
