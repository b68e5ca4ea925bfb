package org.engram.examples.cli;

import java.util.Arrays;
import java.util.List;
import org.engram.simulator.engine.Mode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --mode} and {@code --dt}, shared by the commands that simulate. The modes are
 * {@link Mode}'s constants, whatever they are; a command whose default is not event mode makes
 * this mixin with its own default ({@code @Mixin EngineOptions engine = new EngineOptions(Mode.grid)}).
 */
final class EngineOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "engine mode: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--dt", paramLabel = "MS", converter = Milliseconds.Positive.class,
            description = "step in ms of the stepped modes (default: the network's timestep_ms)")
    Double dtMs;

    EngineOptions() {
        this(Mode.event);
    }

    EngineOptions(Mode defaultMode) {
        mode = defaultMode;
    }

    Mode mode() {
        return mode;
    }

    /**
     * The step to simulate with: {@code --dt}, or {@code networkStepMs} without it. {@code --dt}
     * with event mode, which has no step, is an option error.
     */
    double stepMs(double networkStepMs) {
        if (dtMs == null) {
            return networkStepMs;
        }
        if (mode == Mode.event) {
            throw new ParameterException(mixee.commandLine(), "--dt " + dtMs + ": event mode has no step; give "
                    + "--dt with another --mode");
        }
        return dtMs;
    }

    /** Converts a mode's name; the message lists every mode. */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            for (Mode m : Mode.values()) {
                if (m.name().equals(value)) {
                    return m;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a mode; expected " + names());
        }

        /** "event or grid", "event, grid or fixed". */
        static String names() {
            List<String> n = Arrays.stream(Mode.values()).map(Mode::name).toList();
            return n.size() == 1 ? n.get(0)
                    : String.join(", ", n.subList(0, n.size() - 1)) + " or " + n.get(n.size() - 1);
        }
    }
}
