/**
 * A description flattened for the engines: global neuron indices, per-neuron parameter arrays,
 * synapses in compressed rows by source.
 *
 * <p>May import: the description packages. Only the engines and
 * spinnaker's {@code mapping} (which maps it onto a board) use it; no other module may.
 */
package org.engram.simulator.build;
