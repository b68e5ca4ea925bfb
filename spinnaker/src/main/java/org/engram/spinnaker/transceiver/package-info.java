/**
 * The façade a host program uses to drive a SpiNNaker machine of one board or several (or the
 * emulator): boot, wait until ready, version and chip info, memory of any size (cut into 256-byte
 * requests pipelined in the window), SDRAM allocation, IP tags, router tables, application
 * start, signals, core state and the start-up sequence of the standard host libraries ({@link
 * org.engram.spinnaker.transceiver.Transceiver#discoverMachine()}). It keeps one connection per
 * board ({@link org.engram.spinnaker.transceiver.BoardAddress}) and sends each chip's requests
 * through its board's, so that the boards' windows fill side by side.
 *
 * <p>Every argument a user gives is checked before anything is sent, so bad input fails with an
 * {@link org.engram.spinnaker.transceiver.InvalidRequestException} and changes nothing on the
 * board.
 *
 * <p>May import: {@code org.engram.spinnaker.machine}, {@code sdp}, {@code scp}, {@code boot},
 * {@code eieio}, {@code transport}, {@code org.engram.simulator.error.UserError}. Never {@code emulator}
 * and never {@code io.netty.*} (sockets stay in {@code transport}).
 */
package org.engram.spinnaker.transceiver;
