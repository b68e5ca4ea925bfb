package org.engram.spinnaker.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.engine.fixed.FixedEngine;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.Direction;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.MulticastEntry;
import org.engram.spinnaker.mapping.RouteChecker;
import org.engram.spinnaker.mapping.RoutingTable;
import org.engram.spinnaker.spalloc.JobMachineInfo;
import org.engram.spinnaker.spalloc.JobRequest;
import org.engram.spinnaker.spalloc.SpallocClient;
import org.engram.spinnaker.spalloc.SpallocJob;
import org.engram.spinnaker.spalloc.SpallocTestServer;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.engram.spinnaker.transport.TransportStats;
import org.junit.jupiter.api.Test;

/**
 * A network too large for one board's cores, deployed through spalloc onto the emulated triad:
 * the job is granted, every board is reached through its own connection, routes cross the
 * boards' edges (and the route checker finds nothing wrong with them), and the spikes are the
 * fixed engine's, cut into the same cores. The job is destroyed afterwards.
 */
class MultiBoardDeploymentTest {
    static final double DT = 1.0;
    static final double RUN_MS = 60;

    /**
     * 100 Poisson sources and 850 IF_curr_exp neurons, one neuron a core: 950 cores, more than
     * the 808 application cores of one board.
     */
    static Network tooLargeForOneBoard() {
        Network.Builder b = Network.builder().seed(23).timestepMs(DT);
        Population in = b.add(new Population("in", 100, StandardModel.SpikeSourcePoisson.with("rate", 50.0))
                .recordingSpikes());
        Population exc = b.add(new Population("exc", 600, StandardModel.IF_curr_exp.with("tau_m", 12.0))
                .recordingSpikes());
        Population inh = b.add(new Population("inh", 250, StandardModel.IF_curr_exp.defaults()).recordingSpikes());
        b.add(new Projection("in-exc", in, exc, new FixedProbability(0.08), new StaticSynapse(2.0, 1.0),
                Receptor.excitatory, null));
        b.add(new Projection("exc-inh", exc, inh, new FixedProbability(0.02), new StaticSynapse(1.5, 2.0),
                Receptor.excitatory, null));
        b.add(new Projection("inh-exc", inh, exc, new FixedProbability(0.02), new StaticSynapse(1.0, 3.0),
                Receptor.inhibitory, null));
        return b.build();
    }

    @Test
    void aNetworkLargerThanOneBoardDeployedThroughSpallocSpikesAsTheFixedEngine() throws Exception {
        Network net = tooLargeForOneBoard();
        Deployment.Options options = new Deployment.Options(1, DT, Deployment.Options.DEFAULT_APP_ID, null,
                Duration.ofMinutes(2));
        List<String> progress = new ArrayList<>();
        try (BoardEmulator triad = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()
                .withBoards(3)), s -> { });
                SpallocTestServer spalloc = SpallocTestServer.start("triad", 12, 12, SpallocTestServer.boardsAt(
                        ports(triad)))) {
            Deployment.Plan plan;
            Deployment.Result r;
            Map<ChipLocation, TransportStats> perBoard;
            Machine machine;
            try (SpallocClient c = SpallocClient.connect(spalloc.address(), Duration.ofSeconds(5));
                    SpallocJob job = SpallocJob.create(c, JobRequest.ofBoards(3, "test", 60), progress::add)) {
                JobMachineInfo info = job.waitUntilReady(Duration.ofSeconds(10));
                try (Transceiver tx = Transceiver.connect(info.boardAddresses(), 54321, RetryPolicy.DEFAULT,
                        s -> { })) {
                    machine = Deployment.machineOf(tx.discoverMachine());
                    plan = Deployment.plan(net, machine, options, RUN_MS);
                    r = Deployment.run(tx, plan, options, s -> { });
                    perBoard = tx.statsByBoard();
                }
            }
            assertEquals(List.of(), spalloc.liveJobs(), "the job was destroyed");
            assertEquals(950, plan.images().images().size());
            Set<ChipLocation> boardsUsed = new HashSet<>();
            plan.mapping().chipsUsed().forEach(chip -> boardsUsed.add(machine.nearestEthernet(chip)));
            assertEquals(3, boardsUsed.size(), "cores on every board: " + boardsUsed);
            assertEquals(List.of(), RouteChecker.problems(machine, BuiltNetwork.build(net), plan.mapping()));
            int crossings = boardCrossings(machine, plan);
            assertTrue(crossings > 50, "routes cross board edges: " + crossings);
            // every board's connection carried its own chips' images (most of the traffic)
            for (var e : perBoard.entrySet()) {
                assertTrue(e.getValue().requests() > 1000, e.getKey() + ": " + e.getValue());
            }
            FixedEngine desktop = new FixedEngine(net, DT, CoreImages.fixedOptions(net, plan.mapping()));
            desktop.run(RUN_MS);
            Recording expected = desktop.recording();
            long spikes = 0;
            for (PopulationSpikes e : expected.spikes()) {
                PopulationSpikes got = r.recording().spikes(e.population());
                assertArrayEquals(e.timesMs(), got.timesMs(), e.population() + " times");
                assertArrayEquals(e.neurons(), got.neurons(), e.population() + " neurons");
                spikes += e.count();
            }
            assertTrue(spikes > 500 && expected.spikes(inhLabel()).count() > 10, "active: " + spikes);
        }
    }

    static String inhLabel() {
        return "inh";
    }

    static Map<ChipLocation, Integer> ports(BoardEmulator emu) {
        Map<ChipLocation, Integer> out = new LinkedHashMap<>();
        emu.boards().forEach(b -> out.put(b.ethernet(), b.scpAddress().getPort()));
        return out;
    }

    /** Links that the plan's entries send packets over from a chip of one board to a chip of another. */
    static int boardCrossings(Machine machine, Deployment.Plan plan) {
        int n = 0;
        for (RoutingTable t : plan.mapping().tables()) {
            for (MulticastEntry e : t.entries()) {
                for (Direction d : Direction.values()) {
                    Optional<ChipLocation> across = machine.neighbour(t.chip(), d);
                    if ((e.route() >>> d.id() & 1) != 0 && across.isPresent()
                            && !machine.nearestEthernet(across.get()).equals(machine.nearestEthernet(t.chip()))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
