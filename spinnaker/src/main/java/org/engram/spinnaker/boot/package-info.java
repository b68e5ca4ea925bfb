/**
 * The boot protocol spoken by an unbooted chip's ROM on UDP port 54321: packets ({@link
 * org.engram.spinnaker.boot.BootPacket}), opcodes, the system-variable block that rides in the
 * image ({@link org.engram.spinnaker.boot.SystemVariables}) and the cutting of a {@code
 * scamp.boot} image into START, BLOCK and CONTROL packets ({@link
 * org.engram.spinnaker.boot.BootImage}).
 *
 * <p>Unlike everything else, the boot protocol is <b>big-endian</b>: header fields and the data
 * words (the image's little-endian words are byte-swapped before sending).
 *
 * <p>May import: {@code io.netty.buffer}, {@code org.engram.spinnaker.machine}, {@code
 * org.engram.spinnaker.sdp} (for {@code MalformedPacketException}). Never {@code io.netty.channel}.
 */
package org.engram.spinnaker.boot;
