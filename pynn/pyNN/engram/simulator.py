"""
The state of a pyNN.engram simulation: time, the description the script builds (populations,
projections, current sources), and the Engram process that simulates it.

The description is sent to Engram as one JSON network (Engram's network format) at the first
run() or the first query that needs Engram (connections, weights), and again after any change
made at t = 0; after a run, changing the description raises NotImplementedError until reset().
"""

import numpy as np
from pyNN import common

from .server import Server, EngramError, decode

name = "Engram"

MODES = ("event", "grid", "fixed")
TARGETS = ("desktop", "emulator", "board")


class ID(int, common.IDMixin):

    def __init__(self, n):
        int.__init__(n)
        common.IDMixin.__init__(self)


class State(common.control.BaseState):

    def __init__(self):
        common.control.BaseState.__init__(self)
        self.mpi_rank = 0
        self.num_processes = 1
        self.server = None
        self.dt = 0.1
        self.mode = "event"
        self.target = "desktop"
        self.host = None
        self.port = 17893
        self.seed = 1
        self.timeout_s = 600.0
        self.clear()

    def configure(self, dt, min_delay, max_delay, mode, target, host, port, seed, timeout_s):
        if mode not in MODES:
            raise ValueError("mode='%s': Engram's modes are %s" % (mode, ", ".join(MODES)))
        if target not in TARGETS:
            raise ValueError("target='%s': Engram's targets are %s" % (target, ", ".join(TARGETS)))
        if target == "board" and not host:
            raise ValueError("target='board' needs host=, the board's address")
        if target != "desktop" and mode == "event":
            mode = "fixed"  # a board computes in fixed point on its step: say so in get_data's annotations
        self.dt, self.min_delay, self.max_delay = dt, min_delay, max_delay
        self.mode, self.target, self.host, self.port = mode, target, host, port
        self.seed, self.timeout_s = seed, timeout_s
        if self.server is None or not self.server.alive or self.server.timeout_s != timeout_s:
            self.end()
            self.server = Server(timeout_s)

    def end(self):
        if self.server is not None:
            self.server.close()
            self.server = None

    def clear(self):
        self.recorders = set([])
        self.populations = []
        self.projections = []
        self.current_sources = []
        self.id_counter = 0
        self.segment_counter = -1
        self.reset()

    def reset(self):
        """Time back to 0: the network is built again from its description at the next run."""
        self.running = False
        self.t = 0.0
        self.t_start = 0
        self.segment_counter += 1
        self.built = False
        self.deployed = False
        self._spikes = {}
        self._signals = {}

    # --- the description ---------------------------------------------------------------------

    def changing(self, what):
        """Called before the description changes: refused once the network has run."""
        if self.t > 0 or self.deployed:
            raise NotImplementedError(
                "Engram cannot change %s after run() (t = %g ms): the engines take the whole network "
                "when they start; call reset() first, then change it and run again" % (what, self.t))
        self.built = False

    def network(self):
        """The description as Engram's JSON network."""
        labels = set()
        for p in self.populations:
            p._engram_label = unique_label(p.label, labels, "population")
        pops = [p._engram_json() for p in self.populations]
        projs = []
        for k, prj in enumerate(self.projections):
            projs.extend(prj._engram_json(k))
        net = {"format": "engram-network/1", "timestep_ms": self.dt, "seed": int(self.seed),
               "populations": pops, "projections": projs}
        sources = [c for s in self.current_sources for c in s._engram_json()]
        if sources:
            net["current_sources"] = sources
        return net

    # --- Engram ------------------------------------------------------------------------------

    def _require_server(self):
        if self.server is None:
            raise EngramError("setup() has not been called, or end() has; call setup() first")
        return self.server

    def build(self):
        """Sends the description to Engram unless it has it already (desktop target)."""
        if self.built:
            return
        if self.target != "desktop":
            raise NotImplementedError(
                "on target='%s' Engram runs the network on the machine and reads spikes back; connections "
                "and weights are not read from it: use target='desktop' for them" % self.target)
        reply = self._require_server().request("build", network=self.network(), mode=self.mode, dt_ms=self.dt)
        self.warnings = reply.get("warnings", [])
        self.built = True
        self._spikes, self._signals = {}, {}

    def run_until(self, tstop):
        server = self._require_server()
        if self.target != "desktop":
            if self.deployed:
                raise NotImplementedError(
                    "target='%s' runs once per setup(): the network was deployed and run for %g ms already; "
                    "call setup() again and build the network anew to run it again" % (self.target, self.t))
            fields = dict(network=self.network(), ms=tstop, dt_ms=self.dt)
            if self.target == "board":
                fields.update(host=self.host, port=self.port)
            reply = server.request("deploy", **fields)
            self.deployed = True
        else:
            self.build()
            reply = server.request("run", ms=tstop - self.t)
        self.t = reply["t_ms"]
        self.running = True
        self._spikes, self._signals = {}, {}

    def run(self, simtime):
        self.run_until(self.t + simtime)

    def spikes(self, population):
        """(neuron indices, times in ms) of a population's recorded spikes, cached until the next run."""
        if not (self.built or self.deployed):
            return np.zeros(0, dtype=int), np.zeros(0)
        if population not in self._spikes:
            r = self._require_server().request("spikes", timeout_s=QUERY_TIMEOUT_S, population=population)
            self._spikes[population] = (decode(r, "neurons_i4"), decode(r, "times_ms_f8"))
        return self._spikes[population]

    def membrane(self, population):
        """(neuron indices, sample times in ms, values in mV [neuron, sample])."""
        if population not in self._signals:
            r = self._require_server().request("v", timeout_s=QUERY_TIMEOUT_S, population=population)
            neurons, times = decode(r, "neurons_i4"), decode(r, "times_ms_f8")
            values = decode(r, "values_mv_f8").reshape(len(neurons), len(times))
            self._signals[population] = (neurons, times, values)
        return self._signals[population]

    def weights(self, projection):
        self.build()
        r = self._require_server().request("weights", timeout_s=QUERY_TIMEOUT_S, projection=projection)
        return decode(r, "weights_f8")

    def connections(self, projection):
        self.build()
        r = self._require_server().request("connections", timeout_s=QUERY_TIMEOUT_S, projection=projection)
        return decode(r, "pre_i4"), decode(r, "post_i4")


QUERY_TIMEOUT_S = 120.0


def unique_label(label, taken, kind):
    """A label Engram's JSON accepts in every place (a slice too), unique among `taken`."""
    base = "".join(c if c.isalnum() or c in "_.-" else "_" for c in (label or kind))
    if not base or not (base[0].isalpha() or base[0] == "_"):
        base = "_" + base
    candidate, k = base, 1
    while candidate in taken:
        candidate = "%s_%d" % (base, k)
        k += 1
    taken.add(candidate)
    return candidate


state = State()
