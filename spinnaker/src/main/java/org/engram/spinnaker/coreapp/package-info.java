/**
 * Engram's core application as an emulated core runs it: the Java twin of the binary that
 * {@link org.engram.spinnaker.image.EngramBinary} names. A core started with that binary finds
 * its data image through {@code user0}, checks and decodes it into the fixed engine's core, and
 * steps it on every tick of the board's timer: the keys it sends go into its chip's router as
 * multicast packets, those the router brings are the core's input, and each step's spikes and
 * membrane potentials go to its RECORDING region. After the SYSTEM region's run ticks the core
 * exits (FINISHED). It sees nothing of the network but the bytes in SDRAM.
 *
 * <p>Its twin for real cores is the C application in {@code spinnaker/src/main/c}
 * ({@code spinnaker/docs/core-runtime.md}), whose host build is tested word for word against this one.
 *
 * <p>{@link org.engram.spinnaker.coreapp.EngramApplication#register} adds it to an emulator's
 * options; the board emulator command and in-process deployments use it.
 *
 * <p>May import: {@code java.*}, the codecs, the emulator's application hook ({@code emulator}),
 * {@code image}, and the simulator's fixed-point engine. Nothing imports it but the command line
 * and tests.
 */
package org.engram.spinnaker.coreapp;
