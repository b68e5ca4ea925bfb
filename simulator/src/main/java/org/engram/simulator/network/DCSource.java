package org.engram.simulator.network;

import org.engram.simulator.error.InvalidNetworkException;

/**
 * PyNN's DCSource: a constant current {@code amplitude} (nA) on {@code [start, stop)} (ms), 0
 * outside it; {@code stop} infinite keeps it on to the end of the run.
 */
public record DCSource(double amplitude, double start, double stop) implements CurrentSource {
    /** PyNN's defaults. */
    public static final double DEFAULT_AMPLITUDE = 1.0;
    public static final double DEFAULT_START = 0.0;
    public static final double DEFAULT_STOP = Double.POSITIVE_INFINITY;

    public DCSource {
        CurrentSource.requireFinite("DCSource", "amplitude", amplitude, "nA");
        CurrentSource.requireFinite("DCSource", "start", start, "ms");
        if (!(start >= 0)) {
            throw new InvalidNetworkException("DCSource: start is " + start + " ms; expected a time >= 0 ms");
        }
        if (!(stop > start)) { // also rejects NaN
            throw new InvalidNetworkException("DCSource: stop (" + stop + " ms) must be after start (" + start + " ms)");
        }
    }

    /** {@code amplitude} from 0 ms on, never stopping. */
    public DCSource(double amplitude) {
        this(amplitude, DEFAULT_START, DEFAULT_STOP);
    }

    @Override
    public double[] changeTimesMs() {
        return stop == Double.POSITIVE_INFINITY ? new double[] {start} : new double[] {start, stop};
    }

    @Override
    public double[] amplitudesAfterChange() {
        return stop == Double.POSITIVE_INFINITY ? new double[] {amplitude} : new double[] {amplitude, 0};
    }

    @Override
    public String typeName() {
        return "DCSource";
    }
}
