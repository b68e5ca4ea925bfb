/**
 * PyNN's connectors: which pre neurons connect to which post neurons. Pure data with a
 * deterministic enumeration driven by a seeded generator.
 *
 * <p>May import: {@code network} (for its exception) and Commons Math's generators.
 */
package org.engram.simulator.connector;
