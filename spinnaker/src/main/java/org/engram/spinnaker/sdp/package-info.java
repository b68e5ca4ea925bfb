/**
 * SDP, the SpiNNaker Datagram Protocol: the 8-byte header and its UDP framing (two zero padding
 * bytes first, as SCAMP's {@code udp_pkt()} expects), and {@link
 * org.engram.spinnaker.sdp.MalformedPacketException}, shared by every codec package.
 *
 * <p>All fields are little-endian. May import: {@code io.netty.buffer}, {@code
 * org.engram.spinnaker.machine}, {@code org.engram.simulator.error.UserError}. Never {@code
 * io.netty.channel}.
 */
package org.engram.spinnaker.sdp;
