package org.engram.spinnaker.boot;

/**
 * SCAMP's system variables ({@code sv_t}, 256 bytes at 0xF5007F00); the first 128 bytes ride in
 * the boot image at offset 384, the rest SCAMP fills in. Offsets and the values a host boots
 * with (little-endian, as in memory):
 *
 * <pre>
 * 0x00 p2p_addr u16        0x02 p2p_dims u16 (y byte, x byte; 0 = discover)
 * 0x0A hw_ver u8           0x0C p2pb_repeats u8 = 4    0x0D p2p_sql u8 = 4
 * 0x0E clk_div u8 = 0x33   0x1C unix_time u32          0x24 cpu_clk u16 = 200
 * 0x26 mem_clk u16 = 130   0x28 forward u8 = 0x3F      0x2A peek_time u8 = 200
 * 0x2B led_period u8 = 1   0x2C netinit_bc_wait u8 = 50
 * 0x30 led0 u32 (1 for boards 4/5, 0x502 v3, 0x6103 v2, 0x76104 v1)
 * 0x40 root_chip u8 = 1    0x41 num_buf u8 = 7         0x42 boot_delay u8 = 20
 * 0x48 sysram_heap u16 = 1024                          0x50 iobuf_size u32 = 16384
 * 0x54 sys_sdram u32 = 8 MiB                           0x58 sysbuf_size u32 = 32768 words
 * 0x5C boot_sig u32        0x65 link_en u8 = 0x3F
 * after boot, set by SCAMP: 0xC0 sdram_base, 0xC4 sysram_base, 0xC8 sdram_sys, 0xCC vcpu_base,
 * 0xD0 sys_heap, 0xD4 rtr_copy, 0xE0 rtr_free u16, 0xF0 ip_addr[4]
 * </pre>
 */
public final class SystemVariables {
    public static final int SIZE = 256;
    /** Bytes of the struct carried in the boot image. */
    public static final int BOOT_SIZE = 128;
    /** Where those bytes go in the image. */
    public static final int IMAGE_OFFSET = 384;

    public static final int P2P_ADDR = 0x00;
    public static final int P2P_DIMS = 0x02;
    public static final int HW_VER = 0x0A;
    public static final int P2PB_REPEATS = 0x0C;
    public static final int P2P_SQL = 0x0D;
    public static final int CLK_DIV = 0x0E;
    public static final int UNIX_TIME = 0x1C;
    public static final int CPU_CLK = 0x24;
    public static final int MEM_CLK = 0x26;
    public static final int FORWARD = 0x28;
    public static final int PEEK_TIME = 0x2A;
    public static final int LED_PERIOD = 0x2B;
    public static final int NETINIT_BC_WAIT = 0x2C;
    public static final int LED0 = 0x30;
    public static final int ROOT_CHIP = 0x40;
    public static final int NUM_BUF = 0x41;
    public static final int BOOT_DELAY = 0x42;
    public static final int SYSRAM_HEAP = 0x48;
    public static final int IOBUF_SIZE = 0x50;
    public static final int SYS_SDRAM = 0x54;
    public static final int SYSBUF_SIZE = 0x58;
    public static final int BOOT_SIG = 0x5C;
    public static final int LINK_EN = 0x65;
    public static final int SDRAM_BASE = 0xC0;
    public static final int SYSRAM_BASE = 0xC4;
    public static final int SDRAM_SYS = 0xC8;
    public static final int VCPU_BASE = 0xCC;
    public static final int SYS_HEAP = 0xD0;
    public static final int RTR_COPY = 0xD4;
    public static final int RTR_FREE = 0xE0;
    public static final int IP_ADDR = 0xF0;

    private SystemVariables() {}

    /** The LED definition word for a board version (1–5). */
    public static int led0(int boardVersion) {
        return switch (boardVersion) {
            case 1 -> 0x76104;
            case 2 -> 0x6103;
            case 3 -> 0x502;
            case 4, 5 -> 0x1;
            default -> throw new IllegalArgumentException(
                    "board version " + boardVersion + " is not one of 1, 2, 3, 4, 5");
        };
    }

    /** The 128 bytes a host puts in the boot image for a board version, little-endian. */
    public static byte[] bootBlock(int boardVersion, long unixTimeSeconds) {
        byte[] b = new byte[BOOT_SIZE];
        putU8(b, HW_VER, boardVersion);
        putU8(b, P2PB_REPEATS, 4);
        putU8(b, P2P_SQL, 4);
        putU8(b, CLK_DIV, 0x33);
        putU32(b, UNIX_TIME, (int) unixTimeSeconds);
        putU16(b, CPU_CLK, 200);
        putU16(b, MEM_CLK, 130);
        putU8(b, FORWARD, 0x3F);
        putU8(b, PEEK_TIME, 200);
        putU8(b, LED_PERIOD, 1);
        putU8(b, NETINIT_BC_WAIT, 50);
        putU32(b, LED0, led0(boardVersion));
        putU8(b, ROOT_CHIP, 1);
        putU8(b, NUM_BUF, 7);
        putU8(b, BOOT_DELAY, 20);
        putU16(b, SYSRAM_HEAP, 1024);
        putU32(b, IOBUF_SIZE, 16384);
        putU32(b, SYS_SDRAM, 8 << 20);
        putU32(b, SYSBUF_SIZE, 32768);
        putU32(b, BOOT_SIG, (int) unixTimeSeconds);
        putU8(b, LINK_EN, 0x3F);
        return b;
    }

    public static void putU8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    public static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void putU32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static int getU16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static int getU32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
                | (b[off + 3] & 0xFF) << 24;
    }
}
