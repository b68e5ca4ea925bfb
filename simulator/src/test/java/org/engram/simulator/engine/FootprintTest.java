package org.engram.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulator#footprint}: counts from the description, and a heap estimate that errs on the
 * side of refusing, by little.
 */
class FootprintTest {
    private static Network net(int size, String projection) {
        return NetworkJson.parse("{\"populations\": [{\"label\": \"a\", \"size\": " + size
                + ", \"model\": \"IF_curr_exp\"}], \"projections\": [" + projection + "]}", "net.json");
    }

    private static String staticProjection(String connector, String delay) {
        return "{\"pre\": \"a\", \"post\": \"a\", \"connector\": " + connector
                + ", \"synapse\": {\"type\": \"StaticSynapse\", \"weight\": 0.01, \"delay\": " + delay + "}}";
    }

    private static final String PLASTIC = "{\"pre\": \"a\", \"post\": \"a\", \"connector\": {\"type\": \"FixedNumberPre\", "
            + "\"n\": 100}, \"synapse\": {\"type\": \"STDPMechanism\", \"timing_dependence\": {\"type\": \"SpikePairRule\"}, "
            + "\"weight_dependence\": {\"type\": \"AdditiveWeightDependence\"}, \"weight\": 0.01, \"delay\": 1}}";

    @Test
    void countsTheConnectorsConnectionsAndTheGridsInputSteps() {
        Network n = net(1000, staticProjection("{\"type\": \"FixedNumberPre\", \"n\": 80}", "{\"distribution\": "
                + "\"uniform\", \"low\": 0.5, \"high\": 2.25}"));
        Simulator.Footprint event = Simulator.footprint(n, Mode.event, Double.NaN, 1000);
        assertEquals(1000, event.neurons());
        assertEquals(80_000, event.synapses());
        assertEquals(0, event.gridSlots());
        assertEquals(0, event.steps(), 0.0);
        Simulator.Footprint grid = Simulator.footprint(n, Mode.grid, 0.25, 1000);
        assertEquals(10, grid.gridSlots(), "the longest delay, 2.25 ms, is 9 steps of 0.25 ms, and the step itself");
        assertEquals(4000, grid.steps(), 0.0);
        // p = 0.1 of a million pairs: the mean, 100,000, and three standard deviations (900 each)
        Network p = net(1000, staticProjection("{\"type\": \"FixedProbability\", \"p_connect\": 0.1}", "1"));
        assertEquals(100_900, Simulator.footprint(p, Mode.event, Double.NaN, 1).synapses());
    }

    /**
     * The smallest {@code -Xmx} that built each network and ran it for 1 ms, found by bisection to
     * within 4 % (OpenJDK 17, the default collector): the estimate lies at or above it, by at most a
     * third.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "2000000 unconnected, event, 707",
        "2000000 unconnected, grid, 545",
        "100000 with 80 static inputs, event, 381",
        "100000 with 80 static inputs at 20 ms, grid, 597",
        "20000 with 100 static inputs at random delays, event, 167",
        "20000 with 100 plastic inputs, event, 156",
    })
    void theHeapEstimateIsAtOrAboveWhatWasMeasured(String network, String mode, int measuredMb) {
        Network n = switch (network) {
            case "2000000 unconnected" -> net(2_000_000, "");
            case "100000 with 80 static inputs" -> net(100_000, staticProjection("{\"type\": \"FixedNumberPre\", "
                    + "\"n\": 80}", "0.2"));
            case "100000 with 80 static inputs at 20 ms" -> net(100_000, staticProjection("{\"type\": "
                    + "\"FixedNumberPre\", \"n\": 80}", "20"));
            case "20000 with 100 static inputs at random delays" -> net(20_000, staticProjection("{\"type\": "
                    + "\"FixedNumberPre\", \"n\": 100}", "{\"distribution\": \"uniform\", \"low\": 0.1, \"high\": 5}"));
            default -> net(20_000, PLASTIC);
        };
        double mb = Simulator.footprint(n, Mode.byName(mode), Double.NaN, 1).heapBytes() / (double) (1 << 20);
        assertTrue(mb >= measuredMb && mb <= measuredMb * 4 / 3.0, network + ": estimated " + mb + " MB, measured "
                + measuredMb);
    }

    @Test
    void aStepTooFineForTheGridIsRefusedNotAnArrayError() {
        Network n = net(8, staticProjection("{\"type\": \"OneToOne\"}", "1"));
        Simulator.Footprint f = Simulator.footprint(n, Mode.grid, 1e-9, 200);
        assertEquals(1_000_000_001L, f.gridSlots());
        assertFalse(f.gridFits());
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> Simulator.grid(n, 1e-9));
        assertTrue(e.getMessage().startsWith("dt 1.0E-9 ms: the longest delay is 1000000000 steps"), e.getMessage());
        Simulation s = Simulator.grid(net(8, ""), 1e-300);
        e = assertThrows(InvalidNetworkException.class, () -> s.run(1e10));
        assertTrue(e.getMessage().contains("more than grid mode counts"), e.getMessage());
        assertTrue(Simulator.footprint(net(8, ""), Mode.grid, 0.1, 1e10).gridFits());
    }
}
