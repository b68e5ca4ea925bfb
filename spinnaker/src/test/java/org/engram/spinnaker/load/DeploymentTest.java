package org.engram.spinnaker.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.engine.fixed.FixedEngine;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.Selection;
import org.engram.simulator.neuron.CellType;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.SynapseType;
import org.engram.simulator.synapse.WeightDependence;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.emulator.Faults;
import org.engram.spinnaker.image.CoreImages;
import org.engram.spinnaker.machine.Machine;
import org.engram.spinnaker.mapping.RouteChecker;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Networks deployed to the emulator give exactly the spikes of the fixed-point engine on the
 * desktop, cut into the same slices: whatever the mapping, images, loader, routers and emulated
 * cores do wrong shows as a spike that differs.
 */
class DeploymentTest {
    static final double DT = 1.0;
    static final double RUN_MS = 120;

    static BoardEmulator emulator;
    static Transceiver txrx;
    static Machine machine;

    @BeforeAll
    static void start() throws Exception {
        emulator = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral()), s -> { });
        txrx = Transceiver.connect("127.0.0.1", emulator.scpAddress().getPort(), emulator.bootAddress().getPort(),
                RetryPolicy.DEFAULT);
        machine = Deployment.machineOf(txrx.discoverMachine());
    }

    @AfterAll
    static void stop() {
        txrx.close();
        emulator.close();
    }

    /**
     * Two to four populations, spike sources among them, several slices each (at most 8 neurons
     * per core here), one-to-one, all-to-all and random projections, delays of 1 to 16 steps,
     * inhibition, STDP with either weight dependence; every population records its spikes.
     */
    static Network random(long seed) {
        Random r = new Random(seed);
        Network.Builder b = Network.builder().seed(seed).timestepMs(DT);
        List<Population> pops = new ArrayList<>();
        pops.add(b.add(new Population("in", 20 + r.nextInt(60), StandardModel.SpikeSourcePoisson.with("rate", 30.0))
                .recordingSpikes()));
        if (r.nextBoolean()) {
            double[][] trains = new double[10][];
            for (int k = 0; k < trains.length; k++) {
                trains[k] = new double[] {1 + k, 30 + 2 * k, 70 + r.nextInt(40)};
            }
            pops.add(b.add(new Population("array", 10, SpikeSourceArray.of(trains)).recordingSpikes()));
        }
        int neuronPops = 2 + r.nextInt(3);
        List<Population> receivers = new ArrayList<>();
        for (int k = 0; k < neuronPops; k++) {
            CellType type = r.nextInt(3) == 0 ? StandardModel.IF_curr_delta.defaults()
                    : StandardModel.IF_curr_exp.with("tau_m", 10.0 + 10 * r.nextDouble());
            Population p = b.add(new Population("n" + k, 40 + r.nextInt(120), type).recordingSpikes());
            pops.add(p);
            receivers.add(p);
        }
        // sPyNNaker runs one weight dependence per post population and receptor, so each has its own
        java.util.Map<Population, WeightDependence> rule = new java.util.HashMap<>();
        for (Population post : receivers) {
            rule.put(post, r.nextBoolean() ? new WeightDependence.AdditiveWeightDependence(0, 6)
                    : new WeightDependence.MultiplicativeWeightDependence(0, 6));
            Population pre = pops.get(r.nextInt(pops.size()));
            b.add(new Projection("drive-" + post.label(), pre, post, new FixedProbability(0.3),
                    synapse(r, rule.get(post), 3.0), Receptor.excitatory, null));
        }
        int more = 2 + r.nextInt(4);
        for (int k = 0; k < more; k++) {
            Population pre = pops.get(r.nextInt(pops.size()));
            Population post = receivers.get(r.nextInt(receivers.size()));
            Selection from = pre;
            Selection to = post;
            Connector c;
            switch (r.nextInt(3)) {
                case 0 -> {
                    int n = 1 + r.nextInt(Math.min(pre.size(), post.size()));
                    from = pre.slice(0, n);
                    to = post.slice(post.size() - n, post.size());
                    c = new OneToOne();
                }
                case 1 -> {
                    from = pre.slice(0, Math.min(pre.size(), 8));
                    c = new AllToAll();
                }
                default -> c = new FixedProbability(0.05 + 0.1 * r.nextDouble());
            }
            boolean inhibitory = r.nextInt(3) == 0;
            b.add(new Projection("p" + k, from, to, c, synapse(r, inhibitory ? null : rule.get(post),
                    inhibitory ? 2.0 : 1.5), inhibitory ? Receptor.inhibitory : Receptor.excitatory, null));
        }
        return b.build();
    }

    /** Static, or (when a rule is given) STDP with it one time in three; a delay of 1 to 16 steps. */
    static SynapseType synapse(Random r, WeightDependence rule, double weight) {
        double delay = (1 + r.nextInt(16)) * DT;
        if (rule == null || r.nextInt(3) != 0) {
            return new StaticSynapse(weight, delay);
        }
        return new STDPMechanism(new SpikePairRule(20, 20, 0.1, 0.12), rule, weight, delay);
    }

    static Deployment.Options options() {
        Deployment.Options d = Deployment.Options.defaults(DT);
        return new Deployment.Options(8, DT, d.appId(), null, d.runTimeout());
    }

    @Test
    void withATenthOfTheDatagramsDroppedAndReorderedTheSpikesAreTheSame() throws Exception {
        Network net = random(3);
        Recording clean = Deployment.run(txrx, Deployment.plan(net, machine, options(), RUN_MS), options(), s -> { })
                .recording();
        try (BoardEmulator lossy = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral())
                .withFaults(new Faults(0.10, 0, 0.10, 11)), s -> { });
                Transceiver t = Transceiver.connect("127.0.0.1", lossy.scpAddress().getPort(),
                        lossy.bootAddress().getPort(), new RetryPolicy(100, 30, 8, 20))) {
            Deployment.Result r = Deployment.run(t, Deployment.plan(net, machine, options(), RUN_MS), options(),
                    s -> { });
            assertTrue(t.stats().retries() > 0, "the faults were felt: " + t.stats());
            assertTrue(clean.spikeCount() > 100, "the network is active: " + clean.spikeCount());
            for (PopulationSpikes e : clean.spikes()) {
                PopulationSpikes got = r.recording().spikes(e.population());
                assertArrayEquals(e.timesMs(), got.timesMs(), e.population() + " times");
                assertArrayEquals(e.neurons(), got.neurons(), e.population() + " neurons");
            }
        }
    }

    @Test
    void aNetworkOverChipsInEveryDirectionGivesTheFixedEnginesSpikes() throws Exception {
        // two neurons a core: a few hundred cores, over chips three or more wide and high
        Network net = random(21);
        Deployment.Options d = Deployment.Options.defaults(DT);
        Deployment.Options tiny = new Deployment.Options(2, DT, d.appId(), null, d.runTimeout());
        Deployment.Plan plan = Deployment.plan(net, machine, tiny, RUN_MS);
        List<org.engram.spinnaker.machine.ChipLocation> chips = plan.mapping().chipsUsed();
        assertTrue(chips.stream().mapToInt(c -> c.x()).max().getAsInt() >= 2
                && chips.stream().mapToInt(c -> c.y()).max().getAsInt() >= 2, "spans chips both ways: " + chips);
        assertEquals(List.of(), RouteChecker.problems(machine, BuiltNetwork.build(net), plan.mapping()));
        Recording board = Deployment.run(txrx, plan, tiny, s -> { }).recording();
        FixedEngine desktop = new FixedEngine(net, DT, CoreImages.fixedOptions(net, plan.mapping()));
        desktop.run(RUN_MS);
        for (PopulationSpikes e : desktop.recording().spikes()) {
            assertArrayEquals(e.timesMs(), board.spikes(e.population()).timesMs(), e.population());
            assertArrayEquals(e.neurons(), board.spikes(e.population()).neurons(), e.population());
        }
    }

    @Test
    void twentyRandomNetworksGiveTheFixedEnginesSpikes() throws Exception {
        long total = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Network net = random(seed);
            Deployment.Plan plan = Deployment.plan(net, machine, options(), RUN_MS);
            assertEquals(List.of(), RouteChecker.problems(machine, BuiltNetwork.build(net), plan.mapping()),
                    "seed " + seed);
            assertTrue(plan.mapping().chipsUsed().size() >= 2, "seed " + seed + " spans chips");
            Recording board = Deployment.run(txrx, plan, options(), s -> { }).recording();
            FixedEngine desktop = new FixedEngine(net, DT, CoreImages.fixedOptions(net, plan.mapping()));
            desktop.run(RUN_MS);
            Recording expected = desktop.recording();
            for (PopulationSpikes e : expected.spikes()) {
                PopulationSpikes got = board.spikes(e.population());
                assertArrayEquals(e.timesMs(), got.timesMs(), "seed " + seed + ", " + e.population() + " times");
                assertArrayEquals(e.neurons(), got.neurons(), "seed " + seed + ", " + e.population() + " neurons");
                total += e.count();
            }
        }
        assertTrue(total > 1000, "the networks are active: " + total + " spikes");
    }
}
