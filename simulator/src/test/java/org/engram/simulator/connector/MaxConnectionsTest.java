package org.engram.simulator.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * {@link Connector#maxConnections} is what the build sizes its arrays by: it must never be below
 * what {@link Connector#connect} gives, and where a connector knows its count it gives it exactly.
 */
class MaxConnectionsTest {
    private static final int PRE = 40;
    private static final int POST = 30;

    /** Pre and post are the same population of 40 (post positions are its first 30). */
    private static final Connector.SameNeuron SAME = (i, j) -> i == j;

    private static long count(Connector c, int pre, int post) {
        long[] n = {0};
        c.connect(pre, post, SAME, new Well19937c(3), (i, j, w, d) -> n[0]++);
        return n[0];
    }

    private static long count(Connector c) {
        return count(c, PRE, POST);
    }

    @Test
    void exactWhereTheConnectorKnowsItsCount() {
        for (Connector c : List.of(new FixedNumberPre(7, true), new FixedNumberPre(7, false), new AllToAll(true),
                new FromList(List.of(new FromList.Connection(0, 1, 0.1, 1.0),
                        new FromList.Connection(3, 2, 0.2, 1.0))))) {
            assertEquals(count(c), c.maxConnections(PRE, POST), c.toString());
        }
        assertEquals(count(new OneToOne(), POST, POST), new OneToOne().maxConnections(POST, POST));
    }

    @Test
    void neverBelowTheConnectionsGiven() {
        Connector noSelf = new AllToAll(false);
        assertTrue(noSelf.maxConnections(PRE, POST) >= count(noSelf));
        assertEquals(PRE * POST - POST, count(noSelf), "30 self-connections left out");
        assertEquals(-1, new FixedProbability(0.2, true).maxConnections(PRE, POST), "not known before drawing");
    }
}
