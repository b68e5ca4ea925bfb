package org.engram.examples.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --no-plot}: how a run directory is written ({@link RunOutput}). */
final class OutputOptions {
    @Option(names = "--quiet", description = "no progress bar (it also stays off when the output is not a terminal)")
    boolean quiet;

    @Option(names = "--no-plot", description = "do not draw raster.png and the report")
    boolean noPlot;

    boolean plot() {
        return !noPlot;
    }
}
