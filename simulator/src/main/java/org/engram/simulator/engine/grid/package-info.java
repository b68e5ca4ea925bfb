/**
 * The fixed-step engine that computes what SpiNNaker computes (sPyNNaker's update order and STDP).
 *
 * <p>May import: {@code engine}, {@code build}, the description packages.
 */
package org.engram.simulator.engine.grid;
