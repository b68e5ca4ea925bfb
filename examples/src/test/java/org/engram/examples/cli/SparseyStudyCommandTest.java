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
        assertEquals(List.of(25, 9, 1600), List.of(json.get("Q").asInt(), json.get("K").asInt(), json.get("n").asInt()));
        assertEquals("ABOVE_CHANCE", json.get("match").asText());
        assertEquals(List.of(1.0, 100.0, 6.0, 0.8, 30.0), List.of(json.get("gamma").asDouble(), json.get("chi").asDouble(),
                json.get("lambda").asDouble(), json.get("phi").asDouble(), json.get("kappa").asDouble()));
        JsonNode capacity = json.get("capacity");
        assertEquals(2, capacity.size());
        assertEquals(8, capacity.get(1).get("Q").asInt());
        assertEquals(20, capacity.get(1).get("active").asInt());
        // Seeds 1 and 2 of the default mac: the figures of MacStudy.capacity, whose own tests check the search.
        assertEquals(List.of(328, 279), List.of(capacity.get(0).get("capacities").get(0).asInt(),
                capacity.get(0).get("capacities").get(1).asInt()));
        assertEquals(303.5, capacity.get(0).get("capacity_median").asDouble());
        assertTrue(run.out().contains("328 (321/329), 279 (276/280)"), run.out());
        assertEquals(run.out(), CliRun.engram(args).out(), "the same seed gives the same figures");

        JsonNode figures = lastLineJson(CliRun.engram("sparsey", "study", "similarity", "--stores", "20,50", "--variants",
                "30", "--json"));
        JsonNode similarity = figures.get("similarity");
        assertEquals(2, similarity.size());
        assertEquals(190, similarity.get(0).get("pairs").asInt(), "all pairs of 20 items");
        assertEquals(1000, similarity.get(1).get("pairs").asInt());
        assertEquals(25 / 9.0, similarity.get(0).get("chance_overlap").asDouble(), 1e-5);
        int pairs = 0;
        for (JsonNode level : similarity.get(1).get("levels")) {
            pairs += level.get(1).asInt();
        }
        assertEquals(1000, pairs, "every pair is in one input-overlap level");
        // The bars at the command's defaults (MacStudyTest checks them on ten seeds).
        assertTrue(similarity.get(1).get("spearman").asDouble() >= 0.8, similarity.get(1).toString());
        assertTrue(similarity.get(1).get("novel_over_chance").asDouble() <= 2, similarity.get(1).toString());
        JsonNode variants = figures.get("variants");
        assertEquals(2, variants.size());
        assertEquals(50, variants.get(1).get("stored").asInt());
        assertEquals(30, variants.get(1).get("per_level").asInt());
        assertEquals(11, variants.get(1).get("kept").size());
        assertEquals(0.5, variants.get(1).get("kept").get(5).asDouble());
        assertEquals(11, variants.get(1).get("mean_code_overlap_over_Q").size());
    }

    @Test
    void theCsaOptionsReachTheMac() throws Exception {
        // The CSA's defaults on the mac of Q 25, K 9, n 400: the capacities the study measured with them.
        JsonNode json = lastLineJson(CliRun.engram("sparsey", "study", "capacity", "-n", "400", "--other-sizes", "8x5x400",
                "--repeats", "2", "--match", "U", "--gamma", "2", "--lambda", "28", "--phi", "0.5", "--kappa", "0",
                "--json"));
        assertEquals("U", json.get("match").asText());
        assertEquals("[57,42]", json.get("capacity").get(0).get("capacities").toString());
        // The other sizes take the same CSA: 8 x 5 x 400 (126 and 134 with the study's CSA).
        assertEquals("[52,53]", json.get("capacity").get(1).get("capacities").toString());
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
        assertBadInput("-K 1 -n 1600 --density 0.05: Sparsey mac parameters: K = 1; expected K >= 2", "sparsey", "study",
                "-K", "1");
        assertBadInput("Sparsey mac parameters: kappa = -1.0; expected a finite kappa >= 0", "sparsey", "study", "--kappa",
                "-1");
        assertBadInput("Sparsey mac parameters: phi = 1.5; expected 0 <= phi <= 1", "sparsey", "study", "--phi", "1.5");
        assertBadInput("Sparsey mac parameters: lambda = 0.0; expected a finite lambda > 0", "sparsey", "study",
                "--lambda", "0");
        assertBadInput("Sparsey mac parameters: gamma = -2.0; expected a finite gamma > 0", "sparsey", "study", "--gamma",
                "-2");
        assertBadInput("Sparsey mac parameters: chi = -1.0; expected a finite chi >= 0", "sparsey", "study", "--chi", "-1");
        assertBadInput("--match': expected one of [U, SPECIFIC, ABOVE_CHANCE]", "sparsey", "study", "--match", "best");
        assertBadInput("--variants 0: expected at least 1", "sparsey", "study", "--variants", "0");
        assertBadInput("density = 1.5; expected 0 < density <= 1", "sparsey", "study", "--density", "1.5");
        assertBadInput("density = 0.2 gives 320 active inputs of n = 1600; expected a count the activation gate admits, "
                + "48 to 128", "sparsey", "study", "capacity", "--density", "0.2");
        assertBadInput("--other-sizes 8x1x400 at --density 0.05: Sparsey mac parameters: K = 1", "sparsey", "study",
                "--other-sizes", "8x1x400");
        assertBadInput("--other-sizes 8x5: expected QxKxN", "sparsey", "study", "--other-sizes", "8x5");
        assertBadInput("--repeats 0: expected at least 1", "sparsey", "study", "--repeats", "0");
        assertBadInput("items = 2; expected at least 3 stored items", "sparsey", "study", "--stores", "2");
        assertBadInput("--timing-items 50: expected 100 to 1000000", "sparsey", "study", "--timing-items", "50");
        assertBadInput("expected one of [capacity, similarity, timing, all]", "sparsey", "study", "speed");
    }
}
