package org.engram.spinnaker.scp;

import java.util.ArrayList;
import java.util.List;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_IPTAG ({@code cmd_iptag()} in scamp-cmd.c), always sent to the monitor of an Ethernet chip.
 *
 * <pre>
 * arg1 [31:28] flags (bit28 STRIP, bit29 REVERSE, bit30 USE_SENDER) | [27:24] timeout code
 *      | [23:16] op (NEW 0, SET 1, GET 2, CLR 3, TTO 4) | [15:8] SDP port/CPU | [7:0] tag
 * arg2 [31:16] dest P2P address | [15:0] UDP port        (GET: count; TTO: new tto)
 * arg3 IPv4 address, first octet in the low byte; 0 = the sender
 * </pre>
 *
 * Replies: SET → arg1 = tag; GET → count × 32-byte {@link IpTag}; TTO → arg1 =
 * (8 &lt;&lt; 24) | (8 &lt;&lt; 16) | (32 &lt;&lt; 8) | previous tto.
 */
public final class IpTagCommand {
    public static final int OP_NEW = 0;
    public static final int OP_SET = 1;
    public static final int OP_GET = 2;
    public static final int OP_CLR = 3;
    public static final int OP_TTO = 4;
    /** Flag bits of {@link Arg1#flags()}; in {@link IpTag#flags()} they sit 8 bits higher. */
    public static final int FLAG_STRIP = 1;
    public static final int FLAG_REVERSE = 2;
    public static final int FLAG_USE_SENDER = 4;
    /** Number of tags in SCAMP's table (0–7 fixed, 8–15 the transient pool). */
    public static final int TABLE_SIZE = 16;
    /** Number of fixed (application) tags. */
    public static final int FIXED_TAGS = 8;
    /** Largest timeout code. */
    public static final int MAX_TTO = 15;

    private IpTagCommand() {}

    /** arg1 of every IPTAG request; any word decodes. */
    public record Arg1(int flags, int timeoutCode, int op, int portCpu, int tag) {
        public int encode() {
            return (flags & 0xF) << 28 | (timeoutCode & 0xF) << 24 | (op & 0xFF) << 16 | (portCpu & 0xFF) << 8
                    | (tag & 0xFF);
        }

        public static Arg1 decode(int word) {
            return new Arg1(word >>> 28, (word >>> 24) & 0xF, (word >>> 16) & 0xFF, (word >>> 8) & 0xFF,
                    word & 0xFF);
        }

        public boolean reverse() {
            return (flags & FLAG_REVERSE) != 0;
        }
    }

    /** arg2 of SET: [31:16] destination P2P address (reverse tags), [15:0] UDP port. */
    public record Arg2(int destAddress, int udpPort) {
        public int encode() {
            return destAddress << 16 | udpPort;
        }

        public static Arg2 decode(int word) {
            return new Arg2(word >>> 16, word & 0xFFFF);
        }
    }

    static int ipWord(byte[] ip) {
        if (ip.length != 4) {
            throw new IllegalArgumentException("CMD_IPTAG: an IPv4 address has 4 bytes, got " + ip.length);
        }
        return (ip[0] & 0xFF) | (ip[1] & 0xFF) << 8 | (ip[2] & 0xFF) << 16 | (ip[3] & 0xFF) << 24;
    }

    /** arg3 of SET: the IPv4 address, first octet in the low byte. */
    public static byte[] ipBytes(int word) {
        return new byte[] {(byte) word, (byte) (word >>> 8), (byte) (word >>> 16), (byte) (word >>> 24)};
    }

    private abstract static class Base<R> implements ScpRequest<R> {
        private final ChipLocation chip;
        private final int arg1;

        Base(ChipLocation chip, Arg1 arg1) {
            this.chip = chip;
            this.arg1 = arg1.encode();
        }

        @Override
        public CoreLocation target() {
            return new CoreLocation(chip, 0);
        }

        @Override
        public ScpCommand command() {
            return ScpCommand.CMD_IPTAG;
        }

        @Override
        public int arg1() {
            return arg1;
        }
    }

    /** SET: traffic sent through {@code tag} goes to {@code ip:port} (STRIP removes SDP headers). */
    public static ScpRequest<Integer> set(ChipLocation chip, int tag, byte[] ip, int port, boolean strip) {
        Checks.range("CMD_IPTAG SET", "tag", tag, 0, FIXED_TAGS - 1);
        Checks.range("CMD_IPTAG SET", "UDP port", port, 0, 0xFFFF);
        int a3 = ipWord(ip);
        return new Base<>(chip, new Arg1(strip ? FLAG_STRIP : 0, 0, OP_SET, 0, tag)) {
            @Override public int arg2() { return port; }
            @Override public int arg3() { return a3; }
            @Override public Integer parse(ScpResponse r) { return r.word("CMD_IPTAG SET", 0); }
        };
    }

    /**
     * SET with REVERSE: UDP datagrams arriving on {@code udpPort} of the board are wrapped in SDP
     * and sent to {@code port} of {@code core}.
     */
    public static ScpRequest<Integer> setReverse(ChipLocation chip, int tag, int udpPort,
            CoreLocation core, int sdpPort) {
        Checks.range("CMD_IPTAG SET reverse", "tag", tag, 0, FIXED_TAGS - 1);
        Checks.range("CMD_IPTAG SET reverse", "UDP port", udpPort, 1, 0xFFFF);
        Checks.range("CMD_IPTAG SET reverse", "SDP port", sdpPort, 1, 7);
        int a2 = new Arg2(core.chip().p2pAddress(), udpPort).encode();
        return new Base<>(chip, new Arg1(FLAG_REVERSE | FLAG_STRIP, 0, OP_SET, sdpPort << 5 | core.p(), tag)) {
            @Override public int arg2() { return a2; }
            @Override public Integer parse(ScpResponse r) { return r.word("CMD_IPTAG SET", 0); }
        };
    }

    /** GET: {@code count} consecutive entries of the tag table from {@code tag}. */
    public static ScpRequest<List<IpTag>> get(ChipLocation chip, int tag, int count) {
        Checks.range("CMD_IPTAG GET", "tag", tag, 0, TABLE_SIZE - 1);
        Checks.range("CMD_IPTAG GET", "count", count, 1, TABLE_SIZE - tag);
        return new Base<>(chip, new Arg1(0, 0, OP_GET, 0, tag)) {
            @Override public int arg2() { return count; }
            @Override public List<IpTag> parse(ScpResponse r) {
                r.requirePayload("CMD_IPTAG GET", count * IpTag.SIZE);
                List<IpTag> tags = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    tags.add(IpTag.decode(tag + i, r.payload(), i * IpTag.SIZE));
                }
                return tags;
            }
        };
    }

    /** CLR: frees a tag. */
    public static ScpRequest<Void> clear(ChipLocation chip, int tag) {
        Checks.range("CMD_IPTAG CLR", "tag", tag, 0, TABLE_SIZE - 1);
        return new Base<>(chip, new Arg1(0, 0, OP_CLR, 0, tag)) {
            @Override public Void parse(ScpResponse r) { return null; }
        };
    }

    /**
     * TTO: sets the transient-tag timeout to 10 ms·2^(tto−1) (SpiNNMan uses 9, 2.56 s); the
     * reply's low byte is the previous code.
     */
    public static ScpRequest<Integer> timeout(ChipLocation chip, int tto) {
        Checks.range("CMD_IPTAG TTO", "timeout code", tto, 0, MAX_TTO);
        return new Base<>(chip, new Arg1(0, 0, OP_TTO, 0, 0)) {
            @Override public int arg2() { return tto; }
            @Override public Integer parse(ScpResponse r) { return r.word("CMD_IPTAG TTO", 0) & 0xFF; }
        };
    }
}
