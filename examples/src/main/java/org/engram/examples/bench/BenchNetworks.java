package org.engram.examples.bench;

import java.util.List;
import java.util.Locale;
import org.engram.simulator.connector.AllToAll;
import org.engram.simulator.connector.FixedNumberPre;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.error.InvalidNetworkException;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Value;
import org.engram.simulator.synapse.STDPMechanism;
import org.engram.simulator.synapse.SpikePairRule;
import org.engram.simulator.synapse.StaticSynapse;
import org.engram.simulator.synapse.SynapseType;
import org.engram.simulator.synapse.WeightDependence;

/**
 * The standard benchmark networks of Brette et al. 2007 (J Comput Neurosci 23:349), as PyNN
 * describes them (PyNN {@code examples/VAbenchmarks.py}, Brian2 {@code examples/CUBA.py} and
 * {@code COBA.py}, NEST {@code brette_et_al_2007/cuba_ps.py}). The same networks, written for
 * Brian2, are in {@code bench/brian2/}.
 *
 * <p>Common to all: {@code N} neurons, 80 % excitatory ({@code exc}) and 20 % inhibitory
 * ({@code inh}); every neuron receives exactly {@code 0.02 * 3200 = 64} excitatory and
 * {@code 0.02 * 800 = 16} inhibitory inputs (PyNN's FixedNumberPre, NEST's fixed in-degree) whatever
 * N is, so the input statistics, and hence the rates, do not change with N; no self-connections;
 * tau_m 20 ms, cm 0.2 nF, v_thresh -50 mV, v_reset -60 mV, tau_refrac 5 ms; initial v uniform in
 * [-60, -50] mV; one synaptic delay of {@value #DELAY_MS} ms (PyNN's VAbenchmarks value; Brian2's
 * example has none, and an exact event-driven engine needs a positive one).
 *
 * <table>
 *   <caption>The four benchmarks</caption>
 *   <tr><th>name</th><th>cell</th><th>specifics</th></tr>
 *   <tr><td>{@code cuba}</td><td>IF_curr_exp</td><td>Benchmark 2: v_rest -49 mV, tau_syn_E 5 ms,
 *       tau_syn_I 10 ms, jumps of 0.0162 nA (Brian2's {@code ge += 1.62 mV}) and 0.09 nA
 *       inhibitory ({@code gi -= 9 mV}); self-sustained near 5 Hz.</td></tr>
 *   <tr><td>{@code b4}</td><td>IF_curr_delta</td><td>Benchmark 4: v_rest -49 mV, voltage jumps of
 *       +0.25 mV and -2.25 mV; a Poisson kick of 300 Hz from 1 to 51 ms into the first 50
 *       excitatory neurons (NEST's cuba_ps), then self-sustained activity.</td></tr>
 *   <tr><td>{@code coba}</td><td>IF_cond_exp</td><td>Benchmark 1 in Auryn's variant
 *       ({@code sim_coba_benchmark}): v_rest -60 mV, e_rev_E 0 mV, e_rev_I -80 mV, conductance
 *       jumps of 4 nS and 51 nS, kept active by a 200 pA bias (i_offset 0.2 nA); initial state as
 *       Brian's COBA.py: v ~ N(-65, 5) mV, g_E ~ N(40, 15) nS, g_I ~ N(200, 120) nS (clipped at 0).
 *       (Brette's original, 6 / 67 nS without bias, dies out within 100 ms with this fixed
 *       in-degree and delay, in Brian2 2.5 as here.)</td></tr>
 *   <tr><td>{@code stdp}</td><td>IF_curr_exp</td><td>{@code cuba} with the excitatory-to-excitatory
 *       synapses plastic: PyNN's SpikePairRule (tau_plus = tau_minus = 20 ms, A_plus 1e-4 nA,
 *       A_minus 1.05e-4 nA) with the additive weight dependence in [0, 0.0324] nA (twice the
 *       initial weight).</td></tr>
 * </table>
 */
public final class BenchNetworks {
    /** The names, in the order they are listed. */
    public static final List<String> NAMES = List.of("cuba", "b4", "coba", "stdp");
    /** Brette's network size. */
    public static final int DEFAULT_NEURONS = 4000;
    /** The smallest size: each neuron draws its inputs from populations at least this large. */
    public static final int MIN_NEURONS = 100;
    public static final double DELAY_MS = 0.2;
    /** Inputs per neuron from each population: 2 % of Brette's 3200 and 800. */
    public static final int EXC_INPUTS = 64;
    public static final int INH_INPUTS = 16;

    private BenchNetworks() {}

    /** The biological time a benchmark runs by default: 5 s for b4 (as MVASpike), 1 s otherwise. */
    public static double defaultTimeMs(String name) {
        return check(name).equals("b4") ? 5000 : 1000;
    }

    /** Builds benchmark {@code name} with {@code neurons} neurons (at least 100) and the given seed. */
    public static Network build(String name, int neurons, long seed) {
        check(name);
        if (neurons < MIN_NEURONS) {
            throw new InvalidNetworkException("--neurons " + neurons + ": the benchmarks need at least 100 neurons "
                    + "(each receives " + EXC_INPUTS + " excitatory and " + INH_INPUTS + " inhibitory inputs)");
        }
        int nExc = neurons * 4 / 5;
        int nInh = neurons - nExc;
        return switch (name) {
            case "cuba" -> currentBased(nExc, nInh, seed, false);
            case "stdp" -> currentBased(nExc, nInh, seed, true);
            case "b4" -> benchmark4(nExc, nInh, seed);
            case "coba" -> conductanceBased(nExc, nInh, seed);
            default -> throw new AssertionError(name);
        };
    }

    private static String check(String name) {
        if (!NAMES.contains(name)) {
            throw new InvalidNetworkException("unknown benchmark '" + name + "'; expected one of "
                    + String.join(", ", NAMES));
        }
        return name;
    }

    private static StandardCell lif(StandardModel model, double vRest, Object... more) {
        Object[] common = {"cm", 0.2, "tau_m", 20.0, "tau_refrac", 5.0, "v_rest", vRest, "v_reset", -60.0,
            "v_thresh", -50.0, "i_offset", 0.0};
        Object[] all = new Object[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return model.with(all);
    }

    private static Population population(String label, int size, StandardCell cell) {
        return new Population(label, size, cell)
                .initialize("v", InitialValue.of(new Value.Uniform(-60.0, -50.0)))
                .recordingSpikes();
    }

    /** Four projections exc/inh to exc/inh with fixed in-degrees; {@code excExc} may be plastic. */
    private static void connect(Network.Builder b, Population exc, Population inh, SynapseType excExc,
            SynapseType exc2, SynapseType inh2) {
        b.add(new Projection("exc_exc", exc, exc, new FixedNumberPre(EXC_INPUTS, false), excExc,
                Receptor.excitatory, null));
        b.add(new Projection("exc_inh", exc, inh, new FixedNumberPre(EXC_INPUTS, true), exc2,
                Receptor.excitatory, null));
        b.add(new Projection("inh_exc", inh, exc, new FixedNumberPre(INH_INPUTS, true), inh2,
                Receptor.inhibitory, null));
        b.add(new Projection("inh_inh", inh, inh, new FixedNumberPre(INH_INPUTS, false), inh2,
                Receptor.inhibitory, null));
    }

    private static Network currentBased(int nExc, int nInh, long seed, boolean plastic) {
        Network.Builder b = Network.builder().seed(seed).runMs(1000);
        StandardCell cell = lif(StandardModel.IF_curr_exp, -49.0, "tau_syn_E", 5.0, "tau_syn_I", 10.0);
        Population exc = b.add(population("exc", nExc, cell));
        Population inh = b.add(population("inh", nInh, cell));
        StaticSynapse we = new StaticSynapse(0.0162, DELAY_MS);
        StaticSynapse wi = new StaticSynapse(0.09, DELAY_MS);
        SynapseType excExc = plastic
                ? new STDPMechanism(new SpikePairRule(20.0, 20.0, 1e-4, 1.05e-4),
                        new WeightDependence.AdditiveWeightDependence(0.0, 0.0324), 0.0162, DELAY_MS)
                : we;
        connect(b, exc, inh, excExc, we, wi);
        return b.build();
    }

    private static Network benchmark4(int nExc, int nInh, long seed) {
        Network.Builder b = Network.builder().seed(seed).runMs(5000);
        StandardCell cell = lif(StandardModel.IF_curr_delta, -49.0);
        Population exc = b.add(population("exc", nExc, cell));
        Population inh = b.add(population("inh", nInh, cell));
        StaticSynapse we = new StaticSynapse(0.25, DELAY_MS);
        StaticSynapse wi = new StaticSynapse(2.25, DELAY_MS);
        connect(b, exc, inh, we, we, wi);
        Population kick = b.add(new Population("kick", 1,
                StandardModel.SpikeSourcePoisson.with("rate", 300.0, "start", 1.0, "duration", 50.0)));
        b.add(new Projection("kick_exc", kick, exc.slice(0, Math.min(50, nExc)), new AllToAll(true), we,
                Receptor.excitatory, null));
        return b.build();
    }

    private static Network conductanceBased(int nExc, int nInh, long seed) {
        Network.Builder b = Network.builder().seed(seed).runMs(1000);
        StandardCell cell = lif(StandardModel.IF_cond_exp, -60.0, "tau_syn_E", 5.0, "tau_syn_I", 10.0,
                "e_rev_E", 0.0, "e_rev_I", -80.0, "i_offset", 0.2);
        Population[] pops = new Population[2];
        String[] labels = {"exc", "inh"};
        int[] sizes = {nExc, nInh};
        for (int k = 0; k < 2; k++) {
            pops[k] = b.add(new Population(labels[k], sizes[k], cell)
                    .initialize("v", InitialValue.of(new Value.Normal(-65.0, 5.0)))
                    .initialize("gsyn_exc", InitialValue.of(new Value.NormalClipped(0.04, 0.015, 0.0,
                            Double.POSITIVE_INFINITY)))
                    .initialize("gsyn_inh", InitialValue.of(new Value.NormalClipped(0.2, 0.12, 0.0,
                            Double.POSITIVE_INFINITY)))
                    .recordingSpikes());
        }
        connect(b, pops[0], pops[1], new StaticSynapse(0.004, DELAY_MS), new StaticSynapse(0.004, DELAY_MS),
                new StaticSynapse(0.051, DELAY_MS));
        return b.build();
    }

    /** A one-line description for the bench output. */
    public static String describe(String name, int neurons) {
        long synapses = (long) neurons * (EXC_INPUTS + INH_INPUTS);
        return String.format(Locale.ROOT, "%s: %d neurons (%d exc, %d inh), %d synapses", name, neurons,
                neurons * 4 / 5, neurons - neurons * 4 / 5, synapses);
    }
}
