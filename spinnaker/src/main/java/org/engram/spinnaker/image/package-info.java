/**
 * Per-core data images: the bytes the loader writes to a core's SDRAM and a core reads back
 * through its {@code user0}. {@link org.engram.spinnaker.image.DataImage} is the container
 * (sPyNNaker's data-specification header and region table);
 * {@link org.engram.spinnaker.image.CoreImages#build} fills one per placed slice from the fixed
 * engine's arrays, and {@link org.engram.spinnaker.image.CoreImage#decode} gives the core back;
 * {@link org.engram.spinnaker.image.RecordingRegion} is the output a core records into;
 * {@link org.engram.spinnaker.image.EngramBinary} names the application that runs the images. The
 * regions are described word by word in {@code spinnaker/docs/data-image.md}, their numbers in
 * {@link org.engram.spinnaker.image.ImageFormat}.
 *
 * <p>May import: {@code java.*}, the codecs ({@code machine}, {@code scp} for the application
 * header), {@code mapping}, the simulator's description ({@code network}), {@code error}, and its
 * fixed-point engine ({@code org.engram.simulator.engine.fixed}), whose arrays the regions carry.
 * Never sockets, {@code transport}, {@code transceiver} or {@code emulator}.
 */
package org.engram.spinnaker.image;
