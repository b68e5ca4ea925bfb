package org.engram.spinnaker.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.engram.spinnaker.scp.ApplicationImage;

/**
 * Engram's core application as a binary: what the loader floods to the cores it starts.
 *
 * <p>The identifier {@value #IDENTIFIER} lies in a 32-byte header, as {@link ApplicationImage}
 * lays it out: the magic {@code "ENGR"}, then the identifier in ASCII, NUL-padded to 32 bytes. An
 * emulator reads the header where a core is started and, finding this identifier, runs its Java
 * implementation of the application on the core. The stand-in ({@link #standIn()}) is that header
 * followed by a short note. The ARM build ({@link #aplx}: the APLX file the SpiNNaker tools link,
 * given one more table entry that copies the header, appended to the file) carries the same
 * header, so the emulator runs it as the Java arithmetic and a board runs the ARM code.
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

    /**
     * The APLX file of the ARM build with Engram's header: a first table entry that copies the 32
     * bytes at the end of the file (the header) to ITCM address 0, which the application's own
     * first entry then overwrites, then the file as the SpiNNaker tools made it (its entries'
     * sources are relative, so they still find their data), then the header. The script
     * {@code spinnaker/src/main/c/arm/engram-aplx.pl} writes the same bytes.
     *
     * @throws IllegalArgumentException if {@code aplx} is not whole words starting with an APLX
     *         opcode (1 to 4)
     */
    public static byte[] aplx(byte[] aplx) {
        ByteBuffer in = ByteBuffer.wrap(aplx).order(ByteOrder.LITTLE_ENDIAN);
        if (aplx.length < ApplicationImage.APLX_ENTRY_SIZE || aplx.length % 4 != 0 || in.getInt(0) < 1
                || in.getInt(0) > 4) {
            throw new IllegalArgumentException("an APLX file of " + aplx.length + " bytes starting with opcode "
                    + (aplx.length >= 4 ? in.getInt(0) : -1) + "; expected whole words and an opcode 1-4");
        }
        byte[] header = Arrays.copyOf(standIn(), ApplicationImage.HEADER_SIZE);
        ByteBuffer out = ByteBuffer.allocate(ApplicationImage.APLX_ENTRY_SIZE + aplx.length + header.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(ApplicationImage.APLX_RCOPY).putInt(0).putInt(ApplicationImage.APLX_ENTRY_SIZE + aplx.length)
                .putInt(ApplicationImage.HEADER_SIZE);
        return out.put(aplx).put(header).array();
    }

    /** Whether a binary's header names Engram's core application (the stand-in's or the ARM build's). */
    public static boolean isEngram(byte[] binary) {
        long at = ApplicationImage.headerOffset(Arrays.copyOf(binary,
                Math.min(binary.length, ApplicationImage.APLX_ENTRY_SIZE)));
        if (at < 0 || at + ApplicationImage.HEADER_SIZE > binary.length) {
            return false;
        }
        Optional<String> id = ApplicationImage.identifierOf(Arrays.copyOfRange(binary, (int) at,
                (int) at + ApplicationImage.HEADER_SIZE));
        return id.isPresent() && id.get().equals(IDENTIFIER);
    }
}
