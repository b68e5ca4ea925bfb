package org.engram.spinnaker.coreapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.simulator.engine.fixed.PoissonCore;
import org.engram.simulator.engine.fixed.SpikeArrayCore;
import org.engram.simulator.engine.fixed.SynapticMatrix;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.DataImage;
import org.engram.spinnaker.image.ImageFormat;
import org.engram.spinnaker.image.RecordingRegion;
import org.engram.spinnaker.image.SystemRegion;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.RoutingTable;

/**
 * The host build of the C kernel against the emulator's kernel (the Java fixed-point cores that
 * {@link EngramCore} runs), over the same images: both read each image as a core does, step in
 * lock-step and deliver each step's keys before the next (none after the last step, when the cores
 * have exited). Every step's keys and recorded words, and every core's final state words, must be
 * the same; a failure names the first difference.
 */
public final class KernelParity {
    private KernelParity() {}

    /** What was compared. */
    public record Compared(int cores, int ticks, long keys) {}

    /** Runs both kernels in {@code dir} and asserts that they agree step by step. */
    public static Compared assertSame(Path dir, Machine machine, List<HostDeployment.Image> images,
            List<RoutingTable> tables) {
        HostKernel.Run c = HostKernel.run(dir, machine, images, tables);
        int n = images.size();
        Core[] cores = new Core[n];
        RecordingRegion.Writer[] writers = new RecordingRegion.Writer[n];
        int[][] recordings = new int[n][];
        int ticks = 0;
        for (int k = 0; k < n; k++) {
            HostDeployment.Image i = images.get(k);
            byte[] block = Arrays.copyOf(i.bytes(), (int) i.blockBytes());
            DataImage image = DataImage.read((address, length) -> Arrays.copyOfRange(block,
                    (int) (address - i.address()), (int) (address - i.address()) + length), i.address(), i.blockBytes());
            SystemRegion system = SystemRegion.of(image);
            cores[k] = CoreImage.decode(image);
            ticks = Math.max(ticks, system.runTicks());
            long recordingAddress = image.regionAddress(ImageFormat.RECORDING);
            int[] words = new int[image.region(ImageFormat.RECORDING).sizeWords()];
            recordings[k] = words;
            writers[k] = new RecordingRegion.Writer(recordingAddress, words.length,
                    RecordingRegion.spikeWords(system.size(), system.recordsSpikes()),
                    RecordingRegion.vWords(system.size(), system.recordsV()), (address, bytes) -> ByteBuffer.wrap(bytes)
                            .order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
                            .get(words, (int) (address - recordingAddress) / 4, bytes.length / 4));
            writers[k].start();
        }
        long keys = 0;
        for (int t = 0; t < ticks; t++) {
            int[] sent = new int[n];
            for (int k = 0; k < n; k++) {
                sent[k] = cores[k].step();
                writers[k].record(cores[k].spikeBits(), cores[k] instanceof NeuronCore nc ? nc.v() : null);
                int[] got = c.sent().getOrDefault(HostKernel.sentKey(t, images.get(k).core()), new int[0]);
                int[] expected = Arrays.copyOf(cores[k].emitted(), sent[k]);
                if (!Arrays.equals(expected, got)) {
                    fail("step " + t + ", core " + images.get(k).core() + ": the Java kernel sent "
                            + hex(expected) + ", the C kernel " + hex(got));
                }
                keys += sent[k];
            }
            if (t + 1 == ticks) {
                break; // the cores have exited: the last step's keys reach nobody
            }
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < sent[k]; s++) {
                    int key = cores[k].emitted()[s];
                    for (Core target : cores) {
                        if (target instanceof NeuronCore nc && nc.matrix().row(key) >= 0) {
                            target.receive(key);
                        }
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            CoreLocation where = images.get(k).core();
            assertWordsEqual(recordings[k], c.recordings().get(where), "core " + where + " RECORDING word");
            assertWordsEqual(state(cores[k]), c.states().get(where), "core " + where + " state word");
        }
        return new Compared(n, ticks, keys);
    }

    private static void assertWordsEqual(int[] expected, int[] got, String what) {
        for (int w = 0; w < Math.min(expected.length, got.length); w++) {
            if (expected[w] != got[w]) {
                fail(what + " " + w + ": Java 0x" + Integer.toHexString(expected[w]) + ", C 0x"
                        + Integer.toHexString(got[w]));
            }
        }
        assertEquals(expected.length, got.length, what + "s");
    }

    private static String hex(int[] keys) {
        StringBuilder b = new StringBuilder("[");
        for (int k : keys) {
            b.append(b.length() > 1 ? " " : "").append(Integer.toHexString(k));
        }
        return b.append(']').toString();
    }

    /** A Java core's state words, laid out as the C kernel reports them (docs/core-runtime.md). */
    static int[] state(Core core) {
        List<Integer> w = new ArrayList<>();
        if (core instanceof NeuronCore n) {
            SynapticMatrix m = n.matrix();
            w.add(ImageFormat.KIND_NEURON);
            w.add(core.tick());
            w.add(core.size());
            for (int[] a : new int[][] {n.v(), n.isynE(), n.isynI(), n.refract()}) {
                add(w, a);
            }
            w.add(n.ring().length);
            add(w, n.ring());
            w.add((int) n.saturations());
            w.add((int) n.unknownKeys());
            w.add((int) n.synapticEvents());
            w.add(m.plasticWeight.length);
            if (m.plasticWeight.length > 0) {
                add(w, m.plasticWeight);
                add(w, m.preTime);
                add(w, m.preTrace);
                add(w, n.postCount());
                add(w, n.postTime());
                add(w, n.postTrace());
            }
        } else if (core instanceof SpikeArrayCore a) {
            w.add(ImageFormat.KIND_SPIKE_ARRAY);
            w.add(core.tick());
            // the cursor: the steps with spikes that have been run
            w.add((int) Arrays.stream(a.times().ticks).filter(t -> t < core.tick()).count());
        } else {
            w.add(ImageFormat.KIND_POISSON);
            w.add(core.tick());
            add(w, ((PoissonCore) core).generatorState());
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(List<Integer> w, int[] a) {
        for (int x : a) {
            w.add(x);
        }
    }
}
