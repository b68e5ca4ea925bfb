package org.engram.spinnaker.image;

/**
 * The numbers of an Engram core image, in one place: region numbers, core kinds, flags and the
 * word offsets of the SYSTEM region. {@code spinnaker/docs/data-image.md} describes every region
 * word by word; a core (the emulator's Java one, or an ARM build) reads the same numbers.
 */
public final class ImageFormat {
    private ImageFormat() {}

    // ---------------------------------------------------------------- region numbers

    /** What the core is and how long it runs: {@link SystemRegion}. */
    public static final int SYSTEM = 0;
    /** LIF parameter and initial state words, S16.15, one array per field. */
    public static final int NEURON = 1;
    /** Index and delay bits of the synapse words and the ring-buffer shift per receptor. */
    public static final int SYNAPSE = 2;
    /** The master population table: key, mask, first row, row count per source slice. */
    public static final int POPULATION_TABLE = 3;
    /** Row offsets, static synapse words and plastic synapse words. */
    public static final int SYNAPTIC_MATRIX = 4;
    /** The pair rule, its weight dependence and the rows' last pre spike (present with plastic synapses only). */
    public static final int STDP = 5;
    /** A SpikeSourceArray's steps and the neurons firing in each. */
    public static final int SPIKE_ARRAY = 6;
    /** A SpikeSourcePoisson's generator seed and per-neuron e^-lambda and window. */
    public static final int POISSON = 7;
    /** The output region the core records into: {@link RecordingRegion}. */
    public static final int RECORDING = 8;

    // ---------------------------------------------------------------- SYSTEM region

    /** Word offsets of the SYSTEM region. */
    public static final int SYSTEM_KIND = 0;
    public static final int SYSTEM_TIMESTEP_US = 1;
    public static final int SYSTEM_RUN_TICKS = 2;
    public static final int SYSTEM_FIRST_KEY = 3;
    public static final int SYSTEM_SIZE = 4;
    public static final int SYSTEM_RECORDING = 5;
    public static final int SYSTEM_WORDS = 6;

    /** Core kinds (SYSTEM word {@link #SYSTEM_KIND}). */
    public static final int KIND_NEURON = 0;
    public static final int KIND_SPIKE_ARRAY = 1;
    public static final int KIND_POISSON = 2;

    /** Recording flags (SYSTEM word {@link #SYSTEM_RECORDING}). */
    public static final int RECORD_SPIKES = 1;
    public static final int RECORD_V = 2;

    // ---------------------------------------------------------------- other regions

    /** Leading words of the NEURON region: model code, reset code, step (S16.15), neurons; then 13 arrays. */
    public static final int NEURON_HEADER_WORDS = 4;
    /** The NEURON region's arrays, in order. */
    public static final int NEURON_ARRAYS = 13;
    /** SYNAPSE region: index bits, delay bits, shift of receptor 0, shift of receptor 1. */
    public static final int SYNAPSE_WORDS = 4;
    /** Words per population-table entry: key, mask, first row, rows. */
    public static final int TABLE_ENTRY_WORDS = 4;
    /** STDP flags: the weight dependence is multiplicative (additive without). */
    public static final int STDP_MULTIPLICATIVE = 1;
    /** Receptors: 0 excitatory, 1 inhibitory. */
    public static final int RECEPTORS = 2;
    /** Words of a Poisson generator seed (KISS64's x, y, z, c). */
    public static final int SEED_WORDS = 4;
}
