package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.synapse.STDPMechanism;

/**
 * Cuts every population into slices of at most {@code neuronsPerCore} neurons (spike sources
 * too, as their own slices), finds the edges between slices and what each slice needs, and cuts a
 * population's slices smaller while one of them needs more DTCM or SDRAM than a core has.
 *
 * <p>All slices of a population have the same size but the last, so that the slice of a neuron
 * is its index divided by that size. Cutting one population changes the rows and edges its
 * targets receive, so the needs are computed again until every slice fits; sizes only shrink, so
 * this ends.
 */
final class Partitioner {
    /**
     * Synapses of one projection from one source slice to one target slice (indices into the
     * partition's slices).
     */
    record Edge(int projection, int source, int target, int synapses) {}

    /** The slices in population order, the edges sorted by target, projection and source, and each slice's needs. */
    record Partition(List<Slice> slices, int[] firstSlice, int[] sliceSize, List<Edge> edges, List<Resources> needs) {
        /** One past the index of the population's last slice. */
        int endSlice(int population) {
            return population + 1 < firstSlice.length ? firstSlice[population + 1] : slices.size();
        }
    }

    private final BuiltNetwork net;
    private final Network description;
    private final byte[] model;
    private final int[] prePopulation;
    private final int[] postPopulation;
    private final boolean[] plastic;
    private final SynapseOrigins origins;
    /** Per global neuron, the longest delay of its incoming synapses in timesteps (0 without). */
    private final int[] maxDelayTicks;

    Partitioner(BuiltNetwork net) {
        this.net = net;
        this.description = net.network;
        List<Population> pops = description.populations();
        model = new byte[pops.size()];
        for (int p = 0; p < pops.size(); p++) {
            model[p] = net.model[net.populationStart[p]];
        }
        List<Projection> projections = description.projections();
        int k = projections.size();
        prePopulation = new int[k];
        postPopulation = new int[k];
        plastic = new boolean[k];
        for (int j = 0; j < k; j++) {
            Projection pr = projections.get(j);
            prePopulation[j] = pops.indexOf(pr.pre().population());
            postPopulation[j] = pops.indexOf(pr.post().population());
            plastic[j] = pr.synapse() instanceof STDPMechanism;
        }
        origins = new SynapseOrigins(net);
        maxDelayTicks = incomingDelayTicks(net);
    }

    private static int[] incomingDelayTicks(BuiltNetwork net) {
        double dt = net.network.timestepMs();
        int[] max = new int[net.neuronCount];
        for (int g = 0; g < net.neuronCount; g++) {
            for (int k = net.groupRowStart[g]; k < net.groupRowStart[g + 1]; k++) {
                int ticks = ticks(net.groupDelayMs[k], dt);
                for (int s = net.groupFirst[k]; s < net.groupEnd(g, k); s++) {
                    max[net.staticTarget[s]] = Math.max(max[net.staticTarget[s]], ticks);
                }
            }
        }
        for (int s = 0; s < net.plasticTarget.length; s++) {
            max[net.plasticTarget[s]] = Math.max(max[net.plasticTarget[s]], ticks(net.plasticDelayMs[s], dt));
        }
        return max;
    }

    /** A delay in whole timesteps, at least one, as the board counts it. */
    private static int ticks(double delayMs, double dt) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(delayMs / dt)));
    }

    /**
     * Slices that fit a core of {@link CostModel#DTCM_BYTES} and {@code sdramPerCore}.
     *
     * @throws MappingException naming the population, when a single neuron does not fit
     */
    Partition partition(MappingOptions options, long sdramPerCore) {
        List<Population> pops = description.populations();
        int[] sizes = new int[pops.size()];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = Math.min(options.neuronsPerCore(), pops.get(p).size());
        }
        while (true) {
            List<Slice> slices = new ArrayList<>();
            int[] first = new int[pops.size()];
            for (int p = 0; p < pops.size(); p++) {
                first[p] = slices.size();
                for (int lo = 0; lo < pops.get(p).size(); lo += sizes[p]) {
                    slices.add(new Slice(p, pops.get(p).label(), lo, Math.min(pops.get(p).size(), lo + sizes[p])));
                }
            }
            List<Edge> edges = edges(first, sizes, slices.size());
            List<CostModel.SliceLoad> loads = loads(slices, edges);
            List<Resources> needs = new ArrayList<>();
            int[] shrunk = sizes.clone();
            for (int s = 0; s < slices.size(); s++) {
                Resources r = CostModel.cost(loads.get(s));
                needs.add(r);
                int p = slices.get(s).population();
                if (r.dtcmBytes() > CostModel.DTCM_BYTES || r.sdramBytes() > sdramPerCore) {
                    shrunk[p] = Math.min(shrunk[p], smallerSize(slices.get(s), loads.get(s), r, sdramPerCore));
                }
            }
            if (Arrays.equals(shrunk, sizes)) {
                return new Partition(List.copyOf(slices), first, sizes, edges, List.copyOf(needs));
            }
            sizes = shrunk;
        }
    }

    /**
     * A size for a slice that does not fit, estimated from how far over it is (its fixed part
     * excluded): smaller than the slice, at least one neuron.
     *
     * @throws MappingException when the slice is one neuron already
     */
    private static int smallerSize(Slice slice, CostModel.SliceLoad load, Resources r, long sdramPerCore) {
        int n = slice.size();
        if (n == 1) {
            throw tooLarge(slice, load, r, sdramPerCore);
        }
        double ratio = 1;
        if (r.dtcmBytes() > CostModel.DTCM_BYTES) {
            ratio = Math.min(ratio, (double) (CostModel.DTCM_BYTES - CostModel.CORE_DTCM_BYTES)
                    / (r.dtcmBytes() - CostModel.CORE_DTCM_BYTES));
        }
        if (r.sdramBytes() > sdramPerCore) {
            ratio = Math.min(ratio, (double) (sdramPerCore - CostModel.CORE_SDRAM_BYTES)
                    / (r.sdramBytes() - CostModel.CORE_SDRAM_BYTES));
        }
        return (int) Math.max(1, Math.min(n - 1, Math.floor(n * ratio)));
    }

    private static MappingException tooLarge(Slice slice, CostModel.SliceLoad load, Resources r, long sdramPerCore) {
        String what = "population " + slice.label() + ": neuron " + slice.lo() + " alone needs ";
        if (r.dtcmBytes() > CostModel.DTCM_BYTES) {
            return new MappingException(what + r.dtcmBytes() + " bytes of DTCM (" + CostModel.explainDtcm(load)
                    + "); a core has " + CostModel.DTCM_BYTES + ", " + (r.dtcmBytes() - CostModel.DTCM_BYTES)
                    + " bytes too many");
        }
        return new MappingException(what + r.sdramBytes() + " bytes of SDRAM (" + CostModel.explainSdram(load)
                + "); a core's share of its chip's SDRAM is " + sdramPerCore + ", "
                + (r.sdramBytes() - sdramPerCore) + " bytes too many");
    }

    /** Counts each projection's synapses per (source slice, target slice), from the rows. */
    private List<Edge> edges(int[] first, int[] sizes, int sliceCount) {
        int[] sliceOf = new int[net.neuronCount];
        for (int g = 0; g < sliceOf.length; g++) {
            int p = origins.populationOf[g];
            sliceOf[g] = first[p] + (g - net.populationStart[p]) / sizes[p];
        }
        EdgeCounts counts = new EdgeCounts(sliceCount);
        for (int g = 0; g < net.neuronCount; g++) {
            for (int s = net.staticRowStart[g]; s < net.staticRowStart[g + 1]; s++) {
                if (origins.staticProjection[s] >= 0) {
                    counts.add(origins.staticProjection[s], sliceOf[g], sliceOf[net.staticTarget[s]]);
                }
            }
            for (int s = net.plasticRowStart[g]; s < net.plasticRowStart[g + 1]; s++) {
                counts.add(origins.plasticProjection[s], sliceOf[g], sliceOf[net.plasticTarget[s]]);
            }
        }
        for (int k = 0; k < origins.drawnPre.length; k++) {
            int[] pre = origins.drawnPre[k];
            for (int c = 0; pre != null && c < pre.length; c++) {
                int a = prePopulation[k];
                int b = postPopulation[k];
                counts.add(k, first[a] + pre[c] / sizes[a], first[b] + origins.drawnPost[k][c] / sizes[b]);
            }
        }
        return counts.edges();
    }

    /** Synapse counts per (projection, source slice, target slice). */
    private static final class EdgeCounts {
        private final long sliceCount;
        private final Map<Long, int[]> counts = new HashMap<>();
        private long lastKey = -1;
        private int[] last;

        EdgeCounts(int sliceCount) {
            this.sliceCount = sliceCount;
        }

        void add(int projection, int source, int target) {
            long key = (projection * sliceCount + source) * sliceCount + target;
            if (key != lastKey) { // rows give runs of one edge: look each run up once
                last = counts.computeIfAbsent(key, x -> new int[1]);
                lastKey = key;
            }
            last[0]++;
        }

        List<Edge> edges() {
            List<Edge> edges = new ArrayList<>();
            for (Map.Entry<Long, int[]> e : counts.entrySet()) {
                long key = e.getKey();
                edges.add(new Edge((int) (key / sliceCount / sliceCount), (int) (key / sliceCount % sliceCount),
                        (int) (key % sliceCount), e.getValue()[0]));
            }
            edges.sort(Comparator.comparingInt(Edge::target).thenComparingInt(Edge::projection)
                    .thenComparingInt(Edge::source));
            return List.copyOf(edges);
        }
    }

    /** What each slice's needs depend on, from its neurons and its incoming edges. */
    private List<CostModel.SliceLoad> loads(List<Slice> slices, List<Edge> edges) {
        int n = slices.size();
        int[] edgeCount = new int[n];
        long[] staticRows = new long[n];
        long[] staticSynapses = new long[n];
        long[] plasticRows = new long[n];
        long[] plasticSynapses = new long[n];
        for (Edge e : edges) {
            int rows = slices.get(e.source()).size();
            edgeCount[e.target()]++;
            if (plastic[e.projection()]) {
                plasticRows[e.target()] += rows;
                plasticSynapses[e.target()] += e.synapses();
            } else {
                staticRows[e.target()] += rows;
                staticSynapses[e.target()] += e.synapses();
            }
        }
        List<CostModel.SliceLoad> loads = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            Slice sl = slices.get(s);
            int base = net.populationStart[sl.population()];
            int delay = 0;
            long spikes = 0;
            for (int i = sl.lo(); i < sl.hi(); i++) {
                delay = Math.max(delay, maxDelayTicks[base + i]);
                double[] times = net.sourceTimes[base + i];
                spikes += times == null ? 0 : times.length;
            }
            loads.add(new CostModel.SliceLoad(model[sl.population()], sl.size(), delay, edgeCount[s], staticRows[s],
                    staticSynapses[s], plasticRows[s], plasticSynapses[s], spikes));
        }
        return loads;
    }
}
