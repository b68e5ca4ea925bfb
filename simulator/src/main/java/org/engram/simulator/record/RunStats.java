package org.engram.simulator.record;

/**
 * Figures of one run: the engine mode ({@code event} or {@code grid}), its step (0 for event
 * mode), biological and wall time, sizes, and counts of work done.
 *
 * @param eventsProcessed queue events handled (event mode) or neuron updates (grid mode)
 * @param synapticEvents spikes delivered to synapses
 */
public record RunStats(String mode, double dtMs, double simulatedMs, double wallSeconds, int neurons,
        long synapses, long spikes, long eventsProcessed, long synapticEvents) {}
