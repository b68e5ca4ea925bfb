package org.engram.simulator.engine.fixed;

import java.util.List;
import java.util.stream.Collectors;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;

/**
 * A network laid out on fixed-point cores: one {@link Core} per {@link Slice} (populations in
 * order, each cut into slices of at most {@link FixedOptions#neuronsPerCore()} neurons), keys as
 * the options assign them, and the precision warnings found on the way.
 *
 * <p>A deployment calls {@link #check} to print every issue, then {@link #build} and maps each
 * core image onto a SpiNNaker core; {@link FixedEngine} runs the cores in-process.
 */
public final class FixedNetwork {
    private final BuiltNetwork net;
    private final double dtMs;
    private final List<Slice> slices;
    private final List<Core> cores;
    private final List<PrecisionIssue> warnings;
    private final int[] firstKeys;
    private final int[][] plasticCore;
    private final int[][] plasticSynapse;
    /** The first global neuron of each slice, for finding a neuron's core. */
    private final int[] sliceStart;

    private FixedNetwork(FixedBuilder b) {
        FixedBuilder.Cores c = b.cores();
        this.net = b.net;
        this.dtMs = b.dt;
        this.slices = List.copyOf(b.slices);
        this.cores = c.cores();
        this.warnings = b.issues();
        this.firstKeys = b.firstKeys;
        this.plasticCore = c.plasticCore();
        this.plasticSynapse = c.plasticSynapse();
        this.sliceStart = slices.stream().mapToInt(Slice::firstGlobal).toArray();
    }

    /**
     * Every loss of precision of the network in fixed point at step {@code dtMs}, errors and
     * warnings, without building cores.
     *
     * @throws InvalidNetworkException if the network uses what fixed mode does not support
     *         (IF_cond_exp, several STDP rules into one population) or the key assignment is invalid
     */
    public static List<PrecisionIssue> check(Network network, double dtMs, FixedOptions options) {
        return new FixedBuilder(network, dtMs, options).issues();
    }

    /**
     * The cores of the network at step {@code dtMs}.
     *
     * @throws InvalidNetworkException as {@link #check} does, and listing every error if there is one
     */
    public static FixedNetwork build(Network network, double dtMs, FixedOptions options) {
        FixedBuilder b = new FixedBuilder(network, dtMs, options);
        if (b.hasErrors()) {
            throw new InvalidNetworkException("fixed mode: the network cannot run in fixed point at dt " + dtMs
                    + " ms: " + b.issues().stream().filter(PrecisionIssue::isError)
                            .map(i -> i.subject() + ": " + i.message()).collect(Collectors.joining("; ")));
        }
        return new FixedNetwork(b);
    }

    /** The cores, one per slice, in slice order. */
    public List<Core> cores() {
        return cores;
    }

    /** The slices, in order: slice {@code k} runs on core {@code k}. */
    public List<Slice> slices() {
        return slices;
    }

    /** The precision warnings (the network has no errors, or it would not have been built). */
    public List<PrecisionIssue> warnings() {
        return warnings;
    }

    /** The key of neuron 0 of each slice. */
    public int firstKey(int slice) {
        return firstKeys[slice];
    }

    public double dtMs() {
        return dtMs;
    }

    BuiltNetwork built() {
        return net;
    }

    /** The slice (and core) of a global neuron. */
    int sliceOf(int globalNeuron) {
        int k = java.util.Arrays.binarySearch(sliceStart, globalNeuron);
        return k >= 0 ? k : -k - 2;
    }

    /**
     * The weights of projection {@code k} in connection order, as the cores hold them: static
     * weights as their words read back, plastic ones with the potentiation due by step {@code now}.
     */
    double[] weights(int k, int now) {
        Projection pr = net.network.projections().get(k);
        int r = pr.receptor() == Receptor.inhibitory ? 1 : 0;
        if (plasticCore[k] != null) {
            double[] out = new double[plasticCore[k].length];
            for (int c = 0; c < out.length; c++) {
                NeuronCore core = (NeuronCore) cores.get(plasticCore[k][c]);
                out[c] = Math.scalb((double) core.weightAt(plasticSynapse[k][c], now), core.matrix().shift[r] - 15);
            }
            return out;
        }
        BuiltNetwork.Connections c = net.connections(k);
        int[] post = c.post();
        double[] w = c.weights();
        int postStart = net.populationStart[net.network.populations().indexOf(pr.post().population())];
        for (int i = 0; i < w.length; i++) {
            int shift = ((NeuronCore) cores.get(sliceOf(postStart + post[i]))).matrix().shift[r];
            w[i] = Math.scalb(Math.rint(Math.scalb(w[i], 15 - shift)), shift - 15);
        }
        return w;
    }
}
