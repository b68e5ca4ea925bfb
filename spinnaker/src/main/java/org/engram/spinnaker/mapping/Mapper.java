package org.engram.spinnaker.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.engram.simulator.build.BuiltNetwork;
import org.engram.simulator.network.Population;
import org.engram.simulator.neuron.SpikeSourceArray;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;
import org.engram.spinnaker.machine.Machine;

/**
 * Maps a built network onto a machine: checks that the board runs every model, cuts the
 * populations into slices that fit a core ({@link Partitioner}, {@link CostModel}), places them
 * ({@link Placer}), gives each slice its keys ({@link KeyAllocator}) and builds the routing
 * tables ({@link Router}). Pure computation: nothing is sent anywhere.
 *
 * <p>Deployable: {@code IF_curr_exp}, {@code IF_curr_delta}, {@code SpikeSourceArray},
 * {@code SpikeSourcePoisson}; static synapses and {@code STDPMechanism} (the pair rule with
 * additive or multiplicative weight dependence). {@code IF_cond_exp} is not, until the
 * fixed-point arithmetic holds conductances.
 */
public final class Mapper {
    /** The standard models the board runs. */
    static final Set<StandardModel> DEPLOYABLE = Set.of(StandardModel.IF_curr_exp, StandardModel.IF_curr_delta,
            StandardModel.SpikeSourcePoisson);

    private Mapper() {}

    /**
     * The mapping of {@code net} onto {@code machine}.
     *
     * @throws MappingException for a model the board does not run, a neuron that does not fit a
     *         core, more slices than application cores, or a routing table too large
     */
    public static Mapping map(BuiltNetwork net, Machine machine, MappingOptions options) {
        checkDeployable(net);
        List<CoreLocation> cores = Placer.applicationCores(machine);
        if (cores.isEmpty()) {
            throw new MappingException("the machine has no application cores (" + machine.chips().size() + " chips)");
        }
        long sdramPerCore = sdramPerCore(machine, cores);
        Partitioner.Partition p = new Partitioner(net).partition(options, sdramPerCore);
        CoreLocation[] placed = Placer.place(p, net.network, cores);
        KeyAllocator.Keys keys = KeyAllocator.allocate(p);
        List<RoutingTable> tables = Router.route(machine, p, placed, keys);
        List<List<Incoming>> incoming = new ArrayList<>();
        for (int s = 0; s < p.slices().size(); s++) {
            incoming.add(new ArrayList<>());
        }
        for (Partitioner.Edge e : p.edges()) {
            incoming.get(e.target()).add(new Incoming(e.projection(), net.network.projections().get(e.projection()).label(),
                    p.slices().get(e.source()), keys.key()[e.source()], keys.mask()[e.source()], e.synapses()));
        }
        List<Placement> placements = new ArrayList<>();
        for (int s = 0; s < p.slices().size(); s++) {
            placements.add(new Placement(p.slices().get(s), placed[s], keys.key()[s], keys.mask()[s], p.needs().get(s),
                    incoming.get(s)));
        }
        return new Mapping(options, sdramPerCore, cores.size(), placements, tables);
    }

    /**
     * Fails on current sources (the cores hold i_offset constant) and on the first population
     * whose model the board does not run, naming it.
     */
    static void checkDeployable(BuiltNetwork net) {
        if (!net.network.currentSources().isEmpty()) {
            var first = net.network.currentSources().get(0);
            throw new MappingException("current sources are not deployed to SpiNNaker ("
                    + net.network.currentSources().size() + " in this network, the first a "
                    + first.source().typeName() + " into " + first.cells().describe() + "); run in event or grid mode");
        }
        for (Population pop : net.network.populations()) {
            boolean ok = pop.cellType() instanceof SpikeSourceArray
                    || pop.cellType() instanceof StandardCell c && DEPLOYABLE.contains(c.model());
            if (!ok) {
                throw new MappingException("population " + pop.label() + ": " + pop.cellType().modelName()
                        + " is not supported on SpiNNaker; the board runs IF_curr_exp, IF_curr_delta,"
                        + " SpikeSourceArray and SpikeSourcePoisson");
            }
        }
    }

    /** The smallest share of a chip's free SDRAM per application core, over the chips used. */
    private static long sdramPerCore(Machine machine, List<CoreLocation> cores) {
        Map<ChipLocation, Long> perChip = cores.stream().collect(Collectors.groupingBy(CoreLocation::chip,
                Collectors.counting()));
        return perChip.entrySet().stream().mapToLong(e -> machine.chip(e.getKey()).sdramBytes() / e.getValue())
                .min().orElseThrow();
    }
}
