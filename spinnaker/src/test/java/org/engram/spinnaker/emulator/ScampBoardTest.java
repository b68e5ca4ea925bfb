package org.engram.spinnaker.emulator;

import static org.engram.spinnaker.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

/**
 * The board's answers to hand-written datagrams, in process: the return codes SCAMP gives for
 * bad lengths and arguments, and what it drops. Expected replies are written out from the notes.
 */
class ScampBoardTest {
    static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 40000);
    final List<byte[]> replies = new ArrayList<>();
    final ScampBoard board = new ScampBoard(Machine.spinn5(), true, System::nanoTime, 0, Map.of(), task -> { },
            l -> { });

    private String send(String hex) {
        replies.clear();
        board.handleScp(0, bytes(hex), HOST, (b, to, tag) -> {
            replies.add(b);
            board.releaseTransientTag(0, tag);
        });
        assertTrue(replies.size() <= 1);
        return replies.isEmpty() ? null : Hex.format(replies.get(0));
    }

    @Test
    void versionReplyIs48BytesFromTheAddressedChip() {
        String r = send("00 00 87 FF 00 FF 01 02 00 00 00 00 2A 00 00 00 00 00 00 00 00 00 00 00 00 00");
        // reply: flags 07, tag FF, dest FF, src 00, dest (0,0), src y=1 x=2; RC_OK; seq 42;
        // arg1 virt 0 phys 0 y 1 x 2; arg2 buffer 256, version 0xFFFF; arg3 build date
        assertTrue(r.startsWith("00 00 07 FF FF 00 00 00 01 02 80 00 2A 00 00 00 01 02 00 01 FF FF"), r);
        assertEquals(48, bytes(r).length);
    }

    @Test
    void shortRequestGetsRcLen() {
        // 24-byte payload: SDP length 22 < 24 → RC_LEN (0x81)
        assertEquals("00 00 07 FF FF 00 00 00 00 00 81 00 07 00",
                send("00 00 87 FF 00 FF 00 00 00 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void unknownCommandGetsRcCmd() {
        assertEquals("00 00 07 FF FF 00 00 00 00 00 83 00 08 00",
                send("00 00 87 FF 00 FF 00 00 00 00 63 00 08 00 00 00 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void readLongerThan256GetsRcArg() {
        assertEquals("00 00 07 FF FF 00 00 00 00 00 84 00 09 00",
                send("00 00 87 FF 00 FF 00 00 00 00 02 00 09 00 00 00 00 60 01 01 00 00 00 00 00 00"));
    }

    @Test
    void readOutsideMemoryGetsRcArg() {
        assertEquals("00 00 07 FF FF 00 00 00 00 00 84 00 0A 00",
                send("00 00 87 FF 00 FF 00 00 00 00 02 00 0A 00 00 10 00 00 04 00 00 00 02 00 00 00"));
    }

    @Test
    void absentChipAnswersRcRouteFromTheEthernetChip() {
        assertEquals("00 00 07 FF FF 00 00 00 00 00 87 00 0B 00",
                send("00 00 87 FF 00 FF 00 07 00 00 00 00 0B 00 00 00 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void missingCoreGetsRcCpuAndMonitorPortGetsRcPort() {
        assertEquals("00 00 07 FF FF 11 00 00 01 01 88 00 0C 00",
                send("00 00 87 FF 11 FF 01 01 00 00 00 00 0C 00 00 00 00 00 00 00 00 00 00 00 00 00"));
        assertEquals("00 00 07 FF FF 20 00 00 00 00 85 00 0D 00",
                send("00 00 87 FF 20 FF 00 00 00 00 00 00 0D 00 00 00 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void applicationCoresOnlyImplementSarkCommands() {
        assertEquals("00 00 07 FF FF 03 00 00 00 00 83 00 0E 00",
                send("00 00 87 FF 03 FF 00 00 00 00 1F 00 0E 00 00 00 00 00 00 00 00 00 00 00 00 00"));
    }

    @Test
    void writeWithLessDataThanDeclaredGetsRcLen() {
        assertEquals("00 00 07 FF FF 00 00 00 00 00 81 00 0F 00",
                send("00 00 87 FF 00 FF 00 00 00 00 03 00 0F 00 00 00 00 60 08 00 00 00 02 00 00 00 AA BB CC DD"));
    }

    @Test
    void droppedWithoutAnswer() {
        assertNull(send("00 00 87"), "no SDP header");
        assertNull(send("00 00 87 FF 00 FF 00 00 00 00 00"), "no sequence number");
        assertNull(send("00 00 07 FF 00 FF 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                "no reply wanted");
        assertNull(send("00 00 87 FF 00 FF 00 00 00 00 02 00 01 00" + " 00".repeat(300)), "longer than 282 bytes");
        assertNull(send("00 00 87 FF 23 FF 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                "SDP to an application port: no code runs there");
    }

    @Test
    void ninthOutstandingRequestIsDroppedAsScampDoes() {
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            board.handleScp(0, bytes("00 00 87 FF 00 FF 00 00 00 00 00 00 0" + i + " 00"
                    + " 00 00 00 00 00 00 00 00 00 00 00 00"), HOST, (b, to, tag) -> held.add(tag));
        }
        assertEquals(8, held.size(), "8 transient tags, the 9th request has none");
        assertEquals(1, board.droppedNoTag);
        assertEquals(9, board.tags(0).maxOutstanding);
        held.forEach(t -> board.releaseTransientTag(0, t));
        assertEquals(0, board.tags(0).transientInUse());
    }

    @Test
    void unbootedBoardIsSilent() {
        ScampBoard cold = new ScampBoard(Machine.spinn5(), false, System::nanoTime, 0, Map.of(), task -> { },
                l -> { });
        List<byte[]> out = new ArrayList<>();
        cold.handleScp(0, bytes("00 00 87 FF 00 FF 00 00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                HOST, (b, to, tag) -> out.add(b));
        assertTrue(out.isEmpty());
        cold.handleBoot(bytes("00 01 00 00 00 03 00 00 FF 00 00 00 00 00 00 00 00 00 00 00 00 00"));
        assertFalse(cold.isBooted());
        assertEquals("FLOOD_FILL_BLOCK before FLOOD_FILL_START", cold.bootRom().lastError());
        cold.handleBoot(bytes("00 01 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 40"));
        assertEquals("FLOOD_FILL_START for 65 blocks; expected 1..32 and no data", cold.bootRom().lastError());
        cold.handleBoot(bytes("00 02 00 00 00 01"));
        assertTrue(cold.bootRom().lastError().startsWith("boot packet"), cold.bootRom().lastError());
    }
}
