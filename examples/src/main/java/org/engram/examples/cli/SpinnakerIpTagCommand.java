package org.engram.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.transceiver.Transceiver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram spinnaker iptag}: lists the IP tags of the board's Ethernet chip (saying so when
 * none is set), or sets or clears one. The options are checked before anything is sent.
 */
@Command(name = "iptag", mixinStandardHelpOptions = true,
        description = "List, set or clear the IP tags of the board's Ethernet chip.")
final class SpinnakerIpTagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BoardConnection board;

    @Option(names = "--set", paramLabel = "TAG", description = "set this tag (0-7) to --target")
    Integer set;

    @Option(names = "--target", paramLabel = "HOST:PORT", description = "where traffic through the tag goes")
    String target;

    @Option(names = "--strip", description = "strip SDP headers from traffic through the tag")
    boolean strip;

    @Option(names = "--clear", paramLabel = "TAG", description = "clear this tag (0-7)")
    Integer clear;

    @Override
    public Integer call() throws Exception {
        if (set != null && clear != null) {
            throw new ParameterException(spec.commandLine(), "--set and --clear are exclusive");
        }
        if (set == null && (target != null || strip)) {
            throw new ParameterException(spec.commandLine(), "--target and --strip belong to --set TAG");
        }
        String host = null;
        int port = 0;
        if (set != null) {
            int colon = target == null ? -1 : target.lastIndexOf(':');
            if (colon < 1) {
                throw new ParameterException(spec.commandLine(), "--set " + set + " needs --target HOST:PORT");
            }
            host = target.substring(0, colon);
            try {
                port = Integer.parseInt(target.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "invalid value for option '--target': '" + target
                        + "'; the port is not a number");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Transceiver t = board.connect()) {
            if (set != null) {
                t.setIpTag(set, host, port, strip);
                out.printf("tag %d -> %s%s%n", set, target, strip ? " (strip)" : "");
            } else if (clear != null) {
                t.clearIpTag(clear);
                out.printf("tag %d cleared%n", clear);
            } else {
                list(out, t.getIpTags());
            }
        }
        return 0;
    }

    private static void list(PrintWriter out, List<IpTag> tags) {
        List<IpTag> set = tags.stream().filter(IpTag::isValid).toList();
        if (set.isEmpty()) {
            out.println("no IP tags set");
            return;
        }
        for (IpTag tag : set) {
            if (tag.isReverse()) {
                out.printf("tag %2d  reverse  UDP port %d -> chip %s port/cpu 0x%02x%n", tag.tag(), tag.rxPort(),
                        ChipLocation.ofP2pAddress(tag.destAddress()), tag.destPort());
            } else {
                out.printf("tag %2d  %-9s %s:%d%s  sent %s%n", tag.tag(), tag.isTransient() ? "transient" : "",
                        tag.ipString(), tag.txPort(), (tag.flags() & IpTag.FLAG_STRIP) != 0 ? " strip" : "",
                        Counts.of(tag.count(), "packet"));
            }
        }
    }
}
