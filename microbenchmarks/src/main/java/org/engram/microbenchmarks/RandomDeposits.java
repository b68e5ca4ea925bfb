package org.engram.microbenchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory floor under the event engine's deposits: how long the deposits alone take as the
 * neurons' records outgrow the caches, with nothing else running.
 *
 * <p>N records of 8 doubles (the engine's per-neuron record, 64 bytes), 80 N targets drawn
 * uniformly and grouped by source, 80 to a source (the cuba network's synapses), and a sequence of
 * random sources. Each source's spike makes its group's 80 deposits, the read-modify-write of an
 * excitatory delivery (eh, mh and bh updated, bh tested against need) and nothing more. The score
 * is the time per deposit. {@code bench/scale.sh --floor} prints it beside the engine's time per
 * synaptic event at each size:
 * <pre>   java -jar microbenchmarks/target/microbenchmarks.jar RandomDeposits -p neurons=1000,100000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// the heap and huge pages that ./engram gives the engine (examples/jvm-options.sh)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseTransparentHugePages"})
public class RandomDeposits {
    private static final int FAN_OUT = 80;
    private static final int STRIDE = 8;
    // the engine's offsets in a record (ScaledMembranes): the fields an excitatory deposit touches
    private static final int MH = 0;
    private static final int EH = 1;
    private static final int BH = 3;
    private static final int NEED = 5;
    private static final int ED = 6;
    private static final int SPIKES = 1 << 16;

    @Param({"1000", "3000", "10000", "30000", "100000"})
    int neurons;

    private double[] state;
    private int[] target;
    private int[] source;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(2007);
        state = new double[STRIDE * neurons];
        for (int r = 0; r < state.length; r += STRIDE) {
            state[r + NEED] = Double.POSITIVE_INFINITY; // never reached: every call does the same work
            state[r + ED] = 0.5;
        }
        target = new int[FAN_OUT * neurons];
        for (int s = 0; s < target.length; s++) {
            target[s] = random.nextInt(neurons);
        }
        source = new int[SPIKES];
        for (int k = 0; k < SPIKES; k++) {
            source[k] = random.nextInt(neurons);
        }
    }

    /** The deposits of {@link #SPIKES} spikes; returns how many reached their need (none). */
    @Benchmark
    @OperationsPerInvocation(SPIKES * FAN_OUT)
    public int deposits() {
        double[] state = this.state;
        int[] target = this.target;
        double e = 0.01;
        double d = 0.02;
        int reached = 0;
        for (int g : source) {
            for (int s = g * FAN_OUT; s < (g + 1) * FAN_OUT; s++) {
                int r = target[s] * STRIDE;
                state[r + EH] += e;
                state[r + MH] += d;
                double bh = state[r + BH] + d - e * state[r + ED];
                state[r + BH] = bh;
                if (bh >= state[r + NEED]) {
                    reached++;
                }
            }
        }
        return reached;
    }
}
