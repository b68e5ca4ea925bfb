package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.LifParameters;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.simulator.engine.fixed.PoissonCore;
import org.engram.simulator.engine.fixed.PoissonParameters;
import org.engram.simulator.engine.fixed.SpikeArrayCore;
import org.engram.simulator.engine.fixed.SpikeTimes;
import org.engram.simulator.engine.fixed.StdpParameters;
import org.engram.simulator.engine.fixed.SynapticMatrix;
import org.junit.jupiter.api.Test;

/** Every region's words against words written out here from the layout in data-image.md, then read back. */
class CoreRegionsTest {
    static final long BASE = 0x6040_0000L;

    /** Two IF_curr_exp neurons with a subtractive reset at 0.1 ms (3277 as S16.15), each array with its own values. */
    static LifParameters lif() {
        LifParameters p = new LifParameters(LifParameters.IF_CURR_EXP, LifParameters.RESET_SUBTRACT, 3277, 2);
        int[][] values = {
            {-2129920, -2129921}, // v init: -65 mV and a step below
            {-2129920, -2129920}, // v_rest
            {32768, 32768},       // cm 1 nF
            {655360, 655360},     // tau_m 20 ms
            {0, 16384},           // i_offset 0 and 0.5 nA
            {-2293760, -2293760}, // v_reset -70 mV
            {65536, 65536},       // tau_refrac 2 ms
            {0, 3},               // refractory counter at start
            {-1638400, -1638400}, // v_thresh -50 mV
            {163840, 163840},     // tau_syn_E 5 ms
            {0, 7},               // isyn_exc at start
            {163840, 131072},     // tau_syn_I 5 and 4 ms
            {0, 9}};              // isyn_inh at start
        int[][] into = {p.vInit, p.vRest, p.cm, p.tauM, p.iOffset, p.vReset, p.tauRefrac, p.refractInit, p.vThresh,
            p.tauSynE, p.isynE, p.tauSynI, p.isynI};
        for (int k = 0; k < into.length; k++) {
            System.arraycopy(values[k], 0, into[k], 0, 2);
        }
        return p;
    }

    /**
     * One index bit, two delay bits (word: delay << 2 | receptor << 1 | index); sources 0x100/-4
     * (3 rows) and 0x200/-1 (1 row); rows 0 and 2 static, rows 1 and 3 plastic.
     */
    static SynapticMatrix matrix() {
        return new SynapticMatrix(2, 1, 2, new int[] {3, 5}, new int[] {0x100, 0x200}, new int[] {-4, -1},
                new int[] {0, 3}, new int[] {3, 1}, new int[] {0, 1, 1, 3, 3},
                new int[] {0x0005_0005, 0x0010_0006, 0x000A_0009}, new int[] {0, 0, 2, 2, 3},
                new int[] {0x5, 0xC, 0x6}, new int[] {100, 200, 0xFFFF}, new int[4], new int[4]);
    }

    static StdpParameters stdp() {
        StdpParameters s = new StdpParameters(new int[] {2048, 1500}, new int[] {2048, 1000, 500, 100}, false);
        s.wMin[1] = 1;
        s.wMax[0] = 300;
        s.wMax[1] = 400;
        s.aPlus[0] = 10;
        s.aPlus[1] = 11;
        s.aMinus[0] = 12;
        s.aMinus[1] = 13;
        return s;
    }

    static NeuronCore neuronCore() {
        return new NeuronCore(0x800, lif(), matrix(), stdp());
    }

    static DataImage image(Core core, SystemRegion system, int recordingWords) {
        return new DataImage(BASE, CoreRegions.regions(core, system, recordingWords));
    }

    /** The image written out as bytes and read back through its header, as a core reads it. */
    static DataImage readBack(DataImage image) {
        byte[] block = Arrays.copyOf(image.toBytes(), (int) image.sizeBytes());
        return DataImage.read(DataImageTest.memory(block, BASE), BASE, block.length);
    }

    static final SystemRegion NEURON_SYSTEM = new SystemRegion(ImageFormat.KIND_NEURON, 100, 50, 0x800, 2, true, true);

    @Test
    void aNeuronCoresRegionsAreTheDocumentedWords() {
        DataImage image = image(neuronCore(), NEURON_SYSTEM, 153);
        assertArrayEquals(new int[] {0, 100, 50, 0x800, 2, 3}, image.region(0).words(), "SYSTEM");
        assertArrayEquals(new int[] {0, 1, 3277, 2,
            -2129920, -2129921, -2129920, -2129920, 32768, 32768, 655360, 655360, 0, 16384, -2293760, -2293760,
            65536, 65536, 0, 3, -1638400, -1638400, 163840, 163840, 0, 7, 163840, 131072, 0, 9},
                image.region(1).words(), "NEURON");
        assertArrayEquals(new int[] {1, 2, 3, 5}, image.region(2).words(), "SYNAPSE");
        assertArrayEquals(new int[] {2, 0x100, -4, 0, 3, 0x200, -1, 3, 1}, image.region(3).words(), "POPULATION_TABLE");
        assertArrayEquals(new int[] {4, 3, 3, 0, 1, 1, 3, 3, 0x0005_0005, 0x0010_0006, 0x000A_0009, 0, 0, 2, 2, 3,
            100 << 16 | 0x5, 200 << 16 | 0xC, 0xFFFF_0006}, image.region(4).words(), "SYNAPTIC_MATRIX");
        assertArrayEquals(new int[] {0, 0, 1, 300, 400, 10, 11, 12, 13, 2, 2048, 1500, 4, 2048, 1000, 500, 100,
            4, 0, 0, 0, 0, 0, 0, 0, 0}, image.region(5).words(), "STDP");
        assertEquals(null, image.region(6));
        assertEquals(null, image.region(7));
        assertTrue(image.region(8).isOutput());
        assertEquals(153, image.region(8).sizeWords(), "RECORDING: 3 + 50 ticks of 1 spike and 2 v words");
        assertEquals(9, image.regions().size());
    }

    @Test
    void theHostWritesTheInputRegionsInRegionOrderAfterTheHeader() {
        DataImage image = image(neuronCore(), NEURON_SYSTEM, 153);
        ByteBuffer b = ByteBuffer.wrap(image.toBytes()).order(ByteOrder.LITTLE_ENDIAN);
        b.position(DataImage.HEADER_BYTES);
        int[] firstWords = new int[9];
        b.asIntBuffer().get(firstWords);
        // SYSTEM's six words, then NEURON's model code, reset code and step
        assertArrayEquals(new int[] {0, 100, 50, 0x800, 2, 3, 0, 1, 3277}, firstWords);
        // the RECORDING pointer (region 8's table entry) follows every input word
        int inputWords = 6 + 30 + 4 + 9 + 19 + 26;
        assertEquals((int) (BASE + DataImage.HEADER_BYTES + 4 * inputWords), b.getInt(8 + 8 * 12));
        assertEquals(DataImage.OUTPUT_FLAG | 153, b.getInt(8 + 8 * 12 + 8));
        assertEquals(DataImage.HEADER_BYTES + 4L * (inputWords + 153), image.sizeBytes());
    }

    @Test
    void aNeuronCoreComesBackWithEveryArray() {
        NeuronCore original = neuronCore();
        NeuronCore back = assertInstanceOf(NeuronCore.class, CoreImage.decode(readBack(image(original, NEURON_SYSTEM,
                153))));
        assertEquals(0x800, back.firstKey());
        LifParameters a = original.parameters();
        LifParameters b = back.parameters();
        assertEquals(a.model, b.model);
        assertEquals(LifParameters.RESET_SUBTRACT, b.reset);
        assertEquals(a.timeStep, b.timeStep);
        for (int[][] pair : new int[][][] {{a.vInit, b.vInit}, {a.vRest, b.vRest}, {a.cm, b.cm}, {a.tauM, b.tauM},
            {a.iOffset, b.iOffset}, {a.vReset, b.vReset}, {a.tauRefrac, b.tauRefrac}, {a.refractInit, b.refractInit},
            {a.vThresh, b.vThresh}, {a.tauSynE, b.tauSynE}, {a.isynE, b.isynE}, {a.tauSynI, b.tauSynI},
            {a.isynI, b.isynI}}) {
            assertArrayEquals(pair[0], pair[1]);
        }
        SynapticMatrix m = original.matrix();
        SynapticMatrix n = back.matrix();
        assertEquals(m.indexBits, n.indexBits);
        assertEquals(m.delayBits, n.delayBits);
        for (int[][] pair : new int[][][] {{m.shift, n.shift}, {m.entryKey, n.entryKey}, {m.entryMask, n.entryMask},
            {m.entryFirstRow, n.entryFirstRow}, {m.entryRows, n.entryRows}, {m.staticRowStart, n.staticRowStart},
            {m.staticWords, n.staticWords}, {m.plasticRowStart, n.plasticRowStart},
            {m.plasticControl, n.plasticControl}, {m.plasticWeight, n.plasticWeight}, {m.preTime, n.preTime},
            {m.preTrace, n.preTrace}}) {
            assertArrayEquals(pair[0], pair[1]);
        }
        StdpParameters s = original.stdp();
        StdpParameters t = back.stdp();
        assertEquals(s.multiplicative, t.multiplicative);
        for (int[][] pair : new int[][][] {{s.lutPlus, t.lutPlus}, {s.lutMinus, t.lutMinus}, {s.wMin, t.wMin},
            {s.wMax, t.wMax}, {s.aPlus, t.aPlus}, {s.aMinus, t.aMinus}}) {
            assertArrayEquals(pair[0], pair[1]);
        }
        // and they compute the same: the constants derived at start, then a few steps with input
        assertArrayEquals(original.constants().expTc, back.constants().expTc);
        for (int t0 = 0; t0 < 5; t0++) {
            assertEquals(original.step(), back.step());
            for (int key : new int[] {0x100, 0x101, 0x200}) {
                original.receive(key);
                back.receive(key);
            }
            assertArrayEquals(original.v(), back.v());
            assertArrayEquals(original.matrix().plasticWeight, back.matrix().plasticWeight);
        }
    }

    @Test
    void aSpikeArrayCoresRegionIsItsStepsAndNeurons() {
        SpikeArrayCore core = new SpikeArrayCore(0x40, new SpikeTimes(3, new int[] {0, 7}, new int[] {0, 2, 3},
                new int[] {0, 2, 1}));
        SystemRegion system = new SystemRegion(ImageFormat.KIND_SPIKE_ARRAY, 1000, 10, 0x40, 3, true, false);
        DataImage image = image(core, system, 13);
        assertArrayEquals(new int[] {1, 1000, 10, 0x40, 3, 1}, image.region(0).words());
        assertArrayEquals(new int[] {3, 2, 0, 7, 0, 2, 3, 0, 2, 1}, image.region(6).words(), "SPIKE_ARRAY");
        assertEquals(List.of(0, 6, 8), present(image));
        SpikeArrayCore back = assertInstanceOf(SpikeArrayCore.class, CoreImage.decode(readBack(image)));
        assertArrayEquals(core.times().ticks, back.times().ticks);
        assertArrayEquals(core.times().first, back.times().first);
        assertArrayEquals(core.times().neurons, back.times().neurons);
    }

    @Test
    void aPoissonCoresRegionIsItsSeedAndRates() {
        PoissonParameters p = new PoissonParameters(2, new int[] {1, 2, 3, 4});
        p.expMinusLambda[0] = 0xFFFF_0000;
        p.expMinusLambda[1] = 0x8000_0000;
        p.startTick[1] = 10;
        p.endTick[0] = 100;
        p.endTick[1] = 20;
        PoissonCore core = new PoissonCore(0x80, p);
        SystemRegion system = new SystemRegion(ImageFormat.KIND_POISSON, 100, 30, 0x80, 2, true, false);
        DataImage image = image(core, system, 33);
        assertArrayEquals(new int[] {2, 1, 2, 3, 4, 0xFFFF_0000, 0x8000_0000, 0, 10, 100, 20}, image.region(7).words(),
                "POISSON");
        assertEquals(List.of(0, 7, 8), present(image));
        PoissonCore back = assertInstanceOf(PoissonCore.class, CoreImage.decode(readBack(image)));
        assertArrayEquals(core.generatorState(), back.generatorState());
        for (int t = 0; t < 30; t++) {
            assertEquals(core.step(), back.step());
            assertArrayEquals(core.spikeBits(), back.spikeBits());
        }
    }

    static List<Integer> present(DataImage image) {
        return java.util.stream.IntStream.range(0, image.regions().size()).filter(k -> image.region(k) != null)
                .boxed().toList();
    }

    @Test
    void aCoreThatRanAlreadyHasNoImage() {
        NeuronCore core = neuronCore();
        core.step();
        assertThrows(IllegalArgumentException.class, () -> image(core, NEURON_SYSTEM, 153));
    }

    /** The neuron image with region {@code k}'s words replaced. */
    static DataImage withRegion(int k, int[] words) {
        List<DataImage.Region> r = new java.util.ArrayList<>(image(neuronCore(), NEURON_SYSTEM, 153).regions());
        r.set(k, DataImage.Region.input(words));
        return new DataImage(BASE, r);
    }

    @Test
    void countsThatOverrunTheirRegionAreRefusedNamingIt() {
        // a population table that says three entries but holds two
        MalformedImageException table = assertThrows(MalformedImageException.class, () -> CoreImage.decode(
                withRegion(3, new int[] {3, 0x100, -4, 0, 3, 0x200, -1, 3, 1})));
        assertTrue(table.getMessage().contains("region 3 word 0: 3 entries do not fit the 8 words left"),
                table.getMessage());
        // a matrix with a word left over
        int[] matrix = Arrays.copyOf(image(neuronCore(), NEURON_SYSTEM, 153).region(4).words(), 20);
        assertTrue(assertThrows(MalformedImageException.class, () -> CoreImage.decode(withRegion(4, matrix)))
                .getMessage().contains("region 4 word 19: 1 words left over"));
        // a synapse word whose target is not in the core: the matrix's own check, reported as the image's
        int[] bad = image(neuronCore(), NEURON_SYSTEM, 153).region(4).words();
        bad[8] = 0x0005_0001; // delay 0, neuron 1
        assertTrue(assertThrows(MalformedImageException.class, () -> CoreImage.decode(withRegion(4, bad)))
                .getMessage().contains("delay 0"));
        // a NEURON region for another number of neurons than SYSTEM's
        int[] neuron = image(neuronCore(), NEURON_SYSTEM, 153).region(1).words();
        neuron[3] = 1;
        assertThrows(MalformedImageException.class, () -> CoreImage.decode(withRegion(1, neuron)));
        // a reset code that is neither set (0) nor subtract (1)
        int[] reset = image(neuronCore(), NEURON_SYSTEM, 153).region(1).words();
        reset[1] = 2;
        assertTrue(assertThrows(MalformedImageException.class, () -> CoreImage.decode(withRegion(1, reset)))
                .getMessage().contains("reset code 2; expected 0 (set) or 1 (subtract)"));
    }

    @Test
    void aRecordingRegionTooSmallForTheRunIsRefused() {
        MalformedImageException e = assertThrows(MalformedImageException.class,
                () -> CoreImage.decode(image(neuronCore(), NEURON_SYSTEM, 152)));
        assertTrue(e.getMessage().contains("has 152 words; a run of 50 ticks records 153"), e.getMessage());
    }
}
