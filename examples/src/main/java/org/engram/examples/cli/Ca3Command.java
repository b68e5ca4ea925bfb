package org.engram.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram ca3}: the hippocampal CA3 content-addressable memory (models/ca3), one subcommand
 * per use: {@code run} a test bench into a run directory, {@code demo} the functional experiment's
 * story, {@code study} capacity and speed, {@code save} a test bench as a network file.
 *
 * <p>The spellings from before the subcommands stay, since scripts use them: {@link #invocations}
 * turns them into the subcommands before parsing.
 */
@Command(name = Ca3Command.NAME, mixinStandardHelpOptions = true,
        description = "Hippocampal CA3 spiking content-addressable memory (Casanueva-Morato et al. 2024): run a test "
                + "bench, tell the functional demo's story, run the capacity study, or save a test bench as a network.",
        subcommands = {Ca3RunCommand.class, Ca3DemoCommand.class, Ca3StudyCommand.class, Ca3SaveCommand.class},
        footer = {"", "The spellings before the subcommands still work: ca3 --testbench FILE --out DIR, ca3 --demo, "
                + "ca3 --study, ca3 --testbench FILE --save-network NET.json [--out DIR]."})
final class Ca3Command implements Runnable {
    static final String NAME = "ca3";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; expected one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * The invocations that do what {@code args} asks: {@code args} itself, unless it is one of
     * the old spellings of {@code ca3}, which become subcommands.
     *
     * <ul>
     *   <li>{@code ca3 --demo ...}: {@code ca3 demo ...};</li>
     *   <li>{@code ca3 --study ...}: {@code ca3 study ...};</li>
     *   <li>{@code ca3 --testbench FILE --out DIR ...}: {@code ca3 run --testbench FILE --out DIR ...};</li>
     *   <li>{@code ca3 --testbench FILE --save-network NET.json}: {@code ca3 save --testbench FILE --out NET.json};</li>
     *   <li>both: {@code ca3 run ...}, then {@code ca3 save ...}, the second only if the first succeeds.</li>
     * </ul>
     *
     * @throws ParameterException when more than one of the old actions is given
     */
    static List<String[]> invocations(CommandLine engram, String... args) {
        if (args.length < 2 || !args[0].equals(NAME)) {
            return List.<String[]>of(args);
        }
        CommandLine ca3 = engram.getSubcommands().get(NAME);
        if (ca3.getSubcommands().containsKey(args[1])) {
            return List.<String[]>of(args);
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        boolean demo = rest.remove("--demo");
        boolean study = rest.remove("--study");
        boolean bench = has(rest, "--testbench") || has(rest, "--save-network");
        int actions = (demo ? 1 : 0) + (study ? 1 : 0) + (bench ? 1 : 0);
        if (actions == 0) {
            return List.<String[]>of(args);
        }
        if (actions > 1) {
            throw new ParameterException(ca3, "give one of --testbench FILE, --demo or --study, not several; or a "
                    + "subcommand: " + String.join(", ", ca3.getSubcommands().keySet()));
        }
        if (demo || study) {
            return List.<String[]>of(invocation(demo ? Ca3DemoCommand.NAME : Ca3StudyCommand.NAME, rest));
        }
        String network = take(rest, "--save-network");
        if (network == null) {
            return List.<String[]>of(invocation(Ca3RunCommand.NAME, rest));
        }
        if (!has(rest, "--out")) {
            rest.addAll(List.of("--out", network));
            return List.<String[]>of(invocation(Ca3SaveCommand.NAME, rest));
        }
        List<String> save = new ArrayList<>(List.of("--out", network));
        String testbench = take(new ArrayList<>(rest), "--testbench");
        if (testbench != null) {
            save.addAll(List.of("--testbench", testbench));
        }
        return List.of(invocation(Ca3RunCommand.NAME, rest), invocation(Ca3SaveCommand.NAME, save));
    }

    private static String[] invocation(String subcommand, List<String> options) {
        List<String> all = new ArrayList<>(List.of(NAME, subcommand));
        all.addAll(options);
        return all.toArray(String[]::new);
    }

    private static boolean has(List<String> args, String option) {
        return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    /** Removes {@code option VALUE} or {@code option=VALUE} and returns the value; null when absent or valueless. */
    private static String take(List<String> args, String option) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(option + "=")) {
                return args.remove(i).substring(option.length() + 1);
            }
            if (args.get(i).equals(option) && i + 1 < args.size()) {
                args.remove(i);
                return args.remove(i);
            }
        }
        return null;
    }

    /** Writes {@code text} to {@code target} through a temporary file, so a reader never sees half of it. */
    static Path writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
