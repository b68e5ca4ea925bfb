package org.engram.spinnaker.eieio;

/** Element types of EIEIO data packets (header bits 11:10). */
public enum EieioType {
    KEY_16(2, false), KEY_PAYLOAD_16(2, true), KEY_32(4, false), KEY_PAYLOAD_32(4, true);

    /** Bytes per key (and per payload). */
    public final int keyBytes;
    public final boolean hasPayload;

    EieioType(int keyBytes, boolean hasPayload) {
        this.keyBytes = keyBytes;
        this.hasPayload = hasPayload;
    }

    /** Bytes per element: key plus payload. */
    public int elementBytes() {
        return hasPayload ? 2 * keyBytes : keyBytes;
    }
}
