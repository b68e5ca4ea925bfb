package org.engram.simulator.engine.fixed;

import java.util.Arrays;

/**
 * The core application of a SpikeSourcePoisson slice. Each step, every neuron inside its window
 * {@code [startTick, endTick)} draws its number of spikes {@code k} from a Poisson law of mean
 * {@code lambda} by Knuth's product method in U0.32 arithmetic, with the slice's {@link Kiss64}:
 * {@code p = u_1}; while {@code p > e^(-lambda)}: {@code k++}, {@code p = (p u_(k+1)) >>> 32}.
 * Neurons draw in index order; a neuron outside its window draws nothing. It sends its key
 * {@code k} times.
 */
public final class PoissonCore implements Core {
    private final int firstKey;
    private final PoissonParameters parameters;
    private final Kiss64 random;
    private int[] emitted;
    private final int[] spikeBits;
    private int tick;

    public PoissonCore(int firstKey, PoissonParameters parameters) {
        this.firstKey = firstKey;
        this.parameters = parameters;
        int[] s = parameters.seed;
        random = new Kiss64(s[0], s[1], s[2], s[3]);
        emitted = new int[parameters.size()];
        spikeBits = new int[(parameters.size() + 31) / 32];
    }

    @Override
    public int firstKey() {
        return firstKey;
    }

    @Override
    public int size() {
        return parameters.size();
    }

    @Override
    public int tick() {
        return tick;
    }

    @Override
    public int step() {
        Arrays.fill(spikeBits, 0);
        int count = 0;
        for (int i = 0; i < parameters.size(); i++) {
            if (tick >= parameters.startTick[i] && tick < parameters.endTick[i]) {
                int k = draw(Integer.toUnsignedLong(parameters.expMinusLambda[i]));
                if (k > 0) {
                    spikeBits[i >>> 5] |= 1 << (i & 31);
                    if (count + k > emitted.length) {
                        emitted = Arrays.copyOf(emitted, Math.max(2 * emitted.length, count + k));
                    }
                    Arrays.fill(emitted, count, count + k, firstKey + i);
                    count += k;
                }
            }
        }
        tick++;
        return count;
    }

    /** A Poisson count by Knuth's product method; {@code limit} is e^(-lambda) as U0.32. */
    private int draw(long limit) {
        long p = Integer.toUnsignedLong(random.next());
        int k = 0;
        while (p > limit) {
            k++;
            p = (p * Integer.toUnsignedLong(random.next())) >>> 32;
        }
        return k;
    }

    @Override
    public int[] emitted() {
        return emitted;
    }

    @Override
    public int[] spikeBits() {
        return spikeBits;
    }

    /** A source has no synapses: every key is dropped. */
    @Override
    public void receive(int key) {
        // sources listen to nothing
    }

    /** The generator's state now {x, y, z, c}, for an image that saves it. */
    public int[] generatorState() {
        return random.state();
    }
}
