package org.engram.models.hlop;

/**
 * The lateral circuit's parameters for one layer (HLOP reference code, {@code HLOP} in
 * {@code modules/hlop_module.py}).
 *
 * @param inputSize  dimension {@code N} of the layer's presynaptic trace {@code x}
 * @param learningRate Hebbian learning rate {@code lr} of {@code H += lr·M}; the reference uses
 *                   {@link #PIXEL_LEARNING_RATE} on pixel inputs, {@link #HIDDEN_LEARNING_RATE}
 *                   elsewhere
 * @param iterations Hebbian updates per mini-batch; the reference uses {@link #ITERATIONS}
 */
public record SubspaceRule(int inputSize, double learningRate, int iterations) {
    /** Learning rate of the modules on the 784 pixel inputs of the MLP. */
    public static final double PIXEL_LEARNING_RATE = 0.001;
    /** Learning rate of the hidden-layer and classifier-input modules. */
    public static final double HIDDEN_LEARNING_RATE = 0.01;
    /** Hebbian iterations per mini-batch ({@code forward_with_update(x, iteration=5)}). */
    public static final int ITERATIONS = 5;

    public SubspaceRule {
        if (inputSize < 1) {
            throw new InvalidHlopException("SubspaceRule", "inputSize", inputSize, "at least 1");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {   // also rejects NaN
            throw new InvalidHlopException("SubspaceRule", "learningRate", learningRate,
                    "a finite number above 0");
        }
        if (iterations < 1) {
            throw new InvalidHlopException("SubspaceRule", "iterations", iterations, "at least 1");
        }
    }

    /** The reference's defaults for a layer of {@code inputSize} inputs that are not pixels. */
    public static SubspaceRule hidden(int inputSize) {
        return new SubspaceRule(inputSize, HIDDEN_LEARNING_RATE, ITERATIONS);
    }
}
