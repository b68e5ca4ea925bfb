/**
 * An emulated SpiNN-5 board (or a triad of three) that speaks SCAMP's protocols on loopback: the
 * default target for users without a board and the peer of every transport, transceiver and
 * start-up test.
 *
 * <p>{@link org.engram.spinnaker.emulator.BoardEmulator} owns the UDP sockets (one SCAMP port per
 * board's Ethernet chip, the root board's boot port), fault injection and the boards' service
 * time. {@link org.engram.spinnaker.emulator.ScampBoard} frames datagrams as SCAMP does,
 * addresses chips by P2P address (any board's port reaches every chip; (255,255) is the board's
 * own Ethernet chip) and sends replies through that Ethernet chip's {@link
 * org.engram.spinnaker.emulator.IpTagTable}; before a boot, datagrams go to the {@link
 * org.engram.spinnaker.emulator.BootRom}, and a boot boots every board. The {@link org.engram.spinnaker.emulator.ScpDispatcher}
 * hands each command to what does it: {@code MemoryCommands}, {@code ApplicationCommands} (AS,
 * AR, APP_COPY_RUN, SIG, COUNT), {@code NearestNeighbourFlood} (NNP, FFD), {@code
 * ResourceCommands} (ALLOC, RTR) and the tag table. Argument words are decoded with the records
 * of {@code scp}, which are the one definition of each bit field.
 *
 * <p>Per chip ({@link org.engram.spinnaker.emulator.EmulatedChip}): lazily allocated SDRAM, System
 * RAM with the SV struct and VCPU blocks, the {@link org.engram.spinnaker.emulator.RouterTable}
 * (router RAMs and SCAMP's copy in SDRAM, with the entry allocator in the copy's {@code next} and
 * {@code free} fields), its {@link org.engram.spinnaker.emulator.MulticastRouter}, the flood-fill
 * receiver and the cores ({@link org.engram.spinnaker.emulator.EmulatedCore}).
 *
 * <p><b>Core applications.</b> Cores follow SARK's states as a host sees them: started → SYNC0
 * (wait flag) or RUNNING; START/SYNC0 → RUNNING; PAUSE, CONT, EXIT → PAUSED, RUNNING, FINISHED;
 * STOP → IDLE. When the image a core starts from carries an {@link
 * org.engram.spinnaker.scp.ApplicationImage} header whose identifier was registered with {@link
 * org.engram.spinnaker.emulator.EmulatorOptions#withApplication}, the core runs a {@link
 * org.engram.spinnaker.emulator.CoreApplication}: {@code run} when it becomes RUNNING, {@code
 * receive} for each multicast packet its router delivers, {@code signal} for PAUSE, CONT, EXIT,
 * TIMER and USR0–3. The application sees its core through {@link
 * org.engram.spinnaker.emulator.ApplicationCore} (SDRAM, user0–3, state, {@code sendMulticast},
 * {@code exit} → FINISHED, {@code fail(code)} → RUN_TIME_EXCEPTION; an exception gives
 * RTE_SWERR). Any other image, or an unregistered identifier, runs nothing: its cores take the
 * same states as an event-driven application with no events to handle (RUNNING until a signal
 * moves them). The {@link org.engram.spinnaker.emulator.MulticastNetwork} routes packets chip
 * to chip by the loaded tables (lowest matching entry; straight on for an unmatched packet from
 * a link; dropped and counted at a source chip without an entry), in the order they were sent,
 * after the callback that sent them returns. An application may ask for the board's timer
 * ({@code startTimer}, {@link org.engram.spinnaker.emulator.BoardTimer}): each tick is one
 * event-loop task that signals TIMER to every core that asked and then delivers every packet
 * they sent, so the host's requests are answered between ticks and a tick's packets all arrive
 * before the next tick.
 *
 * <p>Everything runs on one event-loop thread, so the board state needs no locks; tests read it
 * through {@code BoardEmulator.inspect}. Every malformed datagram gets the return code SCAMP
 * would give, or is dropped; none may throw out of the board.
 *
 * <p>May import: {@code io.netty.*}, {@code org.engram.spinnaker.machine}, {@code sdp}, {@code
 * scp}, {@code boot}, {@code eieio}. Never {@code transceiver} or {@code transport}.
 */
package org.engram.spinnaker.emulator;
