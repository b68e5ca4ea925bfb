package org.engram.simulator.engine.core;

import org.engram.simulator.build.BuiltNetwork;

/**
 * What the double-precision engines share beyond {@link RecordingEngine}: the plastic synapses
 * and the source trains. Subclasses advance time.
 */
public abstract class EngineBase extends RecordingEngine {
    protected final Plasticity plasticity;
    protected final SourceTrains sources;

    protected EngineBase(BuiltNetwork net, boolean depressAtZero, double[] effectivePlasticDelays) {
        super(net);
        this.plasticity = new Plasticity(net, depressAtZero, effectivePlasticDelays);
        this.sources = new SourceTrains(net);
    }

    @Override
    protected final double[] weightsOf(int k, double t) {
        int[] plastic = net.plasticIndexOfConnection[k];
        return plastic == null ? net.connections(k).weights() : plasticity.weightsAt(plastic, t);
    }
}
