package org.engram.examples.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code engram help [COMMAND...]}: the help of a command, at any depth ({@code engram help ca3
 * run}). Unlike picocli's own help command it rejects unknown options and names an unknown
 * command as every other error does.
 */
@Command(name = "help", mixinStandardHelpOptions = true,
        description = "Print the help of a command, e.g. engram help ca3 run.")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command and its subcommands")
    List<String> words = new ArrayList<>();

    @Override
    public void run() {
        CommandLine c = spec.parent().commandLine();
        for (String w : words) {
            CommandLine sub = c.getSubcommands().get(w);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(), "unknown command '" + w + "'; expected one of "
                        + String.join(", ", c.getSubcommands().keySet()));
            }
            c = sub;
        }
        c.usage(spec.commandLine().getOut());
    }
}
