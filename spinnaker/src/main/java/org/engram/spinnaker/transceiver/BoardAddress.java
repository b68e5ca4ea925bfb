package org.engram.spinnaker.transceiver;

import org.engram.spinnaker.machine.ChipLocation;

/**
 * One board of a machine as a host reaches it: its Ethernet chip (in the machine's coordinates,
 * as spalloc's {@code get_job_machine_info} names a connection) and where its SCAMP listens.
 *
 * @param ethernet the board's Ethernet chip; the root board's is (0,0)
 * @param host the board's address
 * @param scpPort the UDP port of its SCAMP (17893 on real boards)
 */
public record BoardAddress(ChipLocation ethernet, String host, int scpPort) {
    /** SCAMP's port on a real board. */
    public static final int SCAMP_PORT = 17893;

    public BoardAddress {
        if (ethernet == null || host == null || host.isBlank()) {
            throw new InvalidRequestException("board " + ethernet + ": no host given");
        }
        if (scpPort < 1 || scpPort > 65535) {
            throw new InvalidRequestException("board " + ethernet + " at " + host + ": SCAMP port " + scpPort
                    + " outside 1..65535");
        }
    }

    /**
     * A board from spalloc's name for its connection: {@code HOST} (SCAMP on {@link #SCAMP_PORT})
     * or {@code HOST:PORT}, which emulated boards use, each on its own loopback port.
     */
    public static BoardAddress parse(ChipLocation ethernet, String connection) {
        int colon = connection.lastIndexOf(':');
        if (colon < 0 || connection.indexOf(':') != colon) {
            return new BoardAddress(ethernet, connection, SCAMP_PORT); // a name, an IPv4 or an IPv6 address
        }
        String port = connection.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}")) {
            throw new InvalidRequestException("board " + ethernet + ": connection '" + connection
                    + "' is not HOST or HOST:PORT");
        }
        return new BoardAddress(ethernet, connection.substring(0, colon), Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return host + ":" + scpPort;
    }
}
