package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.error.InvalidNetworkException;
import org.junit.jupiter.api.Test;

class Ca3MemoryTest {

    @Test
    void learnRecallAndForgetAsAUserCallsThem() {
        Ca3Memory m = new Ca3Memory(5, 10, 14);
        OperationResult learnt = m.learn(0, 0, 1, 8, 9);
        assertEquals(List.of(0), learnt.cues());
        assertEquals(List.of(0, 1, 8, 9), learnt.bits());
        m.learn(4, 1, 5, 6);
        m.learn(3, 4, 5, 6);
        assertEquals(List.of(0, 1, 8, 9), m.recallByCue(0).recalledContent());
        assertEquals(List.of(3, 4), m.recallByContent(6).recalledCues());
        OperationResult relearnt = m.learn(3, 1, 3, 4, 8);
        assertEquals(List.of(5, 6), relearnt.forgottenBits());
        assertEquals(List.of(1, 3, 4, 8), m.recallByCue(3).recalledContent());
        assertEquals(List.of(4), m.recallByContent(6).recalledCues(), "cue 3 forgot bit 6");
        assertEquals(List.of(0.0, 14.0, 28.0, 42.0, 56.0, 70.0, 84.0, 98.0),
                m.history().stream().map(r -> r.operation().startMs()).toList());
    }

    @Test
    void atTheTightestTimingAnOverlappingLearnSevenMsLaterCutsTheEarlierMemorysBitsFromItsCue() {
        Ca3Memory m = new Ca3Memory(5, 10);
        m.learn(4, 1, 5, 6);
        m.learn(3, 4, 5, 6);
        // learning cue 3 at 7 ms fires ContCont(5, 6) at 10 and 12 ms while CueCont(4) last fired at
        // 5 ms: the pair rule depresses w(6 -> 4) by 6 * 1.51 * (e^(-4/3) + e^(-2)) = 3.6 nA, from 6
        // to about 2.4 nA, below the 3.36 nA that fires CueCont; so bit 6 no longer gives cue 4
        OperationResult r = m.recallByContent(6);
        assertEquals(List.of(3), r.recalledCues());
        assertEquals(List.of(1, 5, 6), m.recallByCue(4).recalledContent(), "the cue-to-content side is intact");
        assertEquals(List.of(0.0, 7.0, 14.0, 20.0), m.history().stream().map(x -> x.operation().startMs()).toList(),
                "7 ms after a learn, 6 after a recall");
        Ca3Memory spaced = new Ca3Memory(5, 10, 14);
        spaced.learn(4, 1, 5, 6);
        spaced.learn(3, 4, 5, 6);
        assertEquals(List.of(3, 4), spaced.recallByContent(6).recalledCues(), "at 14 ms both memories keep bit 6");
    }

    @Test
    void eachCallGivesWhatOneRunOfTheWholeScheduleGives() {
        Ca3Memory m = new Ca3Memory(4, 6);
        List<OperationResult> calls = List.of(m.learn(0, 0, 2), m.learn(1, 2, 3), m.recallByContent(2),
                m.recallByCue(1), m.learn(1, 5), m.recallByContent(3), m.recallByCue(1));
        Ca3Run batch = Ca3Run.of(m.lastRun().schedule(), Mode.grid, 1.0);
        assertEquals(batch.results(), calls);
        assertEquals(batch.results(), m.history());
    }

    @Test
    void aRejectedOperationLeavesTheMemoryUnchanged() {
        Ca3Memory m = new Ca3Memory(2, 3);
        m.learn(0, 1);
        assertThrows(InvalidNetworkException.class, () -> m.recallByCue(2));
        assertThrows(InvalidNetworkException.class, () -> m.learn(1, 3));
        assertThrows(InvalidNetworkException.class, () -> m.recallByContent());
        assertEquals(1, m.history().size());
        assertEquals(List.of(1), m.recallByCue(0).recalledContent());
        assertTrue(m.lastRun().schedule().operations().size() == 2);
    }
}
