/**
 * Loading a mapped network onto a SpiNNaker machine and running it: {@link
 * org.engram.spinnaker.load.Loader} takes a {@link org.engram.spinnaker.load.LoadPlan} (the
 * cores' data images, the chips' multicast tables, the core application) through the
 * {@code transceiver}, in the order the host tools use, and returns each core's output region.
 *
 * <p>May import: {@code machine}, {@code scp}, {@code image}, {@code transceiver},
 * {@code org.engram.simulator.error}. Never {@code emulator}, {@code transport} or the engines.
 */
package org.engram.spinnaker.load;
