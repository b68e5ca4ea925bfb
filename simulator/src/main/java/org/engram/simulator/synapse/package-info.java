/**
 * Synapse types: {@link org.engram.simulator.synapse.StaticSynapse} and
 * {@link org.engram.simulator.synapse.STDPMechanism} with its timing rule and weight dependence.
 *
 * <p>May import: {@code network} (for its exception) and {@code random}.
 */
package org.engram.simulator.synapse;
