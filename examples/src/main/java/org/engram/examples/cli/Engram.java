package org.engram.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code engram} command line: one subcommand class per command, registered below.
 *
 * <p>User errors (bad input files, unreachable hosts, invalid options) end with one line on
 * standard error and exit code 2; see {@link UserErrors}. Anything else is a bug and keeps its
 * stack trace.
 */
@Command(name = "engram", mixinStandardHelpOptions = true, versionProvider = Engram.Version.class,
        description = "Spiking neural networks: simulate, deploy to SpiNNaker, plot.",
        subcommands = {
                CommandLine.HelpCommand.class,
                // one line per subcommand; keep alphabetical
                BenchCommand.class,
                BoardEmulatorCommand.class,
                Ca3Command.class,
                CompareCommand.class,
                DemoCommand.class,
                PlotCommand.class,
                RunCommand.class,
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
        cli.setExecutionExceptionHandler(UserErrors::handle);
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Engram.class.getPackage().getImplementationVersion();
            return new String[] {"engram " + (v == null ? "development build" : v)};
        }
    }
}
