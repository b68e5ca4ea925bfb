package org.engram.spinnaker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.FixedEngine;
import org.engram.simulator.engine.fixed.FixedPoint;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.simulator.engine.fixed.PrecisionIssue;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.mapping.Mapper;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.mapping.MappingOptions;
import org.engram.spinnaker.mapping.Placement;
import org.junit.jupiter.api.Test;

class CoreImagesTest {
    static final long BASE = 0x6123_4560L;

    /** The cores of every image, written out as bytes, read back and decoded. */
    static List<Core> decodedCores(CoreImages images) {
        List<Core> cores = new ArrayList<>();
        for (CoreImage image : images.images()) {
            byte[] block = Arrays.copyOf(image.at(BASE).toBytes(), (int) image.sizeBytes());
            DataImage back = DataImage.read(DataImageTest.memory(block, BASE), BASE, block.length);
            cores.add(CoreImage.decode(back));
        }
        return cores;
    }

    /**
     * Runs cores in lockstep for {@code ticks}: every core steps, then every key sent reaches every
     * core (a core drops keys it has no row for). Returns each core's spike words per tick.
     */
    static List<List<int[]>> lockstep(List<Core> cores, int ticks, List<int[]> vOfCore, int vCore) {
        List<List<int[]>> spikes = new ArrayList<>();
        cores.forEach(c -> spikes.add(new ArrayList<>()));
        int[] sent = new int[cores.size()];
        for (int t = 0; t < ticks; t++) {
            for (int k = 0; k < cores.size(); k++) {
                sent[k] = cores.get(k).step();
                spikes.get(k).add(cores.get(k).spikeBits().clone());
            }
            if (vOfCore != null) {
                vOfCore.add(((NeuronCore) cores.get(vCore)).v().clone());
            }
            for (int k = 0; k < cores.size(); k++) {
                for (int j = 0; j < sent[k]; j++) {
                    int key = cores.get(k).emitted()[j];
                    cores.forEach(c -> c.receive(key));
                }
            }
        }
        return spikes;
    }

    @Test
    void decodedCoresInLockstepSpikeAsModeFixedBitForBit() {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        List<Core> cores = decodedCores(images);
        Recording desktop = Simulator.run(net, Mode.fixed, SmallNetwork.DT_MS, SmallNetwork.RUN_MS);
        List<int[]> v = new ArrayList<>();
        int exc = 2;
        assertEquals("exc", images.images().get(exc).label());
        List<List<int[]>> spikes = lockstep(cores, SmallNetwork.RUN_TICKS, v, exc);
        for (String label : List.of("exc", "inh")) {
            PopulationSpikes expected = desktop.spikes(label);
            assertTrue(expected.count() > 5, label + " fires: " + expected.count());
            assertEquals(SmallNetwork.spikeLines(expected), SmallNetwork.spikeLines(images.images(), spikes, label), label);
        }
        double[][] trace = desktop.membrane("exc").values();
        assertEquals(SmallNetwork.RUN_TICKS, trace[0].length);
        for (int t = 0; t < SmallNetwork.RUN_TICKS; t++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(trace[i][t], FixedPoint.toDouble(v.get(t)[i]), "v of exc " + i + " at tick " + t);
            }
        }
    }

    @Test
    void decodedCoresComputeWhatTheFixedEngineComputesWithTheMappingsCut() {
        Network net = SmallNetwork.network();
        // five neurons per core: the fixed engine's default cut (256) would differ
        Mapping mapping = Mapper.map(BuiltNetwork.build(net), SmallNetwork.machine(), new MappingOptions(5));
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, 300);
        List<List<int[]>> spikes = lockstep(decodedCores(images), 300, null, 0);
        FixedEngine engine = new FixedEngine(net, SmallNetwork.DT_MS, CoreImages.fixedOptions(net, mapping));
        engine.run(30);
        for (String label : List.of("exc", "inh")) {
            PopulationSpikes expected = engine.recording().spikes(label);
            assertTrue(expected.count() > 0, label);
            assertEquals(SmallNetwork.spikeLines(expected), SmallNetwork.spikeLines(images.images(), spikes, label), label);
        }
    }

    @Test
    void eachImageIsItsPlacementsSliceWithItsKeyAndItsRecording() {
        Network net = SmallNetwork.network();
        // five neurons per core: stim 5, noise 5 + 3, exc 5 + 5 + 2, inh 5 + 1
        Mapping mapping = Mapper.map(BuiltNetwork.build(net), SmallNetwork.machine(), new MappingOptions(5));
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, 100);
        assertEquals(8, images.images().size());
        assertEquals(mapping.placements().size(), images.images().size());
        for (int k = 0; k < images.images().size(); k++) {
            CoreImage image = images.images().get(k);
            Placement p = mapping.placements().get(k);
            assertEquals(p.core(), image.core());
            assertEquals(p.slice().label(), image.label());
            assertEquals(p.slice().lo(), image.first());
            assertEquals(p.slice().size(), image.size());
            assertEquals(p.key(), image.firstKey());
            SystemRegion system = SystemRegion.of(image.at(BASE));
            assertEquals(p.key(), system.firstKey());
            assertEquals(100, system.runTicks());
            assertEquals(100, system.timestepUs());
            boolean exc = image.label().equals("exc");
            assertEquals(exc || image.label().equals("inh"), image.recordsSpikes());
            assertEquals(exc, image.recordsV());
            int perTick = (image.recordsSpikes() ? 1 : 0) + (exc ? image.size() : 0);
            assertEquals(4 * (3 + 100 * perTick), image.recordingBytes());
            assertEquals(BASE + image.sizeBytes() - image.recordingBytes(), image.recordingAddress(BASE),
                    "the output space comes last");
        }
    }

    @Test
    void theStepMustBeWholeMicrosecondsAndTheImageFitItsCore() {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImageException step = assertThrows(CoreImageException.class,
                () -> CoreImages.build(net, mapping, 0.0625, 10));
        assertTrue(step.getMessage().contains("dt 0.0625 ms is not a whole number of microseconds"), step.getMessage());
        // exc records 13 words a tick: a million ticks is 52 MB, beyond a core's share of a chip
        CoreImageException big = assertThrows(CoreImageException.class,
                () -> CoreImages.build(net, mapping, SmallNetwork.DT_MS, 1_000_000));
        assertTrue(big.getMessage().startsWith("exc[0:12]: its image needs"), big.getMessage());
        assertThrows(CoreImageException.class, () -> CoreImages.build(net, mapping, SmallNetwork.DT_MS, -1));
    }

    @Test
    void checkListsTheIssuesBuildReports() {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        List<PrecisionIssue> issues = CoreImages.check(net, mapping, SmallNetwork.DT_MS);
        assertTrue(issues.stream().noneMatch(PrecisionIssue::isError), issues.toString());
        assertEquals(issues, CoreImages.build(net, mapping, SmallNetwork.DT_MS, 10).warnings());
    }

    @Test
    void aMappingOfAnotherNetworkIsRefused() {
        Network.Builder b = Network.builder().seed(1).timestepMs(0.1);
        b.add(new Population("solo", 3, StandardModel.IF_curr_exp.defaults()));
        Network other = b.build();
        Mapping mapping = SmallNetwork.mapping(SmallNetwork.network());
        assertThrows(IllegalArgumentException.class, () -> CoreImages.build(other, mapping, 0.1, 10));
    }
}
