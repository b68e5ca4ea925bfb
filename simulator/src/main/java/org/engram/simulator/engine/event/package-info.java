/**
 * The exact event-driven engine: neurons are touched only by events; spike times are exact.
 *
 * <p>May import: {@code engine}, {@code build}, the description packages.
 */
package org.engram.simulator.engine.event;
