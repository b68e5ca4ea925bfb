package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.engram.simulator.engine.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strongest check of the memory and of the simulator's grid and fixed-point engines: in grid
 * and fixed mode at 1 ms, each of the original experiments reproduces the spikes recorded on
 * SpiNNaker hardware exactly, every population, every neuron, every millisecond. A failure names
 * the first differing cell.
 */
class ReferenceTableTest {

    static Stream<Arguments> experimentsAndModes() {
        return Stream.of(ReferenceFiles.EXPERIMENTS).flatMap(e -> Stream.of(Arguments.of(e, Mode.grid),
                Arguments.of(e, Mode.fixed)));
    }

    @ParameterizedTest(name = "{0} in {1} mode")
    @MethodSource("experimentsAndModes")
    void oneMsStepsReproduceTheHardwareSpikesExactly(String experiment, Mode mode) {
        TestBench bench = ReferenceFiles.bench(experiment);
        TreeSet<ReferenceFiles.Cell> hardware = ReferenceFiles.hardware(experiment);
        Ca3Run run = Ca3Run.of(bench, mode, Ca3Run.HARDWARE_DT_MS);
        TreeSet<ReferenceFiles.Cell> simulated = ReferenceFiles.simulated(run.recording());

        List<String> diff = ReferenceFiles.differences(hardware, simulated);
        assertTrue(diff.isEmpty(), () -> experiment + ": " + diff.size() + " differing cells; first: " + diff.get(0)
                + (diff.size() > 1 ? "; then " + diff.subList(1, Math.min(6, diff.size())) : ""));
        assertEquals(hardware.size(), simulated.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp1_functional", "exp2_stress", "exp3_state_map"})
    void everyPopulationOfTheTableFiresSoTheComparisonCoversThemAll(String experiment) {
        // guards the test above against a vacuous pass: all twelve populations have hardware spikes
        Set<Ca3Population> seen = ReferenceFiles.hardware(experiment).stream().map(ReferenceFiles.Cell::population)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Ca3Population.class)));
        assertEquals(EnumSet.allOf(Ca3Population.class), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp1_functional", "exp2_stress", "exp3_state_map"})
    void noHardwareSpikeFallsOutsideTheSimulatedTime(String experiment) {
        TestBench bench = ReferenceFiles.bench(experiment);
        int last = ReferenceFiles.hardware(experiment).last().ms();
        assertTrue(last < bench.simTimeMs(), experiment + ": last hardware spike at " + last + " ms");
    }
}
