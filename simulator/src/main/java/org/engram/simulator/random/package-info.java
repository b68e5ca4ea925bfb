/**
 * Seeded randomness: weight/delay/initial-value distributions and the derivation of independent
 * streams from the network's seed, so that equal seeds give equal networks and spikes.
 *
 * <p>May import: {@code network} (for its exception) and Commons Math's generators.
 */
package org.engram.simulator.random;
