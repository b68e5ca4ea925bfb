package org.engram.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.engram.models.ca3.Ca3Network;
import org.engram.models.ca3.TestBench;
import org.engram.simulator.json.NetworkJson;
import org.engram.simulator.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engram ca3 save --testbench FILE --out NET.json}: writes the memory with the bench's
 * input spikes as an ordinary JSON network, for {@code engram run} or a SpiNNaker deployment.
 */
@Command(name = Ca3SaveCommand.NAME, mixinStandardHelpOptions = true,
        description = "Write the memory with a test bench's input spikes as a JSON network, for engram run or a "
                + "SpiNNaker deployment.")
final class Ca3SaveCommand implements Callable<Integer> {
    static final String NAME = "save";

    @Mixin
    TestBenchOption testbench;

    @Option(names = "--out", required = true, paramLabel = "NET.json", description = "the network file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        TestBench bench = testbench.read();
        Network net = Ca3Network.of(bench);
        Ca3Command.writeAtomically(out, NetworkJson.write(net));
        System.out.println("wrote " + out + " (" + Counts.of(net.neuronCount(), "neuron") + ", "
                + Counts.of(net.projections().size(), "projection") + ", run_ms " + bench.simTimeMs()
                + "); run it with: engram run " + out + " --mode grid --dt " + Ca3Network.TIMESTEP_MS + " --out DIR");
        return 0;
    }
}
