package org.engram.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code engram} command line: one subcommand class per command, registered below.
 *
 * <p>Every failure ends with one line on standard error, {@code engram: } and what went wrong:
 * exit code 2 for bad options, bad input files, unreachable hosts and too small a heap, 1 for a
 * bug; see {@link ErrorReport}.
 */
@Command(name = "engram", mixinStandardHelpOptions = true, versionProvider = Engram.Version.class,
        description = "Spiking neural networks: simulate, deploy to SpiNNaker, plot.",
        subcommands = {
                HelpCommand.class,
                // one line per subcommand; keep alphabetical
                BenchCommand.class,
                BoardEmulatorCommand.class,
                Ca3Command.class,
                CompareCommand.class,
                DeployCommand.class,
                DemoCommand.class,
                HlopCommand.class,
                PlotCommand.class,
                PynnServerCommand.class,
                RunCommand.class,
                SparseyCommand.class,
                SpinnakerCommand.class,
        })
public final class Engram implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Engram());
        cli.setParameterExceptionHandler(ErrorReport::parameterError);
        cli.setExecutionExceptionHandler(ErrorReport::executionError);
        try {
            int code = 0;
            for (var it = Ca3Command.invocations(cli, args).iterator(); code == 0 && it.hasNext();) {
                code = cli.execute(it.next());
            }
            return code;
        } catch (RuntimeException | Error e) {
            // what picocli lets through: the old ca3 spellings' errors, and Errors such as running out of memory
            return ErrorReport.failure(e, cli.getErr());
        }
    }

    /** The version and the commit the build wrote into version.properties (see examples/pom.xml). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties build = new java.util.Properties();
            try (var in = Engram.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from the build");
                }
                build.load(in);
            }
            return new String[] {"engram " + build.getProperty("version") + " (commit " + build.getProperty("commit")
                    + ")"};
        }
    }
}
