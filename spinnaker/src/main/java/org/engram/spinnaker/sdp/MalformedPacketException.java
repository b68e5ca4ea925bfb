package org.engram.spinnaker.sdp;

/**
 * A packet that does not have the structure its decoder expects: too short, too long, or with a
 * field out of range. Names the structure, the offset where decoding stopped, what was expected
 * and what was found.
 */
public final class MalformedPacketException extends RuntimeException {
    private final String structure;
    private final int offset;

    public MalformedPacketException(String structure, int offset, int expectedBytes, int foundBytes) {
        super(structure + ": at offset " + offset + " expected " + expectedBytes
                + " more bytes, found " + foundBytes);
        this.structure = structure;
        this.offset = offset;
    }

    public MalformedPacketException(String structure, int offset, String expectation) {
        super(structure + ": at offset " + offset + ": " + expectation);
        this.structure = structure;
        this.offset = offset;
    }

    public String structure() {
        return structure;
    }

    public int offset() {
        return offset;
    }
}
