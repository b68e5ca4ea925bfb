package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.engram.simulator.build.BuiltNetwork;

/**
 * How much SDRAM and DTCM a core needs for one slice: the only place that knows the sizes of
 * the per-core data, so that the data image, designed later, can change them here.
 *
 * <p>The figures follow sPyNNaker's layouts where they are known (a static synapse is one word,
 * a row starts with a 3-word header, the ring buffers are 16-bit, a pair rule keeps 10 post
 * spikes per neuron) and are round estimates elsewhere (the fixed parts). A slice of {@code n}
 * neurons whose incoming projections come from source slices through {@code E} incoming edges
 * (one per projection and source slice), with {@code R} rows and {@code S} synapses, needs
 *
 * <pre>
 * DTCM  = CORE_DTCM_BYTES + n·neuronBytes(model) + n·RECEPTORS·slots·RING_BUFFER_ENTRY_BYTES
 *       + E·POPULATION_TABLE_ENTRY_BYTES + (plastic input ? STDP_TABLE_BYTES + n·POST_HISTORY_BYTES : 0)
 * SDRAM = CORE_SDRAM_BYTES + n·neuronBytes(model) + E·POPULATION_TABLE_ENTRY_BYTES
 *       + R_static·ROW_HEADER_BYTES + S_static·STATIC_SYNAPSE_BYTES
 *       + R_plastic·PLASTIC_ROW_HEADER_BYTES + S_plastic·PLASTIC_SYNAPSE_BYTES
 *       + spike times·SPIKE_TIME_BYTES
 * </pre>
 *
 * where {@code slots} is the smallest power of two above the longest incoming delay in
 * timesteps (a ring buffer indexed by {@code (t + d) mod slots} must not reach the slot being
 * read), and a source slice's rows are all its neurons (a row per source neuron, possibly
 * empty, so that the row is found by index). A spike source has no incoming synapses. Recording
 * buffers are not counted: the loader sizes them from the SDRAM a core has left.
 */
public final class CostModel {
    /** Data memory of one ARM968 core. */
    public static final int DTCM_BYTES = 64 * 1024;
    /** DTCM every core uses whatever it holds: stack, SARK, the spike input queue, two row DMA buffers. */
    public static final int CORE_DTCM_BYTES = 12 * 1024;
    /** SDRAM every core uses: the region table (32 regions × 12 bytes), system, provenance and recording headers. */
    public static final int CORE_SDRAM_BYTES = 8 * 1024;
    /** IF_curr_exp: membrane (8 words), threshold (1), two exponential synapses (3 words each). */
    public static final int IF_CURR_EXP_NEURON_BYTES = 15 * 4;
    /** IF_curr_delta: membrane (8 words), threshold (1), two input accumulators (1 word each). */
    public static final int IF_CURR_DELTA_NEURON_BYTES = 11 * 4;
    /** SpikeSourcePoisson: start, end, next spike, rate terms and mean interval (8 words). */
    public static final int POISSON_SOURCE_BYTES = 8 * 4;
    /** SpikeSourceArray: spike count and the index of the next spike (2 words). */
    public static final int SPIKE_ARRAY_NEURON_BYTES = 2 * 4;
    /** One spike time of a SpikeSourceArray, in timesteps. */
    public static final int SPIKE_TIME_BYTES = 4;
    /** Excitatory and inhibitory. */
    public static final int RECEPTORS = 2;
    /** One ring-buffer slot of one neuron and receptor: a saturating 16-bit input. */
    public static final int RING_BUFFER_ENTRY_BYTES = 2;
    /** A static row's header: synapse count and the delayed-row pointers (3 words). */
    public static final int ROW_HEADER_BYTES = 3 * 4;
    /** A static synapse: weight (16 bits), delay, receptor and target index in one word. */
    public static final int STATIC_SYNAPSE_BYTES = 4;
    /** A plastic row's header: the static header and the pre-synaptic trace (last spike time, trace). */
    public static final int PLASTIC_ROW_HEADER_BYTES = ROW_HEADER_BYTES + 2 * 4;
    /** A plastic synapse: 16-bit weight and 16-bit control half-word (delay, receptor, target). */
    public static final int PLASTIC_SYNAPSE_BYTES = 4;
    /** One incoming edge in the population table: key, mask, matrix address and row length. */
    public static final int POPULATION_TABLE_ENTRY_BYTES = 4 * 4;
    /** A neuron with plastic input: count and the last 10 post spikes (time word, 16-bit trace). */
    public static final int POST_HISTORY_BYTES = 4 + 10 * (4 + 2);
    /** The timing rule's exponential look-up tables, once per core with plastic input. */
    public static final int STDP_TABLE_BYTES = 1024;

    private CostModel() {}

    /**
     * What a slice's needs depend on.
     *
     * @param model the {@link BuiltNetwork} model code of its neurons
     * @param neurons its size
     * @param maxDelayTicks the longest incoming delay in timesteps (0 without input)
     * @param incomingEdges incoming edges (projection, source slice) with at least one synapse
     * @param staticRows rows of the static edges: the sizes of their source slices, summed
     * @param staticSynapses static synapses
     * @param plasticRows rows of the plastic edges
     * @param plasticSynapses plastic synapses
     * @param spikeTimes the spike times a SpikeSourceArray slice holds
     */
    record SliceLoad(byte model, int neurons, int maxDelayTicks, int incomingEdges, long staticRows,
            long staticSynapses, long plasticRows, long plasticSynapses, long spikeTimes) {}

    /** One named term of a sum, for the messages of slices that do not fit. */
    private record Part(String what, long bytes) {}

    /** Ring-buffer slots for delays up to {@code maxDelayTicks}: the smallest power of two above it. */
    static long delaySlots(int maxDelayTicks) {
        return maxDelayTicks == 0 ? 1 : Long.highestOneBit(maxDelayTicks) << 1;
    }

    static Resources cost(SliceLoad l) {
        return new Resources(sum(sdram(l)), sum(dtcm(l)));
    }

    /** The DTCM terms, for a message: {@code 12288 fixed, 15300 neuron state, …}. */
    static String explainDtcm(SliceLoad l) {
        return explain(dtcm(l));
    }

    /** The SDRAM terms, for a message. */
    static String explainSdram(SliceLoad l) {
        return explain(sdram(l));
    }

    private static List<Part> dtcm(SliceLoad l) {
        List<Part> p = new ArrayList<>();
        p.add(new Part("fixed", CORE_DTCM_BYTES));
        p.add(new Part("neuron state", (long) l.neurons() * neuronBytes(l.model())));
        if (isNeuron(l.model())) {
            long slots = delaySlots(l.maxDelayTicks());
            p.add(new Part("ring buffers (" + slots + " slots for delays up to " + l.maxDelayTicks() + " timesteps)",
                    l.neurons() * RECEPTORS * slots * RING_BUFFER_ENTRY_BYTES));
            p.add(new Part("population table (" + l.incomingEdges() + " incoming slices)",
                    (long) l.incomingEdges() * POPULATION_TABLE_ENTRY_BYTES));
            if (l.plasticSynapses() > 0) {
                p.add(new Part("STDP tables and post-spike history",
                        STDP_TABLE_BYTES + (long) l.neurons() * POST_HISTORY_BYTES));
            }
        }
        return p;
    }

    private static List<Part> sdram(SliceLoad l) {
        List<Part> p = new ArrayList<>();
        p.add(new Part("fixed", CORE_SDRAM_BYTES));
        p.add(new Part("parameters", (long) l.neurons() * neuronBytes(l.model())));
        if (isNeuron(l.model())) {
            p.add(new Part("population table (" + l.incomingEdges() + " incoming slices)",
                    (long) l.incomingEdges() * POPULATION_TABLE_ENTRY_BYTES));
            p.add(new Part("static rows (" + l.staticRows() + " rows, " + l.staticSynapses() + " synapses)",
                    l.staticRows() * ROW_HEADER_BYTES + l.staticSynapses() * STATIC_SYNAPSE_BYTES));
            p.add(new Part("plastic rows (" + l.plasticRows() + " rows, " + l.plasticSynapses() + " synapses)",
                    l.plasticRows() * PLASTIC_ROW_HEADER_BYTES + l.plasticSynapses() * PLASTIC_SYNAPSE_BYTES));
        } else {
            p.add(new Part("spike times (" + l.spikeTimes() + ")", l.spikeTimes() * SPIKE_TIME_BYTES));
        }
        return p;
    }

    private static boolean isNeuron(byte model) {
        return model == BuiltNetwork.IF_CURR_EXP || model == BuiltNetwork.IF_CURR_DELTA;
    }

    /** Bytes per neuron of a model's state (in DTCM) and of its initial image (in SDRAM). */
    static int neuronBytes(byte model) {
        return switch (model) {
            case BuiltNetwork.IF_CURR_EXP -> IF_CURR_EXP_NEURON_BYTES;
            case BuiltNetwork.IF_CURR_DELTA -> IF_CURR_DELTA_NEURON_BYTES;
            case BuiltNetwork.SPIKE_SOURCE_POISSON -> POISSON_SOURCE_BYTES;
            case BuiltNetwork.SPIKE_SOURCE_ARRAY -> SPIKE_ARRAY_NEURON_BYTES;
            default -> throw new IllegalStateException("model code " + model + " has no cost (not deployable)");
        };
    }

    private static long sum(List<Part> parts) {
        return parts.stream().mapToLong(Part::bytes).sum();
    }

    private static String explain(List<Part> parts) {
        return parts.stream().filter(p -> p.bytes() > 0).map(p -> p.bytes() + " " + p.what())
                .collect(Collectors.joining(", "));
    }
}
