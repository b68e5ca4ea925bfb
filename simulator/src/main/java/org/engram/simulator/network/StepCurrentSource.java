package org.engram.simulator.network;

import java.util.Arrays;
import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's StepCurrentSource: at {@code times[i]} (ms) the current becomes {@code amplitudes[i]}
 * (nA) and stays so until the next time; it is 0 before the first. Times are finite, at least 0
 * and strictly increasing. Immutable: the arrays are copied in and out.
 */
public record StepCurrentSource(double[] times, double[] amplitudes) implements CurrentSource {

    public StepCurrentSource {
        if (times == null || amplitudes == null) {
            throw new InvalidNetworkException("StepCurrentSource: times and amplitudes are required");
        }
        times = times.clone();
        amplitudes = amplitudes.clone();
        if (times.length != amplitudes.length) {
            throw new InvalidNetworkException("StepCurrentSource: " + times.length + " times and " + amplitudes.length
                    + " amplitudes; expected as many amplitudes as times");
        }
        for (int i = 0; i < times.length; i++) {
            CurrentSource.requireFinite("StepCurrentSource", "times[" + i + "]", times[i], "ms");
            CurrentSource.requireFinite("StepCurrentSource", "amplitudes[" + i + "]", amplitudes[i], "nA");
            if (times[i] < 0) {
                throw new InvalidNetworkException("StepCurrentSource: times[" + i + "] is " + times[i]
                        + " ms; expected a time >= 0 ms");
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new InvalidNetworkException("StepCurrentSource: times[" + i + "] (" + times[i]
                        + " ms) is not after times[" + (i - 1) + "] (" + times[i - 1]
                        + " ms); expected strictly increasing times");
            }
        }
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    @Override
    public double[] changeTimesMs() {
        return times();
    }

    @Override
    public double[] amplitudesAfterChange() {
        return amplitudes();
    }

    @Override
    public String typeName() {
        return "StepCurrentSource";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepCurrentSource s && Arrays.equals(s.times, times) && Arrays.equals(s.amplitudes, amplitudes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(amplitudes);
    }

    @Override
    public String toString() {
        return "StepCurrentSource[times=" + Arrays.toString(times) + ", amplitudes=" + Arrays.toString(amplitudes) + "]";
    }
}
