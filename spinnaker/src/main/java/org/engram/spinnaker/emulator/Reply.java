package org.engram.spinnaker.emulator;

import org.engram.spinnaker.scp.ScpResult;

/** What SCAMP answers to one command: a return code, argument words and data. */
record Reply(ScpResult result, int[] words, byte[] data) {
    static final Reply OK = of(ScpResult.RC_OK);

    static Reply of(ScpResult r) {
        return new Reply(r, new int[0], new byte[0]);
    }

    static Reply words(int... w) {
        return new Reply(ScpResult.RC_OK, w, new byte[0]);
    }

    static Reply data(byte[] d) {
        return new Reply(ScpResult.RC_OK, new int[0], d);
    }
}
