package org.engram.simulator.record;

/**
 * Recorded weights of one projection: connection {@code c} goes from {@code pre[c]} to
 * {@code post[c]} (indices in the pre and post populations); {@code weights[s][c]} is its weight
 * at {@code timesMs[s]}.
 */
public record WeightTrace(String projection, String prePopulation, String postPopulation, int[] pre, int[] post,
        double[] timesMs, double[][] weights) {
    public WeightTrace {
        pre = pre.clone();
        post = post.clone();
        timesMs = timesMs.clone();
        double[][] copy = new double[weights.length][];
        for (int s = 0; s < weights.length; s++) {
            copy[s] = weights[s].clone();
            if (copy[s].length != pre.length) {
                throw new IllegalArgumentException("sample " + s + " has " + copy[s].length + " weights, expected "
                        + pre.length);
            }
        }
        weights = copy;
        if (pre.length != post.length || timesMs.length != weights.length) {
            throw new IllegalArgumentException("pre/post or times/weights differ in length");
        }
    }

    public int connections() {
        return pre.length;
    }

    @Override
    public int[] pre() {
        return pre.clone();
    }

    @Override
    public int[] post() {
        return post.clone();
    }

    @Override
    public double[] timesMs() {
        return timesMs.clone();
    }

    /** The weights at sample {@code s} (a copy). */
    public double[] at(int s) {
        return weights[s].clone();
    }

    @Override
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int s = 0; s < weights.length; s++) {
            copy[s] = weights[s].clone();
        }
        return copy;
    }
}
