package org.engram.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.engram.simulator.error.UserError;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns the user-error family into one line and exit code 2.
 *
 * <p>A user error is any exception that implements {@link org.engram.simulator.error.UserError} (the
 * modules' own exception families do) or an I/O failure on a file the user named. Everything
 * else is a bug and keeps its stack trace.
 */
final class UserErrors {
    static final int EXIT_USER_ERROR = 2;

    private UserErrors() {}

    static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        if (isUserError(e)) {
            cli.getErr().println("engram: " + messageOf(e));
            cli.getErr().flush();
            return EXIT_USER_ERROR;
        }
        throw new CommandLine.ExecutionException(cli, "internal error: " + e, e);
    }

    static boolean isUserError(Throwable e) {
        return e instanceof UserError
                || e instanceof IOException
                || e instanceof UncheckedIOException;
    }

    private static String messageOf(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
