package org.engram.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.record.Recording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Small versions of the benchmark networks show the published activity: CUBA and its STDP variant
 * settle near 5 Hz, Benchmark 4 near 10 Hz (Brian2 2.5 gives 5.0 and 9.6 Hz on the 4000-neuron
 * networks, see bench/), COBA (Auryn's variant) near 13 Hz. Bands are wide: 1000 neurons for 300 ms
 * (b4: 500 ms) is a small sample, and the test is about the network, not about timing.
 */
class BenchNetworksTest {

    private static double rate(String name, Mode mode, int neurons, double ms) {
        Network net = BenchNetworks.build(name, neurons, 2007);
        Recording r = Simulator.run(net, mode, 0.1, ms);
        long spikes = r.spikes().stream().filter(p -> !p.population().equals("kick")).mapToLong(p -> p.count()).sum();
        return spikes / (double) neurons / (ms / 1000.0);
    }

    @ParameterizedTest
    @CsvSource({"cuba, event, 2, 10", "cuba, grid, 2, 10", "stdp, event, 2, 10", "b4, event, 5, 20",
        "b4, grid, 5, 20", "coba, grid, 5, 30"})
    void activityIsInThePublishedBand(String name, Mode mode, double lowHz, double highHz) {
        double hz = rate(name, mode, 1000, name.equals("b4") ? 500 : 300);
        assertTrue(hz >= lowHz && hz <= highHz, name + " " + mode + ": " + hz + " Hz, expected " + lowHz + " to " + highHz);
    }

    @Test
    void everyNeuronReceivesSixtyFourExcitatoryAndSixteenInhibitoryInputsWithoutSelfConnections() {
        Network net = BenchNetworks.build("cuba", 500, 1);
        var sim = Simulator.create(net, Mode.event, Double.NaN);
        int[] inputs = new int[500]; // by global index: exc 0..399, inh 400..499
        for (String label : new String[] {"exc_exc", "exc_inh", "inh_exc", "inh_inh"}) {
            int[][] c = sim.connections(label);
            int postOffset = label.endsWith("inh") ? 400 : 0;
            for (int k = 0; k < c[0].length; k++) {
                inputs[postOffset + c[1][k]]++;
                if (label.equals("exc_exc") || label.equals("inh_inh")) {
                    assertTrue(c[0][k] != c[1][k], label + ": self-connection of " + c[0][k]);
                }
            }
        }
        for (int g = 0; g < 500; g++) {
            assertEquals(80, inputs[g], "inputs of neuron " + g);
        }
        int[][] ee = sim.connections("exc_exc");
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        for (int k = 0; k < ee[0].length; k++) {
            assertTrue(pairs.add(((long) ee[0][k] << 32) | ee[1][k]), "drawn without replacement");
        }
    }

    @Test
    void unknownBenchmarkListsTheNames() {
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> BenchNetworks.build("cubaa", 4000, 1));
        assertTrue(e.getMessage().contains("cuba, b4, coba, stdp"), e.getMessage());
    }
}
