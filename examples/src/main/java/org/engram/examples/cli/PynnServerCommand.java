package org.engram.examples.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code engram pynn-server}: the Java side of PyNN's {@code pyNN.engram} backend. It reads
 * requests from standard input and answers on standard output, one JSON object per line
 * ({@link PynnServer}; pynn/README.md documents the protocol). Anything else the JVM would
 * print goes to standard error, so that nothing but replies reaches the client.
 */
@Command(name = "pynn-server", mixinStandardHelpOptions = true,
        description = "Serve one simulation to PyNN's pyNN.engram backend: JSON requests on standard input, one a "
                + "line, JSON replies on standard output (pynn/README.md). Started by pyNN.engram's setup().")
final class PynnServerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new PynnServer().serve(requests, replies);
            return 0;
        } finally {
            replies.flush();
            System.setOut(out);
        }
    }
}
