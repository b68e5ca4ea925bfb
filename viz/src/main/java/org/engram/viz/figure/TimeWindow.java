package org.engram.viz.figure;

/** The span of biological time a figure shows, in ms: {@code [fromMs, toMs]}, non-empty. */
public record TimeWindow(double fromMs, double toMs) {
    public TimeWindow {
        if (!Double.isFinite(fromMs) || !Double.isFinite(toMs) || fromMs < 0 || !(toMs > fromMs)) {
            throw new PlotException("time window [" + fromMs + ", " + toMs + "] ms; expected 0 <= from < to");
        }
    }

    public double lengthMs() {
        return toMs - fromMs;
    }

    public boolean contains(double tMs) {
        return tMs >= fromMs && tMs <= toMs;
    }
}
