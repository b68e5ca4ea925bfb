package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.sdp.SdpHeader;

/**
 * One SCP request, typed by the value its reply carries. A request is immutable and validated
 * when constructed; {@link #parse} is called only for replies whose return code is RC_OK.
 *
 * @param <R> what a successful reply means (Void when nothing)
 */
public interface ScpRequest<R> {
    byte[] NO_DATA = new byte[0];

    /** The core the request is for (core 0 is the monitor, SCAMP). */
    CoreLocation target();

    ScpCommand command();

    /** The first argument word; a request states only the arguments it uses, the rest are 0. */
    default int arg1() {
        return 0;
    }

    default int arg2() {
        return 0;
    }

    default int arg3() {
        return 0;
    }

    /** Data after the arguments (0–256 bytes); callers must not modify it. */
    default byte[] data() {
        return NO_DATA;
    }

    /** Interprets an RC_OK reply. */
    R parse(ScpResponse reply);

    /** The wire frame for this request with the given sequence number; always expects a reply. */
    default ScpMessage toMessage(int seq) {
        CoreLocation t = target();
        return new ScpMessage(SdpHeader.fromHost(t.chip(), t.p(), true), command().code, seq,
                arg1(), arg2(), arg3(), data());
    }
}
