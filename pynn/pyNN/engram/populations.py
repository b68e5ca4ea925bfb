"""Populations, views and assemblies: PyNN's, holding the description that Engram is sent."""

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from . import simulator
from .recording import Recorder

# Engram names each cell type's state as PyNN does; these are the ones it can start from
INITIAL_VALUES = {"IF_curr_exp": ("v", "isyn_exc", "isyn_inh"), "IF_curr_delta": ("v",),
                  "IF_cond_exp": ("v", "gsyn_exc", "gsyn_inh")}


def json_value(values):
    """A per-neuron array as Engram's JSON writes it: one number when all are equal."""
    values = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(values)):
        raise errors.InvalidParameterValueError("Engram takes finite numbers; got %s" % values[~np.isfinite(values)][:3])
    if values.size and np.all(values == values.flat[0]):
        return float(values.flat[0])
    return values.tolist()


def parent_indices(cells):
    """(population of each cell, index of each cell in its population) of a Population, view or Assembly."""
    if isinstance(cells, common.Assembly):
        parts = [parent_indices(p) for p in cells.populations]
        return [pop for part in parts for pop in part[0]], np.concatenate([part[1] for part in parts])
    if isinstance(cells, common.PopulationView):
        pops, idx = parent_indices(cells.parent)
        selected = np.arange(cells.parent.size)[cells.mask]
        return [pops[i] for i in selected], idx[selected]
    return [cells] * cells.size, np.arange(cells.size)


class Assembly(common.Assembly):
    _simulator = simulator


class PopulationView(common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_parameters(self, *names):
        return ParameterSpace({name: simplify(self.parent._parameters[name][self.mask]) for name in names},
                              shape=(self.size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changing("parameters of %s" % self.label)
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            self.parent._parameters[name][self.mask] = value

    def _set_initial_value_array(self, variable, initial_values):
        simulator.state.changing("initial values of %s" % self.label)
        self.parent._check_initial(variable)
        values = self.parent._initial.setdefault(
            variable, np.full(self.parent.size, float(self.parent.celltype.default_initial_values[variable])))
        values[self.mask] = initial_values.evaluate(simplify=False)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def _create_cells(self):
        if not isinstance(self.celltype, StandardCellType):
            raise NotImplementedError("Engram simulates PyNN's standard cell types only; got %r" % self.celltype)
        simulator.state.changing("the network (a new population)")
        first = simulator.state.id_counter
        self.all_cells = np.array([simulator.ID(i) for i in range(first, first + self.size)], dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        for id in self.all_cells:
            id.parent = self
        simulator.state.id_counter += self.size
        parameter_space = self.celltype.native_parameters
        parameter_space.shape = (self.size,)
        parameter_space.evaluate(simplify=False)
        self._parameters = parameter_space.as_dict()
        self._initial = {}
        self._engram_label = None
        simulator.state.populations.append(self)

    def _check_initial(self, variable):
        allowed = INITIAL_VALUES.get(self.celltype.__class__.__name__, ())
        if variable not in allowed:
            raise NotImplementedError("Engram cannot set the initial value of '%s' of %s; it sets %s"
                                      % (variable, self.celltype.__class__.__name__, ", ".join(allowed) or "none"))

    def _set_initial_value_array(self, variable, initial_values):
        simulator.state.changing("initial values of %s" % self.label)
        self._check_initial(variable)
        self._initial[variable] = np.array(initial_values.evaluate(simplify=False), dtype=float).reshape(self.size)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_parameters(self, *names):
        return ParameterSpace({name: simplify(self._parameters[name]) for name in names}, shape=(self.local_size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changing("parameters of %s" % self.label)
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            self._parameters[name] = value

    def _engram_json(self):
        model = self.celltype.__class__.__name__
        out = {"label": self._engram_label, "size": self.size, "model": model}
        if model == "SpikeSourceArray":
            out["params"] = {"spike_times": [spike_times(s, self.label) for s in self._parameters["spike_times"]]}
        else:
            out["params"] = {name: json_value(values) for name, values in self._parameters.items()}
        if self._initial:
            out["initial"] = {name: json_value(v) for name, v in self._initial.items()}
        record = [v for v in ("spikes", "v") if self.recorder.recorded.get(v)]
        out["record"] = record
        if "v" in record:
            out["record_interval_ms"] = self.recorder.sampling_interval
        return out


def spike_times(times, label):
    values = np.asarray(getattr(times, "value", times), dtype=float).reshape(-1)
    if values.size and (np.any(values < 0) or np.any(np.diff(values) < 0)):
        raise errors.InvalidParameterValueError(
            "%s: spike_times must be >= 0 and in increasing order; got %s" % (label, values.tolist()[:10]))
    return values.tolist()
