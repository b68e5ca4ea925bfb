package org.engram.spinnaker.coreapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.engram.simulator.engine.fixed.FixedExp;
import org.engram.simulator.network.Network;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.image.SmallNetwork;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.mapping.Mapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C builds themselves: the kernel's exponential against the Java one over its whole argument
 * range, the host program's refusals of bad images and manifests, and the ARM object (which CI
 * must build).
 */
class CoreRuntimeBuildTest {
    @TempDir
    Path tmp;

    @Test
    void theExponentialIsJavasForEveryArgumentStep() throws Exception {
        // every 7th S16.15 word from below the range's bottom to above its top, and the edges
        List<Integer> args = new ArrayList<>();
        for (int x = -341_000; x <= 364_000; x += 7) {
            args.add(x);
        }
        args.addAll(List.of(-340695, -340696, 363408, 363409, 0, -1, 1, -32768, Integer.MIN_VALUE, Integer.MAX_VALUE));
        StringBuilder in = new StringBuilder();
        args.forEach(x -> in.append(x).append('\n'));
        Path arguments = tmp.resolve("arguments.txt");
        Files.writeString(arguments, in);
        Process p = new ProcessBuilder(HostKernel.output().resolve("engram-fixed-check").toString())
                .redirectInput(arguments.toFile()).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(args.size(), lines.size());
        for (int k = 0; k < args.size(); k++) {
            int x = args.get(k);
            String expected = FixedExp.expk(x) + " " + Integer.toUnsignedString(FixedExp.expulr(x));
            assertEquals(expected, lines.get(k), "expk and expulr of " + x);
        }
    }

    /** The small network's images, for the host program to refuse after one change. */
    private List<HostDeployment.Image> images() {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        return HostDeployment.images(new Deployment.Plan(net, null, mapping, images, SmallNetwork.RUN_TICKS,
                SmallNetwork.DT_MS, 0, 0));
    }

    private String refusal(List<HostDeployment.Image> images) {
        Network net = SmallNetwork.network();
        HostKernel.ProgramFailed e = assertThrows(HostKernel.ProgramFailed.class,
                () -> HostKernel.run(tmp, SmallNetwork.machine(), images, SmallNetwork.mapping(net).tables()));
        assertEquals(2, e.code, e.output);
        return e.output.strip();
    }

    /** The image of core k with word w set to value (the checksum still that of the original). */
    private static List<HostDeployment.Image> changed(List<HostDeployment.Image> images, int k, int word, int value) {
        List<HostDeployment.Image> out = new ArrayList<>(images);
        HostDeployment.Image i = images.get(k);
        byte[] b = i.bytes().clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4 * word, value);
        out.set(k, new HostDeployment.Image(i.core(), i.address(), i.blockBytes(), b));
        return out;
    }

    @Test
    void theHostProgramRefusesABadImageNamingCoreRegionAndWord() {
        List<HostDeployment.Image> images = images();
        HostDeployment.Image exc = images.get(2);
        String where = String.format("core %d,%d,%d (%s): image at 0x%08x: ", exc.core().x(), exc.core().y(),
                exc.core().p(), tmp.resolve(String.format("core-%d-%d-%d.image", exc.core().x(), exc.core().y(),
                        exc.core().p())), exc.address());
        // a word of the SYNAPSE region (the first after SYSTEM's 6 and NEURON's 4 + 13 n words)
        int synapse = 98 + 6 + 4 + 13 * 12;
        assertEquals("engram-host: " + where + "region 2 word 2: a region's words do not sum to its checksum",
                refusal(changed(images, 2, synapse, 99)).replaceAll(" word \\d+:", " word 2:"));
        assertEquals("engram-host: " + where + "bad magic (0x12345678)", refusal(changed(images, 2, 0, 0x12345678)));
        // the SYSTEM region's kind, with the checksum made good again
        List<HostDeployment.Image> kind = changed(changed(images, 2, 98, 7), 2, 3, wordOf(images.get(2), 3) + 7);
        assertEquals("engram-host: " + where + "region 0 word 7: unknown core kind", refusal(kind));
    }

    private static int wordOf(HostDeployment.Image i, int word) {
        return ByteBuffer.wrap(i.bytes()).order(ByteOrder.LITTLE_ENDIAN).getInt(4 * word);
    }

    @Test
    void theHostProgramRefusesABadManifestNamingTheLine() throws IOException {
        Path manifest = tmp.resolve("m.txt");
        Files.writeString(manifest, "engram-deployment 1\nmachine 2 2\nchip 0 0 0x3f\nbogus 1 2\n");
        HostKernel.ProgramFailed e = assertThrows(HostKernel.ProgramFailed.class,
                () -> HostKernel.execute(List.of(HostKernel.program().toString(), manifest.toString(), tmp.toString())));
        assertTrue(e.output.startsWith("engram-host: " + manifest + ":4: expected 'machine W H'"), e.output);
        Files.writeString(manifest, "engram-deployment 2\n");
        e = assertThrows(HostKernel.ProgramFailed.class,
                () -> HostKernel.execute(List.of(HostKernel.program().toString(), manifest.toString(), tmp.toString())));
        assertEquals("engram-host: " + manifest + ":1: expected the first line 'engram-deployment 1'", e.output.strip());
    }

    /**
     * The ARM968 object compiled with Debian's arm-none-eabi-gcc and -Werror (Maven's arm profile,
     * active where the compiler is installed, as CI installs it): an ARM ELF relocatable whose code
     * fits the 32 KiB ITCM.
     */
    @Test
    void theArmObjectIsBuiltWhereTheCompilerIs() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(Path.of("/usr/bin/arm-none-eabi-gcc")),
                "arm-none-eabi-gcc is not installed here (CI installs it and then requires the object)");
        Path object = HostKernel.output().resolve("arm").resolve("engram-arm.o");
        assertTrue(Files.exists(object), object + " was built");
        byte[] b = Files.readAllBytes(object);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {0x7F, 'E', 'L', 'F', 1, 1}, java.util.Arrays.copyOf(b, 6), "32-bit little-endian ELF");
        assertEquals(1, h.getShort(16), "relocatable");
        assertEquals(40, h.getShort(18), "EM_ARM");
        String size = HostKernel.execute(List.of("arm-none-eabi-size", object.toString()));
        String[] f = size.lines().toList().get(1).trim().split("\\s+");
        int text = Integer.parseInt(f[0]);
        assertTrue(text > 4096 && text < 32 * 1024, "the code fits ITCM: " + size);
    }
}
