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
    public static final int FLAG_STRIP = 1 << 28;
    public static final int FLAG_REVERSE = 1 << 29;
    public static final int FLAG_USE_SENDER = 1 << 30;
    /** Number of tags in SCAMP's table (0–7 fixed, 8–15 the transient pool). */
    public static final int TABLE_SIZE = 16;
    /** Number of fixed (application) tags. */
    public static final int FIXED_TAGS = 8;
    /** Largest timeout code. */
    public static final int MAX_TTO = 15;

    private IpTagCommand() {}

    static int arg1(int flags, int op, int portCpu, int tag) {
        return flags | op << 16 | (portCpu & 0xFF) << 8 | tag;
    }

    static int ipWord(byte[] ip) {
        if (ip.length != 4) {
            throw new IllegalArgumentException("CMD_IPTAG: an IPv4 address has 4 bytes, got " + ip.length);
        }
        return (ip[0] & 0xFF) | (ip[1] & 0xFF) << 8 | (ip[2] & 0xFF) << 16 | (ip[3] & 0xFF) << 24;
    }

    private abstract static class Base<R> implements ScpRequest<R> {
        private final ChipLocation chip;

        Base(ChipLocation chip) {
            this.chip = chip;
        }

        @Override
        public CoreLocation target() {
            return new CoreLocation(chip, 0);
        }

        @Override
        public ScpCommand command() {
            return ScpCommand.CMD_IPTAG;
        }
    }

    /** SET: traffic sent through {@code tag} goes to {@code ip:port} (STRIP removes SDP headers). */
    public static ScpRequest<Integer> set(ChipLocation chip, int tag, byte[] ip, int port, boolean strip) {
        Checks.range("CMD_IPTAG SET", "tag", tag, 0, FIXED_TAGS - 1);
        Checks.range("CMD_IPTAG SET", "UDP port", port, 0, 0xFFFF);
        int a1 = arg1(strip ? FLAG_STRIP : 0, OP_SET, 0, tag);
        int a3 = ipWord(ip);
        return new Base<>(chip) {
            @Override public int arg1() { return a1; }
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
        int a1 = arg1(FLAG_REVERSE | FLAG_STRIP, OP_SET, sdpPort << 5 | core.p(), tag);
        int a2 = core.chip().p2pAddress() << 16 | udpPort;
        return new Base<>(chip) {
            @Override public int arg1() { return a1; }
            @Override public int arg2() { return a2; }
            @Override public int arg3() { return 0; }
            @Override public Integer parse(ScpResponse r) { return r.word("CMD_IPTAG SET", 0); }
        };
    }

    /** GET: {@code count} consecutive entries of the tag table from {@code tag}. */
    public static ScpRequest<List<IpTag>> get(ChipLocation chip, int tag, int count) {
        Checks.range("CMD_IPTAG GET", "tag", tag, 0, TABLE_SIZE - 1);
        Checks.range("CMD_IPTAG GET", "count", count, 1, TABLE_SIZE - tag);
        int a1 = arg1(0, OP_GET, 0, tag);
        return new Base<>(chip) {
            @Override public int arg1() { return a1; }
            @Override public int arg2() { return count; }
            @Override public int arg3() { return 0; }
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
        int a1 = arg1(0, OP_CLR, 0, tag);
        return new Base<>(chip) {
            @Override public int arg1() { return a1; }
            @Override public int arg2() { return 0; }
            @Override public int arg3() { return 0; }
            @Override public Void parse(ScpResponse r) { return null; }
        };
    }

    /**
     * TTO: sets the transient-tag timeout to 10 ms·2^(tto−1) (SpiNNMan uses 9, 2.56 s); the
     * reply's low byte is the previous code.
     */
    public static ScpRequest<Integer> timeout(ChipLocation chip, int tto) {
        Checks.range("CMD_IPTAG TTO", "timeout code", tto, 0, MAX_TTO);
        int a1 = arg1(0, OP_TTO, 0, 0);
        return new Base<>(chip) {
            @Override public int arg1() { return a1; }
            @Override public int arg2() { return tto; }
            @Override public int arg3() { return 0; }
            @Override public Integer parse(ScpResponse r) { return r.word("CMD_IPTAG TTO", 0) & 0xFF; }
        };
    }
}
