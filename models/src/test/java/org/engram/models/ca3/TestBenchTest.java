package org.engram.models.ca3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.engram.simulator.error.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestBenchTest {

    @Test
    void readsTheThreeOriginalBenchesWithTheirSizes() {
        TestBench e1 = ReferenceFiles.bench("exp1_functional");
        assertEquals(90, e1.simTimeMs());
        assertEquals(5, e1.cueSize());
        assertEquals(10, e1.contSize());
        assertArrayEquals(new double[] {0, 1, 2, 30}, e1.cueTimes()[0]);
        assertArrayEquals(new double[] {10, 11, 12, 20, 21, 22, 40, 80}, e1.contTimes()[6]);
        TestBench e2 = ReferenceFiles.bench("exp2_stress");
        assertEquals(851, e2.simTimeMs());
        assertEquals(5, e2.cueSize());
        TestBench e3 = ReferenceFiles.bench("exp3_state_map");
        assertEquals(16, e3.cueSize());
        assertEquals(6, e3.contSize());
    }

    @Test
    void sizesAreInferredWhenAbsentAndNumOperationsIsAccepted() {
        TestBench b = TestBench.parse("{\"simTime\": 20, \"numOperations\": 1, \"cue\": [[0,1,2],[]], \"cont\": [[0,1,2],[],[5]]}",
                "tb.json");
        assertEquals(2, b.cueSize());
        assertEquals(3, b.contSize());
        assertArrayEquals(new double[] {5}, b.contTimes()[2]);
    }

    @Test
    void unsortedTimesAreSorted() {
        TestBench b = TestBench.parse("{\"simTime\": 20, \"cue\": [[4, 1]], \"cont\": [[3, 0.5]]}", "tb.json");
        assertArrayEquals(new double[] {1, 4}, b.cueTimes()[0]);
        assertArrayEquals(new double[] {0.5, 3}, b.contTimes()[0]);
    }

    @Test
    void jsonRoundTripGivesAnEqualBench() {
        TestBench b = ReferenceFiles.bench("exp2_stress");
        assertEquals(b, TestBench.parse(b.toJson(), "round trip"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json                 | {\"simTime\": 10,                         | $: not valid JSON",
        "not an object            | [1, 2]                                    | $: expected a JSON object",
        "no simTime               | {\"cue\": [[1]], \"cont\": [[1]]}         | $.simTime: missing",
        "simTime zero             | {\"simTime\": 0, \"cue\": [[1]], \"cont\": [[1]]} | $.simTime",
        "simTime text             | {\"simTime\": \"90\", \"cue\": [[1]], \"cont\": [[1]]} | $.simTime",
        "cue missing              | {\"simTime\": 10, \"cont\": [[1]]}        | $.cue: missing",
        "cue empty                | {\"simTime\": 10, \"cue\": [], \"cont\": [[1]]} | $.cue: found an empty array",
        "cue list not array       | {\"simTime\": 10, \"cue\": [1], \"cont\": [[1]]} | $.cue[0]: found 1; expected an array",
        "negative time            | {\"simTime\": 10, \"cue\": [[1]], \"cont\": [[2, -1]]} | $.cont[0][1]: -1 is not a spike time",
        "time past simTime        | {\"simTime\": 10, \"cue\": [[10]], \"cont\": [[1]]} | $.cue[0][0]: 10 is not a spike time",
        "time text                | {\"simTime\": 10, \"cue\": [[\"a\"]], \"cont\": [[1]]} | $.cue[0][0]",
        "cueSize mismatch         | {\"simTime\": 10, \"cueSize\": 3, \"cue\": [[1]], \"cont\": [[1]]} | $.cueSize: 3 does not match $.cue",
        "contSize not integer     | {\"simTime\": 10, \"contSize\": 1.5, \"cue\": [[1]], \"cont\": [[1]]} | $.contSize",
        "unknown field            | {\"simTime\": 10, \"cues\": [[1]], \"cue\": [[1]], \"cont\": [[1]]} | $.cues: unknown field; expected one of",
    })
    void malformedBenchesRaiseOneClearUserErrorNamingFileAndField(String what, String json, String expected) {
        TestBenchFormatException e = assertThrows(TestBenchFormatException.class, () -> TestBench.parse(json, "tb.json"));
        assertTrue(e instanceof UserError);
        assertTrue(e.getMessage().startsWith("tb.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void readNamesTheFileInItsErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"simTime\": 10, \"cue\": [[1]], \"cont\": 5}");
        TestBenchFormatException e = assertThrows(TestBenchFormatException.class, () -> TestBench.read(f));
        assertTrue(e.getMessage().startsWith(f + ": $.cont: "), e.getMessage());
    }
}
