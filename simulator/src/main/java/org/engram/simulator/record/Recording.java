package org.engram.simulator.record;

import java.util.List;

/**
 * What a run recorded: immutable copies, holding no reference to the engine. Spikes of every
 * population that records them, membrane traces and weight traces, and the run's figures.
 */
public record Recording(List<PopulationSpikes> spikes, List<MembraneTrace> membranes, List<WeightTrace> weights,
        RunStats stats) {
    public Recording {
        spikes = List.copyOf(spikes);
        membranes = List.copyOf(membranes);
        weights = List.copyOf(weights);
    }

    /** The spikes of a population; the message lists the recorded ones. */
    public PopulationSpikes spikes(String population) {
        return spikes.stream().filter(s -> s.population().equals(population)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no spikes recorded for '" + population
                        + "'; recorded: " + spikes.stream().map(PopulationSpikes::population).toList()));
    }

    /** The membrane trace of a population; the message lists the recorded ones. */
    public MembraneTrace membrane(String population) {
        return membranes.stream().filter(s -> s.population().equals(population)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no v recorded for '" + population
                        + "'; recorded: " + membranes.stream().map(MembraneTrace::population).toList()));
    }

    /** The weight trace of a projection; the message lists the recorded ones. */
    public WeightTrace weights(String projection) {
        return weights.stream().filter(s -> s.projection().equals(projection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no weights recorded for '" + projection
                        + "'; recorded: " + weights.stream().map(WeightTrace::projection).toList()));
    }

    /** Total spike count over all recorded populations. */
    public long spikeCount() {
        return spikes.stream().mapToLong(PopulationSpikes::count).sum();
    }
}
