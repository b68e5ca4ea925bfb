package org.engram.models.ca3;

/**
 * The populations of the CA3 memory, in the order of the reference spike tables, with the label
 * each has in the network, in {@code spikes.csv} and in the reference files. C is the number of
 * memories ({@code cueSize}), N the content bits ({@code contSize}).
 *
 * <p>The original code has one input source {@code IL} of C+N neurons and one output population
 * {@code OL} of C+N neurons; here each is split into its cue and content halves, two populations
 * numbered from 0 (the per-neuron dynamics are those of the split population).
 */
public enum Ca3Population {
    /** Input, cue half of {@code IL}: C spike sources. */
    IN_cue("IL[0:C]", true, true),
    /** Input, content half of {@code IL}: N spike sources. */
    IN_cont("IL[C:C+N]", false, true),
    /** {@code CA3cueCueRecallL}: receives the cue input (C, slow). */
    CueCue("CA3cueCueRecallL", true, false),
    /** {@code CA3contCueRecallL}: receives the content input, content recalled from a cue (N, slow). */
    ContCue("CA3contCueRecallL", false, false),
    /** {@code CA3contCondL}: gate passing content only while no cue is active (N, fast). */
    ContCond("CA3contCondL", false, false),
    /** {@code CA3contCondIntL}: excitatory feedback interneuron onto ContCond (1, fast). */
    ContCondInt("CA3contCondIntL", false, false),
    /** {@code CA3cueContRecallL}: cue recalled from content (C, fast). */
    CueCont("CA3cueContRecallL", true, false),
    /** {@code CA3contContRecallL}: gated content, pre side of content-to-cue learning (N, slow). */
    ContCont("CA3contContRecallL", false, false),
    /** {@code CA3mergeCueL}: OR of the two cue paths (C, slow). */
    MergeCue("CA3mergeCueL", true, false),
    /** {@code CA3mergeContL}: OR of the two content paths (N, slow). */
    MergeCont("CA3mergeContL", false, false),
    /** Output, cue half of {@code OL} (C, slow with v_thresh -57.5). */
    OUT_cue("OL[0:C]", true, false),
    /** Output, content half of {@code OL} (N, slow with v_thresh -57.5). */
    OUT_cont("OL[C:C+N]", false, false);

    private final String original;
    private final boolean cueSized;
    private final boolean input;

    Ca3Population(String original, boolean cueSized, boolean input) {
        this.original = original;
        this.cueSized = cueSized;
        this.input = input;
    }

    /** The label in the network, spikes.csv and the reference tables. */
    public String label() {
        return name();
    }

    /** The population's name in the original code ({@code network_config.json}). */
    public String originalName() {
        return original;
    }

    /** True for the two halves of the input spike source. */
    public boolean isInput() {
        return input;
    }

    /** The number of neurons for C memories and N content bits. */
    public int size(int cueSize, int contSize) {
        return this == ContCondInt ? 1 : cueSized ? cueSize : contSize;
    }

    /** The population with this label; the message lists the valid labels. */
    public static Ca3Population byLabel(String label) {
        for (Ca3Population p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no CA3 population '" + label + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
