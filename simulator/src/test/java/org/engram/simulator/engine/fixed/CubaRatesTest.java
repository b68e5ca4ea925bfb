package org.engram.simulator.engine.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.connector.FixedNumberPre;
import org.engram.simulator.engine.Simulator;
import org.engram.simulator.network.InitialValue;
import org.engram.simulator.network.Network;
import org.engram.simulator.network.Population;
import org.engram.simulator.network.Projection;
import org.engram.simulator.network.Receptor;
import org.engram.simulator.neuron.StandardCell;
import org.engram.simulator.neuron.StandardModel;
import org.engram.simulator.random.Value;
import org.engram.simulator.record.Recording;
import org.engram.simulator.synapse.StaticSynapse;
import org.junit.jupiter.api.Test;

class CubaRatesTest {
    static Network cuba(int neurons, long seed) {
        int exc = neurons * 4 / 5;
        StandardCell cell = StandardModel.IF_curr_exp.with("cm", 0.2, "tau_m", 20.0, "tau_refrac", 5.0, "v_rest", -49.0,
                "v_reset", -60.0, "v_thresh", -50.0, "tau_syn_E", 5.0, "tau_syn_I", 10.0);
        Network.Builder b = Network.builder().seed(seed);
        Population e = b.add(new Population("exc", exc, cell).initialize("v", InitialValue.of(new Value.Uniform(-60, -50)))
                .recordingSpikes());
        Population i = b.add(new Population("inh", neurons - exc, cell)
                .initialize("v", InitialValue.of(new Value.Uniform(-60, -50))).recordingSpikes());
        StaticSynapse we = new StaticSynapse(0.0162, 0.2);
        StaticSynapse wi = new StaticSynapse(0.09, 0.2);
        b.add(new Projection("exc_exc", e, e, new FixedNumberPre(64, false), we, Receptor.excitatory, null));
        b.add(new Projection("exc_inh", e, i, new FixedNumberPre(64, true), we, Receptor.excitatory, null));
        b.add(new Projection("inh_exc", i, e, new FixedNumberPre(16, true), wi, Receptor.inhibitory, null));
        b.add(new Projection("inh_inh", i, i, new FixedNumberPre(16, false), wi, Receptor.inhibitory, null));
        return b.build();
    }

    @Test
    void explore() {
        for (String v : System.getenv().getOrDefault("FXV", "").split(",")) {
        if (!v.isEmpty()) System.setProperty(v, "true");
        System.out.println("variant " + v);
        for (long seed = 1; seed <= 3; seed++) {
            Network n = cuba(4000, seed);
            long t0 = System.nanoTime();
            var sf = Simulator.fixed(n, 0.1);
            long tb = System.nanoTime();
            sf.run(1000);
            System.out.printf("build %.2f run %.2f%n", (tb - t0) / 1e9, (System.nanoTime() - tb) / 1e9);
            Recording f = sf.recording();
            long t1 = System.nanoTime();
            Recording g = Simulator.run(n, org.engram.simulator.engine.Mode.grid, 0.1, 1000);
            long t2 = System.nanoTime();
            System.out.printf("seed %d: fixed exc %d inh %d (%.2f s) grid exc %d inh %d (%.2f s) warnings %s%n", seed,
                    f.spikes("exc").count(), f.spikes("inh").count(), (t1 - t0) / 1e9, g.spikes("exc").count(),
                    g.spikes("inh").count(), (t2 - t1) / 1e9, sf.warnings());
        }
        }
        assertTrue(true);
    }
}
