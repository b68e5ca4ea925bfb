/**
 * Per-core data images: the bytes the loader writes to a core's SDRAM and the emulated core reads
 * back through its {@code user0}. {@link org.engram.spinnaker.image.DataImage} is the container
 * (sPyNNaker's data-specification header and region table); the regions' contents are described
 * in {@code spinnaker/docs/data-image.md}.
 *
 * <p>May import: {@code java.*}, {@code machine}, {@code org.engram.simulator.error}, the
 * simulator's fixed-point engine ({@code org.engram.simulator.engine.fixed}), whose arrays the
 * regions carry. Never sockets, {@code transport}, {@code transceiver} or {@code emulator}.
 */
package org.engram.spinnaker.image;
