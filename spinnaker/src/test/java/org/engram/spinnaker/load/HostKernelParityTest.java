package org.engram.spinnaker.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.engram.simulator.network.Network;
import org.engram.simulator.neuron.Reset;
import org.engram.spinnaker.coreapp.KernelParity;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.image.SmallNetwork;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.Mapping;
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
                    KernelParity.images(plan), plan.mapping().tables());
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
        KernelParity.Compared c = KernelParity.assertSame(tmp, SmallNetwork.machine(), KernelParity.images(plan),
                mapping.tables());
        assertTrue(c.keys() > 100, "active: " + c);
    }
}
