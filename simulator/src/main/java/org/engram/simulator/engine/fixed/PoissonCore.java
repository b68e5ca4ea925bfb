package org.engram.simulator.engine.fixed;

/**
 * The core application of a SpikeSourcePoisson slice. Each step, every neuron inside its window
 * {@code [startTick, endTick)} draws its number of spikes {@code k} from a Poisson law of mean
 * {@code lambda} by Knuth's product method in U0.32 arithmetic, with the slice's {@link Kiss64}:
 * {@code p = u_1}; while {@code p > e^(-lambda)}: {@code k++}, {@code p = (p u_(k+1)) >>> 32}.
 * Neurons draw in index order; a neuron outside its window draws nothing. It sends its key
 * {@code k} times.
 */
public final class PoissonCore extends Core {
    private final PoissonParameters parameters;
    private final Kiss64 random;

    public PoissonCore(int firstKey, PoissonParameters parameters) {
        super(firstKey, parameters.size());
        this.parameters = parameters;
        int[] s = parameters.seed;
        random = new Kiss64(s[0], s[1], s[2], s[3]);
    }

    @Override
    void update(int t) {
        for (int i = 0; i < parameters.size(); i++) {
            if (t >= parameters.startTick[i] && t < parameters.endTick[i]) {
                for (int k = draw(Integer.toUnsignedLong(parameters.expMinusLambda[i])); k > 0; k--) {
                    send(i);
                }
            }
        }
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

    /** The region, for an image encoder. */
    public PoissonParameters parameters() {
        return parameters;
    }

    /** The generator's state now {x, y, z, c}, for an image that saves it. */
    public int[] generatorState() {
        return random.state();
    }
}
