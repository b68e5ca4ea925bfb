/**
 * The exact event-driven engine: neurons are touched only by events; spike times are exact. It
 * runs on threads, a block of neurons each ({@code Partition}), in intervals no longer than the
 * smallest delay, with results that do not depend on the number of threads (see
 * {@code EventEngine} for the canonical order of simultaneous events).
 *
 * <p>May import: {@code engine}, {@code build}, the description packages.
 */
package org.engram.simulator.engine.event;
