package org.engram.spinnaker.spalloc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.transceiver.BoardAddress;

/**
 * What {@code get_job_machine_info} says of a job's boards.
 *
 * @param width the job's machine's width in chips (8 for one board; 12 per triad, plus 4 where
 *     it does not wrap around)
 * @param height its height in chips
 * @param connections each board's Ethernet chip (in the job's coordinates) and host name
 * @param machineName the machine the boards are part of
 * @param boards each board's logical coordinates in that machine (x, y of its triad; z 0–2)
 */
public record JobMachineInfo(int width, int height, List<Connection> connections, String machineName,
        List<Board> boards) {
    /** One Ethernet chip of the job and the host that reaches it. */
    public record Connection(ChipLocation ethernet, String host) {}

    /** A board's logical coordinates in its machine: triad (x, y) and board z of the triad. */
    public record Board(int x, int y, int z) {
        @Override
        public String toString() {
            return "[" + x + "," + y + "," + z + "]";
        }
    }

    public JobMachineInfo {
        connections = List.copyOf(connections);
        boards = List.copyOf(boards);
    }

    /** The boards as a transceiver opens them. */
    public List<BoardAddress> boardAddresses() {
        return connections.stream().map(c -> BoardAddress.parse(c.ethernet(), c.host())).toList();
    }

    /** "[0,0,0] [0,0,1] [0,0,2]". */
    public String describeBoards() {
        return boards.stream().map(Board::toString).collect(Collectors.joining(" "));
    }

    /**
     * The info from a reply: {@code {"width": 12, "height": 12, "connections": [[[0,0], "host"],
     * …], "machine_name": "m", "boards": [[0,0,0], …]}}; every field is checked.
     */
    static JobMachineInfo of(JsonNode reply) {
        String command = "get_job_machine_info";
        int width = Json.natural(reply, command, "width");
        int height = Json.natural(reply, command, "height");
        if (width < 1 || height < 1 || width > 256 || height > 256) {
            throw new SpallocException(command + ": a " + width + "×" + height + " machine; expected 1..256 chips "
                    + "each way");
        }
        List<Connection> connections = new ArrayList<>();
        for (JsonNode c : array(reply, "connections")) {
            JsonNode xy = c.path(0);
            if (c.size() != 2 || xy.size() != 2 || !c.path(1).isTextual()) {
                throw new SpallocException(command + ": connection " + Json.abbreviate(c)
                        + " is not [[x, y], \"host\"]");
            }
            int x = Json.natural(xy, 0, command, "connection chip");
            int y = Json.natural(xy, 1, command, "connection chip");
            if (x >= width || y >= height) {
                throw new SpallocException(command + ": connection chip (" + x + "," + y + ") is outside the job's "
                        + width + "×" + height + " machine");
            }
            connections.add(new Connection(new ChipLocation(x, y), c.path(1).textValue()));
        }
        List<Board> boards = new ArrayList<>();
        for (JsonNode b : array(reply, "boards")) {
            if (b.size() != 3) {
                throw new SpallocException(command + ": board " + Json.abbreviate(b) + " is not [x, y, z]");
            }
            boards.add(new Board(Json.natural(b, 0, command, "board"), Json.natural(b, 1, command, "board"),
                    Json.natural(b, 2, command, "board")));
        }
        if (connections.isEmpty()) {
            throw new SpallocException(command + ": the job has no board connections");
        }
        JsonNode name = reply.path("machine_name");
        return new JobMachineInfo(width, height, connections, name.isTextual() ? name.textValue() : "", boards);
    }

    private static JsonNode array(JsonNode reply, String field) {
        JsonNode a = reply.path(field);
        if (!a.isArray()) {
            throw new SpallocException("get_job_machine_info: field '" + field + "' is " + Json.abbreviate(a)
                    + "; expected an array");
        }
        return a;
    }
}
