/**
 * Cell types as data, after PyNN's standardmodels: {@link org.engram.simulator.neuron.StandardModel}
 * holds each model's parameter table (PyNN's names, defaults and units: mV, ms, nA, nF, uS),
 * {@link org.engram.simulator.neuron.StandardCell} a model with values, and
 * {@link org.engram.simulator.neuron.SpikeSourceArray} given spike times.
 *
 * <p>May import: {@code network} (for its exception) only.
 */
package org.engram.simulator.neuron;
