package org.engram.examples.cli;

import static org.engram.examples.cli.CliRun.engram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.engram.spinnaker.coreapp.EngramApplication;
import org.engram.spinnaker.emulator.BoardEmulator;
import org.engram.spinnaker.emulator.EmulatorOptions;
import org.engram.spinnaker.machine.ChipLocation;
import org.engram.spinnaker.spalloc.SpallocTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram deploy --spalloc} against the test spalloc server handing out an emulated triad
 * not yet booted, {@code engram deploy --emulator --boards 3}, and {@code engram board-emulator
 * --boards 3}: a
 * network too large for one board's cores gives the spikes of {@code engram run --mode fixed},
 * the summary names the job, its boards and the wait, and no job is left behind, whether the
 * deployment ends, fails or is interrupted.
 */
class DeploySpallocTest {
    @TempDir
    Path tmp;

    BoardEmulator triad;
    SpallocTestServer spalloc;

    /** A stand-in for scamp.boot: the emulator's boot ROM checks its structure only. */
    Path bootImage;

    /** The triad is powered but not booted, as spalloc hands boards out. */
    @BeforeEach
    void start() throws Exception {
        triad = BoardEmulator.start(EngramApplication.register(EmulatorOptions.ephemeral().withBoards(3).unbooted(50)),
                l -> { });
        byte[] image = new byte[29_868];
        new Random(2).nextBytes(image);
        bootImage = Files.write(tmp.resolve("scamp.boot"), image);
        Map<ChipLocation, Integer> ports = new LinkedHashMap<>();
        triad.boards().forEach(b -> ports.put(b.ethernet(), b.scpAddress().getPort()));
        spalloc = SpallocTestServer.start("triad", 12, 12, SpallocTestServer.boardsAt(ports));
        spalloc.chatty();
    }

    @AfterEach
    void stop() {
        spalloc.close();
        triad.close();
    }

    /**
     * 120 spike sources with fixed trains and 750 IF_curr_exp neurons: at one neuron a core, 870
     * cores, more than one board's 808. Sources of fixed trains spike alike however they are cut
     * into cores, so the desktop's fixed mode, which cuts at 255, gives the same spikes.
     */
    static String network() {
        Random r = new Random(8);
        List<String> trains = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Set<Integer> t = new java.util.TreeSet<>();
            for (int k = 0; k < 6; k++) {
                t.add(1 + r.nextInt(70));
            }
            trains.add(t.toString());
        }
        return """
                {"run_ms": 80, "seed": 4, "timestep_ms": 1.0,
                 "populations": [
                   {"label": "in", "size": 120, "model": "SpikeSourceArray", "params": {"spike_times": %s},
                    "record": ["spikes"]},
                   {"label": "exc", "size": 550, "model": "IF_curr_exp", "params": {"tau_m": 12.0}, "record": ["spikes"]},
                   {"label": "inh", "size": 200, "model": "IF_curr_exp", "record": ["spikes"]}],
                 "projections": [
                   {"pre": "in", "post": "exc", "connector": {"type": "FixedProbability", "p_connect": 0.1},
                    "synapse": {"type": "StaticSynapse", "weight": 2.5, "delay": 1.0}},
                   {"pre": "exc", "post": "inh", "connector": {"type": "FixedProbability", "p_connect": 0.03},
                    "synapse": {"type": "StaticSynapse", "weight": 1.5, "delay": 2.0}},
                   {"pre": "inh", "post": "exc", "receptor": "inhibitory",
                    "connector": {"type": "FixedProbability", "p_connect": 0.03},
                    "synapse": {"type": "StaticSynapse", "weight": 1.0, "delay": 3.0}}]}
                """.formatted(trains);
    }

    Path net() throws Exception {
        Path net = tmp.resolve("net.json");
        Files.writeString(net, network());
        return net;
    }

    String fixedModeSpikes(Path net) throws Exception {
        Path desk = tmp.resolve("desk");
        CliRun f = engram("run", net.toString(), "--mode", "fixed", "--dt", "1", "--out", desk.toString(), "--quiet",
                "--no-plot");
        assertEquals(0, f.code(), f.err());
        return Files.readString(desk.resolve("spikes.csv"));
    }

    @Test
    void aNetworkDeployedThroughSpallocOverThreeBoardsSpikesAsFixedMode() throws Exception {
        Path net = net();
        Path out = tmp.resolve("spalloc");
        CliRun r = engram("deploy", net.toString(), "--spalloc", spalloc.address(), "--owner", "test", "--boards", "3",
                "--boot-image", bootImage.toString(), "--boot-port", Integer.toString(triad.bootAddress().getPort()),
                "--neurons-per-core", "1", "--out", out.toString(), "--no-plot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("engram: 3 of 3 boards did not answer; booted through 127.0.0.1:"), r.err());
        String spikes = fixedModeSpikes(net);
        assertEquals(spikes, Files.readString(out.resolve("spikes.csv")));
        assertTrue(spikes.lines().filter(l -> l.startsWith("inh,")).count() > 10, "the network is active");
        assertTrue(r.out().contains("spalloc: job 1 on machine 'triad' of " + spalloc.address()
                + ": 3 boards [0,0,0] [0,0,2] [0,0,1]; waited "), r.out());
        assertTrue(r.err().contains("engram: spalloc job 1: ready") && r.err().contains(
                "engram: spalloc job 1 destroyed (finished)"), r.err());
        JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("deployment");
        assertEquals("spalloc " + spalloc.address() + " job 1", d.path("target").asText());
        assertEquals(3, d.path("boards").asInt());
        assertTrue(d.path("booted").asBoolean());
        assertEquals(870, d.path("cores").asInt());
        assertTrue(d.path("chips").asInt() > 48, "more chips than one board has: " + d.path("chips"));
        JsonNode job = d.path("spalloc");
        assertEquals(1, job.path("job").asInt());
        assertEquals("triad", job.path("machine").asText());
        assertEquals(3, job.path("boards").size());
        assertTrue(job.path("wait_s").asDouble() >= 0 && job.has("wait_s"), job.toString());
        assertEquals(List.of(), spalloc.liveJobs(), "no job left behind");
        assertEquals(List.of(3), spalloc.job(1).args());
        assertEquals(60.0, spalloc.job(1).keepaliveS());
    }

    @Test
    void anEmulatedTriadInProcessTakesANetworkTooLargeForOneBoard() throws Exception {
        Path net = net();
        Path out = tmp.resolve("triad");
        CliRun r = engram("deploy", net.toString(), "--emulator", "--boards", "3", "--neurons-per-core", "1", "--out",
                out.toString(), "--quiet", "--no-plot");
        assertEquals(0, r.code(), r.err());
        assertEquals(fixedModeSpikes(net), Files.readString(out.resolve("spikes.csv")));
        JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("deployment");
        assertEquals(3, d.path("boards").asInt());
        assertTrue(d.path("chips").asInt() > 48, d.path("chips").toString());
        // one board has too few cores
        CliRun one = engram("deploy", net.toString(), "--emulator", "--neurons-per-core", "1", "--out",
                tmp.resolve("one").toString(), "--quiet");
        assertEquals(2, one.code());
        assertTrue(one.err().contains("808 application cores, 62 too few"), one.err());
    }

    @Test
    void aFailedDeploymentDestroysTheJobSayingWhy() throws Exception {
        Path net = tmp.resolve("huge.json");
        Files.writeString(net, """
                {"run_ms": 10, "populations": [{"label": "big", "size": 900000, "model": "IF_curr_exp"}],
                 "projections": []}
                """);
        CliRun r = engram("deploy", net.toString(), "--spalloc", spalloc.address(), "--owner", "test", "--boards", "3",
                "--boot-image", bootImage.toString(), "--boot-port", Integer.toString(triad.bootAddress().getPort()),
                "--out", tmp.resolve("never").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("engram: ") && r.err().contains("too few"), r.err());
        assertEquals(List.of(), spalloc.liveJobs());
        assertTrue(spalloc.job(1).reason().startsWith("engram deploy failed: the network needs "),
                spalloc.job(1).reason());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void spallocRefusalsAreOneLine() throws Exception {
        spalloc.misbehave("create_job", SpallocTestServer.Misbehaviour.EXCEPTION);
        CliRun r = engram("deploy", net().toString(), "--spalloc", spalloc.address(), "--owner", "test", "--out",
                tmp.resolve("never").toString(), "--quiet");
        assertEquals(2, r.code());
        assertEquals("engram: spalloc server " + spalloc.address() + " refused create_job: create_job is refused by "
                + "this test", r.err().trim());
    }

    /** Ctrl-C while the job waits in the queue: the shutdown hook destroys it. */
    @Test
    void anInterruptedDeploymentLeavesNoJobBehind() throws Exception {
        spalloc.hold();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Engram.class.getName(), "deploy", net().toString(), "--spalloc",
                spalloc.address(), "--owner", "test", "--out", tmp.resolve("never").toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); line != null && !line.contains("queued"); line = lines.readLine()) {
                seen.add(line);
            }
            assertEquals(List.of(1), spalloc.liveJobs(), "queued: " + seen);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the deployment ended");
            String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(rest.contains("spalloc job 1 destroyed (the program was stopped before the job ended)"), rest);
            assertEquals(List.of(), spalloc.liveJobs(), "no job left behind");
            assertEquals("the program was stopped before the job ended", spalloc.job(1).reason());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theBoardEmulatorAsATriadListensOnAPortPerBoard() throws Exception {
        Process board = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Engram.class.getName(), "board-emulator", "--boards", "3",
                "--port", "0", "--boot-port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(board.getInputStream(),
                    StandardCharsets.UTF_8));
            String banner = lines.readLine();
            assertTrue(banner != null && banner.contains("144 chips on 3 boards"), banner);
            Map<String, String> ports = new LinkedHashMap<>();
            Pattern board3 = Pattern.compile("board (\\(\\d+,\\d+\\)): SCAMP port (\\d+)");
            for (int i = 0; i < 3; i++) {
                Matcher m = board3.matcher(lines.readLine());
                assertTrue(m.find());
                ports.put(m.group(1), m.group(2));
            }
            assertEquals(List.of("(0,0)", "(4,8)", "(8,4)"), List.copyOf(ports.keySet()));
            assertEquals(3, new HashSet<>(ports.values()).size());
            for (var e : ports.entrySet()) {
                CliRun v = engram("spinnaker", "version", "--host", "127.0.0.1", "--port", e.getValue(), "--chip",
                        "255,255");
                assertEquals(0, v.code(), v.err());
                assertTrue(v.out().contains("chip " + e.getKey() + " core 0"), "each board answers as its Ethernet "
                        + "chip: " + v.out());
            }
        } finally {
            board.destroy();
        }
    }
}
