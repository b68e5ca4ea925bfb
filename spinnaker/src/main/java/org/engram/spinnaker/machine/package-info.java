/**
 * The SpiNNaker machine model: chip and core coordinates, link directions, the geometry of a
 * SpiNN-5 board (and a triad of three), shortest-path P2P routes, and the memory map of one
 * chip (SDRAM, System RAM, router). It knows no sockets and no wire formats.
 *
 * <p>May import: {@code java.*} only.
 *
 * <p>Invariants: coordinates are 0–255; a {@link org.engram.spinnaker.machine.Machine} never
 * changes after construction.
 */
package org.engram.spinnaker.machine;
