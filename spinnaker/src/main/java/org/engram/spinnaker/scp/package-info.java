/**
 * SCP, the SpiNNaker Command Protocol carried in SDP to SCAMP's port 0: command and return
 * codes, the generic request frame ({@link org.engram.spinnaker.scp.ScpMessage}) and reply
 * frame ({@link org.engram.spinnaker.scp.ScpResponse}), and one record per request, each
 * typed by and parsing its own reply ({@link org.engram.spinnaker.scp.ScpRequest}; requests to
 * a monitor with an empty reply are {@link org.engram.spinnaker.scp.MonitorCommand}s).
 *
 * <p>All fields are little-endian. Every request is encoded with all three arguments (those it
 * does not use are 0), so its SDP length is at least 24 bytes (SCAMP answers RC_LEN otherwise).
 * Requests validate their arguments when constructed, so an invalid request is never sent.
 *
 * <p>Packed argument words are small records with {@code encode()} and a static {@code
 * decode(int)} that accepts any word ({@link org.engram.spinnaker.scp.IdOpMask}, {@code
 * IpTagCommand.Arg1}/{@code Arg2}, {@code AllocCommand.Arg1}, {@code RouterCommand.Arg1},
 * {@code SendSignal.Data}, {@code ApplicationCopyRun.Source}) or static field readers ({@link
 * org.engram.spinnaker.scp.NearestNeighbourPacket}, {@link org.engram.spinnaker.scp.FloodFillData}):
 * the host encodes and the emulator decodes with the same definition. So do the memory layouts
 * both sides use: {@link org.engram.spinnaker.scp.RouterEntry} (SCAMP's {@code rtr_entry_t}) and
 * {@link org.engram.spinnaker.scp.ApplicationImage} (the header naming an Engram application).
 *
 * <p>May import: {@code io.netty.buffer}, {@code org.engram.spinnaker.machine}, {@code
 * org.engram.spinnaker.sdp}. Never {@code io.netty.channel}.
 */
package org.engram.spinnaker.scp;
