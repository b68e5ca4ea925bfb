package org.engram.spinnaker.transceiver;

import java.util.Map;
import java.util.SortedMap;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.scp.ChipInfo;
import org.engram.spinnaker.scp.VersionInfo;

/**
 * What the start-up sequence learnt about a machine: its dimensions (from the system
 * variables), the chips the root's P2P table routes to, and each chip's CMD_INFO summary.
 */
public record MachineInfo(VersionInfo version, int width, int height, SortedMap<ChipLocation, ChipInfo> chips) {
    public int totalCores() {
        return chips.values().stream().mapToInt(ChipInfo::workingCores).sum();
    }

    public Map<ChipLocation, ChipInfo> chipMap() {
        return chips;
    }
}
