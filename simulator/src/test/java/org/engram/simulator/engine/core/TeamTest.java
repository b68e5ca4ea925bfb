package org.engram.simulator.engine.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TeamTest {
    /**
     * Each member writes its slot, the barrier's action sums the slots, every member reads the
     * sum: a barrier that let a member pass early, or an action that missed a write, changes it.
     */
    @Test
    void theActionSeesEveryMembersWritesAndEveryMemberSeesTheAction() {
        for (int size : new int[] {1, 2, 3, 8}) {
            Team team = new Team(size);
            long[] slot = new long[size];
            long[] total = new long[1];
            long[][] seen = new long[size][200];
            team.run(m -> {
                for (int round = 0; round < 200; round++) {
                    slot[m] = round * 1000L + m;
                    team.await(() -> total[0] = java.util.Arrays.stream(slot).sum());
                    seen[m][round] = total[0];
                    team.await(null); // nobody writes its slot before all have read the sum
                }
            });
            long[] expected = new long[200];
            for (int round = 0; round < 200; round++) {
                expected[round] = round * 1000L * size + (long) size * (size - 1) / 2;
            }
            for (int m = 0; m < size; m++) {
                assertArrayEquals(expected, seen[m], size + " members, member " + m);
            }
        }
    }

    @Test
    void idleCoresAreBetweenOneAndTheMachinesCores() {
        int idle = Team.idleCores();
        org.junit.jupiter.api.Assertions.assertTrue(idle >= 1 && idle <= Runtime.getRuntime().availableProcessors(),
                idle + " idle cores");
    }

    @Test
    void aMembersFailureStopsTheOthersAndIsThrown() {
        Team team = new Team(3);
        IllegalStateException failure = new IllegalStateException("member 2 fails");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run(m -> {
            for (int round = 0; ; round++) {
                if (m == 2 && round == 5) {
                    throw failure;
                }
                team.await(null);
            }
        }));
        assertSame(failure, thrown);
        // the team runs again afterwards
        int[] count = new int[3];
        team.run(m -> {
            team.await(null);
            count[m]++;
        });
        assertArrayEquals(new int[] {1, 1, 1}, count);
        assertEquals(3, team.size());
    }
}
