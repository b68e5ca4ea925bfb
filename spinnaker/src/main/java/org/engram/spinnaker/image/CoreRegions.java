package org.engram.spinnaker.image;

import static org.engram.spinnaker.image.ImageFormat.NEURON_ARRAYS;
import static org.engram.spinnaker.image.ImageFormat.RECEPTORS;
import static org.engram.spinnaker.image.ImageFormat.SEED_WORDS;
import static org.engram.spinnaker.image.ImageFormat.STDP_MULTIPLICATIVE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.engram.simulator.engine.fixed.Core;
import org.engram.simulator.engine.fixed.LifParameters;
import org.engram.simulator.engine.fixed.NeuronCore;
import org.engram.simulator.engine.fixed.PoissonCore;
import org.engram.simulator.engine.fixed.PoissonParameters;
import org.engram.simulator.engine.fixed.SpikeArrayCore;
import org.engram.simulator.engine.fixed.SpikeTimes;
import org.engram.simulator.engine.fixed.StdpParameters;
import org.engram.simulator.engine.fixed.SynapticMatrix;

/**
 * The input regions of a core image from a fixed-engine core before its first step, and the core
 * back from them. Each region's words are laid out in {@code spinnaker/docs/data-image.md}; every
 * count read back is checked against the words that remain before it is trusted.
 */
final class CoreRegions {
    private CoreRegions() {}

    // ---------------------------------------------------------------- encoding

    /**
     * The regions of a core's image, by region number (null where absent): SYSTEM, the kind's
     * input regions, and {@code recordingWords} of RECORDING space.
     *
     * @throws IllegalArgumentException if the core has stepped already (an image holds a core
     *         as it starts)
     */
    static List<DataImage.Region> regions(Core core, SystemRegion system, int recordingWords) {
        if (core.tick() != 0) {
            throw new IllegalArgumentException("a core image holds a core before its first step; this one ran "
                    + core.tick());
        }
        List<DataImage.Region> r = new ArrayList<>(Collections.nCopies(ImageFormat.RECORDING + 1, null));
        r.set(ImageFormat.SYSTEM, DataImage.Region.input(system.words()));
        if (core instanceof NeuronCore n) {
            SynapticMatrix m = n.matrix();
            r.set(ImageFormat.NEURON, DataImage.Region.input(neuron(n.parameters())));
            r.set(ImageFormat.SYNAPSE, DataImage.Region.input(synapse(m)));
            r.set(ImageFormat.POPULATION_TABLE, DataImage.Region.input(populationTable(m)));
            r.set(ImageFormat.SYNAPTIC_MATRIX, DataImage.Region.input(matrix(m)));
            if (n.stdp() != null) {
                r.set(ImageFormat.STDP, DataImage.Region.input(stdp(n.stdp(), m)));
            }
        } else if (core instanceof SpikeArrayCore a) {
            r.set(ImageFormat.SPIKE_ARRAY, DataImage.Region.input(spikeArray(a.times())));
        } else {
            r.set(ImageFormat.POISSON, DataImage.Region.input(poisson(((PoissonCore) core).parameters())));
        }
        r.set(ImageFormat.RECORDING, DataImage.Region.output(recordingWords));
        return r;
    }

    /** The kind of a core, as the SYSTEM region names it. */
    static int kind(Core core) {
        if (core instanceof NeuronCore) {
            return ImageFormat.KIND_NEURON;
        }
        return core instanceof SpikeArrayCore ? ImageFormat.KIND_SPIKE_ARRAY : ImageFormat.KIND_POISSON;
    }

    /** The NEURON region: model, reset, step, n, then the 13 arrays. */
    static int[] neuron(LifParameters p) {
        Words w = new Words();
        w.put(p.model).put(p.reset).put(p.timeStep).put(p.size());
        for (int[] a : arrays(p)) {
            w.put(a);
        }
        return w.toArray();
    }

    /** The NEURON region's arrays, in their order in the region (the live arrays). */
    private static int[][] arrays(LifParameters p) {
        int[][] a = {p.vInit, p.vRest, p.cm, p.tauM, p.iOffset, p.vReset, p.tauRefrac, p.refractInit, p.vThresh,
            p.tauSynE, p.isynE, p.tauSynI, p.isynI};
        assert a.length == NEURON_ARRAYS;
        return a;
    }

    /** The SYNAPSE region: index bits, delay bits, the two shifts. */
    static int[] synapse(SynapticMatrix m) {
        return new int[] {m.indexBits, m.delayBits, m.shift[0], m.shift[1]};
    }

    /** The POPULATION_TABLE region: entries, then key, mask, first row, rows of each. */
    static int[] populationTable(SynapticMatrix m) {
        Words w = new Words().put(m.entryKey.length);
        for (int e = 0; e < m.entryKey.length; e++) {
            w.put(m.entryKey[e]).put(m.entryMask[e]).put(m.entryFirstRow[e]).put(m.entryRows[e]);
        }
        return w.toArray();
    }

    /**
     * The SYNAPTIC_MATRIX region: rows, static words, plastic synapses; the static row offsets and
     * words; the plastic row offsets and, per plastic synapse, {@code weight << 16 | control}.
     */
    static int[] matrix(SynapticMatrix m) {
        int rows = m.staticRowStart.length - 1;
        Words w = new Words().put(rows).put(m.staticWords.length).put(m.plasticControl.length);
        w.put(m.staticRowStart).put(m.staticWords).put(m.plasticRowStart);
        for (int s = 0; s < m.plasticControl.length; s++) {
            w.put(m.plasticWeight[s] << 16 | m.plasticControl[s]);
        }
        return w.toArray();
    }

    /** The STDP region: flags, bounds and amplitudes per receptor, the two tables, the rows' pre spike state. */
    static int[] stdp(StdpParameters p, SynapticMatrix m) {
        Words w = new Words().put(p.multiplicative ? STDP_MULTIPLICATIVE : 0);
        w.put(p.wMin).put(p.wMax).put(p.aPlus).put(p.aMinus);
        w.put(p.lutPlus.length).put(p.lutPlus).put(p.lutMinus.length).put(p.lutMinus);
        w.put(m.preTime.length).put(m.preTime).put(m.preTrace);
        return w.toArray();
    }

    /** The SPIKE_ARRAY region: neurons, steps, the steps, their offsets, the neurons firing. */
    static int[] spikeArray(SpikeTimes t) {
        return new Words().put(t.size).put(t.ticks.length).put(t.ticks).put(t.first).put(t.neurons).toArray();
    }

    /** The POISSON region: neurons, seed, then e^-lambda, start and end step per neuron. */
    static int[] poisson(PoissonParameters p) {
        return new Words().put(p.size()).put(p.seed).put(p.expMinusLambda).put(p.startTick).put(p.endTick)
                .toArray();
    }

    // ---------------------------------------------------------------- decoding

    /** The words of an input region, or a {@link MalformedImageException} naming it if it is absent or output. */
    static int[] words(DataImage image, int region) {
        DataImage.Region r = image.region(region);
        if (r == null || r.isOutput()) {
            throw new MalformedImageException(image.baseAddress(), "region " + region + " is "
                    + (r == null ? "absent" : "an output region") + "; the core needs its input words");
        }
        return r.words();
    }

    /** The core whose regions an image holds, as it was before its first step. */
    static Core core(DataImage image, SystemRegion system) {
        try {
            return switch (system.kind()) {
                case ImageFormat.KIND_NEURON -> neuronCore(image, system);
                case ImageFormat.KIND_SPIKE_ARRAY -> new SpikeArrayCore(system.firstKey(),
                        spikeTimes(new Reader(image, ImageFormat.SPIKE_ARRAY), system.size()));
                default -> new PoissonCore(system.firstKey(),
                        poisson(new Reader(image, ImageFormat.POISSON), system.size()));
            };
        } catch (IllegalArgumentException e) {
            // a region's words break an invariant the fixed engine's constructors check
            throw new MalformedImageException(image.baseAddress(), e.getMessage());
        }
    }

    private static NeuronCore neuronCore(DataImage image, SystemRegion system) {
        Reader n = new Reader(image, ImageFormat.NEURON);
        int model = n.next();
        int reset = n.next();
        int step = n.next();
        int size = n.count("neurons", NEURON_ARRAYS);
        n.expect("neurons", size, system.size());
        LifParameters p = new LifParameters(model, reset, step, size);
        for (int[] a : arrays(p)) {
            System.arraycopy(n.array(size), 0, a, 0, size);
        }
        n.end();

        Reader s = new Reader(image, ImageFormat.SYNAPSE);
        int indexBits = s.next();
        int delayBits = s.next();
        int[] shift = s.array(RECEPTORS);
        s.end();

        Reader t = new Reader(image, ImageFormat.POPULATION_TABLE);
        int entries = t.count("entries", ImageFormat.TABLE_ENTRY_WORDS);
        int[] key = new int[entries];
        int[] mask = new int[entries];
        int[] firstRow = new int[entries];
        int[] rowCount = new int[entries];
        for (int e = 0; e < entries; e++) {
            key[e] = t.next();
            mask[e] = t.next();
            firstRow[e] = t.next();
            rowCount[e] = t.next();
        }
        t.end();

        Reader m = new Reader(image, ImageFormat.SYNAPTIC_MATRIX);
        int rows = m.count("rows", 2);
        int staticWords = m.count("static synapses", 1);
        int plasticSynapses = m.count("plastic synapses", 1);
        int[] staticStart = m.array(rows + 1);
        int[] statics = m.array(staticWords);
        int[] plasticStart = m.array(rows + 1);
        int[] packed = m.array(plasticSynapses);
        m.end();
        int[] control = new int[plasticSynapses];
        int[] weight = new int[plasticSynapses];
        for (int k = 0; k < plasticSynapses; k++) {
            control[k] = packed[k] & 0xFFFF;
            weight[k] = packed[k] >>> 16;
        }
        int[] preTime = new int[rows];
        int[] preTrace = new int[rows];
        StdpParameters stdp = null;
        if (image.region(ImageFormat.STDP) != null) {
            Reader r = new Reader(image, ImageFormat.STDP);
            int flags = r.next();
            if ((flags & ~STDP_MULTIPLICATIVE) != 0) {
                throw new MalformedImageException(image.baseAddress(), "STDP flags 0x" + Integer.toHexString(flags)
                        + "; expected only bit 0 (multiplicative)");
            }
            int[][] bounds = {r.array(RECEPTORS), r.array(RECEPTORS), r.array(RECEPTORS), r.array(RECEPTORS)};
            int[] plus = r.array(r.count("decay table entries", 1));
            int[] minus = r.array(r.count("decay table entries", 1));
            r.expect("rows", r.count("rows", 2), rows);
            System.arraycopy(r.array(rows), 0, preTime, 0, rows);
            System.arraycopy(r.array(rows), 0, preTrace, 0, rows);
            r.end();
            stdp = new StdpParameters(plus, minus, (flags & STDP_MULTIPLICATIVE) != 0);
            int[][] into = {stdp.wMin, stdp.wMax, stdp.aPlus, stdp.aMinus};
            for (int k = 0; k < into.length; k++) {
                System.arraycopy(bounds[k], 0, into[k], 0, RECEPTORS);
            }
        }
        SynapticMatrix matrix = new SynapticMatrix(size, indexBits, delayBits, shift, key, mask, firstRow, rowCount,
                staticStart, statics, plasticStart, control, weight, preTime, preTrace);
        return new NeuronCore(system.firstKey(), p, matrix, stdp);
    }

    private static SpikeTimes spikeTimes(Reader r, int size) {
        r.expect("neurons", r.next(), size);
        int steps = r.count("steps", 2);
        int[] ticks = r.array(steps);
        int[] first = r.array(steps + 1);
        int[] neurons = r.array(first[steps]);
        r.end();
        return new SpikeTimes(size, ticks, first, neurons);
    }

    private static PoissonParameters poisson(Reader r, int size) {
        r.expect("neurons", r.next(), size);
        PoissonParameters p = new PoissonParameters(size, r.array(SEED_WORDS));
        for (int[] a : new int[][] {p.expMinusLambda, p.startTick, p.endTick}) {
            System.arraycopy(r.array(size), 0, a, 0, size);
        }
        r.end();
        return p;
    }

    // ---------------------------------------------------------------- words in and out

    /** A growable list of words. */
    private static final class Words {
        private int[] a = new int[64];
        private int size;

        Words put(int w) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            a[size++] = w;
            return this;
        }

        Words put(int[] words) {
            for (int w : words) {
                put(w);
            }
            return this;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /** Reads one region's words in order; every read is checked against what remains. */
    private static final class Reader {
        private final DataImage image;
        private final int region;
        private final int[] words;
        private int next;

        Reader(DataImage image, int region) {
            this.image = image;
            this.region = region;
            this.words = words(image, region);
        }

        private MalformedImageException malformed(String what) {
            return new MalformedImageException(image.baseAddress(), "region " + region + " word " + next + ": "
                    + what);
        }

        int next() {
            if (next >= words.length) {
                throw malformed("the region ends after " + words.length + " words; expected more");
            }
            return words[next++];
        }

        /** A count of things taking at least {@code wordsEach} words each: no more than the words left allow. */
        int count(String what, int wordsEach) {
            int n = next();
            if (n < 0 || (long) n * wordsEach > words.length - next) {
                next--;
                throw malformed(Integer.toUnsignedString(n) + " " + what + " do not fit the "
                        + (words.length - next - 1) + " words left");
            }
            return n;
        }

        int[] array(int n) {
            if (n < 0 || n > words.length - next) {
                throw malformed(n + " words asked for; " + (words.length - next) + " left");
            }
            int[] out = Arrays.copyOfRange(words, next, next + n);
            next += n;
            return out;
        }

        void expect(String what, int found, int expected) {
            if (found != expected) {
                throw malformed(found + " " + what + "; expected " + expected);
            }
        }

        void end() {
            if (next != words.length) {
                throw malformed((words.length - next) + " words left over");
            }
        }
    }
}
