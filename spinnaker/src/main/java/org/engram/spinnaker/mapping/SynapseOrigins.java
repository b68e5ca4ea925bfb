package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.network.Selection;
import org.engram.simulator.synapse.STDPMechanism;

/**
 * The projection each synapse of a built network's rows comes from, found without drawing the
 * connections again (which, for a fixed-probability projection, costs a draw per pair of neurons).
 *
 * <p>A plastic synapse's projection is recorded by the build
 * ({@link BuiltNetwork#plasticIndexOfConnection}). Static rows merge projections, so a static
 * synapse is given the static projection between its populations whose selections hold both of
 * its neurons and whose receptor its weight's sign shows (a zero weight shows none). Where more
 * than one remains (two alike projections over the same neurons), each of them is drawn again
 * ({@link BuiltNetwork#connections}), and its synapses in the rows are left out.
 */
final class SynapseOrigins {
    /** The population of every global neuron. */
    final int[] populationOf;
    /** Per static synapse, its projection, or -1 where its projection is one of the {@link #drawn}. */
    final int[] staticProjection;
    /** Per plastic synapse, its projection. */
    final int[] plasticProjection;
    /** Per projection drawn again, its connections' pre and post indices (in their populations); null for others. */
    final int[][] drawnPre;
    final int[][] drawnPost;

    SynapseOrigins(BuiltNetwork net) {
        List<Population> pops = net.network.populations();
        List<Projection> prs = net.network.projections();
        populationOf = new int[net.neuronCount];
        for (int p = 0; p < pops.size(); p++) {
            Arrays.fill(populationOf, net.populationStart[p], net.populationStart[p + 1], p);
        }
        plasticProjection = new int[net.plasticTarget.length];
        for (int k = 0; k < prs.size(); k++) {
            int[] idx = net.plasticIndexOfConnection[k];
            if (idx != null) {
                for (int s : idx) {
                    plasticProjection[s] = k;
                }
            }
        }
        // the static projections between each pair of populations, with their selections' members
        List<List<Integer>> between = new ArrayList<>();
        for (int i = 0; i < pops.size() * pops.size(); i++) {
            between.add(new ArrayList<>());
        }
        boolean[][] preMember = new boolean[prs.size()][];
        boolean[][] postMember = new boolean[prs.size()][];
        for (int k = 0; k < prs.size(); k++) {
            Projection pr = prs.get(k);
            if (!(pr.synapse() instanceof STDPMechanism)) {
                between.get(pops.indexOf(pr.pre().population()) * pops.size() + pops.indexOf(pr.post().population())).add(k);
                preMember[k] = members(pr.pre());
                postMember[k] = members(pr.post());
            }
        }
        staticProjection = new int[net.staticTarget.length];
        boolean[] ambiguous = new boolean[prs.size()];
        for (int g = 0; g < net.neuronCount; g++) {
            int p = populationOf[g];
            int i = g - net.populationStart[p];
            for (int grp = net.groupRowStart[g]; grp < net.groupRowStart[g + 1]; grp++) {
                for (int s = net.groupFirst[grp]; s < net.groupEnd(g, grp); s++) {
                    int t = net.staticTarget[s];
                    int q = populationOf[t];
                    int j = t - net.populationStart[q];
                    double w = Double.isNaN(net.groupWeight[grp]) ? net.staticWeight[s - net.groupFirst[grp]
                            + net.groupWeightStart[grp]] : net.groupWeight[grp];
                    int found = -1;
                    int count = 0;
                    for (int k : between.get(p * pops.size() + q)) {
                        if (fits(prs.get(k), preMember[k], postMember[k], i, j, w)) {
                            found = k;
                            count++;
                        }
                    }
                    if (count == 0) {
                        throw new IllegalStateException("static synapse " + g + " -> " + t + " fits no projection");
                    }
                    for (int k : count > 1 ? between.get(p * pops.size() + q) : List.<Integer>of()) {
                        ambiguous[k] |= fits(prs.get(k), preMember[k], postMember[k], i, j, w);
                    }
                    staticProjection[s] = count == 1 ? found : -1;
                }
            }
        }
        for (int s = 0; s < staticProjection.length; s++) {
            if (staticProjection[s] >= 0 && ambiguous[staticProjection[s]]) {
                staticProjection[s] = -1;
            }
        }
        drawnPre = new int[prs.size()][];
        drawnPost = new int[prs.size()][];
        for (int k = 0; k < prs.size(); k++) {
            if (ambiguous[k]) {
                BuiltNetwork.Connections c = net.connections(k);
                drawnPre[k] = c.pre();
                drawnPost[k] = c.post();
            }
        }
    }

    /** Whether a static synapse of weight w from pre neuron i to post neuron j can belong to projection pr. */
    private static boolean fits(Projection pr, boolean[] preMember, boolean[] postMember, int i, int j, double w) {
        boolean receptor = w == 0 || (w < 0) == (pr.receptor() == Receptor.inhibitory);
        return receptor && (preMember == null || preMember[i]) && (postMember == null || postMember[j]);
    }

    /** Which neurons of its population a selection holds; null for the whole population. */
    private static boolean[] members(Selection s) {
        if (s instanceof Population) {
            return null;
        }
        boolean[] in = new boolean[s.population().size()];
        for (int i = 0; i < s.size(); i++) {
            in[s.index(i)] = true;
        }
        return in;
    }
}
