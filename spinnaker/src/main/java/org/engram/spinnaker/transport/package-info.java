/**
 * Getting SCP requests to a board and their replies back over UDP: a window-and-retry policy
 * ({@link org.engram.spinnaker.transport.ScpWindow}, a plain class driven by submit, reply and
 * timer events and an injected clock, testable without sockets), the thin Netty handler that
 * feeds it ({@link org.engram.spinnaker.transport.ScpChannelHandler}), the connection that owns
 * the socket ({@link org.engram.spinnaker.transport.ScpConnection}), the boot-packet sender, and
 * {@link org.engram.spinnaker.transport.ScpException}.
 *
 * <p>Defaults follow SpiNNMan and JavaSpiNNaker: 16-bit sequence numbers, at most 8 requests
 * in flight per Ethernet chip (SCAMP has 8 transient IP tags), 1 s timeout, 10 retries,
 * RC_TIMEOUT, RC_P2P_TIMEOUT, RC_LEN, RC_P2P_NOREPLY and RC_P2P_BUSY resent after 0.1 s.
 * Replies whose sequence number is not in flight (duplicates, stale replies) are ignored.
 *
 * <p>May import: {@code io.netty.*}, {@code org.engram.spinnaker.machine}, {@code sdp}, {@code
 * scp}, {@code boot}, {@code eieio}, {@code org.engram.simulator.error.UserError}. Never {@code
 * emulator} or {@code transceiver}.
 */
package org.engram.spinnaker.transport;
