/**
 * EIEIO, the packet format of live spike input and output: data packets carrying multicast
 * keys (with optional payloads, key prefix and payload prefix or timestamp) and command packets.
 * Little-endian; the 16-bit header word is written count byte first.
 *
 * <p>May import: {@code io.netty.buffer}, {@code org.engram.spinnaker.machine}, {@code
 * org.engram.spinnaker.sdp}. Never {@code io.netty.channel}.
 */
package org.engram.spinnaker.eieio;
