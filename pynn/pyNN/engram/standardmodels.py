"""
The standard models Engram simulates, under PyNN's names, units and defaults: Engram's network
format speaks PyNN's vocabulary, so every translation is the identity. The models PyNN defines
that Engram does not simulate exist here too, and raise NotImplementedError when created, naming
the ones it does.
"""

from pyNN.standardmodels import cells, synapses, electrodes, build_translations
from pyNN import errors

from .simulator import state

SUPPORTED_CELLS = ("IF_curr_exp", "IF_curr_delta", "IF_cond_exp", "SpikeSourceArray", "SpikeSourcePoisson")
SUPPORTED_SYNAPSES = ("StaticSynapse", "STDPMechanism", "SpikePairRule", "AdditiveWeightDependence",
                      "MultiplicativeWeightDependence")
SUPPORTED_SOURCES = ("DCSource", "StepCurrentSource")


def identity(model):
    return build_translations(*[(name, name) for name in model.default_parameters])


def minimum_delay():
    return state.dt if state.min_delay == "auto" else state.min_delay


def _engram(base, **attributes):
    """PyNN's standard model `base`, under its name, with Engram's (identity) translations."""
    return type(base.__name__, (base,), dict(__doc__=base.__doc__, __module__=__name__,
                                            translations=identity(base), **attributes))


IF_curr_exp = _engram(cells.IF_curr_exp)
IF_curr_delta = _engram(cells.IF_curr_delta)
# Engram records spikes and v; the conductances are state it does not record
IF_cond_exp = _engram(cells.IF_cond_exp, recordable=["spikes", "v"])
SpikeSourceArray = _engram(cells.SpikeSourceArray)
SpikeSourcePoisson = _engram(cells.SpikeSourcePoisson)
SpikePairRule = _engram(synapses.SpikePairRule)
AdditiveWeightDependence = _engram(synapses.AdditiveWeightDependence)
MultiplicativeWeightDependence = _engram(synapses.MultiplicativeWeightDependence)


# Inhibition of current-based cells comes in either sign: negative, as PyNN's check_weights
# demands (NEST, Brian2), or positive, as sPyNNaker takes it (and Engram's network format); the
# projection checks that the weights have one sign and that a negative one is inhibitory.
WEIGHT_CHECKS = {}


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = identity(synapses.StaticSynapse)
    parameter_checks = WEIGHT_CHECKS

    def _get_minimum_delay(self):
        return minimum_delay()


class STDPMechanism(synapses.STDPMechanism):
    __doc__ = synapses.STDPMechanism.__doc__
    parameter_checks = WEIGHT_CHECKS
    base_translations = build_translations(('weight', 'weight'), ('delay', 'delay'),
                                           ('dendritic_delay_fraction', 'dendritic_delay_fraction'))

    def __init__(self, timing_dependence=None, weight_dependence=None, voltage_dependence=None,
                 dendritic_delay_fraction=1.0, weight=0.0, delay=None):
        if voltage_dependence is not None:
            raise NotImplementedError("Engram's STDP has no voltage dependence")
        if dendritic_delay_fraction != 1.0:
            raise NotImplementedError(
                "dendritic_delay_fraction=%g: Engram treats the whole synaptic delay as dendritic "
                "(dendritic_delay_fraction=1, PyNN's default)" % dendritic_delay_fraction)
        if not isinstance(timing_dependence, SpikePairRule):
            raise NotImplementedError("Engram's STDP takes the timing dependence SpikePairRule; got %r"
                                      % type(timing_dependence).__name__)
        if not isinstance(weight_dependence, (AdditiveWeightDependence, MultiplicativeWeightDependence)):
            raise NotImplementedError("Engram's STDP takes AdditiveWeightDependence or "
                                      "MultiplicativeWeightDependence; got %r" % type(weight_dependence).__name__)
        super().__init__(timing_dependence, weight_dependence, None, dendritic_delay_fraction, weight, delay)

    def _build_translations(self):
        self.translations = dict(self.base_translations)
        for component in (self.timing_dependence, self.weight_dependence):
            self.translations.update(component.translations)

    def _get_minimum_delay(self):
        return minimum_delay()


def _unsupported(module, name, supported, kind):
    base = getattr(module, name)

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("Engram does not simulate the %s %s; it simulates %s"
                                  % (kind, name, ", ".join(supported)))
    return type(name, (base,), {"__init__": __init__, "__doc__": base.__doc__,
                                "translations": {}, "__module__": __name__})


def _standard_names(module, base):
    return [n for n, v in vars(module).items()
            if isinstance(v, type) and issubclass(v, base) and v is not base and v.__module__ == module.__name__]


for _name in _standard_names(cells, cells.StandardCellType):
    if _name not in SUPPORTED_CELLS:
        globals()[_name] = _unsupported(cells, _name, SUPPORTED_CELLS, "cell type")
for _name in _standard_names(synapses, synapses.StandardSynapseType) + \
        _standard_names(synapses, synapses.STDPWeightDependence) + \
        _standard_names(synapses, synapses.STDPTimingDependence):
    if _name not in SUPPORTED_SYNAPSES:
        globals()[_name] = _unsupported(synapses, _name, SUPPORTED_SYNAPSES, "synapse model")
for _name in _standard_names(electrodes, electrodes.StandardCurrentSource):
    if _name not in SUPPORTED_SOURCES:
        globals()[_name] = _unsupported(electrodes, _name, SUPPORTED_SOURCES, "current source")
del _name
