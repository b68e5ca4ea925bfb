package org.engram.spinnaker.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.FixedNetwork;
import org.engram.simulator.engine.fixed.FixedOptions;
import org.engram.simulator.engine.fixed.PrecisionIssue;
import org.engram.simulator.engine.fixed.Slice;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.spinnaker.mapping.Mapping;
import org.engram.spinnaker.mapping.Placement;

/**
 * The data images of a mapped network: one per placed slice, holding the arrays the fixed engine
 * builds for that slice with the mapping's slicing and keys, so that cores running the images
 * compute what {@code Mode.fixed} computes with the same slicing (and, where a mapping keeps to
 * 256 neurons per core, what {@code Mode.fixed} computes).
 *
 * @param images one per placement, in the mapping's order
 * @param warnings the precision warnings of the network in fixed point, to print before loading
 */
public record CoreImages(List<CoreImage> images, List<PrecisionIssue> warnings) {
    public CoreImages {
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
    }

    /**
     * The images of {@code network} as {@code mapping} places it, at step {@code dtMs}, for a run
     * of {@code runTicks} steps.
     *
     * @throws org.engram.simulator.error.InvalidNetworkException if the network has fixed-point
     *         errors (listing them all)
     * @throws CoreImageException if the step is not a whole number of microseconds, the run is
     *         too long to count or record, or an image does not fit its core's share of SDRAM
     * @throws IllegalArgumentException if the mapping is not one of this network
     */
    public static CoreImages build(Network network, Mapping mapping, double dtMs, long runTicks) {
        int timestepUs = timestepUs(dtMs);
        if (runTicks < 0 || runTicks >= Integer.MAX_VALUE) {
            throw new CoreImageException("run of " + runTicks + " ticks; a core counts 0 to " + (Integer.MAX_VALUE - 1));
        }
        FixedNetwork fixed = FixedNetwork.build(network, dtMs, fixedOptions(network, mapping));
        List<CoreImage> images = new ArrayList<>();
        for (int k = 0; k < fixed.slices().size(); k++) {
            Slice s = fixed.slices().get(k);
            Placement p = mapping.placements().get(k);
            Core core = fixed.cores().get(k);
            if (p.slice().population() != s.population() || p.slice().lo() != s.first() || p.slice().size() != s.size()) {
                throw new IllegalArgumentException("the mapping's slice " + p.slice() + " is not the fixed engine's " + s);
            }
            Population.Recording record = network.populations().get(s.population()).record();
            long recordingWords = RecordingRegion.sizeWords(s.size(), record.spikes(), record.v(), runTicks);
            if (recordingWords < 0) {
                throw new CoreImageException(String.format(Locale.ROOT, "%s: recording %d ticks needs 2^31 words or "
                        + "more; run fewer ticks or record less", p.slice(), runTicks));
            }
            SystemRegion system = new SystemRegion(CoreRegions.kind(core), timestepUs, (int) runTicks,
                    core.firstKey(), s.size(), record.spikes(), record.v());
            DataImage regions = new DataImage(0, CoreRegions.regions(core, system, (int) recordingWords));
            CoreImage image = new CoreImage(p.core(), s.label(), s.population(), s.first(), s.size(), core.firstKey(),
                    record.spikes(), record.v(), regions);
            if (image.sizeBytes() > mapping.sdramPerCore()) {
                throw new CoreImageException(String.format(Locale.ROOT, "%s: its image needs %d bytes of SDRAM (%d for "
                        + "recording %d ticks); a core's share is %d bytes; run fewer ticks, record less or map fewer "
                        + "neurons per core", p.slice(), image.sizeBytes(), 4 * recordingWords, runTicks,
                        mapping.sdramPerCore()));
            }
            images.add(image);
        }
        return new CoreImages(images, fixed.warnings());
    }

    /**
     * Every loss of precision of {@code network} in fixed point as {@code mapping} cuts it, errors
     * and warnings, without building images: what a deployment prints before it loads.
     */
    public static List<PrecisionIssue> check(Network network, Mapping mapping, double dtMs) {
        return FixedNetwork.check(network, dtMs, fixedOptions(network, mapping));
    }

    /**
     * The fixed engine's options that cut {@code network} as {@code mapping} does and give each
     * slice its key: a desktop run with them computes what the deployed cores compute.
     *
     * @throws IllegalArgumentException if the mapping is not one of this network, or cuts a
     *         population into slices of different sizes before its last
     */
    public static FixedOptions fixedOptions(Network network, Mapping mapping) {
        List<Population> pops = network.populations();
        int[] perCore = new int[pops.size()];
        int[] covered = new int[pops.size()];
        for (Placement p : mapping.placements()) {
            int q = p.slice().population();
            if (q >= pops.size() || !pops.get(q).label().equals(p.slice().label()) || p.slice().lo() != covered[q]) {
                throw new IllegalArgumentException("the mapping's slice " + p.slice() + " is not one of this network's"
                        + " populations in order");
            }
            if (perCore[q] == 0) {
                perCore[q] = p.slice().size();
            } else if (covered[q] % perCore[q] != 0 || p.slice().size() > perCore[q]) {
                throw new IllegalArgumentException("the mapping cuts " + pops.get(q).label() + " into slices of "
                        + "different sizes; the fixed engine cuts a population into equal slices and a last one");
            }
            covered[q] = p.slice().hi();
        }
        for (int q = 0; q < pops.size(); q++) {
            if (covered[q] != pops.get(q).size()) {
                throw new IllegalArgumentException("the mapping covers " + covered[q] + " of the " + pops.get(q).size()
                        + " neurons of " + pops.get(q).label());
            }
        }
        return FixedOptions.perPopulation(perCore,
                s -> mapping.placementOf(s.population(), s.first()).key());
    }

    /** The step in microseconds, which a core's timer counts. */
    static int timestepUs(double dtMs) {
        double us = dtMs * 1000;
        long whole = Math.round(us);
        if (!(whole >= 1) || whole > Integer.MAX_VALUE || Math.abs(us - whole) > 1e-9 * whole) {
            throw new CoreImageException("dt " + dtMs + " ms is not a whole number of microseconds; a core's timer "
                    + "ticks in whole microseconds");
        }
        return (int) whole;
    }
}
