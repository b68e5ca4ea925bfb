package org.engram.spinnaker.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.engram.spinnaker.boot.BootPacket;

/**
 * Sends boot datagrams to a board's boot port (54321). Nothing is acknowledged, so packets are
 * paced: SpiNNMan waits 0.1 s after each.
 */
public final class BootSender {
    private BootSender() {}

    /**
     * Sends the packets in order, sleeping {@code paceMs} after each.
     *
     * @throws InterruptedException if interrupted while pacing
     */
    public static void send(InetSocketAddress board, List<BootPacket> packets, long paceMs)
            throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("engram-boot", true));
        try {
            Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new ChannelInboundHandlerAdapter()).bind(0).sync().channel();
            for (BootPacket p : packets) {
                ByteBuf buf = ch.alloc().buffer(p.encodedLength());
                p.encode(buf);
                ch.writeAndFlush(new DatagramPacket(buf, board)).sync();
                if (paceMs > 0) {
                    Thread.sleep(paceMs);
                }
            }
            ch.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
