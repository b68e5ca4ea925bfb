package org.engram.spinnaker.mapping;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * A network mapped onto a machine: every slice with its core, key and needs, and the multicast
 * table of every chip that routes spikes. What the loader writes, and what {@link #describe()}
 * prints for a dry run.
 *
 * @param options the choices it was made with
 * @param sdramPerCore the SDRAM each slice was allowed: the smallest share of a chip's free SDRAM
 *        per application core
 * @param applicationCores the application cores the machine offers
 * @param placements the slices, by population and neuron
 * @param tables the routing tables, by chip; chips without entries have none
 */
public record Mapping(MappingOptions options, long sdramPerCore, int applicationCores, List<Placement> placements,
        List<RoutingTable> tables) {
    public Mapping {
        placements = List.copyOf(placements);
        tables = List.copyOf(tables);
    }

    /** The placement holding neuron {@code neuron} of population {@code population} (indices in the network). */
    public Placement placementOf(int population, int neuron) {
        int lo = 0;
        int hi = placements.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Slice s = placements.get(mid).slice();
            if (s.population() < population || s.population() == population && s.hi() <= neuron) {
                lo = mid + 1;
            } else if (s.population() > population || s.lo() > neuron) {
                hi = mid - 1;
            } else {
                return placements.get(mid);
            }
        }
        throw new IllegalArgumentException("no slice holds neuron " + neuron + " of population " + population);
    }

    /** The table of a chip, if it has entries. */
    public Optional<RoutingTable> table(ChipLocation chip) {
        return tables.stream().filter(t -> t.chip().equals(chip)).findFirst();
    }

    /** The chips that hold slices. */
    public List<ChipLocation> chipsUsed() {
        return placements.stream().map(p -> p.core().chip()).distinct().sorted().toList();
    }

    /** A table of slices and routing tables, for {@code --dry-run}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        long compressed = tables.stream().filter(RoutingTable::compressed).count();
        int chips = chipsUsed().size();
        b.append(String.format("mapping: %d slices on %d of %d application cores (%d chip%s); %d routing tables"
                + " (%d compressed); at most %d neurons per core, %d bytes of SDRAM per core%n", placements.size(),
                placements.size(), applicationCores, chips, chips == 1 ? "" : "s", tables.size(), compressed,
                options.neuronsPerCore(), sdramPerCore));
        b.append(String.format("%-24s %-10s %-10s %-10s %10s %7s  %s%n", "slice", "core", "key", "mask", "SDRAM",
                "DTCM", "incoming"));
        for (Placement p : placements) {
            CoreLocation c = p.core();
            String in = p.incoming().isEmpty() ? "-" : p.incoming().size() + " edges, "
                    + p.incoming().stream().mapToLong(Incoming::synapses).sum() + " synapses from "
                    + p.incoming().stream().map(i -> i.source().label()).distinct().collect(Collectors.joining(", "));
            b.append(String.format("%-24s %-10s %-10s %-10s %10d %7d  %s%n", p.slice(), c, MulticastEntry.hex(p.key()),
                    MulticastEntry.hex(p.mask()), p.resources().sdramBytes(), p.resources().dtcmBytes(), in));
        }
        b.append(String.format("%-10s %8s %18s %12s %14s%n", "chip", "entries", "before compression",
                "from trees", "default-routed"));
        for (RoutingTable t : tables) {
            b.append(String.format("%-10s %8d %18d %12d %14d%n", t.chip(), t.entries().size(),
                    t.entriesBeforeCompression(), t.treeEntries(), t.defaultRouted()));
        }
        return b.toString();
    }
}
