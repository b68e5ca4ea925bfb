package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;

/**
 * CMD_APP_COPY_RUN ({@code cmd_app_copy_run()} in scamp-cmd.c): the chip copies {@code
 * sizeBytes} from its neighbour's {@code sv->sdram_sys} over {@code link}, word by word, into its
 * own, compares the word sum with {@code checksum} (RC_SUM, with the sum in arg1, on a mismatch;
 * a checksum of 0 is not checked), then starts the image on the cores {@code cores} selects (none
 * is allowed: the chip then only passes the image on). SpiNNMan's {@code AppCopyRun}.
 *
 * <pre>
 * arg1 [31:3] checksum (the low 29 bits of the word sum) | [2:0] link
 * arg2 size in bytes (a multiple of 4)
 * arg3 {@link IdOpMask}
 * </pre>
 */
public record ApplicationCopyRun(ChipLocation chip, int link, int sizeBytes, int checksum, IdOpMask cores)
        implements MonitorCommand {
    /** Most bytes: SCAMP's system block at {@code sv->sdram_sys} holds 256 KiB. */
    public static final int MAX_SIZE_BYTES = 256 << 10;
    /** The checksum field: the low 29 bits of the sum. */
    public static final int CHECKSUM_BITS = 0x1FFF_FFFF;

    public ApplicationCopyRun {
        Checks.range("CMD_APP_COPY_RUN", "link", link, 0, 5);
        Checks.range("CMD_APP_COPY_RUN", "size", sizeBytes, 4, MAX_SIZE_BYTES);
        if (sizeBytes % 4 != 0) {
            throw new IllegalArgumentException("CMD_APP_COPY_RUN: size " + sizeBytes + " is not a multiple of 4");
        }
        IdOpMask.checkForHost("CMD_APP_COPY_RUN", cores, true);
    }

    /** arg1: where to copy from and what the copy must sum to. */
    public record Source(int checksum, int link) {
        public int encode() {
            return (checksum & CHECKSUM_BITS) << 3 | (link & 7);
        }

        /** Any word decodes; a link above 5 is SCAMP's RC_ARG. */
        public static Source decode(int word) {
            return new Source(word >>> 3, word & 7);
        }

        /** Whether {@code sum}, a word sum, passes this checksum (0 means unchecked). */
        public boolean accepts(int sum) {
            return checksum == 0 || (sum & CHECKSUM_BITS) == checksum;
        }
    }

    /** The sum of the little-endian words of {@code image}, modulo 2³² (SpiNNMan's checksum). */
    public static int wordSum(byte[] image) {
        int sum = 0;
        for (int i = 0; i + 3 < image.length; i += 4) {
            sum += (image[i] & 0xFF) | (image[i + 1] & 0xFF) << 8 | (image[i + 2] & 0xFF) << 16
                    | (image[i + 3] & 0xFF) << 24;
        }
        return sum;
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_APP_COPY_RUN;
    }

    @Override
    public int arg1() {
        return new Source(checksum, link).encode();
    }

    @Override
    public int arg2() {
        return sizeBytes;
    }

    @Override
    public int arg3() {
        return cores.encode();
    }
}
