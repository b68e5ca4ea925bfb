package org.engram.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.engram.models.ca3.CapacityStudy;
import org.engram.models.ca3.Ca3Network;
import org.engram.simulator.engine.Mode;
import org.engram.viz.figure.Figures;
import org.engram.viz.study.CapacityPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code engram ca3 study}: the capacity and speed study on random operation sequences, printed
 * as a table, and with {@code --csv} and {@code --plot} written as CSV and figures
 * ({@link CapacityPlot}).
 */
@Command(name = Ca3StudyCommand.NAME, mixinStandardHelpOptions = true,
        description = "Capacity and speed study on random operation sequences: a table, and CSV and figures on "
                + "request.")
final class Ca3StudyCommand implements Callable<Integer> {
    static final String NAME = "study";

    @Spec
    CommandSpec spec;

    @Option(names = "--cue-sizes", paramLabel = "C,...", split = ",", defaultValue = "5,10,25,50,100",
            description = "numbers of memories (default ${DEFAULT-VALUE})")
    int[] cueSizes;

    @Option(names = "--cont-sizes", paramLabel = "N,...", split = ",", defaultValue = "10,25,50,100",
            description = "numbers of content bits (default ${DEFAULT-VALUE})")
    int[] contSizes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "also draw the correctness figure (.png or .svg) and, beside it, NAME-speed.EXT")
    Path plot;

    @Mixin
    EngineOptions engine = new EngineOptions(Mode.grid);

    @Override
    public Integer call() throws Exception {
        check("--cue-sizes", cueSizes);
        check("--cont-sizes", contSizes);
        double dt = engine.stepMs(Ca3Network.TIMESTEP_MS);
        Mode m = engine.mode();
        if (plot != null) {
            Figures.Format.of(plot); // an unknown extension fails now, not after the study
        }
        PrintStream o = System.out;
        List<CapacityStudy.Row> rows = CapacityStudy.run(cueSizes, contSizes, CapacityStudy.WORKLOADS, seed, m, dt);
        String howRun = m + (m == Mode.event ? "" : ", " + dt + " ms");
        o.printf("CA3 capacity and speed study, %s mode%s, seed %d; each size: C learns, then max(20, 2C) random "
                + "operations (40%% recall by cue, 35%% recall by content, 25%% re-learn); judged against a perfect "
                + "memory.%n%n", m, m == Mode.event ? "" : " (dt " + dt + " ms)", seed);
        o.print(CapacityStudy.table(rows));
        if (csv != null) {
            o.println("wrote " + Ca3Command.writeAtomically(csv, CapacityStudy.csv(rows)));
        }
        if (plot != null) {
            List<CapacityPlot.Point> points = rows.stream().map(r -> new CapacityPlot.Point(r.workload().name(),
                    r.cueSize(), r.contSize(), r.cueRecalls(), r.cueRecallsCorrect(), r.contentRecalls(),
                    r.contentRecallsCorrect(), r.synapses(), r.wallPerSimulatedSecond())).toList();
            o.println("wrote " + CapacityPlot.writeCorrectness(points,
                    "CA3 memory on random operations: recalls by content (left) and by cue (right)", plot));
            o.println("wrote " + CapacityPlot.writeSpeed(points, "CA3 memory: simulation cost against size", howRun,
                    plot));
        }
        return 0;
    }

    private void check(String option, int[] sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '" + option + "': "
                    + Arrays.toString(sizes) + "; expected sizes >= 1");
        }
    }
}
