import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The memory floor under the event engine's deposits: how long the deposits alone take when the
 * neurons' records outgrow the caches, nothing else running.
 *
 * <pre>   java bench/floor/RandomDeposits.java N [N ...]</pre>
 *
 * For each N: N records of 8 doubles (the engine's per-neuron record, 64 bytes), 80 N targets
 * drawn uniformly and grouped by source, 80 to a source (the cuba network's synapses), and a
 * sequence of random sources. Each source's spike makes its group's 80 deposits, the
 * read-modify-write of an excitatory delivery (eh, mh and bh updated, bh tested against need) and
 * nothing more. Prints N and the nanoseconds per deposit, the best of five passes of about 4
 * million deposits. bench/scale.sh --floor prints it beside the engine's time per event.
 */
public final class RandomDeposits {
    private static final int FAN_OUT = 80;
    private static final int STRIDE = 8;
    private static final int DEPOSITS = 1 << 22;
    private static final int PASSES = 5;

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java bench/floor/RandomDeposits.java N [N ...]");
            System.exit(2);
        }
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                sizes[i] = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                sizes[i] = -1;
            }
            if (sizes[i] < 1 || sizes[i] > 10_000_000) {
                System.err.println("RandomDeposits: N '" + args[i] + "': expected a number of neurons, 1 to 10,000,000");
                System.exit(2);
            }
        }
        nsPerDeposit(sizes[0]); // compiles the loop before the first size is timed
        for (int n : sizes) {
            System.out.printf(Locale.ROOT, "%d %.2f%n", n, nsPerDeposit(n));
        }
    }

    private static double nsPerDeposit(int n) {
        SplittableRandom random = new SplittableRandom(2007);
        double[] state = new double[STRIDE * n];
        for (int r = 0; r < state.length; r += STRIDE) {
            state[r + 5] = 1e300; // need: never reached, so every pass does the same work
            state[r + 6] = 0.5;
        }
        int[] target = new int[FAN_OUT * n];
        for (int s = 0; s < target.length; s++) {
            target[s] = random.nextInt(n);
        }
        int[] source = new int[DEPOSITS / FAN_OUT];
        for (int k = 0; k < source.length; k++) {
            source[k] = random.nextInt(n);
        }
        long best = Long.MAX_VALUE;
        long reached = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            long start = System.nanoTime();
            reached += deliver(state, target, source, 0.01, 0.02);
            best = Math.min(best, System.nanoTime() - start);
        }
        if (reached != 0) {
            throw new AssertionError("need was reached");
        }
        return best / (double) (source.length * FAN_OUT);
    }

    private static long deliver(double[] state, int[] target, int[] source, double e, double d) {
        long reached = 0;
        for (int g : source) {
            for (int s = g * FAN_OUT; s < (g + 1) * FAN_OUT; s++) {
                int r = target[s] * STRIDE;
                state[r + 1] += e;
                state[r] += d;
                double bh = state[r + 3] + d - e * state[r + 6];
                state[r + 3] = bh;
                if (bh >= state[r + 5]) {
                    reached++;
                }
            }
        }
        return reached;
    }
}
