package org.engram.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
import org.engram.simulator.error.UserError;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line fails: one line on standard error, {@code engram: } and what went wrong,
 * and an exit code.
 *
 * <ul>
 *   <li>a bad option or argument (picocli's {@link ParameterException}, whether from parsing or
 *       thrown by a command): its message and where the command's help is; exit code 2;</li>
 *   <li>a user error, an exception implementing {@link UserError} (the modules' bad-input
 *       families) or an I/O failure on a file the user named: its message; exit code 2;</li>
 *   <li>running out of memory: the heap's limit and how to raise it; exit code 2;</li>
 *   <li>anything else is a bug: {@code internal error}, its message and a request to report it;
 *       exit code 1.</li>
 * </ul>
 *
 * <p>No usage text and no stack trace, unless the environment variable {@value #DEBUG} is set (to
 * anything but the empty string): then the stack trace follows the line.
 */
final class ErrorReport {
    static final int EXIT_USER_ERROR = 2;
    static final int EXIT_INTERNAL_ERROR = 1;
    static final String DEBUG = "ENGRAM_DEBUG";
    static final String PREFIX = "engram: ";

    private ErrorReport() {}

    /** The parameter-exception handler: the message, one line, exit code 2. */
    static int parameterError(ParameterException e, String[] args) {
        return failure(e, e.getCommandLine().getErr());
    }

    /** The execution-exception handler: what a command threw (picocli passes its parameter exceptions on to the other). */
    static int executionError(Exception e, CommandLine cli, ParseResult parsed) {
        return failure(e, cli.getErr());
    }

    /** Reports anything that reached the top of the command line and returns the exit code. */
    static int failure(Throwable e, PrintWriter err) {
        String debug = System.getenv(DEBUG);
        return failure(e, err, debug != null && !debug.isEmpty());
    }

    /** Reports {@code e} in one line, followed by its stack trace when {@code debug}; returns the exit code. */
    static int failure(Throwable e, PrintWriter err, boolean debug) {
        int code = EXIT_USER_ERROR;
        if (e instanceof ParameterException p) {
            err.println(PREFIX + describe(p));
        } else if (isUserError(e)) {
            err.println(PREFIX + messageOf(e));
        } else if (e instanceof OutOfMemoryError) {
            err.println(PREFIX + outOfMemory(e, Runtime.getRuntime().maxMemory()));
        } else {
            err.println(PREFIX + "internal error: " + oneLine(nameAndMessage(e)) + " (a bug in Engram: please report "
                    + "it with the command line that caused it; " + DEBUG + "=1 shows where it happened)");
            code = EXIT_INTERNAL_ERROR;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static boolean isUserError(Throwable e) {
        return e instanceof UserError || e instanceof IOException || e instanceof UncheckedIOException;
    }

    /** A parameter exception in one line, ending with where the command's help is. */
    static String describe(ParameterException e) {
        CommandLine where = e.getCommandLine();
        if (e instanceof MissingParameterException && !where.getUnmatchedArguments().isEmpty()) {
            // picocli checks required options before it complains of unknown ones; a mistyped
            // option is the likelier cause of both
            e = new UnmatchedArgumentException(where, where.getUnmatchedArguments());
        }
        String m = sentence(e.getMessage());
        if (e instanceof UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            if (!u.isUnknownOption() && !where.getSubcommands().isEmpty() && !unmatched.isEmpty()) {
                m = "unknown command '" + unmatched.get(0) + "'; expected one of "
                        + String.join(", ", where.getSubcommands().keySet());
            } else if (!u.isUnknownOption() && !unmatched.isEmpty()) {
                m = "unexpected argument" + (unmatched.size() == 1 ? " '" : "s '") + String.join("', '", unmatched)
                        + "'";
            } else if (!u.getSuggestions().isEmpty()) {
                m += "; did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?";
            }
        }
        return m + " (see '" + where.getCommandSpec().qualifiedName() + " --help')";
    }

    /** A message of the user-error family; an I/O failure says which file and what happened to it. */
    static String messageOf(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f instanceof NoSuchFileException ? "no such file"
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NotDirectoryException ? "not a directory"
                    : f instanceof FileAlreadyExistsException ? "already exists"
                    : f instanceof DirectoryNotEmptyException ? "directory not empty"
                    : f.getReason() != null ? f.getReason() : "cannot use it";
            return oneLine(f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason);
        }
        String m = e.getMessage();
        return oneLine(m == null || m.isBlank() ? "input or output failed" : m);
    }

    /** Out of memory: the heap's limit and how to raise it. */
    static String outOfMemory(Throwable e, long maxHeapBytes) {
        String what = e.getMessage() == null ? "" : " (" + oneLine(e.getMessage()) + ")";
        long gib = (maxHeapBytes + (1L << 30) - 1) >> 30;
        return String.format(Locale.ROOT, "out of memory%s with a heap of at most %,d MB; give Java more, e.g. "
                + "ENGRAM_JAVA_OPTS=-Xmx%dg", what, maxHeapBytes >> 20, Math.max(2, 2 * gib));
    }

    private static String nameAndMessage(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Picocli's message as a clause: one line, no "Error: ", a lower-case first word. */
    private static String sentence(String message) {
        String m = oneLine(message == null ? "bad arguments" : message);
        if (m.startsWith("Error: ")) {
            m = m.substring("Error: ".length());
        }
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return m;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
