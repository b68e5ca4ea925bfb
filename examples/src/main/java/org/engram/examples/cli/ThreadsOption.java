package org.engram.examples.cli;

import org.engram.simulator.engine.Threads;
import org.engram.simulator.error.InvalidNetworkException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --threads N|auto}, shared by the commands that simulate a network on this machine
 * ({@code run}, {@code bench}, {@code demo}): how many threads the engine runs on. The results do
 * not depend on it.
 */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N|auto", defaultValue = "auto", converter = Converter.class,
            description = "threads to simulate on: a number >= 1, or auto to let the engine choose from the "
                    + "network's size (default: ${DEFAULT-VALUE}); the results are the same for any number")
    Threads threads;

    Threads threads() {
        return threads;
    }

    /** Parses {@code auto} or a positive count; the message says which values are valid. */
    static final class Converter implements ITypeConverter<Threads> {
        @Override
        public Threads convert(String value) {
            try {
                return Threads.parse(value);
            } catch (InvalidNetworkException e) {
                throw new TypeConversionException("'" + value + "' is not a number of threads; expected a number "
                        + ">= 1, or auto");
            }
        }
    }
}
