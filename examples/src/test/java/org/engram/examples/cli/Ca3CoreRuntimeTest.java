package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.engram.spinnaker.coreapp.KernelParity;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.load.HostDeployment;
import org.engram.spinnaker.machine.Machine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three CA3 reference experiments as deployed (whose spikes are the SpiNNaker hardware's
 * tables, {@link DeployCommandTest}): the C kernel's host build over their images computes what
 * the emulator's Java kernel computes, key for key, recorded word for word and state word for
 * state word.
 */
class Ca3CoreRuntimeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"exp1_functional", "exp2_stress", "exp3_state_map"})
    void theCa3ExperimentsRunAlikeInCAndJava(String experiment) throws Exception {
        Path net = tmp.resolve(experiment + ".json");
        CliRun save = engram("ca3", "save", "--testbench",
                DeployCommandTest.CA3.resolve(experiment + "_testbench.json").toString(), "--out", net.toString());
        assertEquals(0, save.code(), save.err());
        Network network = NetworkJson.read(net);
        Machine machine = Machine.spinn5();
        Deployment.Plan plan = Deployment.plan(network, machine, Deployment.Options.defaults(1.0), network.runMs());
        KernelParity.Compared c = KernelParity.assertSame(tmp.resolve("host"), machine, HostDeployment.images(plan),
                plan.mapping().tables());
        assertTrue(c.keys() > 100, experiment + ": " + c);
    }
}
