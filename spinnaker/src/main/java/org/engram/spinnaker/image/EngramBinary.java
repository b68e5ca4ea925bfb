package org.engram.spinnaker.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.engram.spinnaker.scp.ApplicationImage;

/**
 * Engram's core application as a binary: what the loader floods to the cores it starts.
 *
 * <p>The identifier {@value #IDENTIFIER} lies in the binary's first 32 bytes, as
 * {@link ApplicationImage} lays them out: the magic {@code "ENGR"} at byte 0, then the identifier
 * in ASCII, NUL-padded to byte 32. An emulator reads those bytes where a core is started and,
 * finding this identifier, runs its Java implementation of the application on the core. The
 * stand-in ({@link #standIn()}) is that header followed by a short note; an ARM build of the
 * runtime carries the same 32 bytes at its start.
 */
public final class EngramBinary {
    /** The application's identifier in a binary's header. */
    public static final String IDENTIFIER = "engram.core";
    /** What the stand-in says after its header. */
    static final String NOTE = "Engram core application (stand-in): an emulator runs it; a board cannot.\n";

    private EngramBinary() {}

    /** The binary the loader floods when it is given none: the header and the note, whole words. */
    public static byte[] standIn() {
        return new ApplicationImage(IDENTIFIER, NOTE.getBytes(StandardCharsets.US_ASCII)).encode();
    }

    /** Whether a binary's header names Engram's core application. */
    public static boolean isEngram(byte[] binary) {
        Optional<String> id = ApplicationImage.identifierOf(Arrays.copyOf(binary,
                Math.min(binary.length, ApplicationImage.HEADER_SIZE)));
        return id.isPresent() && id.get().equals(IDENTIFIER);
    }
}
