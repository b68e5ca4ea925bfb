package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.engram.simulator.engine.Mode;
import org.junit.jupiter.api.Test;

/**
 * The benches in event mode (exact spike times) against grid mode at 1 ms. The circuit was
 * designed for the 1 ms grid: its forgetting relies on a post spike, shifted by the 1 ms
 * dendritic delay, landing on exactly the same tick as the next pre spike (depression at
 * Δ = 0). With exact times the two differ by a fraction of a ms and the order can flip, so some
 * old associations survive a re-learn, and a surviving weight can then be potentiated further.
 * These tests pin what event mode gives today; the README explains it.
 */
class EventModeTest {

    private static List<Integer> differing(String experiment) {
        return differing(experiment, Ca3Run.of(ReferenceFiles.bench(experiment)).results());
    }

    /** Operations whose decoded output differs between event mode and the given grid results. */
    private static List<Integer> differing(String experiment, List<OperationResult> grid) {
        TestBench bench = ReferenceFiles.bench(experiment);
        List<OperationResult> event = Ca3Run.of(bench, Mode.event, Double.NaN).results();
        assertEquals(grid.size(), event.size());
        List<Integer> diff = new ArrayList<>();
        for (int k = 0; k < grid.size(); k++) {
            assertEquals(grid.get(k).operation(), event.get(k).operation());
            if (!grid.get(k).cues().equals(event.get(k).cues()) || !grid.get(k).bits().equals(event.get(k).bits())) {
                diff.add(k);
            }
        }
        return diff;
    }

    @Test
    void stateMapDecodesIdenticallyInEventMode() {
        assertEquals(List.of(), differing("exp3_state_map"));
    }

    @Test
    void functionalExperimentDiffersOnlyWhereForgettingNeedsTheGrid() {
        // only @70 ms, the recall by cue 3 after its re-learn: the old bits 5 and 6 come back too
        assertEquals(List.of(7), differing("exp1_functional"));
        OperationResult recall = Ca3Run.of(ReferenceFiles.bench("exp1_functional"), Mode.event, Double.NaN).results()
                .get(7);
        assertEquals(List.of(1, 3, 4, 5, 6, 8), recall.recalledContent());
    }

    @Test
    void eventModeOutputsAreLaterThanTheGridsByAFractionOfAMillisecond() {
        // exact integration: each stage of the chain fires part of a ms after its input arrives
        OperationResult e = Ca3Run.of(ReferenceFiles.bench("exp1_functional"), Mode.event, Double.NaN).results().get(3);
        double cueLatency = e.cueSpikes().get(0).timeMs() - e.operation().startMs();
        assertTrue(cueLatency > 5 && cueLatency < 6, "recall by cue: OUT cue at +" + cueLatency + " ms");
        double contLatency = e.contSpikes().get(0).timeMs() - e.operation().startMs();
        assertTrue(contLatency > 6 && contLatency < 7, "recall by cue: OUT content at +" + contLatency + " ms");
    }

    @Test
    void stressExperimentDecodesDifferentlyInEventModeAfterTheFirstLearnsAndRecallsByCue() {
        // recorded from this engine: the first ten operations (5 learns, 5 recalls by cue) agree;
        // then 27 of the remaining 50 outputs differ (see the README for the analysis)
        assertEquals(List.of(10, 11, 12, 23, 25, 26, 27, 28, 29, 30, 31, 32, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55,
                56, 57, 58, 59), differing("exp2_stress"));
    }

    @Test
    void eventModeIsTheFineGridLimit() {
        // the same benches on a 0.01 ms grid decode exactly as event mode: the differences above
        // come from the 1 ms grid the circuit was designed for, not from the event engine
        for (String experiment : List.of("exp1_functional", "exp3_state_map")) {
            List<OperationResult> fine = Ca3Run.of(ReferenceFiles.bench(experiment), Mode.grid, 0.01).results();
            assertEquals(List.of(), differing(experiment, fine), experiment);
        }
    }
}
