package org.engram.spinnaker.coreapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.engine.fixed.FixedPoint;
import org.engram.simulator.network.Network;
import org.engram.simulator.neuron.Reset;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.image.EngramBinary;
import org.engram.spinnaker.image.RecordingRegion;
import org.engram.spinnaker.image.SmallNetwork;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.mapping.MulticastEntry;
import org.engram.spinnaker.mapping.RoutingTable;
import org.engram.spinnaker.scp.CpuState;
import org.engram.spinnaker.scp.Signal;
import org.engram.spinnaker.transceiver.RoutingEntry;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A mapped network loaded onto the emulator as a host loads it, through the transceiver only:
 * images written to allocated SDRAM, their addresses to user0, the routing tables, the stand-in
 * binary flooded to the cores, START, polling until every core has FINISHED, the recordings
 * read back. The cores see nothing but those bytes, and must spike as {@code Mode.fixed} does.
 */
class DeployedRunTest {
    static final int APP_ID = 66;
    static final long USER0 = 112;

    BoardEmulator emulator;
    Transceiver txrx;

    @BeforeEach
    void start() throws Exception {
        emulator = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), line -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), 54321,
                RetryPolicy.DEFAULT.withTimeoutMs(500));
    }

    @AfterEach
    void stop() {
        txrx.close();
        emulator.close();
    }

    /** The recordings read back, per image, after loading and running with the given routing tables. */
    List<RecordingRegion.Recorded> deploy(CoreImages images, List<RoutingTable> tables) throws Exception {
        Map<ChipLocation, Set<Integer>> cores = new TreeMap<>();
        long[] base = new long[images.images().size()];
        for (int k = 0; k < base.length; k++) {
            CoreImage image = images.images().get(k);
            ChipLocation chip = image.core().chip();
            base[k] = txrx.allocateSdram(chip, APP_ID, image.sizeBytes(), image.core().p());
            txrx.writeMemory(chip, base[k], image.at(base[k]).toBytes());
            txrx.writeMemory(chip, MemoryRegion.VCPU_BASE + (long) MemoryRegion.VCPU_SIZE * image.core().p() + USER0,
                    le32(base[k]));
            cores.computeIfAbsent(chip, c -> new TreeSet<>()).add(image.core().p());
        }
        for (RoutingTable t : tables) {
            txrx.loadRoutes(t.chip(), t.entries().stream().map(e -> new RoutingEntry(e.key(), e.mask(), e.route()))
                    .toList(), APP_ID);
        }
        txrx.executeFlood(cores, EngramBinary.standIn(), APP_ID, true);
        assertEquals(base.length, txrx.countState(APP_ID, CpuState.SYNC0));
        txrx.sendSignal(APP_ID, Signal.START);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (txrx.countState(APP_ID, CpuState.FINISHED) < base.length) {
            assertEquals(0, txrx.countState(APP_ID, CpuState.RUN_TIME_EXCEPTION), "a core failed");
            assertTrue(System.nanoTime() < deadline, "the run did not finish in 20 s");
        }
        List<RecordingRegion.Recorded> out = new ArrayList<>();
        for (int k = 0; k < base.length; k++) {
            CoreImage image = images.images().get(k);
            out.add(RecordingRegion.decode(txrx.readMemory(image.core().chip(), image.recordingAddress(base[k]),
                    image.recordingBytes())));
        }
        txrx.stopApplication(APP_ID);
        return out;
    }

    static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** Each image's recorded spike words per tick. */
    static List<List<int[]>> spikes(List<RecordingRegion.Recorded> recorded) {
        List<List<int[]>> out = new ArrayList<>();
        for (RecordingRegion.Recorded r : recorded) {
            out.add(Arrays.asList(r.spikes()));
        }
        return out;
    }

    /** With either reset: the NEURON region carries it, and the cores compute it as fixed mode does. */
    @ParameterizedTest
    @EnumSource(Reset.class)
    void theDeployedRunSpikesAsModeFixed(Reset reset) throws Exception {
        Network net = SmallNetwork.network(reset);
        Mapping mapping = SmallNetwork.mapping(net);
        assertTrue(mapping.chipsUsed().size() >= 3, "sources, exc and inh on different chips: " + mapping.chipsUsed());
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        List<RecordingRegion.Recorded> recorded = deploy(images, mapping.tables());
        Recording desktop = Simulator.run(net, Mode.fixed, SmallNetwork.DT_MS, SmallNetwork.RUN_MS);

        for (RecordingRegion.Recorded r : recorded) {
            assertEquals(SmallNetwork.RUN_TICKS, r.ticks());
        }
        for (String label : List.of("exc", "inh")) {
            String expected = SmallNetwork.spikeLines(desktop.spikes(label));
            assertTrue(desktop.spikes(label).count() > 5, label);
            assertEquals(expected, SmallNetwork.spikeLines(images.images(), spikes(recorded), label), label);
        }
        int exc = 2;
        assertEquals("exc", images.images().get(exc).label());
        double[][] v = desktop.membrane("exc").values();
        for (int t = 0; t < SmallNetwork.RUN_TICKS; t++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(v[i][t], FixedPoint.toDouble(recorded.get(exc).v()[t][i]), "v of exc " + i + " at tick " + t);
            }
        }
        if (reset == Reset.SUBTRACT) {
            // the reset matters here: a set reset leaves other membranes
            double[][] set = Simulator.run(SmallNetwork.network(), Mode.fixed, SmallNetwork.DT_MS, SmallNetwork.RUN_MS)
                    .membrane("exc").values();
            assertFalse(Arrays.deepEquals(set, v), "the resets give the same membranes");
        }
    }

    @Test
    void aWrongRouteShowsAsWrongSpikes() throws Exception {
        Network net = SmallNetwork.network();
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        CoreImage inh = images.images().get(3);
        CoreImage exc = images.images().get(2);
        assertEquals("inh", inh.label());
        // on inh's chip, the entry that brings exc's keys to inh's core sends them to the core above it instead
        int inhBit = MulticastEntry.coreBit(inh.core().p());
        UnaryOperator<MulticastEntry> corrupt = e -> (exc.firstKey() & e.mask()) == e.key() && (e.route() & inhBit) != 0
                ? new MulticastEntry(e.key(), e.mask(), e.route() & ~inhBit | MulticastEntry.coreBit(inh.core().p() + 1)) : e;
        List<RoutingTable> tables = new ArrayList<>();
        int corrupted = 0;
        for (RoutingTable t : mapping.tables()) {
            List<MulticastEntry> entries = t.chip().equals(inh.core().chip())
                    ? t.entries().stream().map(corrupt).toList() : t.entries();
            corrupted += entries.equals(t.entries()) ? 0 : 1;
            tables.add(new RoutingTable(t.chip(), entries, t.treeEntries(), t.defaultRouted()));
        }
        assertEquals(1, corrupted, "one table changed");
        List<RecordingRegion.Recorded> recorded = deploy(images, tables);
        Recording desktop = Simulator.run(net, Mode.fixed, SmallNetwork.DT_MS, SmallNetwork.RUN_MS);
        assertNotEquals(SmallNetwork.spikeLines(desktop.spikes("inh")),
                SmallNetwork.spikeLines(images.images(), spikes(recorded), "inh"));
        assertEquals("", SmallNetwork.spikeLines(images.images(), spikes(recorded), "inh"),
                "inh hears nothing from exc, so it never fires");
    }

    @Test
    void aCoreWithoutAGoodImageStopsWithARunTimeError() throws Exception {
        Network net = SmallNetwork.network();
        CoreImage image = CoreImages.build(net, SmallNetwork.mapping(net), SmallNetwork.DT_MS, 10).images().get(2);
        ChipLocation chip = new ChipLocation(2, 2);
        // core 1: user0 still 0; core 2: an image with one word flipped after it was written
        long base = txrx.allocateSdram(chip, APP_ID, image.sizeBytes(), 2);
        byte[] bytes = image.at(base).toBytes();
        bytes[bytes.length - 1] ^= 1;
        txrx.writeMemory(chip, base, bytes);
        txrx.writeMemory(chip, MemoryRegion.VCPU_BASE + 2L * MemoryRegion.VCPU_SIZE + USER0, le32(base));
        txrx.executeFlood(Map.of(chip, Set.of(1, 2)), EngramBinary.standIn(), APP_ID, true);
        txrx.sendSignal(APP_ID, Signal.START);
        assertEquals(2, txrx.countState(APP_ID, CpuState.RUN_TIME_EXCEPTION));
        assertEquals(13, txrx.readVcpu(new CoreLocation(chip, 1)).runTimeError(),
                "RTE_SWERR");
        txrx.stopApplication(APP_ID);
    }
}
