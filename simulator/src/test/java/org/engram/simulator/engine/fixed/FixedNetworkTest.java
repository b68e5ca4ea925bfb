package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.OneToOne;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.WeightDependence.AdditiveWeightDependence;
import org.junit.jupiter.api.Test;

/** Laying networks out on cores: slices, keys, unsupported models, and each loss of precision reported. */
class FixedNetworkTest {

    /** A source of {@code n} neurons firing at the given times onto {@code n} IF_curr_exp neurons, one to one. */
    static Network chain(int n, double weight, double delay, UnaryOperator<Population> target, double... times) {
        Network.Builder b = Network.builder().seed(5);
        Population src = b.add(new Population("src", n, SpikeSourceArray.of(times)).recordingSpikes());
        Population out = b.add(target.apply(new Population("out", n, StandardModel.IF_curr_exp.with("tau_refrac", 1.0))
                .recordingSpikes()));
        b.add(new Projection("feed", src, out, new OneToOne(), new StaticSynapse(weight, delay), Receptor.excitatory,
                null));
        return b.build();
    }

    static List<PrecisionIssue> check(Network net, double dt) {
        return FixedNetwork.check(net, dt, FixedOptions.DEFAULT);
    }

    static PrecisionIssue only(List<PrecisionIssue> issues, PrecisionIssue.Severity severity, String subject) {
        List<PrecisionIssue> of = issues.stream().filter(i -> i.severity() == severity && i.subject().equals(subject))
                .toList();
        assertEquals(1, of.size(), () -> "one " + severity + " about " + subject + " in " + issues);
        return of.get(0);
    }

    @Test
    void populationsAreCutIntoSlicesWithOneKeyRangeEach() {
        FixedNetwork f = FixedNetwork.build(chain(600, 5, 1, p -> p, 10), 1.0, FixedOptions.DEFAULT);
        // src 600 = 255 + 255 + 90, out likewise
        assertEquals(6, f.slices().size());
        Slice third = f.slices().get(2);
        assertEquals(new Slice(0, "src", 2, 2, 510, 510, 90), third);
        assertEquals(7, third.keyBits());
        assertEquals(2 << 16, f.firstKey(2));
        assertEquals(f.cores().get(2).firstKey(), f.firstKey(2));
        assertTrue(f.cores().get(0) instanceof SpikeArrayCore && f.cores().get(3) instanceof NeuronCore);
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void ringBufferShiftsAreTheFirstPowerOfTwoAboveTheLargestInput() {
        assertEquals(0, FixedBuilder.power(0));
        assertEquals(0, FixedBuilder.power(0.5));
        assertEquals(1, FixedBuilder.power(1.0)); // 2^0 = 1 is not above 1
        assertEquals(1, FixedBuilder.power(1.0368)); // CUBA's 64 excitatory inputs of 0.0162 nA
        assertEquals(3, FixedBuilder.power(7.99));
        assertEquals(4, FixedBuilder.power(8));
        assertEquals(6, FixedBuilder.power(36)); // CA3's ContCue: 6 + 5 x 6 nA
        assertEquals(16, FixedBuilder.power(40000));
    }

    @Test
    void anyValidKeyAssignmentGivesTheSameSpikes() {
        Network net = chain(300, 5, 2, p -> p, 3, 9, 20);
        // slices 0..3, given keys from the top of the key space down
        KeyAssignment reversed = s -> (0x7000 - s.ordinal()) << 12;
        FixedEngine a = new FixedEngine(net, 1.0, FixedOptions.DEFAULT);
        FixedEngine b = new FixedEngine(net, 1.0, new FixedOptions(100, reversed));
        a.run(30);
        b.run(30);
        Recording ra = a.recording();
        Recording rb = b.recording();
        assertTrue(ra.spikes("out").count() >= 300, "the targets fire");
        assertArrayEquals(ra.spikes("out").timesMs(), rb.spikes("out").timesMs());
        assertArrayEquals(ra.spikes("out").neurons(), rb.spikes("out").neurons());
    }

    @Test
    void invalidKeyAssignmentsAreRefused() {
        Network net = chain(300, 5, 2, p -> p, 3);
        InvalidNetworkException unaligned = assertThrows(InvalidNetworkException.class,
                () -> FixedNetwork.build(net, 1.0, new FixedOptions(256, s -> s.ordinal() << 8 | 1)));
        assertTrue(unaligned.getMessage().contains("low 8 bits"), unaligned.getMessage());
        InvalidNetworkException overlap = assertThrows(InvalidNetworkException.class,
                () -> FixedNetwork.build(net, 1.0, new FixedOptions(256, s -> 0)));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
    }

    @Test
    void unsupportedModelsAndMixedStdpRulesAreRefusedByName() {
        Network.Builder b = Network.builder();
        b.add(new Population("cond", 2, StandardModel.IF_cond_exp.with()));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> Simulator.fixed(b.build(), 1.0));
        assertTrue(e.getMessage().contains("population cond: IF_cond_exp is not supported"), e.getMessage());

        Network.Builder two = Network.builder();
        Population src = two.add(new Population("src", 1, SpikeSourceArray.of(new double[] {1})));
        Population out = two.add(new Population("out", 1, StandardModel.IF_curr_exp.with()));
        two.add(new Projection("first", src, out, new OneToOne(), new STDPMechanism(new SpikePairRule(),
                new AdditiveWeightDependence(0, 1), 0.5, 1), Receptor.excitatory, null));
        two.add(new Projection("second", src, out, new OneToOne(), new STDPMechanism(new SpikePairRule(10, 10, 0.1, 0.1),
                new AdditiveWeightDependence(0, 1), 0.5, 1), Receptor.excitatory, null));
        e = assertThrows(InvalidNetworkException.class, () -> Simulator.fixed(two.build(), 1.0));
        assertTrue(e.getMessage().contains("projection second") && e.getMessage().contains("one timing rule"),
                e.getMessage());
    }

    @Test
    void aWeightThatRoundsToZeroIsAWarningOnItsProjection() {
        Network.Builder b = Network.builder();
        Population src = b.add(new Population("src", 1, SpikeSourceArray.of(new double[] {1})));
        Population out = b.add(new Population("out", 1, StandardModel.IF_curr_exp.with("tau_refrac", 1.0)));
        b.add(new Projection("big", src, out, new OneToOne(), new StaticSynapse(1000, 1), Receptor.excitatory, null));
        b.add(new Projection("tiny", src, out, new OneToOne(), new StaticSynapse(1e-3, 1), Receptor.excitatory, null));
        List<PrecisionIssue> issues = check(b.build(), 1.0);
        // 1000 nA needs shift 10: one unit is 2^-5 = 0.03125 nA, so 0.001 nA rounds to 0
        PrecisionIssue w = only(issues, PrecisionIssue.Severity.warning, "projection tiny");
        assertTrue(w.message().startsWith("1 of 1 weights (the smallest 0.001 nA) round to zero"), w.message());
        assertTrue(w.message().contains("0.03125 nA"), w.message());
        assertEquals(1, issues.size(), issues::toString);
    }

    @Test
    void inputsBeyondTheRingBufferAreAnError() {
        Network net = chain(1, 40000, 1, p -> p, 1);
        PrecisionIssue e = only(check(net, 1.0), PrecisionIssue.Severity.error, "population out");
        assertTrue(e.message().contains("can sum to 40000 nA"), e.message());
        InvalidNetworkException thrown = assertThrows(InvalidNetworkException.class, () -> Simulator.fixed(net, 1.0));
        assertTrue(thrown.getMessage().contains("population out: excitatory inputs"), thrown.getMessage());
    }

    @Test
    void aDelayBeyondTheRingBufferIsAnErrorThatDependsOnTheCoreSize() {
        Network net = chain(300, 5, 20, p -> p, 1);
        // 200 steps of 0.1 ms; 255-neuron cores have 8 index bits, so 7 delay bits: at most 127 steps
        PrecisionIssue e = only(check(net, 0.1), PrecisionIssue.Severity.error, "projection feed");
        assertTrue(e.message().contains("holds delays up to 127 steps"), e.message());
        // 16-neuron cores hold up to 2047 steps
        assertTrue(FixedNetwork.check(net, 0.1, new FixedOptions(16, KeyAssignment.DEFAULT)).stream()
                .noneMatch(PrecisionIssue::isError));
    }

    @Test
    void aMembraneTooSlowForTheStepIsAnErrorAndAnInexactLeakAWarning() {
        Network slow = chain(1, 5, 1, p -> new Population(p.label(), 1, StandardModel.IF_curr_exp.with("tau_m", 60000.0)),
                1);
        PrecisionIssue e = only(check(slow, 0.1), PrecisionIssue.Severity.error, "population out");
        assertTrue(e.message().contains("dt / tau_m rounds to zero"), e.message());
        // tau_m 20 ms at 0.01 ms: dt / tau_m is 16 units instead of 16.38, and expk(-16) = 32751, so
        // 1 - exp_TC is 17 units instead of 16.38: 3.79 % too much leak
        Network fine = chain(1, 5, 1, p -> p, 1);
        PrecisionIssue w = only(check(fine, 0.01), PrecisionIssue.Severity.warning, "population out");
        assertEquals("tau_m 20 ms at dt 0.01 ms: the decay per step is off by 3.79 % in fixed point", w.message());
    }

    @Test
    void roundedRefractoryPeriodsDelaysAndMergedSourceSpikesAreWarnings() {
        Network net = chain(2, 5, 0.25, p -> new Population(p.label(), 2, StandardModel.IF_curr_exp.with()),
                1.0, 1.04, 3.0);
        List<PrecisionIssue> issues = check(net, 0.1);
        assertTrue(only(issues, PrecisionIssue.Severity.warning, "projection feed").message()
                .equals("2 delays of 2 are not whole steps of 0.1 ms and are rounded (0.25 ms to 3 steps)"), issues::toString);
        assertTrue(only(issues, PrecisionIssue.Severity.warning, "population src").message()
                .startsWith("2 spikes fall in the same step"), issues::toString);
        // the default tau_refrac 0.1 ms is exact at 0.1 ms, but lasts one whole step at 1 ms
        assertTrue(check(net, 1.0).stream().anyMatch(i -> i.message().equals("tau_refrac 0.1 ms lasts 1 step of 1 ms (1 ms)")));
    }

    @Test
    void stdpAmplitudesThatRoundAreWarnings() {
        Network.Builder b = Network.builder();
        Population src = b.add(new Population("src", 1, SpikeSourceArray.of(new double[] {1})));
        Population out = b.add(new Population("out", 1, StandardModel.IF_curr_exp.with("tau_refrac", 1.0)));
        // w_max 1 nA: shift 1, one unit 2^-14 nA; A_plus 1e-4 nA = 1.64 units -> 2, A_minus 1e-2 nA exact enough
        b.add(new Projection("learn", src, out, new AllToAll(), new STDPMechanism(new SpikePairRule(20, 20, 1e-4, 1e-2),
                new AdditiveWeightDependence(0, 1), 0.5, 1), Receptor.excitatory, null));
        PrecisionIssue w = only(check(b.build(), 1.0), PrecisionIssue.Severity.warning, "population out");
        assertTrue(w.message().startsWith("A_plus 0.0001 is 1.638 weight units and rounds to 2"), w.message());
    }

    @Test
    void fixedModeIsReachableByNameAndItsWarningsThroughTheSimulation() {
        assertEquals(Mode.fixed, Mode.byName("fixed"));
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> Mode.byName("exact"));
        assertTrue(e.getMessage().contains("event, grid, fixed"), e.getMessage());
        Simulation s = Simulator.create(chain(2, 5, 0.25, p -> p, 1.0), Mode.fixed, 0.1);
        assertEquals(List.of("projection feed: 2 delays of 2 are not whole steps of 0.1 ms and are rounded (0.25 ms to 3 steps)"),
                s.warnings());
        s.run(5);
        assertEquals("fixed", s.recording().stats().mode());
        assertEquals(0.1, s.recording().stats().dtMs());
        assertEquals(List.of(), Simulator.grid(chain(2, 5, 0.25, p -> p, 1.0), 0.1).warnings());
    }
}
