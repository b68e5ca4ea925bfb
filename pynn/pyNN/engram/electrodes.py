"""
Current sources: PyNN's DCSource and StepCurrentSource, sent to Engram as its current sources
(a step change of a neuron's injected current at given times: exact in event mode, from the first
step at or after the time in grid mode).
"""

import numpy as np
from pyNN import errors
from pyNN.parameters import ParameterSpace, Sequence
from pyNN.standardmodels import electrodes, build_translations

from . import simulator
from .populations import parent_indices


class CurrentSource(object):

    def __init__(self, **parameters):
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_cells", [])
        super().__init__(**parameters)
        merged = dict(self.default_parameters, **parameters)
        for name, value in merged.items():
            self._values[name] = value.value if isinstance(value, Sequence) else value

    def set_native_parameters(self, parameters):
        simulator.state.changing("the parameters of a %s" % type(self).__name__)
        parameters.evaluate(simplify=True)
        for name, value in parameters.items():
            self._values[name] = value.value if isinstance(value, Sequence) else value

    def get_native_parameters(self):
        return ParameterSpace(dict(self._values), self.get_schema(), (1,))

    def inject_into(self, cells):
        simulator.state.changing("the current sources")
        if isinstance(cells, (list, tuple)):
            raise NotImplementedError("Engram injects into a Population, PopulationView or Assembly; "
                                      "give one of these rather than a list of IDs")
        pops, idx = parent_indices(cells)
        for p in pops[:1]:
            if not p.celltype.injectable:
                raise errors.ConnectionError("%s cannot take an injected current" % type(p.celltype).__name__)
        self._cells.append(cells)
        if self not in simulator.state.current_sources:
            simulator.state.current_sources.append(self)

    def _engram_json(self):
        out = []
        if isinstance(self, StepCurrentSource) and len(self._values["times"]) == 0:
            return out  # no step: no current, which Engram's format has no way to say
        for cells in self._cells:
            pops, idx = parent_indices(cells)
            for p in dict.fromkeys(pops):
                mine = np.array([q is p for q in pops])
                item = dict(self._fields(), type=type(self).__name__,
                            inject_into={"population": p._engram_label, "indices": idx[mine].tolist()})
                out.append(item)
        return out

    def get_data(self):
        raise NotImplementedError("Engram does not record injected currents")


class DCSource(CurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"))

    def _fields(self):
        v = self._values
        fields = {"amplitude": float(v["amplitude"]), "start": float(v["start"])}
        if v["stop"] < 1e12:
            fields["stop"] = float(v["stop"])
        return fields


class StepCurrentSource(CurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes"), ("times", "times"))

    def _fields(self):
        times = np.asarray(self._values["times"], dtype=float)
        amplitudes = np.asarray(self._values["amplitudes"], dtype=float)
        if times.shape != amplitudes.shape:
            raise errors.InvalidParameterValueError(
                "StepCurrentSource: %d times and %d amplitudes; expected as many of each"
                % (times.size, amplitudes.size))
        return {"times": times.tolist(), "amplitudes": amplitudes.tolist()}
