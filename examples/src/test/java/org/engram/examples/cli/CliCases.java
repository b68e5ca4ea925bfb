package org.engram.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs many command lines in one JVM whose working directory is an empty directory, and after
 * each lists what it left there (then removes it, so that each case starts from an empty
 * directory). {@code CliCases CASES.json RESULTS.json}: CASES holds a list of argument lists;
 * RESULTS receives one {@link Result} per case, in order.
 */
final class CliCases {
    /** One case's exit code, output, error output and the paths it left in the working directory. */
    record Result(List<String> args, int code, String out, String err, List<String> written) {}

    private CliCases() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String[][] cases = json.readValue(Path.of(args[0]).toFile(), String[][].class);
        Path here = Path.of("").toAbsolutePath();
        List<Result> results = new ArrayList<>();
        for (String[] c : cases) {
            CliRun r = CliRun.engram(c);
            results.add(new Result(List.of(c), r.code(), r.out(), r.err(), clear(here)));
        }
        json.writeValue(Path.of(args[1]).toFile(), results);
    }

    /** The paths under {@code dir}, relative to it, after deleting them all. */
    private static List<String> clear(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.delete(p);
            }
            return all.stream().map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
