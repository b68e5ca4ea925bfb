package org.engram.models.sparsey.spiking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.engram.models.sparsey.MacParameters;
import org.engram.models.sparsey.Macrocolumn;
import org.engram.models.sparsey.Sdr;
import org.engram.models.sparsey.SdrException;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.engine.Mode;
import org.engram.simulator.engine.Simulation;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.RunStats;
import org.engram.simulator.synapse.StaticSynapse;

/**
 * A trained mac's recognition as an ordinary network of the simulator, with items presented one
 * after another, and the decoding of its spikes into codes.
 *
 * <p><b>Network.</b>
 * <ul>
 *   <li>{@value #INPUT}: a {@code SpikeSourceArray} of n inputs; item m's window starts at
 *       m · windowMs, when each of its active inputs spikes once.</li>
 *   <li>{@value #CELLS}: Q · K {@code IF_curr_exp} cells (cell k of module q is q · K + k, as in
 *       the mac), recording spikes: cm = 1 nF, tau_m, tau_syn_E = tau_syn_I = tau_syn,
 *       tau_refrac = one timestep, v_rest = v_reset = -65 mV, v_thresh = -50 mV.</li>
 *   <li>{@value #FEEDFORWARD}: one excitatory synapse of weight w per weight of the mac that is
 *       1 (a {@code FromList} of (input, cell)); delay one timestep.</li>
 *   <li>{@value #LATERAL}: in each module, every cell inhibits every cell, itself included, with
 *       weight w_I = (most active inputs of an item) · w; delay one timestep.</li>
 * </ul>
 *
 * <p><b>Why the most active cell fires first.</b> A cell whose u active inputs spike together
 * receives the current u · w · e^(-t/tau_syn), so its membrane follows u times one kernel and
 * crosses threshold sooner the larger u is; cells of equal u cross together. w is chosen so that
 * u = ceil(V_floor · (fewest active inputs of an item)) reaches threshold near the kernel's peak
 * and one input fewer does not ({@link SpikingParameters#inputWeightNa}); for a stored item the
 * recognised cells have u = all active inputs, so every module spikes. The first spike of a module reaches all its cells one
 * step later with a current larger than any excitation they hold, so from then on the net
 * current is negative and no cell of the module fires again in the window (itself included).
 * Fixed mode and SpiNNaker order two cells only if they cross in different steps: the defaults
 * keep u and u - 1 two 1 ms steps apart for items of 20 active inputs ({@link #separationMs});
 * the gap narrows as items grow and as their active counts spread (then w, set by the fewest,
 * makes the most cross early and fast), and widens with the time constants.
 *
 * <p><b>Between windows</b> nothing is reset: every current and potential decays back to rest,
 * which ten membrane time constants (the default window) make exact to e^-10 of a window's
 * excursion.
 *
 * <p><b>Limits.</b> The match is the CSA's V = u / (active inputs); a mac with another
 * {@link MacParameters.Match} (which uses the cell's own weight count) cannot be expressed by equal
 * weights per input, and is refused. Every item must open the mac's gate (a stored item did).
 */
public final class SpikingMac {
    public static final String INPUT = "input";
    public static final String CELLS = "cells";
    public static final String FEEDFORWARD = "input->cells";
    public static final String LATERAL = "cells->cells";

    private final SpikingParameters params;
    private final int Q;
    private final int K;
    private final Network network;
    /** Per window, the input sum u of every cell. */
    private final int[][] inputSums;
    private final int fewestActive;
    private final int mostActive;
    private final double inputWeightNa;
    private final double inhibitionNa;

    private SpikingMac(SpikingParameters params, int Q, int K, Network network, int[][] inputSums, int fewestActive,
            int mostActive, double inputWeightNa, double inhibitionNa) {
        this.params = params;
        this.Q = Q;
        this.K = K;
        this.network = network;
        this.inputSums = inputSums;
        this.fewestActive = fewestActive;
        this.mostActive = mostActive;
        this.inputWeightNa = inputWeightNa;
        this.inhibitionNa = inhibitionNa;
    }

    /**
     * The network of {@code mac}'s current weights with {@code items} presented in order, one
     * window each.
     *
     * @throws SdrException if the mac's match is not the CSA's V = U, if
     *         there are no items, or if an item is of the wrong size or its active count is outside
     *         the mac's gate
     */
    public static SpikingMac of(Macrocolumn mac, List<Sdr> items, SpikingParameters params) {
        MacParameters mp = mac.params();
        if (mp.match() != MacParameters.Match.U) {
            throw new SdrException("spiking mac", "the mac's match is " + mp.match().description() + "; expected "
                    + MacParameters.Match.U.description() + ", which equal synaptic weights express");
        }
        if (items.isEmpty()) {
            throw new SdrException("spiking mac", "no items; expected at least one to present");
        }
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (int m = 0; m < items.size(); m++) {
            Sdr item = items.get(m);
            if (item.size() != mp.n()) {
                throw new SdrException("spiking mac", "item " + m + " has size " + item.size() + "; expected n = " + mp.n());
            }
            if (!mp.gateOpen(item.activeCount())) {
                throw new SdrException("spiking mac", "item " + m + " has " + item.activeCount()
                        + " active inputs, which the mac's gate refuses; expected an item the mac codes");
            }
            fewest = Math.min(fewest, item.activeCount());
            most = Math.max(most, item.activeCount());
        }
        int cells = mp.Q() * mp.K();
        int[][] inputsOf = new int[cells][];
        for (int c = 0; c < cells; c++) {
            inputsOf[c] = mac.inputsOf(c);
        }
        double w = params.inputWeightNa(fewest);
        double wInhibition = most * w;
        double dt = params.timestepMs();
        Network.Builder net = Network.builder().timestepMs(dt).runMs(items.size() * params.windowMs());
        Population input = net.add(new Population(INPUT, mp.n(), new SpikeSourceArray(inputSpikes(items, mp.n(),
                params.windowMs()))));
        Population cellPopulation = net.add(new Population(CELLS, cells, StandardModel.IF_curr_exp.with(
                "cm", SpikingParameters.CM, "tau_m", params.tau_m(), "tau_syn_E", params.tau_syn(),
                "tau_syn_I", params.tau_syn(), "tau_refrac", dt, "v_rest", SpikingParameters.V_REST,
                "v_reset", SpikingParameters.V_REST, "v_thresh", SpikingParameters.V_THRESH)).recordingSpikes());
        List<FromList.Connection> feedforward = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            for (int j : inputsOf[c]) {
                feedforward.add(new FromList.Connection(j, c));
            }
        }
        List<FromList.Connection> lateral = new ArrayList<>();
        for (int q = 0; q < mp.Q(); q++) {
            for (int pre = q * mp.K(); pre < (q + 1) * mp.K(); pre++) {
                for (int post = q * mp.K(); post < (q + 1) * mp.K(); post++) {
                    lateral.add(new FromList.Connection(pre, post));
                }
            }
        }
        net.add(new Projection(FEEDFORWARD, input, cellPopulation, new FromList(feedforward), new StaticSynapse(w, dt),
                Receptor.excitatory, null));
        net.add(new Projection(LATERAL, cellPopulation, cellPopulation, new FromList(lateral),
                new StaticSynapse(wInhibition, dt), Receptor.inhibitory, null));
        return new SpikingMac(params, mp.Q(), mp.K(), net.build(), inputSums(items, inputsOf), fewest, most,
                w, wInhibition);
    }

    /** Per input, the starts of the windows of the items it is active in. */
    private static List<double[]> inputSpikes(List<Sdr> items, int n, double windowMs) {
        int[] count = new int[n];
        for (Sdr item : items) {
            for (int j : item.sparse()) {
                count[j]++;
            }
        }
        double[][] times = new double[n][];
        for (int j = 0; j < n; j++) {
            times[j] = new double[count[j]];
        }
        Arrays.fill(count, 0);
        for (int m = 0; m < items.size(); m++) {
            for (int j : items.get(m).sparse()) {
                times[j][count[j]++] = m * windowMs;
            }
        }
        return Arrays.asList(times);
    }

    private static int[][] inputSums(List<Sdr> items, int[][] inputsOf) {
        int[][] sums = new int[items.size()][inputsOf.length];
        for (int m = 0; m < items.size(); m++) {
            Sdr item = items.get(m);
            for (int c = 0; c < inputsOf.length; c++) {
                int u = 0;
                for (int j : inputsOf[c]) {
                    u += item.isActive(j) ? 1 : 0;
                }
                sums[m][c] = u;
            }
        }
        return sums;
    }

    /** The network description: run it for its {@code runMs} to present every item. */
    public Network network() {
        return network;
    }

    public SpikingParameters params() {
        return params;
    }

    /** The weight of each input synapse, in nA. */
    public double inputWeightNa() {
        return inputWeightNa;
    }

    /** The weight of each lateral inhibitory synapse, in nA. */
    public double inhibitionNa() {
        return inhibitionNa;
    }

    /**
     * When, from its window's start, a cell at rest whose u inputs spike at that start first
     * fires: one timestep of delay, then the time its response takes to reach threshold; infinite
     * when u inputs cannot reach it. Exact for the first window in event mode; a later window
     * starts from what is left of the earlier ones (e^(-windowMs/tau_m) of their excursion).
     */
    public double firstSpikeMs(int u) {
        return params.timestepMs() + params.thresholdTimeMs(u * inputWeightNa);
    }

    /**
     * The closest the first spikes of u and u - 1 inputs come, over the items' active counts u:
     * the margin by which a cell holding all of an item's inputs fires before one holding all but
     * one. Fixed mode and a board order them when it spans at least a timestep, and the winner's
     * inhibition silences the other when it exceeds the inhibition's delay (one timestep).
     */
    public double separationMs() {
        double closest = Double.POSITIVE_INFINITY;
        for (int u = fewestActive; u <= mostActive; u++) {
            closest = Math.min(closest, firstSpikeMs(u - 1) - firstSpikeMs(u));
        }
        return closest;
    }

    /** The fewest active inputs of an item. */
    public int fewestActive() {
        return fewestActive;
    }

    /** The most active inputs of an item. */
    public int mostActive() {
        return mostActive;
    }

    /** The number of item windows. */
    public int windows() {
        return inputSums.length;
    }

    /** One run of the network in a mode (fixed mode at the network's timestep) and what it gave. */
    public record Run(List<WindowResponse> windows, List<String> warnings, RunStats stats) {
        public Run {
            windows = List.copyOf(windows);
            warnings = List.copyOf(warnings);
        }
    }

    /** Runs the network in {@code mode} (fixed and grid mode at the network's timestep) and decodes the cells' spikes. */
    public Run run(Mode mode) {
        return run(mode, Double.NaN, done -> { });
    }

    /**
     * Runs the network in {@code mode} for its {@code runMs}, one window at a time, telling
     * {@code windowsDone} how many are done after each, and decodes the cells' spikes.
     *
     * @param dtMs the step of fixed and grid mode, or NaN for the network's timestep
     */
    public Run run(Mode mode, double dtMs, IntConsumer windowsDone) {
        Simulation s = Simulator.create(network, mode, dtMs);
        for (int m = 1; m <= windows(); m++) {
            s.run(m * params.windowMs() - s.timeMs());
            windowsDone.accept(m);
        }
        return new Run(decode(s.recording().spikes(CELLS)), s.warnings(), s.stats());
    }

    /**
     * Each window's response from the cells' spikes (of a run of this network, from any engine or
     * a board); spikes after the last window are left out.
     *
     * @throws SdrException if the spikes are not of a population of Q · K cells
     */
    public List<WindowResponse> decode(PopulationSpikes spikes) {
        if (spikes.size() != Q * K) {
            throw new SdrException("spiking mac", "spikes of " + spikes.population() + " (" + spikes.size()
                    + " neurons); expected the " + Q * K + " cells of Q = " + Q + " modules of K = " + K);
        }
        int windows = windows();
        double window = params.windowMs();
        int[] neurons = spikes.neurons();
        double[] times = spikes.timesMs();
        // Spikes come sorted by time, then neuron: a module's first spikes come first, cells ascending.
        // One pass finds each module's first time and counts; a second collects the first cells.
        double[][] first = new double[windows][Q];
        int[][] firstCount = new int[windows][Q];
        int[][] spikeCount = new int[windows][Q];
        for (int k = 0; k < neurons.length; k++) {
            int m = windowOf(times[k]);
            if (m >= 0) {
                int q = neurons[k] / K;
                if (spikeCount[m][q]++ == 0) {
                    first[m][q] = times[k];
                }
                firstCount[m][q] += times[k] == first[m][q] ? 1 : 0;
            }
        }
        int[][][] firstCells = new int[windows][Q][];
        for (int m = 0; m < windows; m++) {
            for (int q = 0; q < Q; q++) {
                firstCells[m][q] = new int[firstCount[m][q]];
                firstCount[m][q] = 0;
            }
        }
        for (int k = 0; k < neurons.length; k++) {
            int m = windowOf(times[k]);
            int q = neurons[k] / K;
            if (m >= 0 && times[k] == first[m][q]) {
                firstCells[m][q][firstCount[m][q]++] = neurons[k];
            }
        }
        List<WindowResponse> responses = new ArrayList<>(windows);
        for (int m = 0; m < windows; m++) {
            double[] firstMs = new double[Q];
            for (int q = 0; q < Q; q++) {
                firstMs[q] = spikeCount[m][q] == 0 ? Double.NaN : first[m][q] - m * window;
            }
            responses.add(new WindowResponse(K, firstCells[m], firstMs, spikeCount[m]));
        }
        return responses;
    }

    /** The window a spike at {@code timeMs} falls in, or -1 outside them all. */
    private int windowOf(double timeMs) {
        double m = Math.floor(timeMs / params.windowMs());
        return m >= 0 && m < windows() ? (int) m : -1;
    }

    /**
     * The agreement of the windows' responses with recognition (see {@link Agreement}), given the
     * code {@code recognised} for each item in window order, as {@link Macrocolumn#recognise} gave
     * it from the weights this network was built from.
     */
    public Agreement agreement(List<WindowResponse> responses, List<Sdr> recognised) {
        if (responses.size() != windows() || recognised.size() != windows()) {
            throw new IllegalArgumentException(responses.size() + " responses and " + recognised.size()
                    + " recognised codes for " + windows() + " windows");
        }
        int modulesAgreeing = 0;
        int codesAgreeing = 0;
        int asRecognised = 0;
        int codesAsRecognised = 0;
        int tied = 0;
        int close = 0;
        int silent = 0;
        long extra = 0;
        for (int m = 0; m < windows(); m++) {
            WindowResponse r = responses.get(m);
            int[] code = recognised.get(m).sparse();
            if (recognised.get(m).size() != Q * K || code.length != Q) {
                throw new IllegalArgumentException("recognised code " + m + " has " + code.length + " of "
                        + recognised.get(m).size() + " bits active; expected one per module of " + Q + " modules of " + K);
            }
            int[] spikes = r.spikes();
            int agreeing = 0;
            int matching = 0;
            int[] u = inputSums[m];
            for (int q = 0; q < Q; q++) {
                int best = -1;
                int ofBest = 0;
                int second = -1;
                for (int c = q * K; c < (q + 1) * K; c++) {
                    if (u[c] > best) {
                        second = best;
                        best = u[c];
                        ofBest = 0;
                    } else if (u[c] < best) {
                        second = Math.max(second, u[c]);
                    }
                    ofBest += u[c] == best ? 1 : 0;
                }
                tied += ofBest > 1 ? 1 : 0;
                close += ofBest == 1 && second == best - 1 ? 1 : 0;
                int[] firstCells = r.firstCells(q);
                silent += firstCells.length == 0 ? 1 : 0;
                extra += spikes[q] - firstCells.length;
                boolean allBest = firstCells.length > 0;
                for (int c : firstCells) {
                    allBest &= u[c] == best;
                }
                agreeing += allBest ? 1 : 0;
                if (firstCells.length > 0 && firstCells[0] == code[q]) {
                    matching++;
                }
            }
            modulesAgreeing += agreeing;
            codesAgreeing += agreeing == Q ? 1 : 0;
            asRecognised += matching;
            codesAsRecognised += matching == Q ? 1 : 0;
        }
        return new Agreement(windows(), windows() * Q, modulesAgreeing, codesAgreeing, asRecognised, codesAsRecognised,
                tied, close, silent, extra);
    }
}
