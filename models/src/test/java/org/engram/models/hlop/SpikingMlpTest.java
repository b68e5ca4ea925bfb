package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DSR-trained network: it learns, and HLOP's projection keeps old inputs' currents still. */
class SpikingMlpTest {
    private static final int N = 20;

    @Test
    void learnsTwoClassesThatLightDifferentHalvesOfTheInput() {
        SpikingMlp net = new SpikingMlp(new int[] {N, 16, 2}, 6, 3);
        SplittableRandom random = new SplittableRandom(4);
        double first = 0;
        double last = 0;
        double[][] x = new double[32][];
        int[] y = new int[32];
        for (int step = 0; step < 60; step++) {
            for (int i = 0; i < x.length; i++) {
                y[i] = random.nextInt(2);
                x[i] = halfLit(y[i], random);
            }
            double loss = net.train(x, y, 0.5, null, false).meanLoss();
            first = step == 0 ? loss : first;
            last = loss;
        }
        assertTrue(last < first / 4, "loss " + first + " -> " + last);
        assertArrayEquals(y, net.predict(x));
    }

    @Test
    void projectionKeepsEarlierInputsCurrentsWhileThePlainUpdateMovesThem() {
        double[][] old = new double[64][];
        double[][] fresh = new double[64][];
        int[] labels = new int[64];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < old.length; i++) {
            old[i] = new double[N];
            for (int j = 0; j < 3; j++) {
                old[i][j] = random.nextDouble();   // the earlier task lives on the first three inputs
            }
            labels[i] = random.nextInt(2);
            fresh[i] = halfLit(labels[i], random);
        }
        SubspaceNeurons[] lateral = {new SubspaceNeurons(new SubspaceRule(N, 0.05, 5), 6),
                new SubspaceNeurons(SubspaceRule.hidden(16), 7)};
        lateral[0].beginTask(3);
        for (int i = 0; i < 400; i++) {
            lateral[0].learn(old);
        }
        lateral[0].beginTask(1);
        lateral[1].beginTask(1);   // no frozen row: the hidden layer's update stays plain

        double projected = relativeChange(lateral, old, fresh, labels);
        double plain = relativeChange(null, old, fresh, labels);
        assertTrue(plain > 0.1, "plain update moves old currents by " + plain);
        assertTrue(projected < 1e-3, "projected update moves old currents by " + projected);
    }

    @Test
    void rejectsAZeroWidthLayer() {
        var e = assertThrows(InvalidHlopException.class, () -> new SpikingMlp(new int[] {4, 0, 2}, 3, 1));
        assertEquals("SpikingMlp: size of layer 1 0; expected at least 1", e.getMessage());
    }

    /** ‖ΔW₀ x_old‖ / ‖ΔW₀ x_fresh‖ after training on the fresh inputs. */
    private static double relativeChange(SubspaceNeurons[] lateral, double[][] old, double[][] fresh, int[] labels) {
        SpikingMlp net = new SpikingMlp(new int[] {N, 16, 2}, 6, 8);
        double[][] before = net.weights(0);
        for (int step = 0; step < 20; step++) {
            net.train(fresh, labels, 0.5, lateral, false);
        }
        double[][] after = net.weights(0);
        return norm(after, before, old) / norm(after, before, fresh);
    }

    private static double norm(double[][] after, double[][] before, double[][] inputs) {
        double sum = 0;
        for (double[] x : inputs) {
            for (int r = 0; r < after.length; r++) {
                double d = 0;
                for (int c = 0; c < x.length; c++) {
                    d += (after[r][c] - before[r][c]) * x[c];
                }
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[] halfLit(int label, SplittableRandom random) {
        double[] x = new double[N];
        for (int j = 0; j < N / 2; j++) {
            x[label * N / 2 + j] = 0.5 + 0.5 * random.nextDouble();
        }
        return x;
    }
}
