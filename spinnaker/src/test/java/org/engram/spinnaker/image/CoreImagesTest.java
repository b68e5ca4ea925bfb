package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.FixedPoint;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.mapping.Mapping;
import org.junit.jupiter.api.Test;

class CoreImagesTest {
    static final long BASE = 0x6123_4560L;

    /** The cores of every image, written out as bytes, read back and decoded. */
    static List<Core> decodedCores(CoreImages images) {
        List<Core> cores = new ArrayList<>();
        for (CoreImage image : images.images()) {
            byte[] block = java.util.Arrays.copyOf(image.at(BASE).toBytes(), (int) image.sizeBytes());
            DataImage back = DataImage.read(DataImageTest.memory(block, BASE), BASE, block.length);
            cores.add(CoreImage.decode(back));
        }
        return cores;
    }

    @Test
    void decodedCoresInLockstepSpikeAsModeFixedBitForBit() {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        List<Core> cores = decodedCores(images);
        Recording desktop = Simulator.run(net, Mode.fixed, SmallNetwork.DT_MS, SmallNetwork.RUN_MS);

        // every core steps, then every key sent reaches every core (a core drops keys it has no row for)
        List<List<int[]>> spikes = new ArrayList<>();
        cores.forEach(c -> spikes.add(new ArrayList<>()));
        List<int[]> v = new ArrayList<>();
        int exc = 2;
        for (int t = 0; t < SmallNetwork.RUN_TICKS; t++) {
            int[] sent = new int[cores.size()];
            for (int k = 0; k < cores.size(); k++) {
                sent[k] = cores.get(k).step();
                spikes.get(k).add(cores.get(k).spikeBits().clone());
            }
            v.add(((NeuronCore) cores.get(exc)).v().clone());
            for (int k = 0; k < cores.size(); k++) {
                for (int j = 0; j < sent[k]; j++) {
                    for (Core c : cores) {
                        c.receive(cores.get(k).emitted()[j]);
                    }
                }
            }
        }
        for (int k = 0; k < cores.size(); k++) {
            CoreImage image = images.images().get(k);
            if (!image.recordsSpikes()) {
                continue;
            }
            PopulationSpikes expected = desktop.spikes(image.label());
            assertTrue(expected.count() > 5, image.label() + " fires: " + expected.count());
            assertEquals(describe(expected), describe(spikes.get(k), image, SmallNetwork.DT_MS), image.label());
        }
        double[][] trace = desktop.membrane("exc").values();
        assertEquals(SmallNetwork.RUN_TICKS, trace[0].length);
        for (int t = 0; t < SmallNetwork.RUN_TICKS; t++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(trace[i][t], FixedPoint.toDouble(v.get(t)[i]), "v of exc " + i + " at tick " + t);
            }
        }
    }

    /** Spikes as "neuron@tick" lines, in time then neuron order. */
    static String describe(PopulationSpikes s) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.count(); k++) {
            b.append(s.neuron(k)).append('@').append(Math.round(s.timeMs(k) / SmallNetwork.DT_MS)).append('\n');
        }
        return b.toString();
    }

    static String describe(List<int[]> bits, CoreImage image, double dt) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < bits.size(); t++) {
            for (int i = 0; i < image.size(); i++) {
                if ((bits.get(t)[i >>> 5] >>> (i & 31) & 1) != 0) {
                    b.append(image.first() + i).append('@').append(t).append('\n');
                }
            }
        }
        return b.toString();
    }
}
