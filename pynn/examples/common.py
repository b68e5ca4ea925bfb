"""What the examples share: choosing the backend from the command line, reading spikes back."""

import importlib
import sys

import numpy as np


def simulator(default="engram"):
    """The pyNN backend named by the first argument (engram, brian2, ...)."""
    name = sys.argv[1] if len(sys.argv) > 1 else default
    return importlib.import_module("pyNN." + name)


def spike_times(population):
    """Each neuron's spike times in ms, as arrays, in population order (every neuron recorded)."""
    trains = population.get_data("spikes").segments[-1].spiketrains
    # a backend that builds its trains from one array of ids gives them in id order, unannotated
    indices = [int(population.id_to_index(t.annotations["source_id"])) if "source_id" in t.annotations else k
               for k, t in enumerate(trains)]
    by_index = {i: np.asarray(t.rescale("ms").magnitude) for i, t in zip(indices, trains)}
    return [by_index.get(i, np.zeros(0)) for i in range(population.size)]
