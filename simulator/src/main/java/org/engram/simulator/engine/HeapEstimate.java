package org.engram.simulator.engine;

import java.util.Arrays;
import org.engram.simulator.connector.Connector;
import org.engram.simulator.connector.FixedProbability;
import org.engram.simulator.connector.FromList;
import org.engram.simulator.network.CurrentInjection;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.random.Value;
import org.engram.simulator.record.RecordingFiles;
import org.engram.simulator.synapse.STDPMechanism;

/**
 * The heap a simulation needs, estimated from the description alone, before anything is built: the
 * larger of the build's peak (the connections in insertion order beside their compressed rows) and
 * the running simulation (the rows, each engine's neuron state, grid mode's input ring); and the
 * bytes its recording's files will take (as {@link RecordingFiles} estimates them).
 *
 * <p>The figures per neuron and per synapse are the smallest {@code -Xmx} that built and ran
 * networks of each kind (2,000,000 unconnected neurons; 100,000 neurons with 80 static inputs each
 * at one delay; 20,000 with 100 static inputs at random delays and weights, and with 100 plastic
 * ones) divided by their sizes, rounded up by 5-20 %: the estimate errs on the side of refusing.
 */
final class HeapEstimate {
    /** The JVM, the classes and the description. */
    static final long BASE_BYTES = 40L << 20;
    static final int BUILD_BYTES_PER_NEURON = 200;
    /** Static synapses while built: insertion-order arrays (24 bytes) beside the rows (target, weight, delay). */
    static final int BUILD_BYTES_PER_STATIC = 48;
    /** More per static synapse where delays vary: about one delivery group per synapse. */
    static final int BUILD_BYTES_PER_VARIED_DELAY = 28;
    static final int BUILD_BYTES_PER_PLASTIC = 72;
    static final int EVENT_BYTES_PER_NEURON = 360;
    static final int GRID_BYTES_PER_NEURON = 240;
    static final int RUN_BYTES_PER_STATIC = 20;
    static final int RUN_BYTES_PER_VARIED_DELAY = 28;
    static final int RUN_BYTES_PER_PLASTIC = 40;
    /** Grid mode's input ring per neuron and step of the longest delay: two currents and the arrival list. */
    static final int GRID_BYTES_PER_SLOT = 8 + 8 + 4 + 1;
    /**
     * Current sources, on top of the figures above (measured without them): per neuron the rows of
     * its sources (4) and a flag (1), and in event mode its bias current (8); per neuron a source
     * goes into, its index twice (target and row); per change of a current, its time and amplitude.
     */
    static final int INJECTION_BYTES_PER_NEURON = 4 + 1;
    static final int EVENT_BIAS_BYTES_PER_NEURON = 8;
    static final int BYTES_PER_INJECTED_NEURON = 4 + 4;
    static final int BYTES_PER_CURRENT_CHANGE = 8 + 8;
    /** The weights of a recording projection: its connections, generated once more to name them. */
    static final int BYTES_PER_RECORDED_CONNECTION = 40;

    private HeapEstimate() {}

    static Simulator.Footprint of(Network net, Mode mode, double dtMs, double durationMs) {
        long neurons = net.populations().stream().mapToLong(Population::size).sum();
        double statics = 0;
        double varied = 0;
        double plastic = 0;
        double recorded = 0;
        double longestDelay = net.timestepMs();
        double files = 0;
        double scratch = 0;
        for (Population p : net.populations()) {
            if (p.record().v()) {
                double interval = p.record().vIntervalMs() > 0 ? p.record().vIntervalMs() : net.timestepMs();
                if (mode == Mode.grid) {
                    interval = Math.max(1, Math.rint(interval / dtMs)) * dtMs;
                }
                long samples = samples(durationMs, interval);
                files += RecordingFiles.membraneCsvBytes(p.label(), p.size(), p.size(), samples)
                        + (double) RecordingFiles.npyBytes(p.size(), samples);
                scratch += RecordingFiles.npyBytes(p.size(), samples);
            }
        }
        for (Projection pr : net.projections()) {
            double n = expectedConnections(pr.connector(), pr.pre().size(), pr.post().size());
            Projection.WeightRecording w = pr.recordWeights();
            if (w != null) {
                long samples = w.timesMs() != null ? Arrays.stream(w.timesMs()).filter(t -> t <= durationMs).count()
                        : samples(durationMs, w.intervalMs());
                files += RecordingFiles.weightCsvBytes(pr.label(), (long) n, samples);
            }
            boolean variedDelay = !(pr.synapse().delay() == null || pr.synapse().delay() instanceof Value.Constant)
                    || (pr.connector() instanceof FromList l
                            && l.connections().stream().anyMatch(c -> !Double.isNaN(c.delay())));
            if (pr.synapse() instanceof STDPMechanism) {
                plastic += n;
            } else {
                statics += n;
                varied += variedDelay ? n : 0;
            }
            recorded += pr.recordWeights() != null ? n : 0;
            longestDelay = Math.max(longestDelay, longestDelay(pr));
        }
        double injection = 0;
        for (CurrentInjection c : net.currentSources()) {
            injection += (double) BYTES_PER_INJECTED_NEURON * c.cells().size()
                    + (double) BYTES_PER_CURRENT_CHANGE * c.source().changeTimesMs().length;
        }
        injection += (double) (INJECTION_BYTES_PER_NEURON + (mode == Mode.event ? EVENT_BIAS_BYTES_PER_NEURON : 0))
                * neurons;
        long slots = 0;
        if (mode == Mode.grid) {
            double steps = Math.max(1, Math.rint(longestDelay / dtMs));
            slots = steps >= Long.MAX_VALUE - 1 ? Long.MAX_VALUE : (long) steps + 1;
        }
        double build = BASE_BYTES + (double) BUILD_BYTES_PER_NEURON * neurons + BUILD_BYTES_PER_STATIC * statics
                + BUILD_BYTES_PER_VARIED_DELAY * varied + BUILD_BYTES_PER_PLASTIC * plastic;
        double run = BASE_BYTES + (double) (mode == Mode.grid ? GRID_BYTES_PER_NEURON : EVENT_BYTES_PER_NEURON)
                * neurons + RUN_BYTES_PER_STATIC * statics + RUN_BYTES_PER_VARIED_DELAY * varied
                + RUN_BYTES_PER_PLASTIC * plastic + BYTES_PER_RECORDED_CONNECTION * recorded
                + (double) GRID_BYTES_PER_SLOT * slots * neurons + injection;
        return new Simulator.Footprint(neurons, (long) Math.min(Long.MAX_VALUE, statics + plastic), slots,
                (long) Math.min(Long.MAX_VALUE, Math.max(build, run)), mode == Mode.grid ? durationMs / dtMs : 0,
                (long) Math.min(Long.MAX_VALUE, files), (long) Math.min(Long.MAX_VALUE, scratch));
    }

    /** Samples every {@code intervalMs} from 0 over a run of {@code durationMs}. */
    private static long samples(double durationMs, double intervalMs) {
        return (long) Math.min(Long.MAX_VALUE / 2, Math.floor(durationMs / intervalMs) + 1);
    }

    /**
     * How many connections a connector gives: its count where it knows it, and for
     * FixedProbability the mean and three standard deviations.
     */
    static double expectedConnections(Connector c, int pre, int post) {
        if (c instanceof FixedProbability f) {
            double mean = f.p() * pre * post;
            return mean + 3 * Math.sqrt(mean * (1 - f.p()));
        }
        long max = c.maxConnections(pre, post);
        return max >= 0 ? max : (double) pre * post;
    }

    /** The longest delay a projection's synapses can draw (a normal distribution: six standard deviations up). */
    private static double longestDelay(Projection pr) {
        Value d = pr.synapse().delay();
        double longest = d == null ? 0
                : d instanceof Value.Constant c ? c.value()
                : d instanceof Value.Uniform u ? u.high()
                : d instanceof Value.NormalClipped n ? n.high()
                : ((Value.Normal) d).mu() + 6 * ((Value.Normal) d).sigma();
        if (pr.connector() instanceof FromList l) {
            for (FromList.Connection c : l.connections()) {
                if (!Double.isNaN(c.delay())) {
                    longest = Math.max(longest, c.delay());
                }
            }
        }
        return longest;
    }
}
