package org.engram.models.ca3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.engram.simulator.record.PopulationSpikes;
import org.engram.simulator.record.Recording;

/** The reference files in {@code src/test/resources/ca3/} (see the README there) and spike-table helpers. */
final class ReferenceFiles {
    static final String[] EXPERIMENTS = {"exp1_functional", "exp2_stress", "exp3_state_map"};

    private ReferenceFiles() {}

    static String text(String name) {
        try (InputStream in = ReferenceFiles.class.getResourceAsStream("/ca3/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource ca3/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestBench bench(String experiment) {
        return TestBench.parse(text(experiment + "_testbench.json"), experiment + "_testbench.json");
    }

    /** One spike cell: population (in reference order), neuron, ms. Sorted by ms, population, neuron. */
    record Cell(int ms, Ca3Population population, int neuron) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell o) {
            int c = Integer.compare(ms, o.ms);
            if (c == 0) {
                c = population.compareTo(o.population);
            }
            return c != 0 ? c : Integer.compare(neuron, o.neuron);
        }

        @Override
        public String toString() {
            return "(population " + population + ", neuron " + neuron + ", " + ms + " ms)";
        }
    }

    /** The hardware spikes of an experiment, read from {@code time_ms,population,neuron} rows. */
    static TreeSet<Cell> hardware(String experiment) {
        TreeSet<Cell> cells = new TreeSet<>();
        List<String> lines = text(experiment + "_spinnaker_spikes.csv").lines().toList();
        if (!lines.get(0).equals("time_ms,population,neuron")) {
            throw new IllegalStateException("unexpected header " + lines.get(0));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            cells.add(new Cell(Integer.parseInt(f[0]), Ca3Population.byLabel(f[1]), Integer.parseInt(f[2])));
        }
        return cells;
    }

    /** The simulated spikes as cells; every time must be a whole ms (grid at 1 ms). */
    static TreeSet<Cell> simulated(Recording rec) {
        TreeSet<Cell> cells = new TreeSet<>();
        for (PopulationSpikes s : rec.spikes()) {
            for (int k = 0; k < s.count(); k++) {
                double t = s.timeMs(k);
                if (t != Math.rint(t)) {
                    throw new AssertionError(s.population() + " neuron " + s.neuron(k) + " spiked at " + t
                            + " ms, off the 1 ms grid");
                }
                cells.add(new Cell((int) t, Ca3Population.byLabel(s.population()), s.neuron(k)));
            }
        }
        return cells;
    }

    /** Cells present in one set only, in order, each marked with where it is missing. */
    static List<String> differences(TreeSet<Cell> expected, TreeSet<Cell> actual) {
        TreeSet<Cell> all = new TreeSet<>(expected);
        all.addAll(actual);
        List<String> out = new ArrayList<>();
        for (Cell c : all) {
            boolean e = expected.contains(c);
            boolean a = actual.contains(c);
            if (e != a) {
                out.add(c + (e ? ": spike on SpiNNaker, none simulated" : ": spike simulated, none on SpiNNaker"));
            }
        }
        return out;
    }
}
