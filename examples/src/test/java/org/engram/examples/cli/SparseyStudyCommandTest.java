package org.engram.examples.cli;

import static org.engram.examples.cli.SparseyCommandTest.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code engram sparsey study}: its figures as text and as one JSON object, and its bad input. */
class SparseyStudyCommandTest {

    private static JsonNode lastLineJson(CliRun run) throws Exception {
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void capacityAndSimilarityPrintTheirFigures() throws Exception {
        String[] args = {"sparsey", "study", "capacity", "--other-sizes", "8x5x400", "--repeats", "2", "--json"};
        CliRun run = CliRun.engram(args);
        JsonNode json = lastLineJson(run);
        assertEquals(25, json.get("Q").asInt());
        JsonNode capacity = json.get("capacity");
        assertEquals(2, capacity.size());
        assertEquals(8, capacity.get(1).get("Q").asInt());
        assertEquals(20, capacity.get(1).get("active").asInt());
        // Seeds 1 and 2 of the default mac: the figures of MacStudy.capacity, whose own tests check the search.
        assertEquals(List.of(57, 42), List.of(capacity.get(0).get("capacities").get(0).asInt(),
                capacity.get(0).get("capacities").get(1).asInt()));
        assertEquals(49.5, capacity.get(0).get("capacity_median").asDouble());
        assertTrue(run.out().contains("57 (57/58), 42 (42/43)"), run.out());
        assertEquals(run.out(), CliRun.engram(args).out(), "the same seed gives the same figures");

        JsonNode similarity = lastLineJson(CliRun.engram("sparsey", "study", "similarity", "--stores", "20,50",
                "--json")).get("similarity");
        assertEquals(2, similarity.size());
        assertEquals(190, similarity.get(0).get("pairs").asInt(), "all pairs of 20 items");
        assertEquals(1000, similarity.get(1).get("pairs").asInt());
        assertEquals(25 / 9.0, similarity.get(0).get("chance_overlap").asDouble(), 1e-5);
        int pairs = 0;
        for (JsonNode level : similarity.get(1).get("levels")) {
            pairs += level.get(1).asInt();
        }
        assertEquals(1000, pairs, "every pair is in one input-overlap level");
    }

    @Test
    void timingReportsEveryStoreSizeUpToItsLimit() throws Exception {
        // Only the shape of the output: times are the command's to print, not the tests' to judge.
        JsonNode timing = lastLineJson(CliRun.engram("sparsey", "study", "timing", "--timing-items", "1000", "--json"))
                .get("timing");
        assertEquals("[100,300,1000]", timing.get("stored").toString());
        assertEquals(3, timing.get("learn_us").size());
        assertEquals(3, timing.get("recognise_us").size());
        assertTrue(timing.get("learn_ratio").isNumber() && timing.get("recognise_slope_us_per_1000").isNumber(),
                timing.toString());
    }

    @Test
    void badParametersEndWithOneLineAndExitCodeTwo() {
        assertBadInput("-K 1 -n 400 --density 0.05: Sparsey mac parameters: K = 1; expected K >= 2", "sparsey", "study",
                "-K", "1");
        assertBadInput("density = 1.5; expected 0 < density <= 1", "sparsey", "study", "--density", "1.5");
        assertBadInput("density = 0.2 gives 80 active inputs of n = 400; expected a count the activation gate admits, "
                + "12 to 32", "sparsey", "study", "capacity", "--density", "0.2");
        assertBadInput("--other-sizes 8x1x400 at --density 0.05: Sparsey mac parameters: K = 1", "sparsey", "study",
                "--other-sizes", "8x1x400");
        assertBadInput("--other-sizes 8x5: expected QxKxN", "sparsey", "study", "--other-sizes", "8x5");
        assertBadInput("--repeats 0: expected at least 1", "sparsey", "study", "--repeats", "0");
        assertBadInput("items = 2; expected at least 3 stored items", "sparsey", "study", "--stores", "2");
        assertBadInput("--timing-items 50: expected 100 to 1000000", "sparsey", "study", "--timing-items", "50");
        assertBadInput("expected one of [capacity, similarity, timing, all]", "sparsey", "study", "speed");
    }
}
