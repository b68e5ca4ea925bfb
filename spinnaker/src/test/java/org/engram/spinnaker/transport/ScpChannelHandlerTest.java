package org.engram.spinnaker.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.ReadMemory;
import org.engram.spinnaker.testing.Hex;
import org.junit.jupiter.api.Test;

/** The Netty handler in an EmbeddedChannel: datagrams out, datagrams in, nothing left over. */
class ScpChannelHandlerTest {
    static final InetSocketAddress BOARD = new InetSocketAddress("127.0.0.1", 17893);
    static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.1", 17894);

    @Test
    void requestGoesOutAndItsReplyCompletesIt() {
        ScpChannelHandler h = new ScpChannelHandler(BOARD, RetryPolicy.DEFAULT, System::nanoTime, line -> { });
        EmbeddedChannel ch = new EmbeddedChannel(h);
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        h.submit(new ReadMemory(new CoreLocation(0, 0, 0), 0x6000_0000L, 4), f);
        DatagramPacket out = ch.readOutbound();
        assertEquals(BOARD, out.recipient());
        byte[] req = Hex.toBytes(out.content());
        out.release();
        assertEquals("00 00 87 FF 00 FF 00 00 00 00 02 00 01 00 00 00 00 60 04 00 00 00 02 00 00 00",
                Hex.format(req));
        // a reply from elsewhere and a truncated one are dropped
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(
                Hex.bytes("00 00 07 FF FF 00 00 00 00 00 80 00 01 00 01 02 03 04")), BOARD, OTHER));
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(Hex.bytes("00 00 07")), BOARD, BOARD));
        assertFalse(f.isDone());
        ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(
                Hex.bytes("00 00 07 FF FF 00 00 00 00 00 80 00 01 00 01 02 03 04")), BOARD, BOARD));
        assertTrue(f.isDone());
        assertArrayEquals(Hex.bytes("01 02 03 04"), f.join());
        assertEquals(2, h.stats().malformedReplies());
        assertNull(ch.readOutbound());
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }
}
