package org.engram.spinnaker.emulator;

/**
 * What an emulator has seen since it started.
 *
 * @param booted whether the board is booted
 * @param scpDatagrams datagrams received on the SCAMP port (after injected loss)
 * @param replies replies produced
 * @param dropped datagrams dropped as SCAMP would drop them (malformed, unbooted, no tag, …)
 * @param droppedNoTag requests dropped because all 8 transient tags were in use
 * @param maxOutstanding most reply-expecting requests outstanding at once (transient tags in
 *     use when a request arrived, plus that request)
 * @param bootDatagrams datagrams received on the boot port
 * @param bootRefusals boots refused as malformed
 * @param lastBootError why the last boot was refused, or null
 * @param internalErrors exceptions escaping the protocol logic (a bug; must stay 0)
 * @param injectedDrops datagrams dropped by fault injection, both directions
 * @param injectedDuplicates datagrams duplicated by fault injection
 * @param injectedReorders datagrams delayed by fault injection
 */
public record EmulatorStats(boolean booted, long scpDatagrams, long replies, long dropped,
        long droppedNoTag, int maxOutstanding, long bootDatagrams, long bootRefusals,
        String lastBootError, long internalErrors, long injectedDrops, long injectedDuplicates,
        long injectedReorders) {}
