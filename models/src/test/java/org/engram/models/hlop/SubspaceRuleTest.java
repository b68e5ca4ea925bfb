package org.engram.models.hlop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.engram.simulator.error.UserError;
import org.junit.jupiter.api.Test;

class SubspaceRuleTest {
    @Test
    void zeroInputSizeIsRejectedNamingFieldValueAndRule() {
        var e = assertThrows(InvalidHlopException.class, () -> new SubspaceRule(0, 0.01, 5));
        assertEquals("SubspaceRule: inputSize 0; expected at least 1", e.getMessage());
        assertInstanceOf(UserError.class, e);
    }

    @Test
    void negativeZeroAndNanLearningRatesAreRejected() {
        for (double rate : new double[] {-0.01, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(InvalidHlopException.class, () -> new SubspaceRule(4, rate, 5));
            assertEquals("SubspaceRule: learningRate " + rate + "; expected a finite number above 0", e.getMessage());
        }
    }

    @Test
    void zeroIterationsAreRejected() {
        var e = assertThrows(InvalidHlopException.class, () -> new SubspaceRule(4, 0.01, 0));
        assertEquals("SubspaceRule: iterations 0; expected at least 1", e.getMessage());
    }

    @Test
    void hiddenUsesTheReferenceDefaults() {
        assertEquals(new SubspaceRule(800, 0.01, 5), SubspaceRule.hidden(800));
    }
}
