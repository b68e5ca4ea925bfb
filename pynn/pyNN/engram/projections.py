"""
Projections: PyNN's connectors draw the connections here, in Python, with PyNN's own code and
random generators, so every connector keeps its promises exactly as on the other backends. Engram
is sent them as FromList connections, one Engram projection per pair of populations that the
projection's pre and post (populations, views or assemblies) span.
"""

from copy import deepcopy

import numpy as np
from pyNN import common, errors
from pyNN.space import Space

from . import simulator
from .populations import parent_indices
from .simulator import unique_label
from .standardmodels import StaticSynapse, STDPMechanism, AdditiveWeightDependence

CURRENT_BASED = ("IF_curr_exp", "IF_curr_delta")
STDP_PARAMETERS = ("tau_plus", "tau_minus", "A_plus", "A_minus", "w_min", "w_max")


class Connection(common.Connection):
    """One connection: indices in the projection's pre and post, weight and delay."""

    def __init__(self, projection, k):
        self.presynaptic_index = int(projection._pre[k])
        self.postsynaptic_index = int(projection._post[k])
        self.weight = float(projection._weights()[k])
        self.delay = float(projection._delay[k])

    def as_tuple(self, *attribute_names):
        return tuple(getattr(self, name) for name in attribute_names)


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator
    _static_synapse_class = StaticSynapse

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None,
                 source=None, receptor_type=None, space=Space(), label=None):
        simulator.state.changing("the network (a new projection)")
        if source is not None:
            raise NotImplementedError("Engram's neurons have one spike source; got source=%r" % source)
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector,
                                   synapse_type, source, receptor_type, space, label)
        if not isinstance(self.synapse_type, (StaticSynapse, STDPMechanism)):
            raise NotImplementedError("Engram's synapse types are StaticSynapse and STDPMechanism; got %s"
                                      % type(self.synapse_type).__name__)
        self._stdp = self._stdp_json() if isinstance(self.synapse_type, STDPMechanism) else None
        self._chunks = []
        connector.connect(self)
        chunks = self._chunks or [(np.zeros(0, int), np.zeros(0, int), np.zeros(0), np.zeros(0))]
        self._pre, self._post, weight, self._delay = (np.concatenate(c) for c in zip(*chunks))
        del self._chunks
        self._sign = self._weight_sign(weight)
        self._weight = np.abs(weight)
        self._check_delays()
        simulator.state.projections.append(self)

    def _guess_receptor_type(self):
        # PyNN takes the first of the post's receptor types for weights >= 0, the second for
        # negative ones; an Assembly holds them in a set, whose order is not that
        types = set(self.post.receptor_types)
        if types >= {"excitatory", "inhibitory"}:
            weights = deepcopy(self.synapse_type.parameter_space)["weight"]
            if weights.shape is None:
                weights.shape = self.shape
            self.receptor_type = "excitatory" if weights[self.pre.size - 1, self.post.size - 1] >= 0 else "inhibitory"
        else:
            common.Projection._guess_receptor_type(self)

    def __len__(self):
        return len(self._pre)

    def __getitem__(self, i):
        return Connection(self, range(len(self))[i])

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        pre = np.asarray(presynaptic_indices, dtype=int)
        n = pre.size
        weight = np.broadcast_to(np.asarray(connection_parameters["weight"], dtype=float), (n,))
        delay = np.broadcast_to(np.asarray(connection_parameters["delay"], dtype=float), (n,))
        self._chunks.append((pre, np.full(n, int(postsynaptic_index)), weight.copy(), delay.copy()))

    # --- checks ---------------------------------------------------------------------------------

    def _weight_sign(self, weight):
        """PyNN gives current-based inhibition as negative weights; Engram (as sPyNNaker) as positive ones."""
        if weight.size == 0 or np.all(weight >= 0):
            return 1.0
        models = {type(p.celltype).__name__ for p in parent_indices(self.post)[0][:1]}
        if self.receptor_type == "inhibitory" and models <= set(CURRENT_BASED) and np.all(weight <= 0):
            return -1.0
        raise errors.ConnectionError(
            "projection %s: weights below 0 (%g); Engram takes them only on the inhibitory receptor of "
            "current-based cells (%s), all of one sign" % (self.label, weight.min(), ", ".join(CURRENT_BASED)))

    def _check_delays(self):
        if self._delay.size and not np.all(self._delay > 0):
            raise errors.ConnectionError("projection %s: delay %g ms; Engram takes delays > 0"
                                         % (self.label, self._delay.min()))

    def _stdp_json(self):
        parameters = self.synapse_type.native_parameters
        parameters.shape = (1,)
        values = {}
        for name in STDP_PARAMETERS:
            p = parameters[name]
            if not p.is_homogeneous:
                raise errors.InvalidParameterValueError(
                    "projection %s: Engram's %s is one value per projection; got a value per connection"
                    % (self.label, name))
            values[name] = float(p.evaluate(simplify=True))
        return values

    # --- values -------------------------------------------------------------------------------

    def _weights(self):
        """The weights as PyNN writes them: Engram's current ones once it holds a plastic network."""
        state = simulator.state
        if self._stdp is None or not state.built or state.target != "desktop":
            return self._sign * self._weight
        weights = np.empty(len(self))
        for label, order in self._groups:
            weights[order] = state.weights(label)
        return self._sign * weights

    def _values(self, name):
        if name == "presynaptic_index":
            return self._pre
        if name == "postsynaptic_index":
            return self._post
        if name == "weight":
            return self._weights()
        if name == "delay":
            return self._delay
        if self._stdp is not None and name in self._stdp:
            return np.full(len(self), self._stdp[name])
        raise errors.NonExistentParameterError(name, type(self.synapse_type).__name__,
                                               ["weight", "delay"] + list(self._stdp or ()))

    def _get_attributes_as_list(self, names):
        columns = [self._values(name) for name in names]
        return list(zip(*(c.tolist() for c in columns)))

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        operation = common.Projection.MULTI_SYNAPSE_OPERATIONS[multiple_synapses]
        arrays = []
        pairs = self._pre * self.post.size + self._post
        duplicates = np.unique(pairs).size < pairs.size
        for name in names:
            values = self._values(name.rstrip("s") if name in ("weights", "delays") else name)
            a = np.full((self.pre.size, self.post.size), np.nan)
            if not duplicates:
                a[self._pre, self._post] = values
            else:
                for i, j, v in zip(self._pre, self._post, values):
                    a[i, j] = v if np.isnan(a[i, j]) else operation(a[i, j], v)
            arrays.append(a)
        return arrays

    def _set_attributes(self, parameter_space):
        simulator.state.changing("the weights or delays of projection %s" % self.label)
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            chosen = np.asarray(value)[self._pre, self._post] if np.ndim(value) == 2 else \
                np.broadcast_to(np.asarray(value, dtype=float), (len(self),))
            if name == "weight":
                self._sign = self._weight_sign(np.asarray(chosen, dtype=float))
                self._weight = np.abs(np.asarray(chosen, dtype=float))
            elif name == "delay":
                self._delay = np.asarray(chosen, dtype=float).copy()
                self._check_delays()
            else:
                raise NotImplementedError("Engram's %s is one value per projection, set in its %s"
                                          % (name, type(self.synapse_type).__name__))

    # --- Engram's JSON --------------------------------------------------------------------------

    def _synapse_json(self):
        if self._stdp is None:
            return {"type": "StaticSynapse"}
        s = dict(self._stdp)
        wd = self.synapse_type.weight_dependence
        additive = isinstance(wd, AdditiveWeightDependence)
        if additive and simulator.state.mode == "event":
            # PyNN's additive rule changes a weight by A·w_max; Engram's takes A in weight units,
            # as sPyNNaker does, which grid and fixed mode follow
            s["A_plus"] *= s["w_max"]
            s["A_minus"] *= s["w_max"]
        return {"type": "STDPMechanism",
                "timing_dependence": {"type": "SpikePairRule", "tau_plus": s["tau_plus"],
                                      "tau_minus": s["tau_minus"], "A_plus": s["A_plus"], "A_minus": s["A_minus"]},
                "weight_dependence": {"type": type(wd).__name__, "w_min": s["w_min"], "w_max": s["w_max"]},
                "weight": float(self._weight[0]) if len(self) else 0.0}

    def _engram_json(self, k):
        """One Engram projection per (pre population, post population) pair, with FromList connections."""
        pre_pops, pre_idx = parent_indices(self.pre)
        post_pops, post_idx = parent_indices(self.post)
        pre_key = np.array([id(p) for p in pre_pops])
        post_key = np.array([id(p) for p in post_pops])
        key_pre, key_post = pre_key[self._pre], post_key[self._post]
        pops = {id(p): p for p in pre_pops + post_pops}
        taken = {p for prj in simulator.state.projections[:k] for p, _ in prj._groups}
        base = unique_label(self.label, set(taken), "projection")
        synapse = self._synapse_json()
        out, self._groups = [], []
        pairs = sorted(set(zip(key_pre.tolist(), key_post.tolist())), key=lambda pq: (
            simulator.state.populations.index(pops[pq[0]]), simulator.state.populations.index(pops[pq[1]])))
        for g, (a, b) in enumerate(pairs):
            order = np.nonzero((key_pre == a) & (key_post == b))[0]
            label = unique_label("%s.%d" % (base, g) if len(pairs) > 1 else base, taken, "projection")
            rows = list(zip(pre_idx[self._pre[order]].tolist(), post_idx[self._post[order]].tolist(),
                            self._weight[order].tolist(), self._delay[order].tolist()))
            out.append({"label": label, "pre": pops[a]._engram_label, "post": pops[b]._engram_label,
                        "connector": {"type": "FromList", "connections": rows},
                        "synapse": synapse, "receptor": self.receptor_type})
            self._groups.append((label, order))
        return out
