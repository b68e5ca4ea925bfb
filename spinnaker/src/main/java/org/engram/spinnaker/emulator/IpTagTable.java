package org.engram.spinnaker.emulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.IpTagCommand;
import org.engram.spinnaker.scp.ScpMessage;
import org.engram.spinnaker.scp.ScpResult;

/**
 * The Ethernet chip's IP tag table ({@code cmd_iptag()} in scamp-cmd.c): 8 fixed tags a host
 * sets, and SCAMP's pool of 8 transient tags, one taken by each reply-expecting request that
 * arrives with tag 0xFF and freed when its reply has left.
 */
final class IpTagTable {
    private static final class Entry {
        byte[] ip = new byte[4];
        int port;
        int flags;
        int timeoutCode;
        int destAddress;
        int destPortCpu;
        int rxPort;
        long count;
        InetSocketAddress replyTo;
    }

    private final Entry[] tags = new Entry[IpTagCommand.TABLE_SIZE];
    private int transientTimeoutCode;
    /** Most transient tags taken at once (requests a host kept outstanding), read by tests. */
    int maxOutstanding;

    void clear() {
        Arrays.fill(tags, null);
    }

    int transientInUse() {
        int n = 0;
        for (int t = IpTagCommand.FIXED_TAGS; t < IpTagCommand.TABLE_SIZE; t++) {
            n += tags[t] != null ? 1 : 0;
        }
        return n;
    }

    /** Takes a transient tag for a reply to {@code sender}; -1 if the pool is empty. */
    int allocateTransient(InetSocketAddress sender) {
        maxOutstanding = Math.max(maxOutstanding, transientInUse() + 1);
        for (int t = IpTagCommand.FIXED_TAGS; t < IpTagCommand.TABLE_SIZE; t++) {
            if (tags[t] == null) {
                Entry e = new Entry();
                e.flags = IpTag.FLAG_VALID | IpTag.FLAG_TRANSIENT;
                e.replyTo = sender;
                byte[] a = sender.getAddress().getAddress();
                e.ip = a.length == 4 ? a : new byte[4];
                e.port = sender.getPort();
                e.timeoutCode = transientTimeoutCode;
                tags[t] = e;
                return t;
            }
        }
        return -1;
    }

    /** Frees a transient tag once its reply has been sent. */
    void releaseTransient(int tag) {
        if (tag >= IpTagCommand.FIXED_TAGS && tag < IpTagCommand.TABLE_SIZE) {
            tags[tag] = null;
        }
    }

    /** Where a reply through fixed tag {@code tag} goes (and counts it), or null if it cannot. */
    InetSocketAddress replyThrough(int tag) {
        Entry t = tag < IpTagCommand.FIXED_TAGS ? tags[tag] : null;
        if (t == null || (t.flags & IpTag.FLAG_REVERSE) != 0 || t.replyTo == null) {
            return null;
        }
        t.count++;
        return t.replyTo;
    }

    /** CMD_IPTAG, on an Ethernet chip. */
    Reply execute(ScpMessage m) {
        IpTagCommand.Arg1 a1 = IpTagCommand.Arg1.decode(m.arg1());
        int tag = a1.tag();
        switch (a1.op()) {
            case IpTagCommand.OP_NEW, IpTagCommand.OP_SET -> {
                if (a1.op() == IpTagCommand.OP_NEW) {
                    tag = freeFixedTag();
                    if (tag < 0) {
                        return Reply.of(ScpResult.RC_BUF);
                    }
                } else if (tag >= IpTagCommand.FIXED_TAGS) {
                    return Reply.of(ScpResult.RC_ARG);
                }
                tags[tag] = entry(a1, IpTagCommand.Arg2.decode(m.arg2()), m.arg3());
                return Reply.words(tag);
            }
            case IpTagCommand.OP_GET -> {
                return get(tag, m.arg2());
            }
            case IpTagCommand.OP_CLR -> {
                if (tag >= IpTagCommand.TABLE_SIZE) {
                    return Reply.of(ScpResult.RC_ARG);
                }
                tags[tag] = null;
                return Reply.OK;
            }
            case IpTagCommand.OP_TTO -> {
                int old = transientTimeoutCode;
                if (m.arg2() >= 0 && m.arg2() <= IpTagCommand.MAX_TTO) {
                    transientTimeoutCode = m.arg2();
                }
                return Reply.words(IpTagCommand.FIXED_TAGS << 24 | IpTagCommand.FIXED_TAGS << 16
                        | IpTag.SIZE << 8 | old);
            }
            default -> {
                return Reply.of(ScpResult.RC_ARG);
            }
        }
    }

    private int freeFixedTag() {
        for (int t = 1; t < IpTagCommand.FIXED_TAGS; t++) {
            if (tags[t] == null) {
                return t;
            }
        }
        return -1;
    }

    private static Entry entry(IpTagCommand.Arg1 a1, IpTagCommand.Arg2 a2, int ipWord) {
        Entry e = new Entry();
        e.flags = IpTag.FLAG_VALID | (a1.flags() & 7) << 8;
        e.timeoutCode = a1.timeoutCode();
        if (a1.reverse()) {
            e.rxPort = a2.udpPort();
            e.destAddress = a2.destAddress();
            e.destPortCpu = a1.portCpu();
        } else {
            e.ip = IpTagCommand.ipBytes(ipWord);
            e.port = a2.udpPort();
            e.replyTo = replyAddress(e.ip, e.port);
        }
        return e;
    }

    private Reply get(int tag, int count) {
        if (tag >= IpTagCommand.TABLE_SIZE || count < 1 || tag + count > IpTagCommand.TABLE_SIZE
                || count * IpTag.SIZE > ScpMessage.MAX_DATA) {
            return Reply.of(ScpResult.RC_ARG);
        }
        byte[] out = new byte[count * IpTag.SIZE];
        for (int i = 0; i < count; i++) {
            Entry e = tags[tag + i];
            if (e != null) {
                byte[] b = new IpTag(tag + i, e.ip, new byte[6], e.port, e.timeoutCode, e.flags, e.count,
                        e.rxPort, e.destAddress, e.destPortCpu).encode();
                System.arraycopy(b, 0, out, i * IpTag.SIZE, IpTag.SIZE);
            }
        }
        return Reply.data(out);
    }

    /** Replies through a tag only go to loopback: the emulator never sends off this host. */
    private static InetSocketAddress replyAddress(byte[] ip, int port) {
        try {
            InetAddress a = InetAddress.getByAddress(ip);
            return a.isLoopbackAddress() && port != 0 ? new InetSocketAddress(a, port) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
