package org.engram.examples.cli;

import java.util.function.UnaryOperator;
import org.engram.spinnaker.transceiver.Transceiver;
import org.engram.spinnaker.transport.RetryPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the board is and how patiently to talk to it: the options every {@code engram spinnaker}
 * command shares. Ports, timeout and retries are checked while parsing, before anything is sent.
 */
final class BoardConnection {
    static final int MAX_PORT = 65535;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "board or emulator address")
    String host;

    private int port;
    private int bootPort;
    private RetryPolicy policy = RetryPolicy.DEFAULT;

    @Option(names = "--port", defaultValue = "17893", paramLabel = "P",
            description = "SCAMP UDP port (default: ${DEFAULT-VALUE})")
    void port(int p) {
        port = checkPort("--port", p);
    }

    @Option(names = "--boot-port", defaultValue = "54321", paramLabel = "B",
            description = "boot UDP port (default: ${DEFAULT-VALUE})")
    void bootPort(int p) {
        bootPort = checkPort("--boot-port", p);
    }

    @Option(names = "--timeout-ms", defaultValue = "1000", paramLabel = "MS",
            description = "per-request timeout (default: ${DEFAULT-VALUE})")
    void timeoutMs(long ms) {
        tune("--timeout-ms", p -> p.withTimeoutMs(ms));
    }

    @Option(names = "--retries", defaultValue = "10", paramLabel = "N",
            description = "resends before giving up (default: ${DEFAULT-VALUE})")
    void retries(int n) {
        tune("--retries", p -> p.withRetries(n));
    }

    Transceiver connect() throws InterruptedException {
        // waiting on a silent board is worth a line only to someone watching a terminal
        return Transceiver.connect(host, port, bootPort, policy, System.console() != null
                ? line -> System.err.println("engram: waiting: " + line) : line -> { });
    }

    /** Changes the policy as {@code option} asks; the policy's own rule rejects a bad value. */
    private void tune(String option, UnaryOperator<RetryPolicy> change) {
        try {
            policy = change.apply(policy);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    private int checkPort(String option, int p) {
        if (p < 1 || p > MAX_PORT) {
            throw invalid(option, "port " + p + " outside 1.." + MAX_PORT);
        }
        return p;
    }

    private ParameterException invalid(String option, String why) {
        return new ParameterException(mixee.commandLine(), "invalid value for option '" + option + "': " + why);
    }
}
