/**
 * The mapping of a network onto a SpiNNaker machine, all computation and no communication:
 * which models deploy, the cut of each population into per-core slices with their SDRAM and DTCM
 * needs ({@link org.engram.spinnaker.mapping.CostModel}), their placement on application cores,
 * their multicast keys, the routing trees and the router table of every chip (default routes
 * left out, tables compressed when too large). {@link org.engram.spinnaker.mapping.Mapper#map}
 * gives a {@link org.engram.spinnaker.mapping.Mapping}, or fails with a
 * {@link org.engram.spinnaker.mapping.MappingException} before anything is loaded.
 *
 * <p>May import: {@code machine}; the simulator's description ({@code network}, {@code neuron},
 * {@code synapse}, {@code connector}, {@code random}), its {@code build} and {@code error.UserError}.
 * Never {@code emulator}, {@code transport}, {@code transceiver} or the engines: it reads the same
 * description as the desktop engines, and the loader takes its result to the board.
 *
 * <p>Invariants: no two slices' keys overlap; every key of a source slice, followed through the
 * tables with default routing and the lowest-entry rule, reaches exactly the cores of the slices
 * its slice projects to; no slice needs more than {@link org.engram.spinnaker.mapping.CostModel#DTCM_BYTES}
 * of DTCM or its core's share of SDRAM.
 */
package org.engram.spinnaker.mapping;
