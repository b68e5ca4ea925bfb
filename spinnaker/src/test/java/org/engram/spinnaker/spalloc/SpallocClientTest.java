package org.engram.spinnaker.spalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client against servers that break the protocol, each scripted to answer every line it
 * reads with the next of its replies: what the user reads, and that nothing hangs.
 */
class SpallocClientTest {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A one-connection server answering its n-th line with {@code replies[n]} (written as is). */
    record Scripted(ServerSocket socket, Thread thread) implements AutoCloseable {
        static Scripted of(String... replies) throws IOException {
            ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (Socket c = s.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(),
                            StandardCharsets.UTF_8));
                    OutputStream out = c.getOutputStream();
                    for (String r : replies) {
                        if (in.readLine() == null) {
                            return;
                        }
                        out.write(r.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    in.readLine(); // hold the connection until the client goes
                } catch (IOException e) {
                    // the client went
                }
            });
            t.setDaemon(true);
            t.start();
            return new Scripted(s, t);
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String failure(Scripted server) {
        return assertThrows(SpallocException.class, () -> {
            try (SpallocClient c = SpallocClient.connect(server.address(), TIMEOUT)) {
                c.jobState(3);
            }
        }).getMessage();
    }

    @Test
    void aLineThatIsNotJsonIsOneLine() throws Exception {
        try (Scripted s = Scripted.of("{\"return\": \"5.0.0\"}\n", "<html>busy</html>\n")) {
            assertEquals("spalloc server " + s.address() + " sent a line that is not JSON ('<html>busy</html>') "
                    + "before answering get_job_state", failure(s));
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedUnread() throws Exception {
        try (Scripted s = Scripted.of("{\"return\": \"5.0.0\"}\n",
                "{\"return\": \"" + "x".repeat(SpallocClient.MAX_LINE_BYTES) + "\"}\n")) {
            assertEquals("spalloc server " + s.address() + " sent a line longer than " + SpallocClient.MAX_LINE_BYTES
                    + " bytes before answering get_job_state", failure(s));
        }
    }

    @Test
    void aStateOutsideTheProtocolIsNamed() throws Exception {
        try (Scripted s = Scripted.of("{\"return\": \"5.0.0\"}\n", "{\"return\": {\"state\": 9}}\r\n")) {
            assertEquals("get_job_state: state 9 is none of 0 (unknown), 1 (queued), 2 (power), 3 (ready), "
                    + "4 (destroyed)", failure(s));
        }
    }

    @Test
    void machineInfoIsCheckedFieldByField() throws Exception {
        try (Scripted s = Scripted.of("{\"return\": \"5.0.0\"}\n", "{\"return\": {\"width\": 12, \"height\": 12, "
                + "\"connections\": [[[0, 13], \"10.0.0.1\"]], \"boards\": [[0,0,0]], \"machine_name\": \"m\"}}\n")) {
            SpallocException e = assertThrows(SpallocException.class, () -> {
                try (SpallocClient c = SpallocClient.connect(s.address(), TIMEOUT)) {
                    c.jobMachineInfo(1);
                }
            });
            assertEquals("get_job_machine_info: connection chip (0,13) is outside the job's 12×12 machine",
                    e.getMessage());
        }
    }

    @Test
    void aServerOfAnotherVersionIsRefused() throws Exception {
        try (Scripted s = Scripted.of("{\"return\": \"7.0.1\"}\n")) {
            SpallocException e = assertThrows(SpallocException.class, () -> SpallocClient.connect(s.address(), TIMEOUT));
            assertEquals("spalloc server " + s.address() + " runs version '7.0.1'; this client speaks protocol "
                    + "version 1, of servers 0.1.0 to 6.x", e.getMessage());
        }
    }

    @Test
    void notificationsBetweenRepliesAreKeptForLater() throws Exception {
        try (Scripted s = Scripted.of("{\"jobs_changed\": [4]}\n{\"return\": \"5.0.0\"}\n",
                "{\"machines_changed\": [\"m\"]}\r\n{\"return\": null}\r\n")) {
            try (SpallocClient c = SpallocClient.connect(s.address(), TIMEOUT)) {
                c.call("job_keepalive", List.of(4), Map.of());
                assertEquals("{\"jobs_changed\":[4]}", c.awaitNotification(Duration.ZERO).toString());
                assertEquals("{\"machines_changed\":[\"m\"]}", c.awaitNotification(Duration.ZERO).toString());
                assertEquals(null, c.awaitNotification(Duration.ofMillis(10)));
            }
        }
    }

    @Test
    void nothingListeningIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closed = port;
        SpallocException e = assertThrows(SpallocException.class,
                () -> SpallocClient.connect("127.0.0.1", closed, TIMEOUT));
        assertEquals("cannot reach spalloc server 127.0.0.1:" + port + " to send version: Connection refused",
                e.getMessage().replaceFirst("Connection refused.*", "Connection refused"));
    }
}
