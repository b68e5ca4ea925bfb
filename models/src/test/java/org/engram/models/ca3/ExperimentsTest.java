package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExperimentsTest {
    @Test
    void theFunctionalScheduleGivesExactlyTheOriginalBenchInput() {
        assertEquals(ReferenceFiles.bench("exp1_functional"), Experiments.functional().toTestBench());
    }
}
