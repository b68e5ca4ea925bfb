"""Recording: Engram records whole populations; the recorder selects the cells PyNN asked for."""

import numpy as np
from pyNN import recording

from . import simulator

RECORDABLE = ("spikes", "v")


class Recorder(recording.Recorder):
    _simulator = simulator

    def __init__(self, population, file=None):
        super().__init__(population, file)
        self._cleared_at = 0.0

    def _record(self, variable, new_ids, sampling_interval=None):
        if variable not in RECORDABLE:
            raise NotImplementedError("Engram records %s, not '%s'" % (" and ".join(RECORDABLE), variable))
        simulator.state.changing("what %s records" % self.population.label)
        if variable != "spikes" and sampling_interval is not None:
            self.sampling_interval = sampling_interval

    def _indices(self, ids):
        return np.fromiter((int(i) for i in ids), dtype=int, count=len(ids)) - int(self.population.first_id)

    def _spikes(self, ids):
        """(ids, times) of the recorded spikes of the cells `ids`, after the last clear."""
        neurons, times = simulator.state.spikes(self.population._engram_label)
        wanted = np.zeros(self.population.size, bool)
        wanted[self._indices(ids)] = True
        after = times > self._cleared_at if self._cleared_at > 0 else times >= 0
        keep = wanted[neurons] & after if neurons.size else np.zeros(0, bool)
        return neurons[keep] + int(self.population.first_id), np.array(times[keep])

    def _get_spiketimes(self, ids, clear=False):
        id_array, times = self._spikes(ids)
        order = np.argsort(id_array, kind="stable")
        id_array, times = id_array[order], times[order]
        starts = np.searchsorted(id_array, [int(i) for i in ids])
        ends = np.searchsorted(id_array, [int(i) for i in ids], side="right")
        return {int(i): times[a:b] for i, a, b in zip(ids, starts, ends)}

    def _get_all_signals(self, variable, ids, clear=False):
        if not ids:
            return np.zeros((0, 0)), None
        neurons, times, values = simulator.state.membrane(self.population._engram_label)
        row = np.full(self.population.size, -1)
        row[neurons] = np.arange(len(neurons))
        samples = times >= self._cleared_at - 1e-9
        return values[row[self._indices(ids)]][:, samples].T, None

    def _local_count(self, variable, filter_ids=None):
        ids = sorted(self.filter_recorded(variable, filter_ids))
        id_array, _ = self._spikes(ids)
        counts = dict.fromkeys((int(i) for i in ids), 0)
        found, n = np.unique(id_array, return_counts=True)
        counts.update(zip(found.tolist(), n.tolist()))
        return counts

    def _clear_simulator(self):
        # Engram keeps what it recorded; clearing hides what came before now
        self._cleared_at = simulator.state.t

    def _reset(self):
        simulator.state.changing("what %s records" % self.population.label)

    def store_to_cache(self, annotations=None):
        super().store_to_cache(annotations)
        self._cleared_at = 0.0
