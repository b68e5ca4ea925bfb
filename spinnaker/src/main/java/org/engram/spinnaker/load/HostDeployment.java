package org.engram.spinnaker.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.MulticastEntry;
import org.engram.spinnaker.mapping.RoutingTable;

/**
 * A deployment as files for the host build of the core application ({@code engram-host}, see
 * {@code spinnaker/docs/core-runtime.md}): each core's image as the loader writes it, and a
 * manifest naming the machine's chips and links, each image's core, address and block, and each
 * chip's routing table in order.
 */
public final class HostDeployment {
    /** The manifest's file name. */
    public static final String MANIFEST = "deployment.txt";
    /** Where {@link #images} lays images out on each chip: SDRAM's user part. */
    static final long FIRST_ADDRESS = 0x6100_0000L;

    private HostDeployment() {}

    /** One core's image: the bytes the loader writes at {@code address}, in a block of {@code blockBytes}. */
    public record Image(CoreLocation core, long address, long blockBytes, byte[] bytes) {
        public Image {
            if (bytes.length > blockBytes || (address & 3) != 0) {
                throw new IllegalArgumentException("core " + core + ": " + bytes.length + " bytes at 0x"
                        + Long.toHexString(address) + " in a block of " + blockBytes + "; expected them to fit, aligned");
            }
        }

        /** The image's file name in a written deployment. */
        public String fileName() {
            return String.format(Locale.ROOT, "core-%d-%d-%d.image", core.x(), core.y(), core.p());
        }
    }

    /** A plan's images at addresses a loader could give them: per chip, one after another, 8-byte aligned. */
    public static List<Image> images(Deployment.Plan plan) {
        Map<ChipLocation, Long> next = new HashMap<>();
        List<Image> out = new ArrayList<>();
        for (CoreImage i : plan.images().images()) {
            long at = next.getOrDefault(i.core().chip(), FIRST_ADDRESS);
            next.put(i.core().chip(), (at + i.sizeBytes() + 7) & ~7L);
            out.add(new Image(i.core(), at, i.sizeBytes(), i.at(at).toBytes()));
        }
        return out;
    }

    /** Writes the images and the manifest into {@code dir} (created); returns the manifest. */
    public static Path write(Path dir, Machine machine, List<Image> images, List<RoutingTable> tables) {
        StringBuilder m = new StringBuilder("engram-deployment 1\n");
        m.append("machine ").append(machine.width()).append(' ').append(machine.height()).append('\n');
        for (ChipLocation c : machine.chips()) {
            m.append(String.format(Locale.ROOT, "chip %d %d 0x%02x%n", c.x(), c.y(), machine.linkMask(c)));
        }
        try {
            Files.createDirectories(dir);
            for (Image i : images) {
                Files.write(dir.resolve(i.fileName()), i.bytes());
                m.append(String.format(Locale.ROOT, "core %d %d %d 0x%08x %d %s%n", i.core().x(), i.core().y(),
                        i.core().p(), i.address(), i.blockBytes(), i.fileName()));
            }
            for (RoutingTable t : tables) {
                for (MulticastEntry e : t.entries()) {
                    m.append(String.format(Locale.ROOT, "route %d %d 0x%08x 0x%08x 0x%06x%n", t.chip().x(),
                            t.chip().y(), e.key(), e.mask(), e.route()));
                }
            }
            Path manifest = dir.resolve(MANIFEST);
            Files.writeString(manifest, m);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the deployment's files into " + dir + ": " + e.getMessage(), e);
        }
    }
}
