package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.examples.bench.BenchNetworks;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.load.Deployment;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.Test;

/** Brette et al.'s CUBA network at 4000 neurons, deployed to the emulator, spikes as fixed mode does. */
class DeployCubaTest {
    static final double DT = 1.0;
    static final double RUN_MS = 300;

    @Test
    void cubaAt4000NeuronsDeployedGivesFixedModesSpikesExactly() throws Exception {
        Network net = BenchNetworks.build("cuba", 4000, 2007);
        Recording desktop = Simulator.run(net, Mode.fixed, DT, RUN_MS);
        Deployment.Options options = Deployment.Options.defaults(DT);
        try (BoardEmulator board = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), s -> { });
                Transceiver tx = Transceiver.connect("127.0.0.1", board.scpAddress().getPort(),
                        board.bootAddress().getPort(), RetryPolicy.DEFAULT)) {
            Deployment.Plan plan = Deployment.plan(net, Deployment.machineOf(tx.discoverMachine()), options, RUN_MS);
            assertTrue(plan.images().images().size() >= 16, "cut into many cores: " + plan.images().images().size());
            Recording deployed = Deployment.run(tx, plan, options, s -> { }).recording();
            assertTrue(desktop.spikeCount() > 4000, "the network is active: " + desktop.spikeCount());
            for (PopulationSpikes e : desktop.spikes()) {
                PopulationSpikes got = deployed.spikes(e.population());
                assertArrayEquals(e.timesMs(), got.timesMs(), e.population() + " times");
                assertArrayEquals(e.neurons(), got.neurons(), e.population() + " neurons");
            }
        }
    }
}
