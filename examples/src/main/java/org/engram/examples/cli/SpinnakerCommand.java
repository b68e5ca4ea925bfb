package org.engram.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.IpTag;
import org.engram.spinnaker.scp.VersionInfo;
import org.engram.spinnaker.transceiver.MachineInfo;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.TransportStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram spinnaker …}: small commands that talk to a SpiNNaker board, or to {@code
 * engram board-emulator}, over SCAMP's UDP protocol. Unreachable hosts, unknown hosts and bad
 * addresses end with one line and exit code 2.
 */
@Command(name = "spinnaker", mixinStandardHelpOptions = true,
        description = "Talk to a SpiNNaker board or the board emulator.",
        subcommands = {SpinnakerCommand.Version.class, SpinnakerCommand.Info.class, SpinnakerCommand.Read.class,
                SpinnakerCommand.Write.class, SpinnakerCommand.Boot.class, SpinnakerCommand.IpTagCommand.class,
                SpinnakerCommand.Bench.class})
final class SpinnakerCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the board is and how patiently to talk to it. */
    static final class Board {
        @Option(names = "--host", required = true, paramLabel = "HOST", description = "board or emulator address")
        String host;

        @Option(names = "--port", defaultValue = "17893", paramLabel = "P",
                description = "SCAMP UDP port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--boot-port", defaultValue = "54321", paramLabel = "B",
                description = "boot UDP port (default: ${DEFAULT-VALUE})")
        int bootPort;

        @Option(names = "--timeout-ms", defaultValue = "1000", paramLabel = "MS",
                description = "per-request timeout (default: ${DEFAULT-VALUE})")
        long timeoutMs;

        @Option(names = "--retries", defaultValue = "10", paramLabel = "N",
                description = "resends before giving up (default: ${DEFAULT-VALUE})")
        int retries;

        Transceiver connect(CommandLine.Model.CommandSpec spec) throws InterruptedException {
            RetryPolicy policy;
            try {
                policy = RetryPolicy.DEFAULT.withTimeoutMs(timeoutMs).withRetries(retries);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            // waiting on a silent board is worth a line only to someone watching a terminal
            return Transceiver.connect(host, port, bootPort, policy, System.console() != null
                    ? line -> System.err.println("engram: waiting: " + line) : line -> { });
        }
    }

    /** Converts "x,y" to a chip. */
    static final class ChipConverter implements CommandLine.ITypeConverter<ChipLocation> {
        @Override
        public ChipLocation convert(String value) {
            String[] p = value.split(",");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                return new ChipLocation(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a chip: expected X,Y with 0 <= X,Y <= 255");
            }
        }
    }

    /** Converts decimal or 0x-hex to an unsigned 32-bit value. */
    static final class AddressConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long v = Long.decode(value.trim());
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a 32-bit address (e.g. 0x60000000)");
            }
        }
    }

    @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the kernel version of a core.")
    static final class Version implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--chip", defaultValue = "0,0", converter = ChipConverter.class, paramLabel = "X,Y",
                description = "chip (default: ${DEFAULT-VALUE})")
        ChipLocation chip;

        @Option(names = "--core", defaultValue = "0", paramLabel = "P", description = "core (default: 0, SCAMP)")
        int core;

        @Override
        public Integer call() throws Exception {
            try (Transceiver t = board.connect(spec)) {
                VersionInfo v = t.version(new CoreLocation(chip, core));
                spec.commandLine().getOut().printf("%s %s on %s, chip %s core %d (physical %d), built %s%n", v.name(),
                        v.version(), v.hardware(), v.chip(), v.virtualCpu(), v.physicalCpu(),
                        Instant.ofEpochSecond(v.buildDate()));
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Discover the machine as SpiNNMan does (dimensions, P2P table, CMD_INFO of every chip), "
                    + "or summarise one chip.")
    static final class Info implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--chip", converter = ChipConverter.class, paramLabel = "X,Y", description = "one chip only")
        ChipLocation chip;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Transceiver t = board.connect(spec)) {
                if (chip != null) {
                    print(out, chip, t.chipInfo(chip));
                    return 0;
                }
                MachineInfo m = t.discoverMachine();
                out.printf("%s %s; %dx%d machine, %d chips, %d cores%n", m.version().name(), m.version().version(),
                        m.width(), m.height(), m.chips().size(), m.totalCores());
                for (Map.Entry<ChipLocation, ChipInfo> e : m.chips().entrySet()) {
                    print(out, e.getKey(), e.getValue());
                }
            }
            return 0;
        }

        private static void print(PrintWriter out, ChipLocation c, ChipInfo i) {
            out.printf("chip %-7s cores %2d  links 0x%02X  free router entries %4d  largest SDRAM block %9d"
                    + "  ethernet %s %s%n", c, i.workingCores(), i.linkMask(), i.freeRouterEntries(),
                    i.largestFreeSdramBlock(), i.nearestEthernet(), i.ethernetUp() ? "(this chip)" : "");
        }
    }

    /** Where a read or write goes: a chip and an address. */
    static final class MemoryAt {
        @Option(names = "--chip", defaultValue = "0,0", converter = ChipConverter.class, paramLabel = "X,Y",
                description = "chip (default: ${DEFAULT-VALUE})")
        ChipLocation chip;

        @Option(names = "--address", required = true, converter = AddressConverter.class, paramLabel = "ADDR",
                description = "start address, e.g. 0x60000000")
        long address;
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Read memory; hex dump or a file.")
    static final class Read implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        MemoryAt at;

        @Option(names = "--length", required = true, paramLabel = "BYTES", description = "bytes to read")
        int length;

        @Option(names = "--output", paramLabel = "FILE", description = "write the bytes here instead of a hex dump")
        Path output;

        @Override
        public Integer call() throws Exception {
            byte[] data;
            try (Transceiver t = board.connect(spec)) {
                data = t.readMemory(at.chip, at.address, length);
            }
            if (output != null) {
                Files.write(output, data);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                for (int off = 0; off < data.length; off += 16) {
                    StringBuilder sb = new StringBuilder(String.format("%08x ", at.address + off));
                    for (int i = off; i < Math.min(off + 16, data.length); i++) {
                        sb.append(String.format(" %02x", data[i] & 0xFF));
                    }
                    out.println(sb);
                }
            }
            return 0;
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true, description = "Write hex bytes or a file to memory.")
    static final class Write implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        MemoryAt at;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--data", paramLabel = "HEX", description = "bytes as hex, e.g. deadbeef")
            String hex;

            @Option(names = "--input", paramLabel = "FILE", description = "bytes from a file")
            Path input;
        }

        @Override
        public Integer call() throws Exception {
            byte[] data;
            if (source.input != null) {
                data = Files.readAllBytes(source.input);
            } else {
                String h = source.hex.replaceAll("\\s+", "");
                if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]+")) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--data '" + source.hex + "': expected an even number of hex digits");
                }
                data = new byte[h.length() / 2];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
                }
            }
            try (Transceiver t = board.connect(spec)) {
                t.writeMemory(at.chip, at.address, data);
            }
            spec.commandLine().getOut().printf("wrote %d bytes to chip %s at 0x%08x%n", data.length, at.chip, at.address);
            return 0;
        }
    }

    @Command(name = "boot", mixinStandardHelpOptions = true,
            description = "Boot a board with a scamp.boot image and wait until SCAMP is ready.")
    static final class Boot implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--image", required = true, paramLabel = "FILE",
                description = "the boot image (scamp.boot from SpiNNMan or spinnaker_tools)")
        Path image;

        @Option(names = "--board-version", defaultValue = "5", paramLabel = "V",
                description = "board version 1-5 (default: ${DEFAULT-VALUE}, SpiNN-5)")
        int boardVersion;

        @Option(names = "--pace-ms", defaultValue = "100", paramLabel = "MS",
                description = "pause after each boot packet (default: ${DEFAULT-VALUE}, as SpiNNMan)")
        long paceMs;

        @Option(names = "--ready-timeout-s", defaultValue = "20", paramLabel = "S",
                description = "how long to poll CMD_VER for readiness (default: ${DEFAULT-VALUE})")
        long readySeconds;

        @Override
        public Integer call() throws Exception {
            try (Transceiver t = board.connect(spec)) {
                t.setBootPaceMs(paceMs);
                t.boot(image, boardVersion);
                VersionInfo v = t.waitUntilReady(Duration.ofSeconds(readySeconds), Duration.ofMillis(100));
                spec.commandLine().getOut().printf("booted: %s %s, root chip %s%n", v.name(), v.version(), v.chip());
            }
            return 0;
        }
    }

    @Command(name = "iptag", mixinStandardHelpOptions = true,
            description = "List, set or clear the IP tags of the board's Ethernet chip.")
    static final class IpTagCommand implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

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
            PrintWriter out = spec.commandLine().getOut();
            if (set != null && clear != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set and --clear are exclusive");
            }
            try (Transceiver t = board.connect(spec)) {
                if (set != null) {
                    int colon = target == null ? -1 : target.lastIndexOf(':');
                    if (colon < 1) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--set needs --target HOST:PORT");
                    }
                    int port;
                    try {
                        port = Integer.parseInt(target.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                "--target '" + target + "': the port is not a number");
                    }
                    t.setIpTag(set, target.substring(0, colon), port, strip);
                    out.printf("tag %d -> %s%s%n", set, target, strip ? " (strip)" : "");
                } else if (clear != null) {
                    t.clearIpTag(clear);
                    out.printf("tag %d cleared%n", clear);
                } else {
                    List<IpTag> tags = t.getIpTags();
                    for (IpTag tag : tags) {
                        if (!tag.isValid()) {
                            continue;
                        }
                        if (tag.isReverse()) {
                            out.printf("tag %2d  reverse  UDP port %d -> chip %s port/cpu 0x%02x%n", tag.tag(),
                                    tag.rxPort(), ChipLocation.ofP2pAddress(tag.destAddress()), tag.destPort());
                        } else {
                            out.printf("tag %2d  %-9s %s:%d%s  sent %d%n", tag.tag(),
                                    tag.isTransient() ? "transient" : "", tag.ipString(), tag.txPort(),
                                    (tag.flags() & IpTag.FLAG_STRIP) != 0 ? " strip" : "", tag.count());
                        }
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measure SDRAM write and read throughput (window of 8, 256-byte requests).")
    static final class Bench implements Callable<Integer> {
        @Mixin
        Board board;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--chip", defaultValue = "0,0", converter = ChipConverter.class, paramLabel = "X,Y",
                description = "chip (default: ${DEFAULT-VALUE})")
        ChipLocation chip;

        @Option(names = "--mib", defaultValue = "16", paramLabel = "N", description = "MiB to move each way (default: ${DEFAULT-VALUE})")
        int mib;

        @Option(names = "--address", defaultValue = "0x60000000", converter = AddressConverter.class,
                paramLabel = "ADDR", description = "SDRAM address (default: ${DEFAULT-VALUE})")
        long address;

        @Override
        public Integer call() throws Exception {
            if (mib < 1 || mib > 120) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mib " + mib + " outside 1..120");
            }
            byte[] data = new byte[mib << 20];
            new Random(1).nextBytes(data);
            PrintWriter out = spec.commandLine().getOut();
            try (Transceiver t = board.connect(spec)) {
                for (int i = 0; i < 2; i++) { // warm up the JIT and the path
                    t.writeMemory(chip, address, new byte[4 << 20]);
                    t.readMemory(chip, address, 4 << 20);
                }
                long retriesBefore = t.stats().retries();
                long t0 = System.nanoTime();
                t.writeMemory(chip, address, data);
                long t1 = System.nanoTime();
                byte[] back = t.readMemory(chip, address, data.length);
                long t2 = System.nanoTime();
                if (!java.util.Arrays.equals(data, back)) {
                    throw new IllegalStateException("read-back differs from what was written");
                }
                TransportStats s = t.stats();
                out.printf(Locale.ROOT, "write %d MiB: %.2f s, %.1f MB/s%n", mib, (t1 - t0) / 1e9, data.length / ((t1 - t0) / 1e3));
                out.printf(Locale.ROOT, "read  %d MiB: %.2f s, %.1f MB/s%n", mib, (t2 - t1) / 1e9, data.length / ((t2 - t1) / 1e3));
                out.printf(Locale.ROOT, "window %d, %d retries, read-back identical%n", s.maxInFlight(),
                        s.retries() - retriesBefore);
            }
            return 0;
        }
    }
}
