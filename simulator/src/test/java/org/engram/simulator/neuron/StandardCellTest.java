package org.engram.simulator.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.engram.simulator.error.InvalidNetworkException;
import org.junit.jupiter.api.Test;

class StandardCellTest {

    @Test
    void resetIsSetUnlessChangedAndParameterCopiesKeepIt() {
        for (StandardModel m : StandardModel.values()) {
            assertEquals(Reset.SET, m.defaults().reset());
        }
        for (StandardModel m : new StandardModel[] {StandardModel.IF_curr_exp, StandardModel.IF_curr_delta,
            StandardModel.IF_cond_exp}) {
            StandardCell soft = m.defaults().withReset(Reset.SUBTRACT);
            assertEquals(Reset.SUBTRACT, soft.with("tau_m", 5.0).reset());
            assertEquals(Reset.SUBTRACT, soft.with("tau_m", 5.0, "v_thresh", -40.0).reset());
            assertEquals(Reset.SUBTRACT, soft.with("cm", Param.of(2.0)).reset());
            assertNotEquals(m.defaults(), soft);
            assertEquals(m.defaults(), soft.withReset(Reset.SET));
        }
    }

    @Test
    void aSourceRefusesTheSubtractiveReset() {
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class,
                () -> StandardModel.SpikeSourcePoisson.defaults().withReset(Reset.SUBTRACT));
        assertTrue(e.getMessage().startsWith("SpikeSourcePoisson: reset subtract applies to neurons with a membrane"),
                e.getMessage());
        assertEquals("unknown reset 'soft'; expected one of set, subtract",
                assertThrows(InvalidNetworkException.class, () -> Reset.byJsonName("soft")).getMessage());
        assertEquals(Reset.SUBTRACT, Reset.byJsonName("subtract"));
    }
}
