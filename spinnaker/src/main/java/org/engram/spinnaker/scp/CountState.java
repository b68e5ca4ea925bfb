package org.engram.spinnaker.scp;

import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.machine.CoreLocation;

/**
 * CMD_COUNT: the number of cores of an application in a state, machine-wide (sent to the root
 * chip; SCAMP answers within 10 ms, RC_P2P_NOREPLY if some chips did not). arg1 = app_id,
 * arg2 = state; reply arg1 = count.
 */
public record CountState(int appId, CpuState state) implements ScpRequest<Integer> {
    public CountState {
        Checks.appId("CMD_COUNT", appId);
    }

    @Override
    public CoreLocation target() {
        return new CoreLocation(ChipLocation.ZERO, 0);
    }

    @Override
    public ScpCommand command() {
        return ScpCommand.CMD_COUNT;
    }

    @Override
    public int arg1() {
        return appId;
    }

    @Override
    public int arg2() {
        return state.code;
    }

    @Override
    public Integer parse(ScpResponse reply) {
        return reply.word("CMD_COUNT", 0);
    }
}
