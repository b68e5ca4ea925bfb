package org.engram.spinnaker.eieio;

import java.util.Optional;

/** EIEIO command codes (header bits 13:0 of a command packet). */
public enum EieioCommand {
    DATABASE(1), EVENT_PADDING(2), EVENT_STOP(3), STOP_SENDING_REQUESTS(4),
    START_SENDING_REQUESTS(5), SPINNAKER_REQUEST_BUFFERS(6), HOST_SEND_SEQUENCED_DATA(7),
    SPINNAKER_REQUEST_READ_DATA(8), HOST_DATA_READ(9), STOP_PAUSE_NOTIFICATION(10),
    START_RESUME_NOTIFICATION(11), HOST_DATA_READ_ACK(12);

    public final int code;

    EieioCommand(int code) {
        this.code = code;
    }

    public static Optional<EieioCommand> of(int code) {
        for (EieioCommand c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
