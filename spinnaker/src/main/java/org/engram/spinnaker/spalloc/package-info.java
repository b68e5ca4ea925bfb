/**
 * A client of spalloc, the job server that hands out the boards of the large SpiNNaker machines,
 * in its version 1 protocol: newline-delimited JSON over TCP (port 22244), a request {@code
 * {"command": name, "args": [...], "kwargs": {...}}} answered by {@code {"return": value}} or
 * {@code {"exception": message}}, and notifications ({@code {"jobs_changed": [ids]}}, {@code
 * {"machines_changed": [names]}}) arriving between replies whenever the server likes.
 *
 * <p>{@link org.engram.spinnaker.spalloc.SpallocClient} owns the TCP connection (Netty) and
 * matches replies to requests in order, queueing notifications apart; every call has a timeout,
 * and a closed connection, a line that is not JSON, a line longer than {@link
 * org.engram.spinnaker.spalloc.SpallocClient#MAX_LINE_BYTES} or an exception from the server is
 * one {@link org.engram.spinnaker.spalloc.SpallocException}. {@link
 * org.engram.spinnaker.spalloc.SpallocJob} is one job: created for a number of boards or a
 * rectangle of triads, kept alive from a background thread at half its keepalive, waited for
 * until its boards are ready (reporting the queued and power states with their reason), and
 * destroyed when closed, when anything fails and, through a shutdown hook, when the program is
 * interrupted. Its boards' connections become the {@link
 * org.engram.spinnaker.transceiver.BoardAddress}es a transceiver opens.
 *
 * <p>May import: {@code io.netty.*}, {@code com.fasterxml.jackson.*}, {@code
 * org.engram.spinnaker.machine}, {@code org.engram.spinnaker.transceiver} (the board addresses
 * only) and {@code org.engram.simulator.error.UserError}. Never {@code emulator}.
 */
package org.engram.spinnaker.spalloc;
