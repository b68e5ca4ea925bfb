/**
 * The SpiNNaker machine model: chip and core coordinates, link directions, the geometry of a
 * SpiNN-5 board and of machines of triads (with or without wrap-around), machines made from what
 * a booted board reports (working cores, links, free SDRAM and router entries per chip),
 * shortest-path P2P routes, and the memory map of one chip (SDRAM, System RAM, router). It knows
 * no sockets and no wire formats.
 *
 * <p>May import: {@code java.*} only.
 *
 * <p>Invariants: coordinates are 0–255; a {@link org.engram.spinnaker.machine.Machine} never
 * changes after construction.
 */
package org.engram.spinnaker.machine;
