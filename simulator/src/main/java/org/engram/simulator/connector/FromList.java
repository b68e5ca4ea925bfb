package org.engram.simulator.connector;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's FromListConnector: explicit {@code (i, j, weight, delay)} tuples; a NaN weight or delay
 * takes the synapse type's value.
 */
public record FromList(List<Connection> connections) implements Connector {

    /** One explicit connection; weight and delay may be NaN for "from the synapse type". */
    public record Connection(int pre, int post, double weight, double delay) {
        public Connection(int pre, int post) {
            this(pre, post, Double.NaN, Double.NaN);
        }
    }

    public FromList {
        connections = List.copyOf(connections);
    }

    @Override
    public long maxConnections(int preSize, int postSize) {
        return connections.size();
    }

    @Override
    public String typeName() {
        return "FromList";
    }

    @Override
    public void check(int preSize, int postSize) {
        for (int k = 0; k < connections.size(); k++) {
            Connection c = connections.get(k);
            if (c.pre() < 0 || c.pre() >= preSize || c.post() < 0 || c.post() >= postSize) {
                throw new InvalidNetworkException("FromList: connection " + k + " (" + c.pre() + ", " + c.post()
                        + ") is out of range; expected pre in [0, " + preSize + ") and post in [0, " + postSize + ")");
            }
            if (Double.isInfinite(c.weight()) || (!Double.isNaN(c.weight()) && c.weight() < 0)) {
                throw new InvalidNetworkException("FromList: connection " + k + " has weight " + c.weight()
                        + "; expected a finite weight >= 0");
            }
            if (Double.isInfinite(c.delay()) || (!Double.isNaN(c.delay()) && c.delay() <= 0)) {
                throw new InvalidNetworkException("FromList: connection " + k + " has delay " + c.delay()
                        + "; expected a finite delay > 0 ms");
            }
        }
    }

    @Override
    public void connect(int preSize, int postSize, SameNeuron same, RandomGenerator rng, Sink sink) {
        for (Connection c : connections) {
            sink.accept(c.pre(), c.post(), c.weight(), c.delay());
        }
    }
}
