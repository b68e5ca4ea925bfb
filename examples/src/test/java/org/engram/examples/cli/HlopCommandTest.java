package org.engram.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code engram hlop pmnist} on a tiny configuration: its JSON, its metrics, its bad inputs. */
class HlopCommandTest {
    private static final String[] TINY = {"hlop", "pmnist", "--tasks", "2", "--hidden", "32,32", "--train", "500",
        "--test", "200", "--timesteps", "4", "--epochs", "10", "--seed", "11", "--json"};

    @Test
    void printsOneObjectPerMethodWithAccAndBwtTakenFromItsMatrix() throws Exception {
        CliRun run = CliRun.engram(TINY);
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(3, lines.length, run.out());
        ObjectMapper json = new ObjectMapper();
        double baselineBwt = Double.NaN;
        double hlopBwt = Double.NaN;
        for (String line : lines) {
            JsonNode o = json.readTree(line);
            String method = o.get("method").asText();
            JsonNode m = o.get("matrix");
            int rows = method.equals("multitask") ? 1 : 2;
            assertEquals(rows, m.size(), line);
            double acc = 0;
            for (int i = 0; i < 2; i++) {
                assertEquals(2, m.get(rows - 1).size(), line);
                acc += m.get(rows - 1).get(i).asDouble() / 2;
            }
            assertEquals(acc, o.get("acc").asDouble(), 1e-9, line);
            assertTrue(acc > 30, "above the 10% of chance: " + line);
            if (rows == 1) {
                assertTrue(o.get("bwt").isNull(), line);
            } else {
                double bwt = m.get(1).get(0).asDouble() - m.get(0).get(0).asDouble();
                assertEquals(bwt, o.get("bwt").asDouble(), 1e-9, line);
                if (method.equals("hlop")) {
                    hlopBwt = bwt;
                } else {
                    baselineBwt = bwt;
                }
            }
        }
        assertTrue(hlopBwt >= baselineBwt, "HLOP BWT " + hlopBwt + " vs baseline " + baselineBwt);
    }

    @Test
    void badInputsAreOneLineAndExitTwo() {
        assertBad("engram: PermutedTasks: hidden size 0; expected at least 1", "--hidden", "32,0");
        assertBad("engram: PermutedTasks: tasks 0; expected at least 1", "--tasks", "0");
        assertBad("engram: PermutedTasks: timesteps 0; expected at least 1", "--timesteps", "0");
        assertBad("engram: hlop pmnist: --train + --test 9000 + 2000; expected each at least 1 and together at most"
                + " the 10000 bundled digits", "--train", "9000", "--test", "2000");
        assertBad("engram: hlop pmnist: --method sgd; expected hlop, baseline, multitask or all", "--method", "sgd");
    }

    private static void assertBad(String message, String... options) {
        String[] args = new String[2 + options.length];
        args[0] = "hlop";
        args[1] = "pmnist";
        System.arraycopy(options, 0, args, 2, options.length);
        CliRun run = CliRun.engram(args);
        assertEquals(2, run.code(), run.err());
        assertEquals(message, run.err().strip());
        assertEquals("", run.out());
    }
}
