package org.engram.spinnaker.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.network.Network;
import org.engram.simulator.neuron.Reset;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.coreapp.HostKernel;
import org.engram.spinnaker.coreapp.KernelParity;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImage;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.image.EngramBinary;
import org.engram.spinnaker.image.RecordingRegion;
import org.engram.spinnaker.image.SmallNetwork;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.machine.MemoryRegion;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The C kernel's host build computes what the emulator's Java kernel computes, word for word and
 * step by step, over the images a deployment writes (see {@link KernelParity}).
 */
class HostKernelParityTest {
    @TempDir
    Path tmp;

    @Test
    void twentyRandomNetworksRunAlikeInCAndJava() {
        Machine machine = Machine.spinn5();
        long keys = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Network net = DeploymentTest.random(seed);
            Deployment.Plan plan = Deployment.plan(net, machine, DeploymentTest.options(), DeploymentTest.RUN_MS);
            KernelParity.Compared c = KernelParity.assertSame(tmp.resolve("seed" + seed), machine,
                    HostDeployment.images(plan), plan.mapping().tables());
            assertTrue(c.cores() >= 8, "seed " + seed + ": " + c);
            keys += c.keys();
        }
        assertTrue(keys > 10_000, "the networks are active: " + keys + " keys sent");
    }

    /** Delta and exponential synapses, STDP, spike arrays and Poisson sources at 0.1 ms, v recorded. */
    @ParameterizedTest
    @EnumSource(Reset.class)
    void theSmallNetworkRunsAlikeWithEitherReset(Reset reset) {
        Network net = SmallNetwork.network(reset);
        Mapping mapping = SmallNetwork.mapping(net);
        CoreImages images = CoreImages.build(net, mapping, SmallNetwork.DT_MS, SmallNetwork.RUN_TICKS);
        Deployment.Plan plan = new Deployment.Plan(net, null, mapping, images, SmallNetwork.RUN_TICKS,
                SmallNetwork.DT_MS, 0, 0);
        KernelParity.Compared c = KernelParity.assertSame(tmp, SmallNetwork.machine(), HostDeployment.images(plan),
                mapping.tables());
        assertTrue(c.keys() > 100, "active: " + c);
    }

    /**
     * A deployment to the emulator with the ARM build's kind of binary (an APLX table given
     * Engram's header), its images then read back from the emulated SDRAM through each core's
     * user0, as the cores found them: the host build run over them records, word for word, what
     * the deployed cores recorded.
     */
    @Test
    void theHostBuildOverADeploymentsImagesGivesTheDeployedRecordings() throws Exception {
        // an APLX table that only starts its code and ends: the emulator runs it by its header
        byte[] aplx = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(4).putInt(0x80).putInt(0).putInt(0)
                .putInt(0xFF).putInt(0).putInt(0).putInt(0).array();
        Deployment.Options d = DeploymentTest.options();
        Deployment.Options options = new Deployment.Options(d.neuronsPerCore(), d.dtMs(), d.appId(),
                EngramBinary.aplx(aplx), d.runTimeout());
        Network net = DeploymentTest.random(7);
        try (BoardEmulator board = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), s -> { });
                Transceiver tx = Transceiver.connect("127.0.0.1", board.scpAddress().getPort(),
                        board.bootAddress().getPort(), RetryPolicy.DEFAULT)) {
            Machine machine = Deployment.machineOf(tx.discoverMachine());
            Deployment.Plan plan = Deployment.plan(net, machine, options, DeploymentTest.RUN_MS);
            Deployment.Result deployed = Deployment.run(tx, plan, options, s -> { });
            List<HostDeployment.Image> images = new ArrayList<>();
            for (CoreImage i : plan.images().images()) {
                CoreLocation core = i.core();
                long address = Integer.toUnsignedLong(ByteBuffer.wrap(tx.readMemory(core.chip(), MemoryRegion.VCPU_BASE
                        + (long) MemoryRegion.VCPU_SIZE * core.p() + Loader.VCPU_USER0, 4))
                        .order(ByteOrder.LITTLE_ENDIAN).getInt());
                byte[] bytes = tx.readMemory(core.chip(), address, (int) i.sizeBytes());
                images.add(new HostDeployment.Image(core, address, i.sizeBytes(), bytes));
            }
            HostKernel.Run host = HostKernel.run(tmp, machine, images, plan.mapping().tables());
            long spikes = 0;
            for (CoreImage i : plan.images().images()) {
                int[] onBoard = deployed.load().outputs().get(i.core());
                assertArrayEquals(onBoard, host.recordings().get(i.core()), "core " + i.core() + " (" + i.label() + ")");
                RecordingRegion.Recorded r = RecordingRegion.decode(onBoard);
                for (int[] tick : r.spikes()) {
                    for (int w : tick) {
                        spikes += Integer.bitCount(w);
                    }
                }
            }
            assertTrue(spikes > 500, "the deployment spiked: " + spikes);
            assertTrue(deployed.recording().spikeCount() > 500);
        }
    }
}
