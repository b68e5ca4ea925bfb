package org.engram.spinnaker.scp;

/** Argument checks shared by the request records. */
final class Checks {
    private Checks() {}

    /** An unsigned 32-bit address, as a long. */
    static void address(String what, long address) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + ": address 0x" + Long.toHexString(address)
                    + " is not a 32-bit address");
        }
    }

    static void range(String what, String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + ": " + field + " " + v + " outside " + min + ".." + max);
        }
    }

    static void appId(String what, int appId) {
        range(what, "app id", appId, 0, 255);
    }
}
