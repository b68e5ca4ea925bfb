/**
 * SCP, the SpiNNaker Command Protocol carried in SDP to SCAMP's port 0: command and return
 * codes, the generic request frame ({@link org.engram.spinnaker.scp.ScpMessage}) and reply
 * frame ({@link org.engram.spinnaker.scp.ScpResponse}), and one record per request, each
 * typed by and parsing its own reply ({@link org.engram.spinnaker.scp.ScpRequest}).
 *
 * <p>All fields are little-endian. Every request is encoded with all three arguments, so its
 * SDP length is at least 24 bytes (SCAMP answers RC_LEN otherwise). Requests validate their
 * arguments when constructed, so an invalid request is never sent.
 *
 * <p>May import: {@code io.netty.buffer}, {@code org.engram.spinnaker.machine}, {@code
 * org.engram.spinnaker.sdp}. Never {@code io.netty.channel}.
 */
package org.engram.spinnaker.scp;
