package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole network description: populations, projections, the seed every random choice derives
 * from, the timestep (the default delay, and the step of the grid engine) and the default run
 * length, and the current sources injected into its neurons. Immutable and validated when made:
 * unique labels, projections between populations of this network, currents injected into them.
 */
public record Network(long seed, double timestepMs, double runMs, List<Population> populations,
        List<Projection> projections, List<CurrentInjection> currentSources) {

    /** PyNN's default timestep. */
    public static final double DEFAULT_TIMESTEP_MS = 0.1;
    /**
     * The most neurons a network may hold: they are numbered by {@code int}, and each state variable
     * is one array, which the JVM makes at most this long.
     */
    public static final int MAX_NEURONS = Integer.MAX_VALUE - 8;

    public Network {
        if (!(timestepMs > 0) || Double.isInfinite(timestepMs)) {
            throw new InvalidNetworkException("timestep_ms is " + timestepMs + "; expected a positive time in ms");
        }
        if (!(runMs >= 0) || Double.isInfinite(runMs)) {
            throw new InvalidNetworkException("run_ms is " + runMs + "; expected a time >= 0 ms");
        }
        populations = List.copyOf(populations);
        projections = List.copyOf(projections);
        currentSources = List.copyOf(currentSources);
        long neurons = populations.stream().mapToLong(Population::size).sum();
        if (neurons > MAX_NEURONS) {
            throw new InvalidNetworkException("the populations hold " + neurons + " neurons in all; a network holds at most "
                    + MAX_NEURONS);
        }
        Map<String, Population> byLabel = new HashMap<>();
        for (Population p : populations) {
            if (byLabel.put(p.label(), p) != null) {
                throw new InvalidNetworkException("population label '" + p.label() + "' is used twice");
            }
        }
        Map<String, Projection> projectionLabels = new HashMap<>();
        for (Projection pr : projections) {
            if (projectionLabels.put(pr.label(), pr) != null) {
                throw new InvalidNetworkException("projection label '" + pr.label() + "' is used twice");
            }
            for (Selection s : List.of(pr.pre(), pr.post())) {
                Population p = byLabel.get(s.population().label());
                if (p == null || !p.equals(s.population())) {
                    throw new InvalidNetworkException("projection " + pr.label() + ": population '"
                            + s.population().label() + "' is not part of this network");
                }
            }
        }
        for (CurrentInjection c : currentSources) {
            Population p = byLabel.get(c.cells().population().label());
            if (p == null || !p.equals(c.cells().population())) {
                throw new InvalidNetworkException(c.source().typeName() + " injected into " + c.cells().describe()
                        + ": population '" + c.cells().population().label() + "' is not part of this network");
            }
        }
    }

    /** A network without current sources. */
    public Network(long seed, double timestepMs, double runMs, List<Population> populations,
            List<Projection> projections) {
        this(seed, timestepMs, runMs, populations, projections, List.of());
    }

    /** The population with this label; the message lists the valid labels. */
    public Population population(String label) {
        for (Population p : populations) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new InvalidNetworkException("no population '" + label + "'; expected one of "
                + populations.stream().map(Population::label).toList());
    }

    /** The projection with this label; the message lists the valid labels. */
    public Projection projection(String label) {
        for (Projection p : projections) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new InvalidNetworkException("no projection '" + label + "'; expected one of "
                + projections.stream().map(Projection::label).toList());
    }

    /** Total number of neurons, sources included. */
    public int neuronCount() {
        return populations.stream().mapToInt(Population::size).sum();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects populations, projections and current sources, PyNN-script style, then makes the immutable network. */
    public static final class Builder {
        private long seed = 1;
        private double timestepMs = DEFAULT_TIMESTEP_MS;
        private double runMs = 0;
        private final List<Population> populations = new ArrayList<>();
        private final List<Projection> projections = new ArrayList<>();
        private final List<CurrentInjection> currentSources = new ArrayList<>();

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder timestepMs(double dt) {
            timestepMs = dt;
            return this;
        }

        public Builder runMs(double t) {
            runMs = t;
            return this;
        }

        /** Adds a population and returns it, for use in projections. */
        public Population add(Population p) {
            populations.add(p);
            return p;
        }

        /** Adds a projection and returns it. */
        public Projection add(Projection p) {
            projections.add(p);
            return p;
        }

        /** Adds a current source injected into neurons ({@code source.injectInto(cells)}) and returns it. */
        public CurrentInjection add(CurrentInjection c) {
            currentSources.add(c);
            return c;
        }

        public Network build() {
            return new Network(seed, timestepMs, runMs, populations, projections, currentSources);
        }
    }
}
