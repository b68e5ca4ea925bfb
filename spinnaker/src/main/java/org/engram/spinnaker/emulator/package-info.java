/**
 * An emulated SpiNN-5 board that speaks SCAMP's protocols on loopback: the default target for
 * users without a board and the peer of every transport, transceiver and start-up test.
 *
 * <p>{@link org.engram.spinnaker.emulator.BoardEmulator} owns the two UDP sockets (SCAMP port
 * and boot port) and fault injection; {@link org.engram.spinnaker.emulator.ScampBoard} is the
 * protocol logic (SCP dispatch, P2P addressing, IP tags, boot validation) over the chips' state
 * ({@link org.engram.spinnaker.emulator.EmulatedChip}: lazily allocated SDRAM, System RAM with
 * the SV struct and VCPU blocks, the multicast router). Everything runs on one event-loop
 * thread, so the board state needs no locks; tests read it through {@link
 * org.engram.spinnaker.emulator.BoardEmulator#inspect}.
 *
 * <p>Emulated cores follow SARK's state machine as a host sees it (IDLE → SYNC0 or RUNNING on
 * CMD_AS, signals move them on); a core started with an image whose header names a registered
 * {@link org.engram.spinnaker.emulator.CoreApplication} runs that Java code, which may ask for the
 * board's timer ({@link org.engram.spinnaker.emulator.BoardTimer}: one event-loop task per tick,
 * every packet of a tick delivered before the next). Every malformed datagram gets the return
 * code SCAMP would give, or is dropped; none may throw out of the board.
 *
 * <p>May import: {@code io.netty.*}, {@code org.engram.spinnaker.machine}, {@code sdp}, {@code
 * scp}, {@code boot}, {@code eieio}. Never {@code transceiver} or {@code transport}.
 */
package org.engram.spinnaker.emulator;
