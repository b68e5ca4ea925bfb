package org.engram.spinnaker.transceiver;

import org.engram.spinnaker.machine.CoreLocation;

/**
 * A core's VCPU block ({@code vcpu_t}, 128 bytes at 0xE5007000 + 128·p).
 *
 * @param state cpu_state (offset 46); see {@link org.engram.spinnaker.scp.CpuState}
 * @param appId app_id (47)
 * @param appName app_name (72, 16 bytes, NUL-terminated)
 * @param iobuf address of the first IOBUF block (88), 0 if none
 * @param user user0–user3 (112–124)
 * @param physicalCpu phys_cpu (45)
 * @param runTimeError rt_code (44)
 */
public record CoreStatus(CoreLocation core, int state, int appId, String appName, long iobuf,
        long[] user, int physicalCpu, int runTimeError) {
    public String stateName() {
        return org.engram.spinnaker.scp.CpuState.of(state).map(Enum::name).orElse("state " + state);
    }
}
