package org.engram.spinnaker.emulator;

/**
 * A multicast packet: a 32-bit routing key and, optionally, a 32-bit payload.
 *
 * @param key routed by key and mask in every router it reaches
 * @param hasPayload whether the packet carries {@code payload}
 * @param payload 0 when there is none
 */
public record MulticastPacket(int key, boolean hasPayload, int payload) {
    public MulticastPacket {
        if (!hasPayload && payload != 0) {
            throw new IllegalArgumentException("a multicast packet without payload has payload 0");
        }
    }

    public static MulticastPacket of(int key) {
        return new MulticastPacket(key, false, 0);
    }

    public static MulticastPacket withPayload(int key, int payload) {
        return new MulticastPacket(key, true, payload);
    }
}
