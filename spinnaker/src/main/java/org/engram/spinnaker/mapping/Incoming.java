package org.engram.spinnaker.mapping;

/**
 * Synapses of one projection from one source slice into a placed slice: its core receives the
 * source's packets, keys {@code key | i} for the source's neuron {@code source.lo() + i}.
 *
 * @param projection the projection's index in the network
 * @param label the projection's label
 * @param source the pre-synaptic slice
 * @param key the source slice's key
 * @param mask the source slice's mask
 * @param synapses how many synapses of the projection go from the source slice to this one
 */
public record Incoming(int projection, String label, Slice source, int key, int mask, int synapses) {}
